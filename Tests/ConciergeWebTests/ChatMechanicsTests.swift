import ConciergeCore
import Foundation
import Hummingbird
import Testing
import TestSupport

@testable import ConciergeViews
@testable import ConciergeWeb

/// Issue 14, chat mechanics: what the server renders for the page script (the turn fragment's data attributes), the
/// quota's states, the quick-reply chips without script, and threads that open at their newest message.
@Suite("Chat mechanics: turn data, quota states, quick replies, latest message")
struct ChatMechanicsTests {
    static let fetch: HTTPFields = [.requestedWith: "fetch"]
    static let midnight = Date(timeIntervalSince1970: 1_795_305_600)  // 2026-11-22T00:00:00Z

    /// The script updates the list and the quota from the fragment alone: the conversation's entry as the page would
    /// render it, and the quota's state with its reset time in the shopper's zone.
    @Test func theTurnFragmentCarriesTheListEntryAndTheQuota() async throws {
        try await WebWorld.run { _, browser in
            _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            let page = try await browser.get("/chat?c=new")
            let turn = try await browser.post("/chat", [("csrf", try page.csrf()), ("message", "any <b>offers</b>?")],
                                              headers: Self.fetch)
            #expect(turn.status == .ok)
            let conversation = try #require(turn.attribute("data-conversation"))
            #expect(conversation.hasPrefix("conv_"))
            #expect(turn.attribute("data-conversation-title") == "any &lt;b&gt;offers&lt;/b&gt;?", "escaped")
            #expect(turn.attribute("data-conversation-href") == "/chat?c=\(conversation)#latest")
            #expect(turn.attribute("data-conversation-when") == "Sat 21 Nov, 15:00")
            #expect(turn.attribute("data-quota-state") == "fine" && turn.attribute("data-quota-used") == "1")
            #expect(turn.attribute("data-quota-limit") == "30" && turn.attribute("data-quota-resets-at") == "00:00")
            #expect(turn.attribute("data-quota-resets-timestamp") == "2026-11-22T00:00:00Z")
        }
    }

    static func page(used: Int, limit: Int = 30) async throws -> String {
        let user = Fixtures.user("usr_quota", email: "quota@example.com", name: "Quinn Quota")
        let input = ChatPageInput(
            user: user, csrf: "csrf-token", conversationID: nil, conversations: [], messages: [],
            quota: QuotaStatus(used: used, limit: limit, resetsAt: midnight), place: .city("London"),
            cities: ["London"], debugRequested: false, maximumMessageLength: 2_000, turnKey: "turn_quota")
        return try await WebWorld.views().render(ChatPage(input))
    }

    /// Green while fine, amber from 80 % used, red at the limit (the meter's regions), notices in the same colours,
    /// and at the limit the whole dock disabled with the reset time beside it.
    @Test(arguments: [(0, "fine"), (23, "fine"), (24, "near"), (29, "near"), (30, "reached"), (31, "reached")])
    func theQuotaIsRenderedAsALimit(used: Int, state: String) async throws {
        let html = try await Self.page(used: used)
        #expect(html.contains(#"class="usage usage-\#(state)" id="usage" data-state="\#(state)""#))
        #expect(html.contains(#"low="23.5" high="29.5" optimum="0" min="0" max="30" value="\#(min(used, 30))""#))
        #expect(html.contains(#"id="usage-near""#) == (state == "near"))
        #expect(html.contains("Nearly at today’s limit: \(30 - used) of 30 messages left.") == (state == "near"))
        #expect(html.contains(#"class="notice notice-limit" role="status" id="usage-reached""#) == (state == "reached"))
        #expect(html.contains(#"<fieldset class="composer-dock" id="composer-dock" disabled>"#) == (state == "reached"))
        #expect(html.contains(#"id="composer-limit" role="status" tabindex="-1" hidden>"#) == (state != "reached"))
        #expect(html.contains(#"You can send again after <time datetime="2026-11-22T00:00:00Z">00:00</time> (Europe/London)."#))
    }

    @Test func aSmallLimitIsNearAtItsLastMessageButOne() async throws {
        #expect([30, 5, 1].map(UsageBar.nearFrom(limit:)) == [24, 4, 1])
        let html = try await Self.page(used: 1, limit: 2)
        #expect(html.contains(#"low="1.5" high="1.5" optimum="0" min="0" max="2" value="1""#))
        #expect(html.contains(#"data-state="fine""#), "1 of 2 is 50 %")
    }

