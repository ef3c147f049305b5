import ConciergeCore
import Foundation
import Retrieval
import Synchronization

/// Forwards to a real store until it goes down, then fails every call: with `StoreError.unavailable` (`isDown`),
/// or with any error a test chooses (`goDown(throwing:)`), as a database that breaks in an unexpected way.
public final class SwitchableStore: ConciergeStore {
    private let inner: any ConciergeStore
    private let failure = Mutex<(any Error)?>(nil)
    private let downAfterNextMessage = Atomic<Bool>(false)

    public init(_ inner: any ConciergeStore) { self.inner = inner }

    public var isDown: Bool {
        get { failure.withLock { $0 != nil } }
        set { failure.withLock { $0 = newValue ? StoreError.unavailable("switched off") : nil } }
    }

    /// Every call from now on throws `error`.
    public func goDown(throwing error: any Error) { failure.withLock { $0 = error } }

    /// Goes down right after the next message is stored: the turn fails between "question saved" and "answer
    /// saved", the case turn keys are for.
    public func goDownAfterNextMessage() { downAfterNextMessage.store(true, ordering: .relaxed) }

    private func live() throws -> any ConciergeStore {
        if let error = failure.withLock({ $0 }) { throw error }
        return inner
    }

    public func insertUser(_ user: User) async throws { try await live().insertUser(user) }
    public func updateUser(_ user: User) async throws -> Bool { try await live().updateUser(user) }
    public func user(id: String) async throws -> User? { try await live().user(id: id) }
    public func user(email: String) async throws -> User? { try await live().user(email: email) }
    public func allShops() async throws -> [Shop] { try await live().allShops() }
    public func shop(id: String) async throws -> Shop? { try await live().shop(id: id) }
    public func orders(userID: String, limit: Int) async throws -> [Order] {
        try await live().orders(userID: userID, limit: limit)
    }
    public func order(id: String) async throws -> Order? { try await live().order(id: id) }
    public func coupons(availableTo userID: String, atShops shopIDs: [String]) async throws -> [Coupon] {
        try await live().coupons(availableTo: userID, atShops: shopIDs)
    }
    public func coupon(code: String) async throws -> Coupon? { try await live().coupon(code: code) }
    public func events(userID: String) async throws -> [Event] { try await live().events(userID: userID) }
    public func shopperIDs() async throws -> [String] { try await live().shopperIDs() }
    public func allOrders() async throws -> [Order] { try await live().allOrders() }
    public func allEvents() async throws -> [Event] { try await live().allEvents() }
    public func appendAudienceAudit(_ record: AudienceAuditRecord) async throws {
        try await live().appendAudienceAudit(record)
    }
    public func audienceAudits(limit: Int) async throws -> [AudienceAuditRecord] {
        try await live().audienceAudits(limit: limit)
    }
    public func audienceCandidates(_ query: AudienceStoreQuery) async throws -> [String] {
        try await live().audienceCandidates(query)
    }
    public func replacePolicyChunks(_ chunks: [PolicyChunk]) async throws { try await live().replacePolicyChunks(chunks) }
    public func policyChunks() async throws -> [PolicyChunk] { try await live().policyChunks() }
    public func appendMessage(_ message: ChatMessage) async throws {
        try await live().appendMessage(message)
        if downAfterNextMessage.exchange(false, ordering: .relaxed) { isDown = true }
    }
    public func message(id: String, userID: String) async throws -> ChatMessage? {
        try await live().message(id: id, userID: userID)
    }
    public func messages(userID: String, conversationID: String, limit: Int) async throws -> [ChatMessage] {
        try await live().messages(userID: userID, conversationID: conversationID, limit: limit)
    }
    public func conversations(userID: String) async throws -> [String] { try await live().conversations(userID: userID) }
    public func expireTraces(createdBefore cutoff: Date) async throws -> Int {
        try await live().expireTraces(createdBefore: cutoff)
    }
    public func deleteMessages(createdBefore cutoff: Date) async throws -> Int {
        try await live().deleteMessages(createdBefore: cutoff)
    }
    public func openHandoff(_ request: HandoffRequest) async throws -> HandoffOpening {
        try await live().openHandoff(request)
    }
    public func openHandoffs(limit: Int) async throws -> [HandoffRequest] {
        try await live().openHandoffs(limit: limit)
    }
    public func handoff(id: String) async throws -> HandoffRequest? { try await live().handoff(id: id) }
    public func handoff(userID: String, conversationID: String) async throws -> HandoffRequest? {
        try await live().handoff(userID: userID, conversationID: conversationID)
    }
    public func markHandoffAnswered(id: String, by staffID: String, at: Date) async throws -> Bool {
        try await live().markHandoffAnswered(id: id, by: staffID, at: at)
    }
    public func insertSession(_ session: Session) async throws { try await live().insertSession(session) }
    public func session(tokenHash: String, now: Date) async throws -> Session? {
        try await live().session(tokenHash: tokenHash, now: now)
    }
    public func touchSession(tokenHash: String, lastSeenAt: Date, expiresAt: Date) async throws {
        try await live().touchSession(tokenHash: tokenHash, lastSeenAt: lastSeenAt, expiresAt: expiresAt)
    }
    public func deleteSession(tokenHash: String) async throws { try await live().deleteSession(tokenHash: tokenHash) }
    public func deleteSessions(userID: String) async throws { try await live().deleteSessions(userID: userID) }
    public func purgeExpiredSessions(now: Date) async throws -> Int { try await live().purgeExpiredSessions(now: now) }
    public func incrementUsage(userID: String, day: String, expiresAt: Date) async throws -> Int {
        try await live().incrementUsage(userID: userID, day: day, expiresAt: expiresAt)
    }
    public func usage(userID: String, day: String) async throws -> Int { try await live().usage(userID: userID, day: day) }
    public func incrementThrottle(key: String, now: Date, window: TimeInterval) async throws -> ThrottleWindow {
        try await live().incrementThrottle(key: key, now: now, window: window)
    }
    public func throttle(key: String, now: Date) async throws -> ThrottleWindow? {
        try await live().throttle(key: key, now: now)
    }
    public func clearThrottle(key: String) async throws { try await live().clearThrottle(key: key) }
    public func purgeExpiredThrottles(now: Date) async throws -> Int {
        try await live().purgeExpiredThrottles(now: now)
    }
    public func appendInsight(segmentID: String, createdAt: Date,
                              payload: @escaping @Sendable (Int) throws -> String) async throws -> InsightRecord {
        try await live().appendInsight(segmentID: segmentID, createdAt: createdAt, payload: payload)
    }
    public func latestInsight(segmentID: String) async throws -> InsightRecord? {
        try await live().latestInsight(segmentID: segmentID)
    }
    public func insights(segmentID: String) async throws -> [InsightRecord] {
        try await live().insights(segmentID: segmentID)
    }
    public func saveSegmentationRun(_ record: SegmentationRunRecord) async throws {
        try await live().saveSegmentationRun(record)
    }
    public func segmentationRun(id: String) async throws -> SegmentationRunRecord? {
        try await live().segmentationRun(id: id)
    }
    public func segmentationRuns(limit: Int) async throws -> [SegmentationRunRecord] {
        try await live().segmentationRuns(limit: limit)
    }
    public func addModelUsage(_ delta: ModelUsageRecord) async throws { try await live().addModelUsage(delta) }
    public func modelUsage(from: String, through: String) async throws -> [ModelUsageRecord] {
        try await live().modelUsage(from: from, through: through)
    }
    public func reset() async throws { try await live().reset() }
    public func counts() async throws -> CollectionCounts { try await live().counts() }
    public func upsert(_ data: DataSet) async throws { try await live().upsert(data) }
    public func exportAll() async throws -> DataSet { try await live().exportAll() }
    public func ping() async throws { try await live().ping() }
    public func close() async throws {}

