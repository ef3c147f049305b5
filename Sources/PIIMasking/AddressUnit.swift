/// Unit designators: "Apt 4B", "Flat 3", "Suite 200", "Unit 5", "#4B", "# 210".
enum Unit {
    /// The end of a unit starting at `start`, or nil.
    static func read(_ t: ByteText, at start: Int) -> Int? {
        var index = start
        if let houseNumberEnd = indianHouseNumber(t, at: start) {
            index = houseNumberEnd
        } else if t[index] != Byte.hash {
            guard let word = AddressWord.read(t, at: start), word.capitalized || word.lowercase,
                Lexicon.unitDesignators.contains(word.hash)
            else { return nil }
            index = word.end
            if t[index] == Byte.dot { index += 1 }
            guard t[index] == Byte.space else { return nil }
            index += 1
        }
        if t[index] == Byte.hash {
            index += 1
            if t[index] == Byte.space, Byte.isDigit(t[index + 1]) { index += 1 }  // "# 210"
        }
        let idStart = index
        while Byte.isAlnum(t[index]) || (t[index] == Byte.dash && Byte.isAlnum(t[index + 1])), index - idStart < 8 {
            index += 1
        }
        guard index > idStart, index - idStart <= 6, Byte.isDigit(t[idStart]) || index - idStart <= 2,
            !Boundary.wordAfter(t, index)
        else { return nil }
        return index
    }

    /// "H.No. ", "H. No. ", "H No " (Indian "house number"), up to the id.
    private static func indianHouseNumber(_ t: ByteText, at start: Int) -> Int? {
        guard Byte.lower(t[start]) == UInt8(ascii: "h") else { return nil }
        var index = start + 1
        if t[index] == Byte.dot { index += 1 }
        if t[index] == Byte.space { index += 1 }
        guard t.equalsLower(index, index + 2, "no"), index > start + 1 else { return nil }
        index += 2
        if t[index] == Byte.dot { index += 1 }
        guard t[index] == Byte.space else { return nil }
        return index + 1
    }
}
