import Foundation

/// The current instant, injected so that quotas, sessions, seeding and tests never depend on the real time.
public protocol WallClock: Sendable {
    func now() -> Date
}

public struct SystemWallClock: WallClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that always answers the same instant.
public struct FixedWallClock: WallClock {
    public let instant: Date
    public init(_ instant: Date) { self.instant = instant }
    public func now() -> Date { instant }
}

/// Hashes and verifies passwords (bcrypt in production). Slow by design: implementations run off the
/// cooperative thread pool.
public protocol PasswordHasher: Sendable {
    func hash(_ password: String) async throws -> String
    func verify(_ password: String, against hash: String) async -> Bool
}

/// Fresh identifiers for messages and conversations, injected so tests can pin them.
public protocol IdentifierSource: Sendable {
    func make(_ prefix: String) -> String
}

/// 20 characters from the system's CSPRNG (about 100 bits): unguessable conversation and message ids.
public struct RandomIdentifierSource: IdentifierSource {
    private static let alphabet = Array("abcdefghjkmnpqrstvwxyz0123456789")

    public init() {}

    public func make(_ prefix: String) -> String {
        var generator = SystemRandomNumberGenerator()
        return prefix + String((0..<20).map { _ in Self.alphabet[Int(generator.next() % UInt64(Self.alphabet.count))] })
    }
}
