import ConciergeCore
import Foundation
import Hummingbird
import Testing
import TestSupport

@testable import ConciergeWeb

/// The quota under a burst, through the whole web stack (session cookie, CSRF, form guard, route, chat service,
/// store) in memory: 500 chat posts at once from 50 signed-in shoppers, 10 each, with a daily limit of 5. No
/// timing: the assertions are counts. script/drill-concurrency does the same over real HTTP.
@Suite("Concurrency drill: 500 posts, 50 shoppers, limit 5")
struct ConcurrencyDrillTests {
    static let shoppers = 50
    static let postsEach = 10
    static let limit = 5

    @Test func fiveHundredConcurrentPostsFromFiftyShoppersAnswerExactlyHalfAndStoreEveryMessageOnce() async throws {
        var options = WebWorld.Options()
        options.dailyLimit = Self.limit
        try await WebWorld.run(options) { world, browser in
            let signedIn = try await Self.signIn(Self.shoppers, from: browser)
            let replies = try await withThrowingTaskGroup(of: (Int, String, Page).self) { group in
                for (index, shopper) in signedIn.enumerated() {
                    for post in 0..<Self.postsEach {
                        let text = "any offers? (shopper \(index), post \(post))"
                        group.addTask {
                            let page = try await shopper.browser.post(
                                "/chat", [("csrf", shopper.csrf), ("conversation", ""), ("message", text)],
                                headers: [.requestedWith: "fetch"])
                            return (index, text, page)
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(replies.count == 500)
            #expect(replies.allSatisfy { $0.2.status == .ok }, "every post is answered with a fragment")
            let refused = replies.filter { $0.2.contains("reached today&#39;s limit of 5 messages") }
            #expect(refused.count == 250)
            #expect(replies.count - refused.count == 250)
            for index in 0..<Self.shoppers {
                #expect(refused.filter { $0.0 == index }.count == Self.postsEach - Self.limit, "shopper \(index)")
            }
            try await Self.expectStoredOnce(replies.map(\.1), world: world)
        }
    }

    struct SignedIn: Sendable {
        let browser: Browser
        let csrf: String
    }

    /// Signs up and logs in `count` shoppers, each in their own browser from their own address.
    static func signIn(_ count: Int, from browser: Browser) async throws -> [SignedIn] {
        var signedIn: [SignedIn] = []
        for index in 0..<count {
            let shopper = browser.another(address: "198.51.100.\(index + 1)")
            let email = "burst-\(index)@example.test"
            let password = "burst password \(index)"
            let signup = try await shopper.submit(on: "/signup", to: "/signup", [
                ("name", "Burst Shopper \(index)"), ("email", email), ("password", password), ("city", "London"),
            ])
            #expect(signup.status == .seeOther && signup.location == "/chat", "signed in by the signup")
            let page = try await shopper.get("/chat")
            signedIn.append(SignedIn(browser: shopper, csrf: try page.csrf()))
        }
        return signedIn
    }

    /// Every text once among the shoppers' messages, and one reply per message: 250 from the quota, 250 not.
    static func expectStoredOnce(_ texts: [String], world: WebWorld) async throws {
        let data = try await world.store.exportAll()
        let burstUsers = Set(try await (0..<shoppers).asyncMap { try await world.user("burst-\($0)@example.test").id })
        let messages = data.messages.filter { burstUsers.contains($0.userID) }
        let typed = messages.filter { $0.role == .shopper }.map(\.text)
        #expect(typed.count == 500)
        #expect(Dictionary(grouping: typed, by: { $0 }).values.allSatisfy { $0.count == 1 })
        #expect(Set(typed) == Set(texts))
        let replies = messages.filter { $0.role == .assistant }
        #expect(replies.count == 500)
        #expect(replies.filter { $0.trace?.answerSource == AnswerSource.quota.rawValue }.count == 250)
    }
}

extension Sequence where Element: Sendable {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var values: [T] = []
        for element in self { values.append(try await transform(element)) }
        return values
    }
}