    /// The real path: the fragment and the page say "near", then "reached" with the composer disabled, as the quota
    /// store counts.
    @Test func theQuotaStatesFollowTheShoppersMessages() async throws {
        var options = WebWorld.Options()
        options.dailyLimit = 5
        try await WebWorld.run(options) { _, browser in
            _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            let page = try await browser.get("/chat?c=new")
            var states: [String] = []
            var conversation = ""
            for text in ["I'm cold", "any offers?", "hello", "where is my order?", "thanks"] {
                let turn = try await browser.post("/chat", [("csrf", try page.csrf()), ("message", text),
                                                            ("conversation", conversation)], headers: Self.fetch)
                conversation = try #require(turn.attribute("data-conversation"))
                states.append(try #require(turn.attribute("data-quota-state")))
            }
            #expect(states == ["fine", "fine", "fine", "near", "reached"])
            let after = try await browser.get("/chat?c=" + conversation)
            #expect(after.contains(#"<fieldset class="composer-dock" id="composer-dock" disabled>"#))
            #expect(after.contains("You have used all 5 of today’s messages. You can send again after"))
        }
    }

    /// Without script the chips are submit buttons of a form that posts to `/chat` with the CSRF token and the
    /// page's turn key, so a tap is one stored turn answered like the typed question.
    @Test func theQuickRepliesWorkWithoutScript() async throws {
        try await WebWorld.run { world, browser in
            _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            let page = try await browser.get("/chat?c=new")
            let form = try #require(page.body.range(of: #"<form method="post" action="/chat" class="quick-replies""#))
            let chips = String(page.body[form.lowerBound...]).components(separatedBy: "</form>")[0]
            #expect(chips.contains(#"name="csrf" value="\#(try page.csrf())""#))
            for text in ["Nearest open shop", "My offers", "Where&#39;s my order?"] {
                #expect(chips.contains(#"<button type="submit" class="chip" name="message" value="\#(text)">\#(text)</button>"#))
            }
            let turnKey = try #require(page.field("turn"))
            #expect(chips.contains(#"name="turn" value="\#(turnKey)""#))
            let sent = try await browser.post("/chat", [("csrf", try page.csrf()), ("conversation", ""),
                                                        ("turn", turnKey), ("message", "My offers")])
            #expect(sent.status == .seeOther && sent.location?.hasSuffix("#latest") == true)
            let thread = try await browser.get(String(try #require(sent.location).prefix { $0 != "#" }))
            #expect(thread.contains("AVA20COCOA"), "answered like the typed question")
            let ava = try await world.user("ava@example.com")
            #expect(try await world.store.conversations(userID: ava.id).count == 1)
        }
    }

    /// Links in the list open a thread at its newest message (`#latest` is on its last bubble); an empty list says so
    /// with an id the script removes; the phone's link reaches the list and comes back.
    @Test func threadsOpenAtTheirNewestMessageAndTheListIsReachable() async throws {
        try await WebWorld.run { _, browser in
            _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            let empty = try await browser.get("/chat")
            #expect(empty.contains(#"<li class="muted" id="no-conversations">None yet.</li>"#))
            #expect(empty.contains(##"href="#conversations" id="conversations-link""##))
            #expect(empty.contains(#"<nav class="conversations" id="conversations" tabindex="-1""#))
            #expect(empty.contains(##"href="#composer-dock" id="back-to-conversation""##))
            let sent = try await browser.submit(on: "/chat", to: "/chat", [("message", "I'm cold")])
            let conversation = String(try #require(sent.location).dropFirst("/chat?c=".count).prefix { $0 != "#" })
            let page = try await browser.get("/chat")
            #expect(page.contains(##"<li data-conversation="\##(conversation)"><a href="/chat?c=\##(conversation)#latest" aria-current="page">"##))
            #expect(!page.contains("None yet."))
            let last = try #require(page.body.components(separatedBy: #"<li class="bubble"#).last)
            #expect(last.contains(#"id="latest""#), "the newest bubble carries the anchor")
        }
    }
}
