import ConciergeCore
import Foundation
import Hummingbird
import Testing
import TestSupport

@testable import ConciergeWeb

@Suite("Chat page: conversation, turns, quota, location")
struct ChatTests {
    static let fetch: HTTPFields = [.requestedWith: "fetch"]

    @Test func theChatPageNeedsALogin() async throws {
        try await WebWorld.run { _, browser in
            #expect(try await browser.get("/chat").location == "/login?notice=expired")
            let post = try await browser.post("/chat", [("message", "hi")])
            #expect(post.status == .seeOther && post.location == "/login?notice=expired")
        }
    }

    @Test func imColdIsAnsweredWithTheNearestStoreAndACoupon() async throws {
        try await WebWorld.run { _, browser in
            _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            let sent = try await browser.submit(on: "/chat", to: "/chat", [("message", "I'm cold"), ("conversation", "")])
            #expect(sent.status == .seeOther)
            let location = try #require(sent.location)
            #expect(location.hasPrefix("/chat?c=conv_") && location.hasSuffix("#latest"))
            let page = try await browser.get(String(location.prefix { $0 != "#" }))
            #expect(page.status == .ok)
            for fact in ["Lakeside Café", "Oat Hot Chocolate", "AVA20COCOA", "I&#39;m cold", #"id="latest""#] {
                #expect(page.contains(fact), "\(fact)")
            }
            #expect(page.contains(#"value="1" aria-labelledby="usage-title""#), "the usage bar counts the message")
            #expect(!page.contains("Debug trace"))
        }
    }

    /// HTML from the shopper is shown as text, and a card number is never echoed whole.
    @Test func scriptTagsAreEscapedAndCardNumbersMasked() async throws {
        try await WebWorld.run { _, browser in
            _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            let message = #"<script>alert("pwned")</script> my card is 4111 1111 1111 1111, refund please"#
            let sent = try await browser.submit(on: "/chat", to: "/chat", [("message", message)])
            let page = try await browser.get(String(sent.location!.prefix { $0 != "#" }))
            #expect(page.contains("&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;"))
            #expect(!page.contains("<script>alert"))
            #expect(!page.contains("4111 1111 1111 1111") && !page.contains("4111111111111111"))
            #expect(page.contains("my card is Visa •••• 1111, refund please"))
            #expect(page.body.components(separatedBy: "<script").count == 2, "only the page's own script tag")
        }
    }

    @Test func theScriptGetsTheNewBubblesAsAFragment() async throws {
        try await WebWorld.run { _, browser in
            _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            let page = try await browser.get("/chat")
            let fragment = try await browser.post("/chat", [("csrf", try page.csrf()), ("message", "any offers?")],
                                                  headers: Self.fetch)
            #expect(fragment.status == .ok && fragment.headers[.contentType] == "text/html; charset=utf-8")
            #expect(fragment.body.hasPrefix(#"<ol class="turn" data-conversation="conv_"#))
            #expect(fragment.body.components(separatedBy: #"<li class="bubble"#).count == 3)
            #expect(fragment.contains("AVA20COCOA") && fragment.contains(#"id="usage-meter""#))
            #expect(!fragment.contains("<html"))
        }
    }

    /// The script posts the form's turn key and takes the next one from the fragment; a retry with the same key
    /// (the reply was lost on the way back) gets the same answer, not a second turn.
    @Test func theScriptsRetryOfATurnGetsTheSameAnswerAndANewKeyComesWithEachReply() async throws {
        try await WebWorld.run { world, browser in
            _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            let page = try await browser.get("/chat?c=new")
            let key = try #require(page.field("turn"))
            let form = [("csrf", try page.csrf()), ("message", "any offers?"), ("turn", key)]
            let first = try await browser.post("/chat", form, headers: Self.fetch)
            let retry = try await browser.post("/chat", form, headers: Self.fetch)
            #expect(first.status == .ok && retry.status == .ok)
            let next = try #require(first.attribute("data-next-turn"))
            #expect(next.hasPrefix("turn_") && next != key)
            let bubbles = { (body: String) in body.components(separatedBy: #"<li class="bubble"#).dropFirst().map {
                $0.components(separatedBy: "</li>")[0] } }
            #expect(bubbles(retry.body) == bubbles(first.body), "the stored pair, shown again")
            let user = try await world.user("ava@example.com")
            let conversation = try #require(first.attribute("data-conversation"))
            #expect(try await world.store.messages(userID: user.id, conversationID: conversation, limit: 10).count == 2)
            let metrics = try await browser.get("/metrics")
            #expect(metrics.contains(#"concierge_chat_turns_total{source="model"} 1"#), "a replay is not counted as a turn")
        }
    }

    @Test func aMessageThatIsTooLongIsKeptInTheTextArea() async throws {
        try await WebWorld.run { world, browser in
            _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            let long = String(repeating: "<b>tea</b> ", count: 200)
            let page = try await browser.submit(on: "/chat", to: "/chat", [("message", long)])
            #expect(page.status == .unprocessableContent)
            #expect(page.contains("at most 2,000 characters; this one has 2,200"))
            #expect(page.contains(#"aria-invalid="true""#))
            #expect(page.contains(String(repeating: "&lt;b&gt;tea&lt;/b&gt; ", count: 200)))
            let viaScript = try await browser.post("/chat", [("csrf", try page.csrf()), ("message", long)],
                                                   headers: Self.fetch)
            #expect(viaScript.status == .unprocessableContent && viaScript.body.hasPrefix("Messages can be at most"))
            let ava = try await world.user("ava@example.com")
            #expect(try await world.store.conversations(userID: ava.id).isEmpty, "nothing was stored")
        }
    }