    public func handoffs(userID: String) async throws -> [HandoffRequest] { try await live().handoffs(userID: userID) }
    public func usageCounters(userID: String) async throws -> [DailyUsage] {
        try await live().usageCounters(userID: userID)
    }
    public func eraseAccount(userID: String) async throws -> AccountErasure {
        try await live().eraseAccount(userID: userID)
    }
    public func insertPasswordReset(_ reset: PasswordReset) async throws { try await live().insertPasswordReset(reset) }
    public func passwordReset(tokenHash: String, now: Date) async throws -> PasswordReset? {
        try await live().passwordReset(tokenHash: tokenHash, now: now)
    }
    public func purgeUnusablePasswordResets(now: Date) async throws -> Int {
        try await live().purgeUnusablePasswordResets(now: now)
    }
    public func consumePasswordReset(tokenHash: String, now: Date) async throws -> PasswordReset? {
        try await live().consumePasswordReset(tokenHash: tokenHash, now: now)
    }
    public func secondFactor(userID: String) async throws -> SecondFactor? { try await live().secondFactor(userID: userID) }
    public func saveSecondFactor(_ factor: SecondFactor) async throws { try await live().saveSecondFactor(factor) }
    public func deleteSecondFactor(userID: String) async throws { try await live().deleteSecondFactor(userID: userID) }
    public func useTOTPStep(userID: String, step: Int64) async throws -> Bool {
        try await live().useTOTPStep(userID: userID, step: step)
    }
    public func useRecoveryCode(userID: String, codeHash: String) async throws -> Bool {
        try await live().useRecoveryCode(userID: userID, codeHash: codeHash)
    }
}
