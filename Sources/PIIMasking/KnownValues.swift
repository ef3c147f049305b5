/// A profile compiled into token and digit sequences for the known-value matcher.
struct KnownValues: Sendable {
    /// A sequence of word tokens (lower-cased, street types canonicalised) that stands for one profile value.
    struct TokenVariant: Sendable {
        var tokens: [UInt64]
        var slot: Int
        /// A match may stop after this many tokens (an address typed without its postcode).
        var minTokens: Int
        /// Single-word name parts match only when capitalised in the text ("Will", not "will").
        var requiresCapital: Bool
        /// Text tokens are compared after street-type canonicalisation (addresses).
        var canonical = false
        /// What may stand between two tokens in the text.
        var joiner = Joiner.loose
    }

    /// Separators allowed between the tokens of a value.
    enum Joiner: Sendable {
        /// One to three punctuation or space bytes ("jane.doe@gmail.com", "221B Baker Street, London").
        case loose
        /// Spaces or one hyphen; a dot only after an initial ("Jane Q. Doe", "Mary-Jane"): a name never runs
        /// across a sentence end.
        case name
        /// A comma and spaces ("Doe, Jane").
        case comma
    }

    /// A digit string that stands for the profile phone in one of its spellings.
    struct DigitVariant: Sendable {
        var digits: [UInt8]
        var slot: Int
    }

    /// One profile value: its type and the key the vault files it under.
    struct Slot: Sendable {
        var type: PIIType
        var key: String
    }

    var tokenVariants: [TokenVariant] = []
    var digitVariants: [DigitVariant] = []
    var slots: [Slot] = []
    /// Lower-cased first bytes of all variants, so most words are rejected with one bit test.
    var firstBytes = FirstByteSet()

    var isEmpty: Bool { slots.isEmpty }

    init(_ profile: MaskingProfile) {
        if let name = profile.name { addName(name) }
        if let email = profile.email { addEmail(email) }
        if let phone = profile.phone { addPhone(phone) }
        if let address = profile.address { addAddress(address) }
    }

    private mutating func newSlot(_ type: PIIType, _ key: String) -> Int {
        slots.append(Slot(type: type, key: key))
        return slots.count - 1
    }

    private mutating func add(_ variant: TokenVariant, firstByte: UInt8) {
        tokenVariants.append(variant)
        firstBytes.insert(Byte.lower(firstByte))
    }

    private mutating func addEmail(_ email: String) {
        let words = KnownTokens.words(email)
        guard words.count >= 3, email.contains("@") else { return }
        let slot = newSlot(.email, ValueKey.email(email))
        add(
            TokenVariant(tokens: words.map(\.hash), slot: slot, minTokens: words.count, requiresCapital: false),
            firstByte: words[0].first)
    }

    private mutating func addAddress(_ address: String) {
        let words = KnownTokens.words(address, canonical: true)
        guard words.count >= 2 else { return }
        let suffixIndex = words.firstIndex { Lexicon.streetSuffixes.contains($0.hash) } ?? (min(words.count, 3) - 1)
        let slot = newSlot(.address, ValueKey.address(address))
        let variant = TokenVariant(
            tokens: words.map(\.hash), slot: slot, minTokens: max(2, suffixIndex + 1), requiresCapital: false,
            canonical: true)
        add(variant, firstByte: words[0].first)
    }

    private mutating func addPhone(_ phone: String) {
        let spellings = KnownTokens.phoneSpellings(phone)
        guard !spellings.isEmpty else { return }
        let slot = newSlot(.phone, ValueKey.phone(phone))
        for digits in spellings {
            digitVariants.append(DigitVariant(digits: digits, slot: slot))
            firstBytes.insert(digits[0] + 0x30)
        }
        firstBytes.insert(Byte.plus)
    }
}

extension KnownValues {
    /// Full name, first + last, "Last, First"; and the first and last names alone when capitalised and not
    /// everyday words ("Grace", "Will" and "Baker" stay unless written with the rest of the name).
    fileprivate mutating func addName(_ name: String) {
        let words = KnownTokens.words(name).filter { $0.length >= 2 || $0.isInitial }
        guard !words.isEmpty else { return }
        let full = newSlot(.name, ValueKey.name(name))
        let hashes = words.map(\.hash)
        add(
            TokenVariant(tokens: hashes, slot: full, minTokens: hashes.count, requiresCapital: false, joiner: .name),
            firstByte: words[0].first)
        guard words.count >= 2, let firstWord = words.first, let lastWord = words.last else { return }
        if words.count > 2 {
            add(
                TokenVariant(
                    tokens: [firstWord.hash, lastWord.hash], slot: full, minTokens: 2, requiresCapital: false,
                    joiner: .name),
                firstByte: firstWord.first)
        }
        add(
            TokenVariant(
                tokens: [lastWord.hash, firstWord.hash], slot: full, minTokens: 2, requiresCapital: false,
                joiner: .comma),
            firstByte: lastWord.first)
        for single in [firstWord, lastWord] where single.length >= 2 && !CommonNames.isEverydayWord(single.hash) {
            let slot = newSlot(.name, "n:" + single.text)
            add(
                TokenVariant(tokens: [single.hash], slot: slot, minTokens: 1, requiresCapital: true),
                firstByte: single.first)
        }
    }
}

/// A 256-bit set of bytes.
struct FirstByteSet: Sendable {
    private var bits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    mutating func insert(_ byte: UInt8) {
        let bit = UInt64(1) << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: bits.0 |= bit
        case 1: bits.1 |= bit
        case 2: bits.2 |= bit
        default: bits.3 |= bit
        }
    }

    @inline(__always)
    func contains(_ byte: UInt8) -> Bool {
        let bit = UInt64(1) << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: return bits.0 & bit != 0
        case 1: return bits.1 & bit != 0
        case 2: return bits.2 & bit != 0
        default: return bits.3 & bit != 0
        }
    }
}