    @Test func emptyAndMissingMessagesAreClientErrors() async throws {
        try await WebWorld.run { _, browser in
            _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            let empty = try await browser.submit(on: "/chat", to: "/chat", [("message", "   ")])
            #expect(empty.status == .unprocessableContent && empty.contains("Type a message first."))
            let missing = try await browser.submit(on: "/chat", to: "/chat", [("conversation", "")])
            #expect(missing.status == .badRequest && missing.contains("could not be read"))
        }
    }

    @Test func theDailyQuotaIsShownAndEnforced() async throws {
        var options = WebWorld.Options()
        options.dailyLimit = 2
        try await WebWorld.run(options) { world, browser in
            _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            var conversation = ""
            for text in ["I'm cold", "any offers?", "where is my order?"] {
                let sent = try await browser.submit(on: "/chat", to: "/chat", [("message", text), ("conversation", conversation)])
                conversation = String(sent.location!.dropFirst("/chat?c=".count).prefix { $0 != "#" })
            }
            let page = try await browser.get("/chat?c=" + conversation)
            #expect(page.contains("You&#39;ve reached today&#39;s limit of 2 messages"))
            #expect(page.contains("You have reached today’s limit.") && page.contains("Resets at"))
            #expect(page.contains(#"max="2" value="2""#))
            #expect(world.metrics.exposition().contains("concierge_quota_refusals_total 1"))
        }
    }

    /// Someone else's conversation is "not found", exactly like one that does not exist.
    @Test func anotherShoppersConversationIsNotFound() async throws {
        try await WebWorld.run { _, browser in
            _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            let sent = try await browser.submit(on: "/chat", to: "/chat", [("message", "where is my order?")])
            let conversation = String(sent.location!.dropFirst("/chat?c=".count).prefix { $0 != "#" })
            let noah = browser.another()
            _ = try await noah.logIn("noah.miller@example.com", "subway-latte-77")
            let peek = try await noah.get("/chat?c=" + conversation)
            #expect(peek.status == .notFound && !peek.contains("ORD-AVA"))
            #expect(try await noah.get("/chat?c=conv_doesnotexist").status == .notFound)
            let write = try await noah.submit(on: "/chat", to: "/chat", [("message", "hello"), ("conversation", conversation)])
            #expect(write.status == .notFound)
            let mine = try await browser.get("/chat?c=" + conversation)
            #expect(mine.status == .ok && mine.body.components(separatedBy: #"<li class="bubble"#).count == 3)
        }
    }

    @Test func conversationsAreListedAndANewOneCanBeStarted() async throws {
        try await WebWorld.run { _, browser in
            _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            _ = try await browser.submit(on: "/chat", to: "/chat", [("message", "I'm cold")])
            _ = try await browser.submit(on: "/chat?c=new", to: "/chat", [("message", "any offers?")])
            let latest = try await browser.get("/chat")
            #expect(latest.contains("any offers?") && latest.body.components(separatedBy: #"aria-current="page""#).count == 2)
            #expect(latest.contains(">I&#39;m cold</a>") && latest.contains(">any offers?</a>"))
            let fresh = try await browser.get("/chat?c=new")
            #expect(fresh.contains(#"id="empty-hint""#) && fresh.field("conversation") == "")
        }
    }

    @Test func theLocationCanBeACityOrCoordinatesAndIsCheckedStrictly() async throws {
        try await WebWorld.run { _, browser in
            _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            #expect(try await browser.get("/chat").contains("Home (London)"))
            let city = try await browser.submit(on: "/chat", to: "/location", [("city", "Manchester")])
            #expect(city.status == .seeOther && city.cookie(CookieJar.place)?.has("HttpOnly") == true)
            #expect(try await browser.get("/chat").contains("Manchester (city centre)"))
            let sent = try await browser.submit(on: "/chat", to: "/chat", [("message", "which shop is nearest to me?")])
            #expect(!(try await browser.get(String(sent.location!.prefix { $0 != "#" }))).contains("Lakeside Café"))
            _ = try await browser.submit(on: "/chat", to: "/location", [("latitude", "51.5246"), ("longitude", "-0.1590")])
            // Named in words by the nearest shop's street (issue 14), never "51.5246, -0.1590".
            let shared = try await browser.get("/chat")
            #expect(shared.contains(#"<p id="location-current">Near "#) && !shared.contains("51.5246"))
            let bad = try await browser.submit(on: "/chat", to: "/location", [("latitude", "91"), ("longitude", "0")])
            #expect(bad.status == .unprocessableContent && bad.contains(#"id="location-error""#))
            let unknown = try await browser.submit(on: "/chat", to: "/location", [("city", "<Atlantis>")])
            #expect(unknown.status == .unprocessableContent && !unknown.contains("<Atlantis>"))
            _ = try await browser.submit(on: "/chat", to: "/location", [("reset", "1")])
            #expect(try await browser.get("/chat").contains("Home (London)"))
        }
    }

    @Test func aForgedLocationCookieIsIgnored() async throws {
        try await WebWorld.run { _, browser in
            _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            for forged in ["at:999:0", "city:PHNjcmlwdD4", "at:NaN:1", "garbage"] {
                browser.setCookie(CookieJar.place, forged)
                let page = try await browser.get("/chat")
                #expect(page.status == .ok && page.contains("Home (London)"), "\(forged)")
            }
        }
    }
}
