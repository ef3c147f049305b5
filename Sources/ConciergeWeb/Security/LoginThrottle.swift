import Foundation

/// Counts failed logins per account and per client address, in memory, on the injected clock.
///
/// Per account: 5 failures within 15 minutes lock the account for 15 minutes (the policy page's numbers). The key
/// is the submitted e-mail whether or not an account has it, so a lock says nothing about existence.
/// Per address: 20 failures within 15 minutes block further attempts from it until the oldest ages out.
/// While blocked, passwords are not even checked. A success clears the account's count, not the address's.
actor LoginThrottle {
    struct Policy: Sendable {
        var accountFailures = 5
        var accountLock: TimeInterval = 15 * 60
        var addressFailures = 20
        var window: TimeInterval = 15 * 60
    }

    private struct Record {
        var failures: [Date] = []
        var lockedUntil: Date?
    }

    private let policy: Policy
    private var accounts: [String: Record] = [:]
    private var addresses: [String: Record] = [:]

    init(policy: Policy = Policy()) { self.policy = policy }

    /// When blocked, the instant the block ends.
    func blockedUntil(account: String, address: String, now: Date) -> Date? {
        let accountLock = accounts[account]?.lockedUntil.flatMap { $0 > now ? $0 : nil }
        let recent = recentFailures(addresses[address], now: now)
        let addressBlock = recent.count >= policy.addressFailures ? recent.first!.addingTimeInterval(policy.window) : nil
        return [accountLock, addressBlock].compactMap { $0 }.max()
    }

    func recordFailure(account: String, address: String, now: Date) {
        var record = accounts[account] ?? Record()
        record.failures = recentFailures(record, now: now) + [now]
        if record.failures.count >= policy.accountFailures {
            record.lockedUntil = now.addingTimeInterval(policy.accountLock)
            record.failures = []
        }
        accounts[account] = record
        var addressRecord = addresses[address] ?? Record()
        addressRecord.failures = recentFailures(addressRecord, now: now) + [now]
        addresses[address] = addressRecord
        prune(now: now)
    }

    func recordSuccess(account: String) {
        accounts[account] = nil
    }

    private func recentFailures(_ record: Record?, now: Date) -> [Date] {
        (record?.failures ?? []).filter { now.timeIntervalSince($0) < policy.window }
    }

    /// Keeps memory bounded under a spray of distinct e-mails or addresses.
    private func prune(now: Date) {
        guard accounts.count + addresses.count > 10_000 else { return }
        accounts = accounts.filter { ($0.value.lockedUntil ?? .distantPast) > now || !recentFailures($0.value, now: now).isEmpty }
        addresses = addresses.filter { !recentFailures($0.value, now: now).isEmpty }
    }
}
