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
        let switchable = Mutex<SwitchableStore?>(nil)
        var options = WebWorld.Options()
        options.webStore = { store in
            let wrapped = SwitchableStore(store)
            switchable.withLock { $0 = wrapped }
            return wrapped
        }
        try await WebWorld.run(options) { _, browser in
            try await body(try #require(switchable.withLock { $0 }), browser)
        }
    }
}

/// Forwards to a real store until `isDown`, then fails every call with `StoreError.unavailable`.
final class SwitchableStore: ConciergeStore {
    private let inner: any ConciergeStore
    private let down = Atomic<Bool>(false)

    init(_ inner: any ConciergeStore) { self.inner = inner }

    var isDown: Bool {
        get { down.load(ordering: .relaxed) }
        set { down.store(newValue, ordering: .relaxed) }
    }

    private func live() throws -> any ConciergeStore {
        if isDown { throw StoreError.unavailable("switched off") }
        return inner
    }

    func insertUser(_ user: User) async throws { try await live().insertUser(user) }
    func updateUser(_ user: User) async throws -> Bool { try await live().updateUser(user) }
    func user(id: String) async throws -> User? { try await live().user(id: id) }
    func user(email: String) async throws -> User? { try await live().user(email: email) }
    func allStores() async throws -> [RetailStore] { try await live().allStores() }
    func store(id: String) async throws -> RetailStore? { try await live().store(id: id) }
    func orders(userID: String, limit: Int) async throws -> [Order] {
        try await live().orders(userID: userID, limit: limit)
    }
    func order(id: String) async throws -> Order? { try await live().order(id: id) }
    func coupons(availableTo userID: String) async throws -> [Coupon] { try await live().coupons(availableTo: userID) }
    func coupon(code: String) async throws -> Coupon? { try await live().coupon(code: code) }
    func events(userID: String) async throws -> [Event] { try await live().events(userID: userID) }
    func replacePolicyChunks(_ chunks: [PolicyChunk]) async throws { try await live().replacePolicyChunks(chunks) }
    func policyChunks() async throws -> [PolicyChunk] { try await live().policyChunks() }
    func appendMessage(_ message: ChatMessage) async throws { try await live().appendMessage(message) }
    func messages(userID: String, conversationID: String, limit: Int) async throws -> [ChatMessage] {
        try await live().messages(userID: userID, conversationID: conversationID, limit: limit)
    }
    func conversations(userID: String) async throws -> [String] { try await live().conversations(userID: userID) }
    func insertSession(_ session: Session) async throws { try await live().insertSession(session) }
    func session(tokenHash: String, now: Date) async throws -> Session? {
        try await live().session(tokenHash: tokenHash, now: now)
    }
    func touchSession(tokenHash: String, lastSeenAt: Date, expiresAt: Date) async throws {
        try await live().touchSession(tokenHash: tokenHash, lastSeenAt: lastSeenAt, expiresAt: expiresAt)
    }
    func deleteSession(tokenHash: String) async throws { try await live().deleteSession(tokenHash: tokenHash) }
    func deleteSessions(userID: String) async throws { try await live().deleteSessions(userID: userID) }
    func purgeExpiredSessions(now: Date) async throws -> Int { try await live().purgeExpiredSessions(now: now) }
    func incrementUsage(userID: String, day: String, expiresAt: Date) async throws -> Int {
        try await live().incrementUsage(userID: userID, day: day, expiresAt: expiresAt)
    }
    func usage(userID: String, day: String) async throws -> Int { try await live().usage(userID: userID, day: day) }
    func reset() async throws { try await live().reset() }
    func counts() async throws -> CollectionCounts { try await live().counts() }
    func upsert(_ data: DataSet) async throws { try await live().upsert(data) }
    func exportAll() async throws -> DataSet { try await live().exportAll() }
    func ping() async throws { try await live().ping() }
    func close() async throws {}
}
