import Foundation
import Retrieval

/// Why a store operation failed, in terms a caller can act on. Messages never contain PII values.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A unique key is taken (`field` names it: `email`, `code`...).
    case duplicate(collection: DataCollection, field: String)
    /// The backing database cannot be reached or answered with an error.
    case unavailable(String)
    /// Stored data could not be decoded (a schema drift or a corrupt row).
    case corrupt(collection: DataCollection, detail: String)
    /// A text to store holds a NUL, which the store cannot keep whole (SQLite's bindings read text as C strings).
    /// Inputs refuse control characters before this; reaching it is a caller's bug, not a shopper's.
    case unstorableText(collection: DataCollection)

    public var description: String {
        switch self {
        case .duplicate(let collection, let field): "duplicate \(field) in \(collection.rawValue)"
        case .unavailable(let detail): "store unavailable: \(detail)"
        case .corrupt(let collection, let detail): "corrupt \(collection.rawValue): \(detail)"
        case .unstorableText(let collection): "a text with a NUL cannot be stored in \(collection.rawValue)"
        }
    }
}

/// Accounts.
public protocol UserStore: Sendable {
    /// Inserts a new user; throws `StoreError.duplicate(.users, "email")` when the e-mail is taken.
    func insertUser(_ user: User) async throws
    /// Replaces an existing user (role, preferences, points...). Returns false when no such user exists.
    @discardableResult func updateUser(_ user: User) async throws -> Bool
    func user(id: String) async throws -> User?
    /// Looks up by e-mail, case-insensitively.
    func user(email: String) async throws -> User?
}

/// The chain's shops.
public protocol ShopDirectory: Sendable {
    /// Every shop, ordered by id.
    func allShops() async throws -> [Shop]
    func shop(id: String) async throws -> Shop?
}

/// A shopper's orders.
public protocol OrderStore: Sendable {
    /// The user's most recent orders, newest first (ties broken by id).
    func orders(userID: String, limit: Int) async throws -> [Order]
    func order(id: String) async throws -> Order?
}

public protocol CouponStore: Sendable {
    /// Coupons the user may hold at these shops, ordered by code: all of their own, plus everyone's except the ones
    /// scoped to a shop not in `shopIDs` (none of those when it is empty). Validity is not filtered here: eligibility is
    /// decided in code by the core. The shop filter is here because a chain has thousands of shops with a coupon or
    /// two each, and reading all of them was a sixth of a turn's time; a list, because a turn looks at a few nearby
    /// shops and one query for them costs what one query for one shop did.
    func coupons(availableTo userID: String, atShops shopIDs: [String]) async throws -> [Coupon]
    func coupon(code: String) async throws -> Coupon?
}

public protocol EventStore: Sendable {
    /// The user's events in time order (ties broken by id).
    func events(userID: String) async throws -> [Event]
}

/// What the analyst side reads across every customer (features, RFM, segments). Narrow on purpose: shopper ids,
/// orders and events, never names, e-mails or addresses. Everything is read whole; the as-of date is applied by the
/// pure computation (`Analytics.CustomerFeatures`), so one read serves any as-of date.
public protocol AnalyticsReadStore: Sendable {
    /// The id of every user whose role is `shopper`, ordered by id.
    func shopperIDs() async throws -> [String]
    /// Every order of every user, oldest first (ties broken by id).
    func allOrders() async throws -> [Order]
    /// Every event of every user in time order (ties broken by id).
    func allEvents() async throws -> [Event]
}

public protocol PolicyStore: Sendable {
    /// Replaces the whole policy corpus atomically where the store allows it.
    func replacePolicyChunks(_ chunks: [PolicyChunk]) async throws
    /// Every chunk, ordered by document then position.
    func policyChunks() async throws -> [PolicyChunk]
}

public protocol ChatStore: Sendable {
    /// Stores a new message; an id that is taken is `StoreError.duplicate` (turn keys rely on it).
    func appendMessage(_ message: ChatMessage) async throws
    /// The message with this id if it is this user's; another user's message is `nil`.
    func message(id: String, userID: String) async throws -> ChatMessage?
    /// The last `limit` messages of a conversation of this user, oldest first. Another user's conversation
    /// id yields nothing.
    func messages(userID: String, conversationID: String, limit: Int) async throws -> [ChatMessage]
    /// The user's conversation ids, most recently active first.
    func conversations(userID: String) async throws -> [String]
}

/// Storage limitation: what the retention sweep removes once its time is up (`RetentionSweep`).
public protocol RetentionStore: Sendable {
    /// Drops the debug trace of every message created before `cutoff` (the message itself stays); returns how many
    /// messages lost one.
    @discardableResult func expireTraces(createdBefore cutoff: Date) async throws -> Int
    /// Deletes every message created before `cutoff`, trace and all; returns how many went.
    @discardableResult func deleteMessages(createdBefore cutoff: Date) async throws -> Int
}

