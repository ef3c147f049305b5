/// Tokenisation of profile values into the forms the known-value matcher compares.
enum KnownTokens {
    struct Word {
        var hash: UInt64
        var first: UInt8
        var length: Int
        var text: String
        /// A single letter, possibly with a dot ("Q." in "Jane Q. Doe").
        var isInitial: Bool
    }

    /// Word tokens of `value`: runs of letters, digits, non-ASCII bytes and inner apostrophes, case-folded;
    /// street types canonicalised when `canonical` ("Street" and "St" compare equal).
    static func words(_ value: String, canonical: Bool = false) -> [Word] {
        let bytes = Array(value.utf8)
        var words: [Word] = []
        var index = 0
        while index < bytes.count {
            guard isTokenByte(bytes[index]) else {
                index += 1
                continue
            }
            let start = index
            while index < bytes.count,
                isTokenByte(bytes[index])
                    || (bytes[index] == Byte.apostrophe && index + 1 < bytes.count && isTokenByte(bytes[index + 1]))
            {
                index += 1  // "O'Brien" and "Queen's" are one token
            }
            let lowered = bytes[start..<index].map(Byte.lower)
            var hash = WordHash.of(String(decoding: lowered, as: UTF8.self))
            if canonical { hash = StreetTypeCanon.canonical(hash) }
            words.append(
                Word(
                    hash: hash, first: lowered[0], length: index - start,
                    text: String(decoding: lowered, as: UTF8.self),
                    isInitial: index - start == 1 && Byte.isAlpha(bytes[start])))
        }
        return words
    }

    @inline(__always)
    static func isTokenByte(_ byte: UInt8) -> Bool { Byte.isAlnum(byte) || byte >= 0x80 }

    /// Digit spellings of a phone number: as written with its country code, with a trunk 0 instead of the
    /// country code, and without either ("+91 98765 43210" → 919876543210, 09876543210, 9876543210).
    static func phoneSpellings(_ phone: String) -> [[UInt8]] {
        let trimmed = phone.drop { $0 == " " }
        var digits = trimmed.utf8.filter(Byte.isDigit).map { $0 - 0x30 }
        guard digits.count >= 7, digits.count <= 15 else { return [] }
        var spellings: [[UInt8]] = []
        var international = trimmed.hasPrefix("+")
        if !international, digits.count > 10, digits[0] == 0, digits[1] == 0 {
            digits.removeFirst(2)
            international = true
        }
        spellings.append(digits)
        if international, let codeLength = countryCodeLength(digits) {
            var national = Array(digits[codeLength...])
            if national.first == 0 { national.removeFirst() }
            if national.count >= 8 { spellings.append(national) }
            spellings.append([0] + national)
        } else if digits.first == 0, digits.count >= 9 {
            spellings.append(Array(digits.dropFirst()))
        } else if digits.count == 10, PhoneRules.isNANP(digits[...]) {
            spellings.append([1] + digits)
        }
        var unique: [[UInt8]] = []
        for spelling in spellings where !unique.contains(spelling) { unique.append(spelling) }
        return unique
    }

    private static func countryCodeLength(_ digits: [UInt8]) -> Int? {
        var code = 0
        for length in 1...3 where length < digits.count {
            code = code * 10 + Int(digits[length - 1])
            if PhoneRules.isCountryCode(code) { return length }
        }
        return nil
    }
}

/// Canonical forms of street types and unit words, so "Street"/"St" and "Apartment"/"Apt" compare equal.
enum StreetTypeCanon {
    private static let pairs: [(String, String)] = [
        ("street", "st"), ("road", "rd"), ("avenue", "ave"), ("av", "ave"), ("lane", "ln"), ("drive", "dr"),
        ("boulevard", "blvd"), ("court", "ct"), ("place", "pl"), ("square", "sq"), ("terrace", "ter"),
        ("parkway", "pkwy"), ("highway", "hwy"), ("crescent", "cres"), ("circle", "cir"), ("gardens", "gdns"),
        ("apartment", "apt"), ("suite", "ste"), ("north", "n"), ("south", "s"), ("east", "e"), ("west", "w"),
        ("strasse", "straße"), ("str", "straße"),
    ]

    private static let table: [UInt64: (hash: UInt64, text: String)] = {
        var table: [UInt64: (hash: UInt64, text: String)] = [:]
        for (long, short) in pairs { table[WordHash.of(long)] = (WordHash.of(short), short) }
        return table
    }()

    static func canonical(_ hash: UInt64) -> UInt64 { table[hash]?.hash ?? hash }

    /// The canonical spelling of a long street type, for value keys.
    static func shortForm(_ hash: UInt64) -> String? { table[hash]?.text }
}

/// First names and surnames that are also everyday words; alone they are not masked as the shopper's name.
enum CommonNames {
    private static let words = WordHash.set([
        "will", "mark", "rose", "grace", "may", "june", "april", "august", "bill", "pat", "sue", "rob", "jack",
        "hope", "joy", "faith", "summer", "autumn", "dawn", "eve", "ray", "art", "chase", "hunter", "mason",
        "miles", "page", "rich", "sky", "storm", "young", "brown", "white", "green", "black", "baker", "king",
        "cook", "long", "little", "hall", "wood", "stone", "hill", "lane", "park", "price", "rice", "banks",
        "bell", "case", "cash", "moon", "star", "day", "guy", "frank", "penny", "ruby", "amber", "olive", "ivy",
        "lily", "daisy", "holly", "heather", "violet", "ginger", "candy", "honey", "sugar", "pepper", "basil",
        "sage", "mint", "carter", "fisher", "taylor", "hunt", "fox", "wolf", "bird", "swift", "sharp", "gay",
        "short", "strong", "north", "south", "west", "east", "english", "french", "london", "paris", "may",
        "an", "li", "le", "la", "de", "van", "von", "al", "el", "do", "so", "to", "me", "ma", "mo", "jo", "bo",
        "chip", "chef", "barista", "cafe", "latte", "mocha", "tea", "coffee", "cole", "crystal", "jewel", "pearl",
    ])

    static func isEverydayWord(_ hash: UInt64) -> Bool { words.contains(hash) }
}
