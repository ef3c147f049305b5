import ConciergeCore
import Foundation
import Hummingbird
import Testing

@testable import ConciergeWeb

/// The actions under an answer, rendered as real links and buttons in the shopper's bubble, stored with the answer
/// (a reload shows them) and working without the page script.
@Suite("Answer actions in the bubble")
struct AnswerActionTests {
    /// Sends `message` as a plain form post and returns the conversation page it redirects to.
    static func ask(_ browser: Browser, _ message: String, on page: String = "/chat") async throws -> Page {
        let sent = try await browser.submit(on: page, to: "/chat", [("message", message)])
        let location = try #require(sent.location)
        return try await browser.get(String(location.prefix { $0 != "#" }))
    }

    @Test func anAccountTaskLinksTheAccountPage() async throws {
        try await WebWorld.run { _, browser in
            _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            let page = try await Self.ask(browser, "delete my account pls")
            #expect(page.contains(#"class="button secondary action-account" href="/account">Open your account page</a>"#))
            let account = try await browser.get("/account")
            #expect(account.status == .ok && account.contains(#"id="delete-account""#))
        }
    }

    @Test func anOrderAnswerLinksTheOrderPageAndAReloadKeepsTheLink() async throws {
        try await WebWorld.run { world, browser in
            _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            let page = try await Self.ask(browser, "where is my order?")
            #expect(page.contains(#"class="button secondary action-order" href="/orders/ORD-AVA10001">Open order ORD-AVA10001</a>"#))
            let stored = try await world.store.messages(userID: try await world.user("ava@example.com").id,
                                                        conversationID: try #require(page.field("conversation")), limit: 5)
            #expect(stored.last?.actions?.first == .order("ORD-AVA10001"), "kept with the answer, so a reload shows it")
            let opened = try await browser.get("/orders/ORD-AVA10001")
            #expect(opened.status == .ok)
        }
    }

    @Test func offersAndShopAnswersLinkTheOffersPageAndDirections() async throws {
        try await WebWorld.run { _, browser in
            _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            let offers = try await Self.ask(browser, "any offers for me?")
            #expect(offers.contains(#"class="button secondary action-offers" href="/offers">See your offers</a>"#))
            let shop = try await Self.ask(browser, "which shop is nearest to me?")
            #expect(shop.contains(#"action-directions" href="https://www.openstreetmap.org/search?query="#))
            #expect(shop.contains(#"rel="noopener noreferrer" target="_blank">Directions to Lakeside Café"#))
        }
    }

    @Test func theHandOffButtonSendsTheRequestAndTheThreadShowsItsState() async throws {
        try await WebWorld.run { _, browser in
            _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            let page = try await Self.ask(browser, "my oat flat white yesterday was lukewarm, I want a refund")
            #expect(page.contains(#"<input type="hidden" name="message" value="Please pass this conversation to a person.">"#))
            #expect(page.contains(#"class="secondary action-handoff">Pass this to a person</button>"#))
            let conversation = try #require(page.field("conversation"))
            let passed = try await browser.post("/chat", [("csrf", try page.csrf()), ("conversation", conversation),
                                                          ("message", "Please pass this conversation to a person.")])
            #expect(passed.status == .seeOther)
            let after = try await browser.get("/chat?c=\(conversation)")
            #expect(after.contains("Passed to Customer Care at 15:00 — a person replies here within 2 working days."))
            #expect(!after.contains("action-handoff"), "no second request while one waits")
        }
    }

    @Test func anOldAnswerWithoutActionsStillRendersAndAForgedOrderActionIsDropped() async throws {
        try await WebWorld.run { world, browser in
            let ava = try await world.user("ava@example.com")
            let at = WebWorld.afternoon
            try await world.store.appendMessage(ChatMessage(id: "msg_q_old", userID: ava.id, conversationID: "conv_old",
                                                            role: .shopper, text: "hi", createdAt: at))
            try await world.store.appendMessage(ChatMessage(
                id: "msg_a_old", userID: ava.id, conversationID: "conv_old", role: .assistant, text: "Hello!",
                createdAt: at.addingTimeInterval(1), actions: [AnswerAction(kind: .order, target: "\"><script>x</script>")]))
            _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            let page = try await browser.get("/chat?c=conv_old")
            #expect(page.status == .ok && page.contains("Hello!"))
            #expect(!page.contains("action-order") && !page.contains("<script>x"))
        }
    }
}
