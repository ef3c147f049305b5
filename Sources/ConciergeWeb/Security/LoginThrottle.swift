import ConciergeCore
import Foundation

/// Counts failed logins per account and per client address in the store (`ThrottleStore`), on the injected clock, so
/// that every instance of the site sees the same counts (issue 13, item 8: in memory, two instances behind a load
/// balancer gave an attacker two sets of attempts, and a restart gave a fresh set).
///
/// Per account: 5 failures within 15 minutes lock the account for 15 minutes (the policy page's numbers). The key
/// is the submitted e-mail whether or not an account has it, so a lock says nothing about existence.
/// Per address: 20 failures within 15 minutes block further attempts from it until that window closes.
/// While blocked, passwords are not even checked. A success clears the account's count, not the address's.
/// Keys hold SHA-256 hashes, never an e-mail or an address.
struct LoginThrottle<Store: ThrottleStore>: Sendable {
    struct Policy: Sendable {
        var accountFailures = 5
        var accountLock: TimeInterval = 15 * 60
        var addressFailures = 20
        var window: TimeInterval = 15 * 60
    }

    let store: Store
    var policy = Policy()

    /// Why logging in is refused, and until when: the page says which, because both are equally true for every
    /// visitor who sees them (the e-mail lock is the submitted e-mail's, account or not).
    enum Block: Equatable {
        case email(until: Date)
        case address(until: Date)

        var until: Date {
            switch self {
            case .email(let until), .address(let until): until
            }
        }
    }

    /// The block that ends last (the e-mail's when both end together); `nil` when not blocked. `account` is already
    /// a hash of the normalised e-mail.
    func block(account: String, address: String, now: Date) async throws -> Block? {
        let lock = try await store.throttle(key: ThrottleKey.accountLock(account), now: now)
        let failures = try await store.throttle(key: ThrottleKey.loginAddress(address), now: now)
        let addressBlock = failures.flatMap { $0.count >= policy.addressFailures ? $0.expiresAt : nil }
        switch (lock?.expiresAt, addressBlock) {
        case let (email?, address?): return address > email ? .address(until: address) : .email(until: email)
        case let (email?, nil): return .email(until: email)
        case let (nil, address?): return .address(until: address)
        case (nil, nil): return nil
        }
    }

    func recordFailure(account: String, address: String, now: Date) async throws {
        let failures = try await store.incrementThrottle(key: ThrottleKey.accountFailures(account), now: now,
                                                         window: policy.window)
        if failures.count >= policy.accountFailures {
            _ = try await store.incrementThrottle(key: ThrottleKey.accountLock(account), now: now,
                                                  window: policy.accountLock)
            try await store.clearThrottle(key: ThrottleKey.accountFailures(account))
        }
        _ = try await store.incrementThrottle(key: ThrottleKey.loginAddress(address), now: now, window: policy.window)
    }

    func recordSuccess(account: String) async throws {
        try await store.clearThrottle(key: ThrottleKey.accountFailures(account))
    }
}
