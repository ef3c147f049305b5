import ConciergeCore
import ConciergeViews
import Foundation
import Testing
import TestSupport

@Suite("Templates escape by default")
struct TemplateTests {
    static let directory = RepositoryPaths.root.appendingPathComponent("Templates")

    /// `{{{x}}}` and `{{&x}}` skip escaping: only the layout's body slot (HTML from another template) may use them.
    @Test func noTemplateRendersUnescapedValuesOutsideTheLayoutBody() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path)
            .filter { $0.hasSuffix(".mustache") }.sorted()
        #expect(names.count >= 9)
        for name in names {
            let text = try String(contentsOf: Self.directory.appendingPathComponent(name), encoding: .utf8)
            var unescaped = text.components(separatedBy: "{{{").count - 1 + text.components(separatedBy: "{{&").count - 1
            if name == "layout.mustache" {
                #expect(text.components(separatedBy: "{{{body}}}").count == 2)
                unescaped -= 1
            }
            #expect(unescaped == 0, "\(name) renders a value without escaping")
            // The renderer puts its scalar-level escaper's pragma in front of each template; one of the template's
            // own (`{{% CONTENT_TYPE: HTML }}`) would switch back to swift-mustache's grapheme-level escaper.
            #expect(!text.contains("{{%") && !text.contains("{{="), "\(name) changes the content type or delimiters")
        }
    }

    @Test func noTemplateHasInlineScriptsStylesOrHandlers() throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.directory.path) {
            let text = try String(contentsOf: Self.directory.appendingPathComponent(name), encoding: .utf8)
            #expect(!text.contains("<style") && !text.contains("style=") && !text.contains("javascript:"), "\(name)")
            #expect(text.range(of: #"\son[a-z]+="#, options: .regularExpression) == nil, "\(name) has an inline handler")
            #expect(text.components(separatedBy: "<script").count - 1 == (name == "layout.mustache" ? 1 : 0), "\(name)")
        }
    }
}
