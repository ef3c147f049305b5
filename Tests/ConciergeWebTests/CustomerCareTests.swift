import ConciergeCore
import Foundation
import Hummingbird
import Testing
import TestSupport

@testable import ConciergeWeb

/// The hand-off end to end over HTTP: a shopper asks for a person, the request reaches the staff inbox masked, a
/// reviewer replies, and the reply shows in the shopper's conversation (and nowhere else).
@Suite("Customer Care: hand-off, staff inbox, reply")
struct CustomerCareTests {
    /// What the shopper typed about herself, and her profile values: never on a staff page.
    static let personal = ["Thompson", "ava@example.com", "7700 900123", "07700900123", "+44 7700"]

    /// Ava asks for a person in a new conversation; returns the conversation's path (`/chat?c=…`) and its request.
    static func avaAsksForAPerson(_ world: WebWorld, _ browser: Browser) async throws -> (path: String, request: HandoffRequest) {
        _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
        let message = "I'm Ava Thompson, reach me on 07700900123 or ava@example.com. I want to speak to a human"
        let sent = try await browser.submit(on: "/chat?c=new", to: "/chat", [("message", message), ("conversation", "")])
        let path = String(try #require(sent.location).prefix { $0 != "#" })
        let conversation = String(path.dropFirst("/chat?c=".count))
        let ava = try await world.user("ava@example.com")
        let request = try #require(try await world.store.handoff(userID: ava.id, conversationID: conversation))
        return (path, request)
    }

    @Test func aHandOffReachesTheInboxMaskedAndTheReplyReachesOnlyItsShopper() async throws {
        try await WebWorld.run { world, browser in
            let (path, request) = try await Self.avaAsksForAPerson(world, browser)
            let asked = try await browser.get(path)
            #expect(asked.contains("Passed to Customer Care at 15:00 — a person replies here within 2 working days."))
            #expect(asked.contains("A person replies here in this chat within 2 working days."))
            #expect(!asked.contains("notification") && !asked.contains("in the app"))
            for secret in Self.personal { #expect(!request.summary.contains(secret), "\(secret) in the summary") }

            let reviewer = browser.another()
            _ = try await reviewer.logIn("reviewer@example.com", "review-every-answer")
            let inbox = try await reviewer.get("/care")
            #expect(inbox.status == .ok && inbox.contains(#"href="/care/\#(request.id)""#))
            #expect(inbox.contains("Asked for a person") && inbox.contains("&lt;NAME_1&gt;"))
            let detail = try await reviewer.get("/care/\(request.id)")
            #expect(detail.status == .ok && detail.contains("&lt;PHONE_1&gt;") && detail.contains("&lt;EMAIL_1&gt;"))
            for page in [inbox, detail] {
                for secret in Self.personal { #expect(!page.contains(secret), "\(secret) on a staff page") }
            }
            #expect(detail.contains("call 0800 123 4567 or e-mail care@brambleandbean.co.uk"),
                    "Customer Care's own number is not personal data")

            world.clock.advance(seconds: 3_600)
            let reply = "Hello Ava Thompson, we have refunded the delivery fee."
            let sent = try await reviewer.post("/care/\(request.id)/reply",
                                               [("csrf", try detail.csrf()), ("message", reply)])
            #expect(sent.status == .seeOther && sent.location == "/care/\(request.id)")
            let answered = try await reviewer.get("/care/\(request.id)")
            #expect(answered.contains("Answered") && answered.contains("Hello &lt;NAME_1&gt;, we have refunded"))
            #expect(!answered.contains("Thompson"))
            #expect(try await reviewer.get("/care").contains(#"id="care-empty""#), "answered requests leave the inbox")
            let stored = try #require(try await world.store.handoff(id: request.id))
            let reviewerID = try await world.user("reviewer@example.com").id
            #expect(stored.status == .answered && stored.answeredBy == reviewerID)

            let conversation = try await browser.get(path)
            #expect(conversation.contains(#"class="bubble from-care""#))
            #expect(conversation.contains(#"<span class="author">Customer Care</span>"#))
            #expect(conversation.contains(reply), "the shopper reads the reply as written")
            let care = try #require(conversation.body.range(of: "from-care"))
            #expect(conversation.body.range(of: "from-concierge")!.lowerBound < care.lowerBound, "the reply comes last")
            #expect(conversation.contains("Customer Care answered at 16:00 (passed on at 15:00; the promise was a reply within 2 working days)."),
                    "once a person has answered, the status line says so")

            let noah = browser.another(address: "198.51.100.30")
            _ = try await noah.logIn("noah.miller@example.com", "subway-latte-77")
            #expect(try await noah.get(path).status == .notFound)
            #expect(!(try await noah.get("/chat")).contains("refunded the delivery fee"))
        }
    }

    @Test func onlyReviewersAndAdminsOpenTheInbox() async throws {
        try await WebWorld.run { world, browser in
            let (_, request) = try await Self.avaAsksForAPerson(world, browser)
            let chat = try await browser.get("/chat")
            #expect(!chat.contains("care-inbox-link"))
            for uri in ["/care", "/care/\(request.id)"] {
                let page = try await browser.get(uri)
                #expect(page.status == .forbidden && page.contains("Your account cannot open that."), "\(uri)")
            }
            let post = try await browser.post("/care/\(request.id)/reply", [("csrf", try chat.csrf()), ("message", "hi")])
            #expect(post.status == .forbidden)
            #expect(try await world.store.handoff(id: request.id)?.isOpen == true)

            let anonymous = browser.another(address: "198.51.100.40")
            for uri in ["/care", "/care/\(request.id)"] {
                #expect(try await anonymous.get(uri).location == "/login?notice=expired", "\(uri)")
            }
            let admin = browser.another(address: "198.51.100.50")
            _ = try await admin.logIn("admin@example.com", "keys-to-the-cafe")
            #expect(try await admin.get("/chat").contains(#"<a href="/care" class="care-link" id="care-inbox-link">"#))
            #expect(try await admin.get("/care").contains("/care/\(request.id)"))
        }
    }

    @Test func aReplyNeedsItsTokenAndIsRefusedWhenEmptyTooLongOrWithControlCharacters() async throws {
        try await WebWorld.run { world, browser in
            let (path, request) = try await Self.avaAsksForAPerson(world, browser)
            let ava = try await world.user("ava@example.com")
            let before = try await world.store.messages(userID: ava.id, conversationID: request.conversationID, limit: 50)
            let reviewer = browser.another()
            _ = try await reviewer.logIn("reviewer@example.com", "review-every-answer")
            let action = "/care/\(request.id)/reply"
            #expect(try await reviewer.post(action, [("message", "hello")]).status == .forbidden)
            let csrf = try await reviewer.get("/care/\(request.id)").csrf()
            let refusals: [(String, String)] = [
                ("  \n ", "Type a reply first."),
                (String(repeating: "x", count: 2_001), "Replies can be at most 2,000 characters; this one has 2,001."),
                ("ring the bell \u{07} now", "control characters"),
                ("sneaky \u{202E}txet", "invisible text-direction marks"),
            ]
            for (text, reason) in refusals {
                let page = try await reviewer.post(action, [("csrf", csrf), ("message", text)])
                #expect(page.status == .unprocessableContent && page.contains(reason), "\(reason)")
                #expect(page.contains(#"id="reply-error""#))
            }
            #expect(try await reviewer.post("/care/care_unknown/reply", [("csrf", csrf), ("message", "hi")]).status
                    == .notFound)
            #expect(try await reviewer.get("/care/care_unknown").status == .notFound)
            let after = try await world.store.messages(userID: ava.id, conversationID: request.conversationID, limit: 50)
            #expect(after == before, "nothing refused was stored")
            #expect(try await world.store.handoff(id: request.id)?.isOpen == true)
            #expect(try await browser.get(path).contains("handoff-status"))
        }
    }

