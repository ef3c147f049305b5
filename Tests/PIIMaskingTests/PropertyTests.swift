import PIIMasking
import PIIMaskingEval
import SeededRandom
import Testing

/// Seeded random texts: Unicode from many scripts mixed with PII-shaped fragments and placeholder look-alikes.
struct RandomText {
    var rng: SplitMix64

    static let fragments = [
        "jane.doe@example.com", "+44 7700 900123", "(415) 555-2671", "4111 1111 1111 1111",
        "GB82 WEST 1234 5698 7654 32",
        "192.168.0.1", "fe80::1", "221B Baker Street, London NW1 6XE", "ORD-7K2M9Q1Z", "<EMAIL_1>", "<PHONE_", "<>",
        "@",
        "@@", "::", "2026-11-21", "14:30", "£4.50", "15%", "Apt 4B, ", "Straße 5", "\r\n", "\u{200D}", "\u{0301}",
        " x12", "ext.", "0", "00", "+", "(", ")", "-", ".", "/", "#",
    ]
    static let scalarRanges: [ClosedRange<UInt32>] = [
        0x20...0x7E, 0x20...0x7E, 0x30...0x39, 0xA0...0xFF, 0x100...0x17F, 0x391...0x3C9, 0x400...0x44F,
        0x600...0x6FF, 0x900...0x97F, 0x3040...0x30FF, 0x4E00...0x4FFF, 0xAC00...0xAD00, 0x1F300...0x1F64F,
        0x09...0x0D,
    ]

    mutating func next(maxPieces: Int = 40) -> String {
        var text = ""
        for _ in 0..<rng.int(0...maxPieces) {
            if rng.chance(0.3) {
                text += rng.pick(Self.fragments)
            } else {
                let range = rng.pick(Self.scalarRanges)
                for _ in 0..<rng.int(1...6) {
                    let value = range.lowerBound + UInt32(rng.below(Int(range.upperBound - range.lowerBound) + 1))
                    if let scalar = Unicode.Scalar(value) { text.unicodeScalars.append(scalar) }
                }
            }
        }
        return text
    }
}

@Suite("Properties")
struct PropertyTests {
    /// Whether every placeholder stands for one spelling in `detail` (two spellings of one value — "A@x.com",
    /// "a@x.com" — share a placeholder by design, and then only the first spelling can come back).
    static func spellingsAreUnique(_ text: String, _ detail: MaskedText) -> Bool {
        let bytes = Array(text.utf8)
        var spelling: [String: [UInt8]] = [:]
        for replacement in detail.replacements {
            let value = Array(bytes[replacement.utf8Range])
            if let seen = spelling[replacement.placeholder], seen != value { return false }
            spelling[replacement.placeholder] = value
        }
        return true
    }

    @Test func roundTripOnRandomUnicode() {
        var random = RandomText(rng: SplitMix64(seed: 11))
        var checked = 0
        for _ in 0..<3000 {
            let text = random.next()
            var session = MaskingSession()
            let detail = session.maskDetailed(text)
            guard Self.spellingsAreUnique(text, detail) else { continue }
            #expect(session.unmask(detail.text) == PaymentRedaction.redact(text, as: detail))
            checked += 1
        }
        #expect(checked > 2500)
    }

    @Test func maskingIsIdempotentOnItsOwnOutput() {
        var random = RandomText(rng: SplitMix64(seed: 12))
        for _ in 0..<3000 {
            let text = random.next()
            var session = MaskingSession()
            let once = session.mask(text)
            #expect(session.mask(once) == once)
            var fresh = MaskingSession()
            #expect(fresh.mask(once) == once)
        }
    }

    @Test func generatedCorpusRoundTripsAndIsIdempotent() {
        for message in CorpusGenerator(seed: 5).messages(1500) {
            var session = MaskingSession(profile: message.profile, allowList: message.allowList)
            let detail = session.maskDetailed(message.text)
            if Self.spellingsAreUnique(message.text, detail) {
                // Un-masking gives everything back except a payment number, which comes back redacted.
                #expect(session.unmask(detail.text) == PaymentRedaction.redact(message.text, as: detail))
            }
            #expect(session.mask(detail.text) == detail.text)
        }
    }

    @Test func invalidUTF8IsRepairedNotFatal() {
        var rng = SplitMix64(seed: 13)
        for _ in 0..<500 {
            let bytes = (0..<rng.int(0...200)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            let text = String(decoding: bytes, as: UTF8.self)
            var session = MaskingSession()
            let once = session.mask(text)
            #expect(session.mask(once) == once)
        }
    }

    @Test func tenMegabyteMessage() {
        let corpus = CorpusGenerator(seed: 14).messages(400).map(\.text).joined(separator: "\n")
        var text = ""
        text.reserveCapacity(10_100_000)
        while text.utf8.count < 10_000_000 { text += corpus + "\n" }
        var session = MaskingSession()
        let result = session.maskDetailed(text)
        #expect(!result.replacements.isEmpty)
        #expect(session.mask(result.text) == result.text)
    }

    /// Degenerate inputs that would be quadratic for a naive backtracking scanner.
    @Test(arguments: [
        "1 ", "1-", "@", "a@", "a.", "<EMAIL_1>", "<", "<A_", "::", "1.1.", "ORD-", "(1", "+1", "12 Main ", "Apt 1, ",
        "0", "4111", ", London", "x@y.co", "\u{1F600}",
        // the chat spellings of issue 13: "#" units, lower-case tails, slashes, runs of groups, courier codes
        "# 1, ", "1 elm way, ", "portland or 97205 ", "503/555-", "111 ", "a1 1 ", "\nleeds ", "nw14sh ",
    ])
    func repetitiveMegabyte(_ unit: String) {
        let text = String(repeating: unit, count: 1_000_000 / unit.utf8.count)
        var session = MaskingSession()
        let once = session.mask(text)
        #expect(session.mask(once) == once)
    }
}
