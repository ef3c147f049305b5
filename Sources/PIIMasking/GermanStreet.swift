/// German street-first addresses: "Hauptstraße 5", "Friedrichstr. 123", "Berliner Straße 12a",
/// "Karl-Marx-Allee 90, 10243 Berlin".
enum GermanStreet {
    /// Street-type endings in lower case; "str" only with its abbreviation dot.
    private static let endings: [[UInt8]] = [
        Array("straße".utf8), Array("strasse".utf8), Array("allee".utf8), Array("platz".utf8), Array("gasse".utf8),
        Array("damm".utf8), Array("ufer".utf8), Array("chaussee".utf8), Array("weg".utf8),
    ]
    private static let abbreviation = Array("str".utf8)
    private static let weakEnding = Array("ring".utf8)

    /// Cheap filter: the byte before the space can end a German street type ("…straße", "…platz", "…str.").
    static func mayEndBefore(_ t: ByteText, _ numberStart: Int) -> Bool {
        switch Byte.lower(t[numberStart - 2]) {
        case UInt8(ascii: "e"), UInt8(ascii: "z"), UInt8(ascii: "g"), UInt8(ascii: "m"), UInt8(ascii: "r"), Byte.dot:
            return true
        default:
            return false
        }
    }

    /// A German street address whose house number starts at `numberStart` (after a space).
    static func detect(_ t: ByteText, beforeNumber numberStart: Int) -> Candidate? {
        guard let previous = Boundary.previousWord(t, before: numberStart, maxGap: 2),
            Byte.isUpper(t[previous.start]), let word = AddressWord.read(t, at: previous.start), word.length >= 4
        else { return nil }
        guard isStreetWord(t, word, gapToNumber: numberStart - word.end) else { return nil }
        guard let number = HouseNumber.read(t, at: numberStart), !Boundary.wordBefore(t, word.start) else {
            return nil
        }
        let tail = AddressTail.parse(t, from: number.end)
        // "-ring" ends English words too ("Ordering 2…"): only with a postcode ("Cichoriusring 4, 21503 Hagenow").
        if hasEnding(t, word, weakEnding), !endings.contains(where: { hasEnding(t, word, $0) }), !tail.postcode {
            return nil
        }
        return Candidate(start: bareTypeStart(t, word) ?? word.start, end: tail.end, type: .address)
    }

    /// "Hauptstraße 5", "Friedrichstr. 123", "Lindenallee 4": a street-type ending (or a bare type word such as
    /// "Straße"), then the number after one space (two after "str.").
    private static func isStreetWord(_ t: ByteText, _ word: AddressWord, gapToNumber gap: Int) -> Bool {
        if hasEnding(t, word, abbreviation), gap == 2, t[word.end] == Byte.dot { return true }
        guard gap == 1, endings.contains(where: { hasEnding(t, word, $0) }) || hasEnding(t, word, weakEnding) else {
            return false
        }
        return word.length >= 6 || isBareType(t, word)
    }

    private static func hasEnding(_ t: ByteText, _ word: AddressWord, _ ending: [UInt8]) -> Bool {
        guard word.length >= ending.count else { return false }
        let offset = word.end - ending.count
        for index in 0..<ending.count where Byte.lower(t[offset + index]) != ending[index] {
            return false
        }
        return true
    }

    /// The word is the street type alone ("Straße", "Allee", "Platz").
    private static func isBareType(_ t: ByteText, _ word: AddressWord) -> Bool {
        endings.contains { $0.count == word.length && hasEnding(t, word, $0) }
    }

    /// "Berliner Straße 12": the capitalised word before a bare street type belongs to the name.
    private static func bareTypeStart(_ t: ByteText, _ word: AddressWord) -> Int? {
        guard isBareType(t, word), t[word.start - 1] == Byte.space else { return nil }
        var start = word.start - 1
        while start > 0, Byte.isWordByte(t[start - 1]), word.start - start < 30 { start -= 1 }
        guard start < word.start - 1, Byte.isUpper(t[start]), !Boundary.wordBefore(t, start) else { return nil }
        return start
    }
}
