import Foundation
import Testing

@testable import ConciergeWeb

@Suite("TOTP (RFC 6238) and base32 (RFC 4648)")
struct TOTPTests {
    /// RFC 6238 appendix B, SHA-1 column (8 digits), and the same codes cut to the 6 digits apps show.
    @Test(arguments: [
        (59, "94287082"), (1_111_111_109, "07081804"), (1_111_111_111, "14050471"), (1_234_567_890, "89005924"),
        (2_000_000_000, "69279037"), (20_000_000_000, "65353130"),
    ])
    func rfc6238Vectors(time: Int64, expected: String) {
        let secret = Array("12345678901234567890".utf8)
        let step = TOTP.step(at: Date(timeIntervalSince1970: TimeInterval(time)))
        #expect(TOTP.code(secret: secret, step: step, digits: 8) == expected)
        #expect(TOTP.code(secret: secret, step: step) == String(expected.suffix(6)))
    }

    /// RFC 4226 appendix D: HOTP values for counters 0...9.
    @Test func rfc4226Vectors() {
        let expected = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871",
                        "520489"]
        let secret = Array("12345678901234567890".utf8)
        #expect((0..<10).map { TOTP.code(secret: secret, step: Int64($0)) } == expected)
    }

    @Test func aCodeIsAcceptedForItsStepAndOneEitherSideOnly() {
        let secret = Array("12345678901234567890".utf8)
        let now = Date(timeIntervalSince1970: 1_111_111_111)
        let step = TOTP.step(at: now)
        for offset in -1...1 {
            #expect(TOTP.matchingStep(secret: secret, code: TOTP.code(secret: secret, step: step + Int64(offset)), at: now)
                    == step + Int64(offset))
        }
        #expect(TOTP.matchingStep(secret: secret, code: TOTP.code(secret: secret, step: step + 2), at: now) == nil)
        #expect(TOTP.matchingStep(secret: secret, code: "12345", at: now) == nil)
        #expect(TOTP.matchingStep(secret: secret, code: "abcdef", at: now) == nil)
    }

    /// RFC 4648 section 10.
    @Test(arguments: [("", ""), ("f", "MY"), ("fo", "MZXQ"), ("foo", "MZXW6"), ("foob", "MZXW6YQ"),
                      ("fooba", "MZXW6YTB"), ("foobar", "MZXW6YTBOI")])
    func base32Vectors(plain: String, encoded: String) {
        #expect(Base32.encode(Array(plain.utf8)) == encoded)
        #expect(Base32.decode(encoded) == Array(plain.utf8))
        #expect(Base32.decode(encoded.lowercased() + "==") == Array(plain.utf8))
    }

    @Test func base32RefusesOtherCharacters() {
        #expect(Base32.decode("MZXW1") == nil && Base32.decode("MZ!W") == nil)
    }
}
