/// Postcode shapes that may close an address. Each returns the end of the code or nil; none of them is
/// masked on its own ("ZIP codes on their own" stay), only as part of a street address.
enum Postcode {
    /// UK postcode "NW1 6XE", "SW1A 1AA", "M1 1AE", with or without the space ("NW16XE", "sw1a1aa"), all upper or
    /// all lower case.
    static func uk(_ t: ByteText, at start: Int) -> Int? {
        var index = start
        let upper = Byte.isUpper(t[start])
        func letter(_ b: UInt8) -> Bool { upper ? Byte.isUpper(b) : Byte.isLower(b) }
        guard letter(t[index]) else { return nil }
        index += 1
        if letter(t[index]) { index += 1 }
        guard Byte.isDigit(t[index]) else { return nil }
        index += 1
        // The outward code has one optional character more ("SW1A", "CF10"); without the space only the inward
        // code's shape tells where it ends: "NW14SH" is NW1 4SH, "CF101EP" is CF10 1EP.
        if Byte.isDigit(t[index]) || letter(t[index]), let end = inward(t, at: index + 1, letter) { return end }
        return inward(t, at: index, letter)
    }

    /// The inward code "6XE" (after an optional space) starting at `index`, ending at a word boundary.
    private static func inward(_ t: ByteText, at index: Int, _ letter: (UInt8) -> Bool) -> Int? {
        let start = t[index] == Byte.space ? index + 1 : index
        guard Byte.isDigit(t[start]), letter(t[start + 1]), letter(t[start + 2]) else { return nil }
        return Boundary.wordAfter(t, start + 3) ? nil : start + 3
    }

    /// Canadian postal code "K1A 0B1".
    static func canada(_ t: ByteText, at start: Int) -> Int? {
        let i = start
        guard Byte.isUpper(t[i]), Byte.isDigit(t[i + 1]), Byte.isUpper(t[i + 2]) else { return nil }
        let j = t[i + 3] == Byte.space ? i + 4 : i + 3
        guard Byte.isDigit(t[j]), Byte.isUpper(t[j + 1]), Byte.isDigit(t[j + 2]) else { return nil }
        return Boundary.wordAfter(t, j + 3) ? nil : j + 3
    }

    /// A run of exactly `count` digits (US ZIP 5 with optional "-4", Indian PIN 6, Australian 4).
    static func digits(_ t: ByteText, at start: Int, count: Int, zipPlusFour: Bool = false) -> Int? {
        var index = start
        while Byte.isDigit(t[index]), index - start <= count { index += 1 }
        guard index - start == count else { return nil }
        if zipPlusFour, t[index] == Byte.dash, Byte.isDigit(t[index + 1]) {
            var plusEnd = index + 1
            while Byte.isDigit(t[plusEnd]), plusEnd - index <= 5 { plusEnd += 1 }
            if plusEnd - index == 5, !Boundary.wordAfter(t, plusEnd) { return plusEnd }
        }
        // "07762-044-892", "4.50", "12/05": digits going on after punctuation are some other number.
        let punctuation = t[index] == Byte.dot || t[index] == Byte.dash || t[index] == Byte.slash
        guard !Boundary.wordAfter(t, index), !(punctuation && Byte.isDigit(t[index + 1])) else { return nil }
        return index
    }

    /// Indian PIN "560001" or "560 001".
    static func india(_ t: ByteText, at start: Int) -> Int? {
        if let end = digits(t, at: start, count: 6) { return end }
        guard let first = digits(t, at: start, count: 3), t[first] == Byte.space else { return nil }
        return digits(t, at: first + 1, count: 3)
    }

    /// Any postcode that may directly follow a city: UK, Canadian, US ZIP(+4), Indian PIN, 5-digit EU codes.
    static func afterCity(_ t: ByteText, at start: Int) -> Int? {
        if Byte.isAlpha(t[start]) { return uk(t, at: start) ?? canada(t, at: start) }
        return digits(t, at: start, count: 5, zipPlusFour: true) ?? india(t, at: start)
    }
}