    @Test func askingTwiceMakesOneRequestAndRepeatedFrustrationMakesOne() async throws {
        try await WebWorld.run { world, browser in
            let (path, _) = try await Self.avaAsksForAPerson(world, browser)
            let conversation = String(path.dropFirst("/chat?c=".count))
            _ = try await browser.submit(on: path, to: "/chat", [("message", "hello? I need a real person"),
                                                                 ("conversation", conversation)])
            #expect(try await world.store.openHandoffs(limit: 10).count == 1)
            let first = try await browser.submit(on: "/chat?c=new", to: "/chat", [("message", "this is useless"),
                                                                                   ("conversation", "")])
            let other = String(String(try #require(first.location).prefix { $0 != "#" }).dropFirst("/chat?c=".count))
            #expect(try await world.store.openHandoffs(limit: 10).count == 1, "one frustrated message is not enough")
            _ = try await browser.submit(on: "/chat?c=\(other)", to: "/chat", [("message", "ridiculous, not helping"),
                                                                               ("conversation", other)])
            let open = try await world.store.openHandoffs(limit: 10)
            #expect(open.count == 2 && open.first { $0.conversationID == other }?.reason == .frustration)
            let reviewer = browser.another()
            _ = try await reviewer.logIn("reviewer@example.com", "review-every-answer")
            #expect(try await reviewer.get("/care").contains("Repeated frustration"))
        }
    }

    /// With the page script, the turn's fragment carries the status line.
    @Test func theScriptsFragmentCarriesTheStatusLine() async throws {
        try await WebWorld.run { _, browser in
            _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            let page = try await browser.get("/chat")
            let fragment = try await browser.post("/chat", [("csrf", try page.csrf()), ("message", "I want a human")],
                                                  headers: [.requestedWith: "fetch"])
            #expect(fragment.status == .ok && fragment.contains(#"id="handoff-status""#))
            #expect(fragment.contains("Passed to Customer Care at 15:00"))
            let plain = try await browser.post("/chat", [("csrf", try page.csrf()), ("message", "any offers?")],
                                               headers: [.requestedWith: "fetch"])
            #expect(!plain.contains("handoff-status"), "a new conversation has no hand-off")
        }
    }
}
