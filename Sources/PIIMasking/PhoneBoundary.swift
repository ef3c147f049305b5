/// Where a phone number may start and stop inside a run of other numbers and codes.
///
/// Chat messages put a phone right after the ZIP or room number that ends an address line ("portland or 97205
/// 503-555-0134", "room 204 07700 900123"), and courier codes are typed in spaced groups that end in a
/// phone-shaped tail ("1Z 999 AA1 99 8728 6918").
enum PhoneBoundary {
    /// Whether a number starts afresh inside a run of digit groups: it opens with a parenthesised area code, or has
    /// punctuation of its own after its first group ("97205 503-555-0134", "…2179 923/570-2185"), or opens with a
    /// trunk 0 or 1 after a lone group such as a ZIP or a room ("room 204 07700 900123"). A card split in fours
    /// keeps one separator throughout ("4111-1111-1111-1111", "5388 0201 2941 0760"), so no group of it starts
    /// afresh.
    static func startsAfresh(_ t: ByteText, _ start: Int) -> Bool {
        if t[start] == Byte.lparen { return true }  // "97205 (503) 555-0134": an area code opens a number
        let joint = t[start - 1]
        var end = start
        while Byte.isDigit(t[end]), end - start < 7 { end += 1 }
        // "…2179 923/570-2185": punctuation of its own after the first group, unlike the space joining it.
        let own = t[end]
        if own == Byte.dash || own == Byte.dot || own == Byte.slash, own != joint, Byte.isDigit(t[end + 1]) {
            return true
        }
        var index = start - 2
        while index >= 0, Byte.isDigit(t[index]), start - index < 24 { index -= 1 }
        // The group before is alone (nothing before it, a word, a separator not after a digit) or ends a run joined
        // by another separator than this number's joint ("…id 83702-0393 1-844-449-6376").
        if index >= 0, !Byte.isAlpha(t[index]) {
            let lone =
                (t[index] == Byte.space || t[index] == Byte.comma) && !Byte.isDigit(t[index - 1])
                || t[index] == Byte.plus  // a whole international number before ("+16167322670 07260 671 820")
            let otherRun = t[index] != joint && (t[index] == Byte.dash || t[index] == Byte.dot)
            guard lone || otherRun else { return false }
        }
        // Four digits then four or six: the groups of a card ("5388 0201 2941 0760", "3659 069730 4977").
        if start - 2 - index == 4, end - start == 4 || end - start == 6 { return false }
        // A trunk prefix: "0" then the area code, or the North American "1 " ("…tx 78701 1 224/370-9037").
        let trunkZero = t[start] == UInt8(ascii: "0") && t[start + 1] != UInt8(ascii: "0") && end - start >= 2
        let trunkOne = end - start == 1 && t[start] == UInt8(ascii: "1") && Byte.isDigit(t[end + 1])
        return trunkZero || trunkOne
    }

    /// Whether the number follows a spaced code: the word before it (one space away) mixes letters and digits and
    /// the two words before that hold digits too ("1Z 999 AA1 99 8728 6918", a UPS tracking number). A postcode
    /// before a number ("M1 1AE 726/9755901") has only two such words.
    static func followsCode(_ t: ByteText, _ start: Int) -> Bool {
        guard t[start - 1] == Byte.space, Byte.isAlnum(t[start - 2]) else { return false }
        var end = start - 1
        for word in 0..<3 {
            var index = end - 1
            var letters = false
            var digits = false
            while index >= 0, Byte.isAlnum(t[index]), end - index <= 12 {
                if Byte.isDigit(t[index]) { digits = true } else { letters = true }
                index -= 1
            }
            guard digits, word > 0 || letters, index < end - 1 else { return false }
            if word < 2 {
                guard t[index] == Byte.space else { return false }
                end = index
            }
        }
        return true
    }

    /// The number of leading groups to keep when a later group restarts with a trunk 0 and, with the groups
    /// after it, is a whole national number of its own: "62704 07700 900123" is a ZIP and a UK mobile, not an
    /// Indian mobile "62704 07700" and a stray "900123". Nil when no group restarts.
    static func trunkRestart(_ groups: [DigitGroup], _ t: ByteText) -> Int? {
        guard groups.count >= 3, t[groups[0].digitStart] != UInt8(ascii: "0") else { return nil }
        for index in 1..<(groups.count - 1) {
            let group = groups[index]
            guard group.separator == Byte.space, !group.parenthesised, group.digitCount >= 3,
                t[group.digitStart] == UInt8(ascii: "0"), t[group.digitStart + 1] != UInt8(ascii: "0")
            else { continue }
            var tail = 0
            for later in groups[index...] { tail += later.digitCount }
            if (10...11).contains(tail) { return index }
        }
        return nil
    }
}
