/// US military mail: "PSC 8615, Box 8144, APO AE 77606", "Unit 1625 Box 7679, DPO AP 23354",
/// "USNS Hernandez, FPO AE 79149".
enum MilitaryAddress {
    static let openers = ["psc", "unit", "usns", "usnv", "uss", "uscgc"]
    static let openerSet = WordHash.set(openers)
    private static let ships = WordHash.set(["USNS", "USNV", "USS", "USCGC"])

    /// The end of a military address starting at `start`, or nil.
    static func read(_ t: ByteText, at start: Int) -> Int? {
        guard let word = AddressWord.read(t, at: start), word.allCaps || word.capitalized else { return nil }
        var index: Int
        if t.equalsLower(word.start, word.end, "psc") || t.equalsLower(word.start, word.end, "unit") {
            // "PSC 8615, Box 8144" / "Unit 1625 Box 7679"
            guard let unitEnd = numberAfterSpace(t, word.end) else { return nil }
            index = unitEnd
            if t[index] == Byte.comma { index += 1 }
            guard t[index] == Byte.space, t.equalsLower(index + 1, index + 4, "box"),
                let boxEnd = numberAfterSpace(t, index + 4)
            else { return nil }
            index = boxEnd
        } else if word.allCaps, ships.contains(word.hash), let ship = AddressWord.after(t, word.end), ship.capitalized {
            index = ship.end
        } else {
            return nil
        }
        return postOffice(t, after: index)
    }

    /// ", APO AE 77606" / ", FPO AA 96080" / ", DPO AP 23354".
    private static func postOffice(_ t: ByteText, after index: Int) -> Int? {
        guard t[index] == Byte.comma, t[index + 1] == Byte.space else { return nil }
        let office = index + 2
        let isOffice =
            t.equalsLower(office, office + 3, "apo") || t.equalsLower(office, office + 3, "fpo")
            || t.equalsLower(office, office + 3, "dpo")
        guard isOffice, t[office + 3] == Byte.space, Byte.isUpper(t[office + 4]), Byte.isUpper(t[office + 5]),
            t[office + 6] == Byte.space
        else { return nil }
        return Postcode.digits(t, at: office + 7, count: 5)
    }

    private static func numberAfterSpace(_ t: ByteText, _ index: Int) -> Int? {
        guard t[index] == Byte.space, Byte.isDigit(t[index + 1]) else { return nil }
        var end = index + 1
        while Byte.isDigit(t[end]), end - index <= 6 { end += 1 }
        return Boundary.wordAfter(t, end) ? nil : end
    }
}
