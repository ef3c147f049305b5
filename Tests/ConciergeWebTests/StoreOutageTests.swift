import ConciergeCore
import Foundation
import Hummingbird
import Retrieval
import Synchronization
import Testing
import TestSupport

@testable import ConciergeWeb

/// The store goes away while a shopper is signed in, then comes back (script/drill-store does it to a real server).
@Suite("Store outage while signed in")
struct StoreOutageTests {
    /// Found by script/drill-store (MongoDB killed): hummingbird-auth's session middleware takes a failed session
    /// read for "no session", so the site answered 303 to /login?notice=expired, and the page script followed the
    /// redirect and lost the typed message. It must be a 503 that keeps the session.
    @Test func aSignedInShopperGets503sNotTheLoginPageAndStaysSignedIn() async throws {
        try await Self.withSwitchableStore { store, browser in
            _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            let csrf = try await browser.get("/chat").csrf()
            store.isDown = true
            let sent = try await browser.post("/chat", [("csrf", csrf), ("message", "any offers?")],
                                              headers: [.requestedWith: "fetch"])
            #expect(sent.status == .serviceUnavailable && sent.headers[.retryAfter] == "30")
            #expect(sent.body.contains("cannot reach its data") && sent.location == nil)
            let page = try await browser.get("/chat")
            #expect(page.status == .serviceUnavailable && page.contains("We will be right back"))
            #expect(page.cookie(SessionCookieMiddleware.cookieName) == nil, "the session cookie is kept")
            store.isDown = false
            #expect(try await browser.get("/chat").status == .ok, "still signed in once the store is back")
        }
    }
}

extension StoreOutageTests {
    /// Without JavaScript a failed post lands on the 503 page: the typed text comes back, escaped, in a form that
    /// sends it again, so nothing the shopper typed is lost.
    @Test func aPlainFormPostDuringAnOutageGivesTheTypedTextBack() async throws {
        try await Self.withSwitchableStore { store, browser in
            _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            let csrf = try await browser.get("/chat").csrf()
            store.isDown = true
            let typed = "<b>where</b> is my order & my refund?"
            let page = try await browser.post("/chat", [("csrf", csrf), ("message", typed)])
            #expect(page.status == .serviceUnavailable)
            #expect(page.body.contains("&lt;b&gt;where&lt;/b&gt; is my order &amp; my refund?"))
            #expect(!page.body.contains("<b>where</b>"))
            #expect(page.body.contains("id=\"resend-form\"") && page.body.contains(csrf))
            store.isDown = false
            let resent = try await browser.post("/chat", [("csrf", csrf), ("message", typed)])
            #expect(resent.status == .seeOther, "the returned form works once the store is back")
        }
    }
}

extension StoreOutageTests {
    /// A web world whose store can be switched off and on during the test.
    static func withSwitchableStore(_ body: @escaping @Sendable (SwitchableStore, Browser) async throws -> Void)
        async throws
    {
        try await WebWorld.run { world, browser in try await body(world.switchable, browser) }
    }
}

extension StoreOutageTests {
    /// The store fails after the question is saved and before it is answered. The 503 page's form keeps the turn
    /// key, so sending it again answers the saved question instead of saving a second copy; sending it once more
    /// shows the same answer and counts nothing.
    @Test func sendingAgainAfterAnOutageMidTurnStoresTheMessageOnceAndAnswersItOnce() async throws {
        try await Self.withSwitchableStore { store, browser in
            _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            let chat = try await browser.get("/chat?c=new")
            let turn = try #require(chat.field("turn"))
            #expect(turn.hasPrefix("turn_"))
            let form = [("csrf", try chat.csrf()), ("message", "any offers today?"), ("conversation", ""), ("turn", turn)]
            store.goDownAfterNextMessage()
            let failed = try await browser.post("/chat", form)
            #expect(failed.status == .serviceUnavailable && failed.contains("id=\"resend-form\""))
            #expect(failed.field("turn") == turn, "the resend form keeps the turn key")
            store.isDown = false
            let resent = try await browser.post("/chat", form)
            let location = try #require(resent.location)
            #expect(resent.status == .seeOther)
            let again = try await browser.post("/chat", form)
            #expect(again.status == .seeOther && again.location == location, "the same turn, the same conversation")

            let user = try #require(try await store.user(email: "ava@example.com"))
            let conversation = try #require(location.split(separator: "=").last?.split(separator: "#").first)
            let messages = try await store.messages(userID: user.id, conversationID: String(conversation), limit: 50)
            #expect(messages.map(\.role) == [.shopper, .assistant], "one question, one answer")
            #expect(messages.first?.text == "any offers today?" && messages.last?.text.contains("AVA20COCOA") == true)
            let page = try await browser.get(String(location.split(separator: "#")[0]))
            #expect(page.contains(#"value="1" aria-labelledby="usage-title">1 of 30"#), "counted once")
        }
    }

    /// A turn key is only ever one the site handed out: anything else is refused before anything is stored.
    @Test func aForgedTurnKeyIsRefusedAndNothingIsStored() async throws {
        try await Self.withSwitchableStore { store, browser in
            _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            let csrf = try await browser.get("/chat").csrf()
            let user = try #require(try await store.user(email: "ava@example.com"))
            let before = try await store.conversations(userID: user.id)
            for forged in ["short", "turn_<script>alert(1)</script>", String(repeating: "a", count: 65), "turn_ spaces in it"] {
                let page = try await browser.post("/chat", [("csrf", csrf), ("message", "any offers?"), ("turn", forged)])
                #expect(page.status == .badRequest && page.contains("This form could not be read"))
                #expect(!page.contains("<script>alert(1)"))
            }
            #expect(try await store.conversations(userID: user.id) == before)
        }
    }
}
