import Foundation
import Mustache

/// A page of the site: its template name, its title and the header it shows.
public protocol Page: Sendable {
    /// The template in `Templates/` (without `.mustache`) that renders the page's body.
    static var template: String { get }
    var title: String { get }
    /// The signed-in header, or `nil` for anonymous pages.
    var navigation: Navigation? { get }
}

/// What the header shows to a signed-in person: their first name, a logout form and, for staff, the Customer Care
/// inbox and the analyst pages.
public struct Navigation: Sendable, Equatable {
    let firstName: String
    let csrf: String
    let showsCareInbox: Bool
    let showsAnalystDesk: Bool

    /// - Parameters:
    ///   - name: the account's full name (the header shows the first word).
    ///   - csrf: the session's CSRF token for the logout form.
    ///   - showsCareInbox: links the Customer Care inbox (reviewers and admins).
    ///   - showsAnalystDesk: links the analyst pages under `/admin` (analysts and admins).
    public init(name: String, csrf: String, showsCareInbox: Bool = false, showsAnalystDesk: Bool = false) {
        self.firstName = String(name.split(separator: " ").first ?? Substring(name))
        self.csrf = csrf
        self.showsCareInbox = showsCareInbox
        self.showsAnalystDesk = showsAnalystDesk
    }
}

/// Why a page could not be rendered: only ever a deployment mistake (a template missing from `TEMPLATES_DIR`).
public enum ViewError: Error, Equatable, CustomStringConvertible {
    case missingTemplate(String)

    public var description: String {
        switch self {
        case .missingTemplate(let name): "template \(name).mustache is missing"
        }
    }
}

/// Renders typed page models with the Mustache templates of one directory.
///
/// Every value goes through `{{ }}`, which HTML-escapes it; the only unescaped slot is the layout's `{{{body}}}`,
/// which receives the output of another template (a test enforces this on every template file).
///
/// The escaping is ours (`ScalarHTMLEscaping`), not swift-mustache's: its HTML escaper looks characters up by
/// grapheme cluster, so a `"` followed by a combining mark, or a `<` after a prepend character (U+0600), is one
/// `Character` missing from its table and is written raw. Every template is loaded with our content-type pragma in
/// front of its text, so no template (partials included: a partial starts in swift-mustache's HTML mode, then reads
/// its own first token) can forget it.
public struct PageRenderer: Sendable {
    private let library: MustacheLibrary
    static let requiredTemplates = ["layout", "login", "signup", "chat", "error", "turn", "bubble", "trace", "usage",
                                    "handoff-status", "care", "care-request", "admin", "admin-segment",
                                    "admin-customer", "admin-audiences", "chart", "admin-segmentation",
                                    "admin-segmentation-run", "admin-usage", "account", "forgot-password",
                                    "reset-password", "two-step-enrol", "two-step-codes", "login-code",
                                    "order", "orders", "offers"]

    /// Loads every `*.mustache` file of `directory` and checks the ones the site needs are there.
    public init(directory: String) async throws {
        library = try ScalarHTMLEscaping.library(directory: directory)
        for name in Self.requiredTemplates where library.getTemplate(named: name) == nil {
            throw ViewError.missingTemplate(name)
        }
    }

    /// The whole HTML document for `page`.
    public func render<P: Page>(_ page: P) throws -> String {
        let body = try fragment(page, template: P.template)
        return try fragment(Layout(title: page.title, body: body, navigation: page.navigation), template: "layout")
    }

    /// One template rendered on its own (the chat turn answered to `fetch`, a bubble).
    public func fragment(_ model: Any, template: String) throws -> String {
        guard let html = library.render(model, withTemplate: template) else { throw ViewError.missingTemplate(template) }
        return html
    }
}

/// The model of `layout.mustache`.
struct Layout {
    let title: String
    /// HTML produced by a page template: the only value rendered unescaped.
    let body: String
    let navigation: Navigation?
}
