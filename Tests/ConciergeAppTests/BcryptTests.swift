import Bcrypt
import Testing

@Suite("bcrypt via libxcrypt")
struct BcryptTests {
    let hasher = BcryptPasswordHasher(cost: 4)

    @Test func hashesAreSaltedBcryptAndVerify() async throws {
        let first = try await hasher.hash("correct horse battery")
        let second = try await hasher.hash("correct horse battery")
        #expect(first.hasPrefix("$2b$04$") && first.utf8.count == 60)
        #expect(first != second, "a fresh salt each time")
        #expect(await hasher.verify("correct horse battery", against: first))
        #expect(await hasher.verify("correct horse battery!", against: first) == false)
    }

    /// `crypt("pw", "ab")` succeeds as DES: only real bcrypt hashes may verify.
    @Test(arguments: ["", "garbage", "abZ3hJ2l6Mmfg", "*0", "$1$salt$hash", "$2b$04$short"])
    func nonBcryptHashesNeverVerify(hash: String) async {
        #expect(await hasher.verify("pw", against: hash) == false)
    }

    @Test func passwordsBcryptCannotTakeWholeAreRefused() async {
        await #expect(throws: BcryptPasswordHasher.Failure.invalidPassword) {
            try await hasher.hash(String(repeating: "a", count: 73))
        }
        await #expect(throws: BcryptPasswordHasher.Failure.invalidPassword) { try await hasher.hash("nul\0byte") }
    }
}
