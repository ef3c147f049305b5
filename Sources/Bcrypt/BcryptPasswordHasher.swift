import CCrypt
import ConciergeCore
import Foundation

/// bcrypt (`$2b$`) through libxcrypt's `crypt_r`.
///
/// Hashing is deliberately slow (cost 12 ≈ 0.2 s here), so every call runs on a small dedicated queue sized to
/// the CPU count: never on Swift's cooperative pool, and never more parallel hashes than cores.
public struct BcryptPasswordHasher: PasswordHasher {
    public enum Failure: Error, Equatable {
        case invalidPassword
        case libraryFailure
    }

    /// bcrypt reads at most 72 bytes; longer passwords are refused rather than silently truncated.
    public static let maximumPasswordBytes = 72

    public let cost: Int

    public init(cost: Int) {
        precondition((4...31).contains(cost), "bcrypt cost must be 4...31")
        self.cost = cost
    }

    public func hash(_ password: String) async throws -> String {
        guard Self.isHashable(password) else { throw Failure.invalidPassword }
        let cost = self.cost
        return try await BlockingWork.run {
            guard let setting = Self.makeSetting(cost: cost),
                let hashed = Self.crypt(password, setting: setting), Self.looksLikeBcrypt(hashed)
            else { throw Failure.libraryFailure }
            return hashed
        }
    }

    public func verify(_ password: String, against hash: String) async -> Bool {
        guard Self.isHashable(password), Self.looksLikeBcrypt(hash) else { return false }
        let result = try? await BlockingWork.run { Self.crypt(password, setting: hash) }
        guard let candidate = result ?? nil else { return false }
        return Self.constantTimeEqual(candidate, hash)
    }

    /// A password bcrypt can take whole: no NUL (C strings would cut it) and at most 72 bytes.
    public static func isHashable(_ password: String) -> Bool {
        !password.utf8.contains(0) && password.utf8.count <= maximumPasswordBytes
    }

    /// Only real bcrypt hashes are verified: `crypt` would happily treat "garbage" as a weak DES salt.
    static func looksLikeBcrypt(_ hash: String) -> Bool {
        hash.utf8.count == 60 && (hash.hasPrefix("$2b$") || hash.hasPrefix("$2a$") || hash.hasPrefix("$2y$"))
    }

    private static func makeSetting(cost: Int) -> String? {
        let size = Int(concierge_crypt_gensalt_output_size())
        var buffer = [CChar](repeating: 0, count: size)
        // A nil random source makes libxcrypt read the kernel's CSPRNG.
        guard crypt_gensalt_rn("$2b$", UInt(cost), nil, 0, &buffer, Int32(size)) != nil else { return nil }
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func crypt(_ password: String, setting: String) -> String? {
        let data = concierge_crypt_data_new()
        defer { concierge_crypt_data_free(data) }
        guard let data, let output = concierge_crypt_r(password, setting, data) else { return nil }
        let result = String(cString: output)
        return result.hasPrefix("*") ? nil : result  // "*0"/"*1" are libxcrypt's failure tokens.
    }

    private static func constantTimeEqual(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }
}
