import Foundation

/// The shopper's daily message allowance after this message.
public struct QuotaStatus: Codable, Hashable, Sendable {
    public var used: Int
    public var limit: Int
    /// The shopper's next local midnight, when the count starts again.
    public var resetsAt: Date
    public var admitted: Bool { used <= limit }
    public var remaining: Int { max(0, limit - used) }

    /// `used` messages out of `limit` today, counting again from `resetsAt`.
    public init(used: Int, limit: Int, resetsAt: Date) {
        self.used = used
        self.limit = limit
        self.resetsAt = resetsAt
    }
}

/// Counts messages per shopper per local day with one atomic store operation; over the limit the turn stops
/// before any model call.
public struct QuotaGate: Sendable {
    let store: any UsageStore
    let limit: Int

    public init(store: any UsageStore, limit: Int) {
        self.store = store
        self.limit = limit
    }

    public func consume(user: User, at now: Date) async throws -> QuotaStatus {
        let day = LocalDay.string(for: now, timeZone: user.timeZone)
        let resetsAt = Self.nextMidnight(after: now, timeZone: user.timeZone)
        let used = try await store.incrementUsage(userID: user.id, day: day,
                                                  expiresAt: resetsAt.addingTimeInterval(2 * 86_400))
        return QuotaStatus(used: used, limit: limit, resetsAt: resetsAt)
    }

    public func peek(user: User, at now: Date) async throws -> QuotaStatus {
        let used = try await store.usage(userID: user.id, day: LocalDay.string(for: now, timeZone: user.timeZone))
        return QuotaStatus(used: used, limit: limit, resetsAt: Self.nextMidnight(after: now, timeZone: user.timeZone))
    }

    static func nextMidnight(after now: Date, timeZone identifier: String) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: identifier) ?? TimeZone(identifier: "UTC")!
        let today = calendar.startOfDay(for: now)
        return calendar.date(byAdding: .day, value: 1, to: today) ?? today.addingTimeInterval(86_400)
    }

    /// The friendly limit reply: no model involved.
    static func refusal(_ status: QuotaStatus, user: User, chain: ChainProfile) -> String {
        let time = LocalTimeFormatter(timeZoneIdentifier: user.timeZone)
        return "You've reached today's limit of \(status.limit) messages, so I can't answer this one. "
            + "Your allowance resets at \(time.time(status.resetsAt)) (midnight your time). "
            + "Next step: for anything urgent, call Customer Care on \(chain.carePhone(country: user.address?.country)) (\(chain.careHours))."
    }
}
