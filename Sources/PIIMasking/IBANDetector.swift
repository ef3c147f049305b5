/// IBANs: country code, check digits and BBAN, unbroken or in groups of four, verified with ISO 7064 mod 97.
enum IBANDetector {
    /// Registered IBAN lengths by country (SWIFT IBAN registry).
    static let lengths: [String: Int] = [
        "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BR": 29,
        "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28, "EE": 20, "EG": 29,
        "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28,
        "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20,
        "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "LY": 25, "MC": 27, "MD": 24, "ME": 22,
        "MK": 19, "MR": 27, "MT": 31, "MU": 30, "NL": 18, "NO": 15, "PK": 24, "PL": 28, "PS": 29, "PT": 25,
        "QA": 29, "RO": 24, "RS": 22, "SA": 24, "SC": 31, "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27,
        "ST": 25, "SV": 28, "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
    ]

    /// Lengths indexed by the two country letters (A…Z × A…Z), 0 for no IBAN country: no hashing per lookup.
    private static let lengthTable: [Int] = {
        var table = [Int](repeating: 0, count: 26 * 26)
        for (code, length) in lengths {
            let bytes = Array(code.utf8)
            table[Int(bytes[0] - 0x41) * 26 + Int(bytes[1] - 0x41)] = length
        }
        return table
    }()

    /// An IBAN starting at `start` (a letter at a word start), or nil.
    static func detect(_ t: ByteText, at start: Int) -> Candidate? {
        guard Byte.isAlpha(t[start + 1]), Byte.isDigit(t[start + 2]), Byte.isDigit(t[start + 3]) else { return nil }
        let length = lengthTable[Int(Byte.upper(t[start]) - 0x41) * 26 + Int(Byte.upper(t[start + 1]) - 0x41)]
        guard length > 0 else { return nil }
        return registered(t, at: start, length: length) ?? checksummed(t, at: start)
    }

    /// An IBAN of the registered length for its country.
    private static func registered(_ t: ByteText, at start: Int, length: Int) -> Candidate? {
        var index = start
        var seen = 0
        while seen < length {
            let byte = t[index]
            if Byte.isAlnum(byte) {
                seen += 1
                index += 1
            } else if byte == Byte.space, seen % 4 == 0, seen > 0, Byte.isAlnum(t[index + 1]) {
                index += 1  // groups of four: "GB82 WEST 1234 …"
            } else {
                return nil
            }
        }
        guard !Boundary.wordAfter(t, index), mod97(t, start, index) == 1 else { return nil }
        return Candidate(start: start, end: index, type: .iban)
    }

    /// An IBAN whose length is off the registry (some generators and banks' test data get it wrong) but whose
    /// mod-97 check holds: the longest run of four-character groups (or one unbroken run) of 15–34 characters.
    private static func checksummed(_ t: ByteText, at start: Int) -> Candidate? {
        var ends: [(end: Int, count: Int)] = []
        var index = start
        var seen = 0
        while seen < 34 {
            guard Byte.isAlnum(t[index]) else { break }
            seen += 1
            index += 1
            if !Byte.isAlnum(t[index]) {
                ends.append((index, seen))
                guard t[index] == Byte.space, seen % 4 == 0, Byte.isAlnum(t[index + 1]) else { break }
                index += 1
            }
        }
        for candidate in ends.reversed() where (15...34).contains(candidate.count) {
            if !Boundary.wordAfter(t, candidate.end), mod97(t, start, candidate.end) == 1 {
                return Candidate(start: start, end: candidate.end, type: .iban)
            }
        }
        return nil
    }

    /// ISO 7064 mod 97-10 over the IBAN with its first four characters moved to the end, letters as 10…35.
    static func mod97(_ t: ByteText, _ start: Int, _ end: Int) -> Int {
        var remainder = 0
        func feed(_ byte: UInt8) {
            if Byte.isDigit(byte) {
                remainder = (remainder * 10 + Int(byte - 0x30)) % 97
            } else if Byte.isAlpha(byte) {
                remainder = (remainder * 100 + Int(Byte.upper(byte) - 0x41 + 10)) % 97
            }
        }
        var head = 0
        var index = start
        while index < end {
            if Byte.isAlnum(t[index]) {
                if head >= 4 { feed(t[index]) }
                head += 1
            }
            index += 1
        }
        index = start
        head = 0
        while head < 4 {
            if Byte.isAlnum(t[index]) {
                feed(t[index])
                head += 1
            }
            index += 1
        }
        return remainder
    }
}