/// Conversations passed to Customer Care (the staff inbox). One open request per conversation at most.
public protocol HandoffStore: Sendable {
    /// Stores `request` as its conversation's open hand-off, unless that conversation already has an open one: then
    /// that one is returned and nothing is written (`isNew` false). Atomic: concurrent calls for one conversation
    /// leave exactly one open request. A taken id is `StoreError.duplicate(.handoffs, "id")`.
    func openHandoff(_ request: HandoffRequest) async throws -> HandoffOpening
    /// Open requests, oldest first (ties broken by id), at most `limit`.
    func openHandoffs(limit: Int) async throws -> [HandoffRequest]
    func handoff(id: String) async throws -> HandoffRequest?
    /// The latest request of this user's conversation (the open one while there is one: a new request can only
    /// be opened once the previous one is answered). Another user's conversation id yields `nil`.
    func handoff(userID: String, conversationID: String) async throws -> HandoffRequest?
    /// Marks an open request answered by `staffID` at `at`. Returns false, and changes nothing, when the request
    /// does not exist or was already answered (the first reply's time and author are kept).
    @discardableResult func markHandoffAnswered(id: String, by staffID: String, at: Date) async throws -> Bool
}

public protocol SessionStore: Sendable {
    func insertSession(_ session: Session) async throws
    /// The session with this token hash, if it exists and has not expired at `now`.
    func session(tokenHash: String, now: Date) async throws -> Session?
    func touchSession(tokenHash: String, lastSeenAt: Date, expiresAt: Date) async throws
    func deleteSession(tokenHash: String) async throws
    func deleteSessions(userID: String) async throws
    /// Removes expired sessions; returns how many.
    @discardableResult func purgeExpiredSessions(now: Date) async throws -> Int
}

public protocol UsageStore: Sendable {
    /// Atomically adds one to the user's counter for `day` (creating it) and returns the new count.
    /// Concurrent calls never lose an increment.
    func incrementUsage(userID: String, day: String, expiresAt: Date) async throws -> Int
    func usage(userID: String, day: String) async throws -> Int
}

/// Counters behind the login and signup throttles, kept in the store so that every instance of the site sees the
/// same counts (several instances behind a load balancer, or one restarted, must not each start from zero).
///
/// A counter counts events in a window that opens with its first event and ends `window` seconds later; an event at
/// or after the end starts a new window at 1.
public protocol ThrottleStore: Sendable {
    /// Atomically adds one to `key`'s counter and returns it: a counter that does not exist, or whose window has
    /// ended at `now`, starts again at 1 with a window ending at `now + window`; an open window keeps its end.
    /// Concurrent calls never lose an increment, and a window that has ended is started again once.
    func incrementThrottle(key: String, now: Date, window: TimeInterval) async throws -> ThrottleWindow
    /// `key`'s counter if its window is still open at `now`.
    func throttle(key: String, now: Date) async throws -> ThrottleWindow?
    /// Deletes `key`'s counter (a good login clears the account's failures).
    func clearThrottle(key: String) async throws
    /// Removes counters whose window has ended; returns how many.
    @discardableResult func purgeExpiredThrottles(now: Date) async throws -> Int
}

/// Whether the database answers (`/healthz`).
public protocol StoreHealth: Sendable {
    /// Cheap round trip proving the store answers.
    func ping() async throws
}

/// Whole-store operations for the CLI: seeding, importing, exporting, statistics.
public protocol DataAdministration: StoreHealth {
    /// Empties every collection.
    func reset() async throws
    func counts() async throws -> CollectionCounts
    /// Writes every record, replacing records with the same key (so re-running a seed is idempotent).
    /// A failure leaves the store as it was before the call.
    func upsert(_ data: DataSet) async throws
    /// Everything the store holds, in canonical order.
    func exportAll() async throws -> DataSet
}

/// What one chat turn reads and writes (the shops and policies are read once, when the service is built).
public typealias ChatTurnStore = UserStore & ChatStore & UsageStore & OrderStore & CouponStore & HandoffStore

/// Everything the application needs from persistence. Both `SQLiteStore` and `MongoStore` implement it and
/// pass the same contract suite.
public protocol ConciergeStore: UserStore, ShopDirectory, OrderStore, CouponStore, EventStore, AnalyticsReadStore,
    AudienceCandidateStore, AudienceAuditStore, PolicyStore, ChatStore, RetentionStore, HandoffStore, SessionStore,
    UsageStore, ThrottleStore, InsightStore, SegmentationRunStore, ModelUsageStore, DataAdministration,
    PersonalDataStore, PasswordResetStore, SecondFactorStore
{
    /// Releases connections. Calling anything afterwards is a programming error.
    func close() async throws
}
