import ConciergeCore
import Foundation
import Hummingbird
import Mustache
import Testing
import TestSupport

@testable import ConciergeViews
@testable import ConciergeWeb

/// Issue 13, item 3: swift-mustache's HTML escaper looks characters up by grapheme cluster, so `"` followed by a
/// combining mark (U+0301) or `<` after a prepend character (U+0600) was one `Character` missing from its table and
/// was written raw. These tests look at the HTML's bytes: `String.contains` compares `Character`s and would miss
/// exactly these sequences.
@Suite("Escaping at the scalar level, in every field and context")
struct ScalarEscapingTests {
    /// Raw sequences that must never be in a page: each is an HTML-significant ASCII byte the escaper let through.
    static let raw = ["\"\u{301}", "\u{600}<", "<\u{301}", "'\u{301}", ">\u{301}", "&\u{301}"]
    /// The name's first word is the header's greeting.
    static let name = "<\u{301}img/src=x/onerror=alert(1)>\"\u{301}\u{600}<script>alert(2)</script>'\u{301} Zoe"
    static let message = "\"\u{301} onmouseover=alert(3) \u{600}<script>alert(4)</script> <\u{301}img src=x>"

    static func assertEscaped(_ page: Page, _ context: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let html = Array(page.body.utf8)
        for needle in raw {
            let found = html.containsBytes(of: needle)  // a Bool, so a failure does not print the whole page
            #expect(!found, "\(context): raw \(needle.unicodeScalars.map { String($0.value, radix: 16) })",
                    sourceLocation: sourceLocation)
        }
    }

    @Test func theEscaperReplacesEachSignificantScalarWhateverSurroundsIt() {
        #expect(ScalarHTMLEscaping.escape("\"\u{301}") == "&quot;\u{301}")
        #expect(ScalarHTMLEscaping.escape("\u{600}<script>") == "\u{600}&lt;script&gt;")
        #expect(ScalarHTMLEscaping.escape("<\u{301}img") == "&lt;\u{301}img")
        #expect(ScalarHTMLEscaping.escape("a'&b\u{1F469}\u{200D}\u{1F4BB}") == "a&#39;&amp;b\u{1F469}\u{200D}\u{1F4BB}")
        #expect(ScalarHTMLEscaping.escape("plain café") == "plain café")
    }

    /// The upstream bug, as reported in docs/web.md: swift-mustache 2.1's default escaper lets these through. When it
    /// is fixed upstream this test fails, and the note in docs/web.md can say so (our escaper stays either way).
    @Test func swiftMustachesOwnEscaperWalksGraphemeClusters() throws {
        let template = try MustacheTemplate(string: "<p title=\"{{v}}\">{{v}}</p>")
        let html = Array(template.render(["v": "\"\u{301} \u{600}<b>"]).utf8)
        let raw = html.containsBytes(of: "\"\u{301}") || html.containsBytes(of: "\u{600}<")
        withKnownIssue("swift-mustache escapes by Character, not by scalar") {
            #expect(!raw)
        }
    }

    @Test func everyPageAndFragmentEscapesNamesMessagesAndReShownFields() async throws {
        try await WebWorld.run { world, browser in
            // Re-shown form values: signup (name, e-mail, phone attributes) and login (e-mail attribute).
            let signupAgain = try await browser.submit(on: "/signup", to: "/signup", [
                ("name", Self.name), ("email", "zoe\"\u{301}@example.com"), ("password", "a kettle of oolong"),
                ("phone", "<\u{301}7700"), ("city", "\u{600}<London"), ("temperature", "hot"),
            ])
            #expect(signupAgain.status == .unprocessableContent)
            Self.assertEscaped(signupAgain, "signup re-shown")
            let nameShown = Array(signupAgain.body.utf8).containsBytes(of: "&lt;\u{301}img")
            #expect(nameShown)
            let loginAgain = try await browser.logIn("\"\u{301} autofocus onfocus=alert(5) x=\"@example.com", "nope-nope-nope")
            Self.assertEscaped(loginAgain, "login re-shown")

            // A shopper whose name holds every payload, made a reviewer so that the debug view and the inbox show it.
            let created = try await browser.submit(on: "/signup", to: "/signup", [
                ("name", Self.name), ("email", "zoe@example.com"), ("password", "a kettle of oolong"),
                ("temperature", "hot"),
            ])
            #expect(created.status == .seeOther)
            var zoe = try await world.user("zoe@example.com")
            zoe.role = .reviewer
            _ = try await world.store.updateUser(zoe)
            // Signed in by the signup; the session reads the account (now a reviewer) on every request.
            let chat = try await browser.get("/chat")
            Self.assertEscaped(chat, "chat page with the name in the header and sidebar")
            let nameEscaped = Array(chat.body.utf8).containsBytes(of: "&lt;\u{301}img")
            #expect(nameEscaped, "the name is on the page, escaped")
            _ = try await browser.post("/debug", [("csrf", try chat.csrf()), ("show", "1"), ("conversation", "")])

            // Chat bubbles (page and fragment), the conversation list, the debug trace.
            let sent = try await browser.submit(on: "/chat?c=new", to: "/chat", [("message", Self.message)])
            let conversation = try await browser.get(String(try #require(sent.location).prefix { $0 != "#" }))
            Self.assertEscaped(conversation, "chat bubbles, conversation list, debug view")
            #expect(conversation.contains("Debug trace"))
            let fragment = try await browser.post("/chat", [("csrf", try conversation.csrf()), ("message", Self.message)],
                                                  headers: ChatTests.fetch)
            #expect(fragment.status == .ok)
            Self.assertEscaped(fragment, "fetch fragment")

            // A refused draft kept in the text area.
            let tooLong = try await browser.submit(on: "/chat", to: "/chat",
                                                   [("message", String(repeating: Self.message, count: 40))])
            #expect(tooLong.status == .unprocessableContent)
            Self.assertEscaped(tooLong, "refused draft")

            // The Customer Care inbox and request page (masked summary, transcript, reply draft).
            let asked = try await browser.submit(on: "/chat?c=new", to: "/chat",
                                                 [("message", Self.message + " I want to speak to a human")])
            #expect(asked.status == .seeOther)
            Self.assertEscaped(try await browser.get("/care"), "care inbox")
            let request = try #require(try await world.store.openHandoffs(limit: 10).first)
            let care = try await browser.get("/care/\(request.id)")
            Self.assertEscaped(care, "care request")
            let refusedReply = try await browser.post("/care/\(request.id)/reply",
                                                      [("csrf", try care.csrf()), ("message", Self.message + "\u{7}")])
            #expect(refusedReply.status == .unprocessableContent)
            Self.assertEscaped(refusedReply, "refused reply")
        }
    }
}

extension Array where Element == UInt8 {
    /// Whether the UTF-8 of `text` occurs in these bytes (a byte-level search, blind to grapheme clusters).
    func containsBytes(of text: String) -> Bool {
        let needle = Array(text.utf8)
        guard !needle.isEmpty, needle.count <= count else { return false }
        return (0...(count - needle.count)).contains { start in self[start..<(start + needle.count)].elementsEqual(needle) }
    }
}
