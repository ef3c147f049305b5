/// Phone numbers: E.164 and national formats, validated by numbering-plan lengths, with extensions.
///
/// The detector reads the digit groups that start at a token and tries the longest prefix of whole groups that
/// is a valid number, so "call 0161 496 0000 2 times" yields the number and leaves "2". Shapes that are other
/// things are refused before any length rule: dates ("2026-11-21"), IPv4-like dotted quads, card-like runs of
/// four-digit groups, thousands-grouped amounts ("2 345 678 901"), prices, ids after "#" or "SKU".
extension NumberDetector {
    /// A phone span starting at `start` (a digit, `+` or `(`), or nil.
    mutating func detectPhone(_ t: ByteText, at start: Int) -> Candidate? {
        guard Boundary.numberMayStart(t, start) else { return nil }
        let plus = DigitGroupReader.read(
            t, from: start, separators: .phone, maxGroups: 9, maxDigits: 17, into: &groups)
        guard !groups.isEmpty, groups.reduce(0, { $0 + $1.digitCount }) >= 7,
            plus || !Self.phoneContinuesRun(t, start) || PhoneBoundary.startsAfresh(t, start),
            plus || !PhoneBoundary.followsCode(t, start), !PhoneShape.isOtherThing(groups, t, plus: plus)
        else { return nil }
        let cue = NumberContext.cue(before: start, in: t)
        if (cue == .identifier || cue == .account) && !plus { return nil }
        var count = plus ? groups.count : PhoneBoundary.trunkRestart(groups, t) ?? groups.count
        while count > 0 {
            if let end = validPhoneEnd(t, plus: plus, groupCount: count, cue: cue) {
                return Candidate(start: start, end: PhoneExtension.end(t, after: end) ?? end, type: .phone)
            }
            count -= 1
        }
        return nil
    }

    /// A number never starts inside a run of digit groups after a group of three or more digits: "3772 168991
    /// 66688" is a (Luhn-invalid) card, not a card fragment plus a phone; "2 07700 900123" is a quantity and a
    /// phone.
    static func phoneContinuesRun(_ t: ByteText, _ start: Int) -> Bool {
        let separator = t[start - 1]
        guard separator == Byte.space || separator == Byte.dash, Byte.isDigit(t[start - 2]) else { return false }
        var index = start - 2
        while index >= 0, Byte.isDigit(t[index]), start - index <= 5 { index -= 1 }
        return start - 2 - index >= 3
    }

    /// The end of the number made of the first `groupCount` groups, if those form a valid phone number.
    private mutating func validPhoneEnd(_ t: ByteText, plus: Bool, groupCount: Int, cue: NumberContext.Cue) -> Int? {
        let last = groups[groupCount - 1]
        if groupCount < groups.count {
            // Only a space may separate the number from a following group ("…0000 2 times"); "555-123-4567-89"
            // is one longer identifier.
            guard groups[groupCount].separator == Byte.space else { return nil }
        }
        // No phone format ends in a lone digit: "0161 496 0000 2 times" is a number and a count; nor in two digits
        // after a group of four: "call me (561) 217 5835 86 jefferson way".
        if groupCount > 1, last.separator == Byte.space {
            if last.digitCount == 1 { return nil }
            if !plus, last.digitCount == 2, groups[groupCount - 2].digitCount >= 4 { return nil }
        }
        guard Boundary.numberMayEnd(t, last.end) || PhoneExtension.end(t, after: last.end) != nil,
            PhoneShape.isPhoneLike(groups[0..<groupCount], t, plus: plus)
        else { return nil }
        collectPhoneDigits(t, groupCount)
        guard digits.count >= 7 else { return nil }
        if plus { return PhoneRules.isValidInternational(digits[...]) ? last.end : nil }
        if cue == .phone, PhoneRules.isValidWithPhoneCue(digits[...]) { return last.end }
        guard digits.count >= 8 else { return nil }
        if digits[0] == 0 && digits[1] == 0 {
            return PhoneRules.isValidInternational(digits.dropFirst(2)) ? last.end : nil
        }
        if groupCount == 1 && cue == .version { return nil }
        let first = groups[0]
        var grouping = PhoneRules.Grouping()
        grouping.areaCode = groupCount > 1 && (3...6).contains(first.digitCount) && t[first.digitStart] == 0x30
        grouping.northAmerican = PhoneShape.isNorthAmerican(groups[0..<groupCount], t)
        return PhoneRules.isValidNational(digits[...], grouping: grouping) ? last.end : nil
    }

    /// Digits of the first `groupCount` groups, without a "(0)" trunk marker after a country code.
    private mutating func collectPhoneDigits(_ t: ByteText, _ groupCount: Int) {
        if digits.capacity < 24 { digits.reserveCapacity(24) }
        digits.removeAll(keepingCapacity: true)
        for index in 0..<groupCount {
            let group = groups[index]
            if index > 0, group.parenthesised, group.digitCount == 1 { continue }
            for position in group.digitStart..<group.digitEnd { digits.append(t[position] &- 0x30) }
        }
    }
}

/// Shapes of digit runs that are something other than a phone number.
enum PhoneShape {
    /// Refuses the whole run: a date, a dotted quad, a card-like or thousands-grouped number.
    static func isOtherThing(_ groups: [DigitGroup], _ t: ByteText, plus: Bool) -> Bool {
        if plus { return false }
        return isDate(groups, t) || isDottedQuad(groups) || isCardLike(groups) || isThousands(groups)
    }

    /// Checks a prefix of groups: where parentheses and slashes may stand.
    static func isPhoneLike(_ groups: ArraySlice<DigitGroup>, _ t: ByteText, plus: Bool) -> Bool {
        for (offset, group) in groups.enumerated() {
            if group.parenthesised {
                // "(415) 555…", "(02) 9876…" open the number; "+1 (415) 555…" and "1 (415) 555…" put the area
                // code after a country code or trunk; "+44 (0)20…" marks the trunk after the code.
                // "0044 (0)7700…": a "00" prefix is a written-out "+".
                let first = groups[groups.startIndex]
                let opensNumber = offset == 0 && !plus && (2...5).contains(group.digitCount)
                let international =
                    plus || (first.digitCount >= 3 && t[first.digitStart] == 0x30 && t[first.digitStart + 1] == 0x30)
                let afterCode =
                    offset == 1 && (international || (first.digitCount == 1 && t[first.digitStart] == 0x31))
                    && (1...5).contains(group.digitCount)
                if !(opensNumber || afterCode) || groups.count == 1 { return false }
            }
            if group.separator == Byte.slash {
                // German style "089/1234567": only right after a 0-prefixed area code.
                let first = groups[groups.startIndex]
                let areaCode = offset == 1 && t[first.digitStart] == 0x30 && (3...6).contains(first.digitCount)
                if !(areaCode && group.digitCount >= 4) && !isSlashAfterAreaCode(groups, offset, t) { return false }
            }
        }
        return true
    }

    /// American style "503/555-0134", "1 503/555-0134", "503/5550134": the slash right after a three-digit area
    /// code (2–9 first, optionally after a "1"), then the seven-digit local number whole or as 3 and 4. Fractions
    /// and short dates ("3/4", "12/05", "24/7") never have that shape.
    private static func isSlashAfterAreaCode(_ groups: ArraySlice<DigitGroup>, _ offset: Int, _ t: ByteText) -> Bool {
        let first = groups.startIndex
        let area = groups[first + offset - 1]
        guard area.digitCount == 3, !area.parenthesised, t[area.digitStart] >= UInt8(ascii: "2") else { return false }
        let leadingOne = groups[first].digitCount == 1 && t[groups[first].digitStart] == UInt8(ascii: "1")
        guard offset == 1 || (offset == 2 && leadingOne) else { return false }
        let local = groups[first + offset]
        if local.digitCount == 7 { return first + offset + 1 == groups.endIndex }
        // The number ends with its four-digit line: "503/555-0134 10 minute walk" is a number and a count.
        guard local.digitCount == 3, first + offset + 2 == groups.endIndex else { return false }
        let line = groups[first + offset + 1]
        return line.digitCount == 4 && line.separator != Byte.slash && !line.parenthesised
    }

    /// 3-3-4 groups, optionally after a "1" group: "(415) 555-2671", "415.555.2671", "1-800-555-0199".
    static func isNorthAmerican(_ groups: ArraySlice<DigitGroup>, _ t: ByteText) -> Bool {
        var rest = groups
        if rest.count == 4, let first = rest.first, first.digitCount == 1, t[first.digitStart] == 0x31 {
            rest = rest.dropFirst()
        }
        guard rest.count == 3 else { return false }
        let first = rest.startIndex
        return rest[first].digitCount == 3 && rest[first + 1].digitCount == 3 && rest[first + 2].digitCount == 4
            && t[rest[first].digitStart] != 0x30
    }

    /// dd.mm.yyyy, dd/mm/yyyy, mm-dd-yy, yyyy-mm-dd…: exactly three groups joined by one kind of separator
    /// with plausible day and month values ("06.12.34.56.78" has five groups and is a French number).
    private static func isDate(_ groups: [DigitGroup], _ t: ByteText) -> Bool {
        guard groups.count >= 3 else { return false }
        let (a, b, c) = (groups[0], groups[1], groups[2])
        guard b.separator == c.separator, b.separator != Byte.space, !a.parenthesised,
            groups.count == 3 || groups[3].separator != b.separator
        else { return false }
        let (x, y, z) = (value(a, t), value(b, t), value(c, t))
        let dayMonthYear =
            a.digitCount <= 2 && b.digitCount <= 2 && (c.digitCount == 4 || c.digitCount == 2)
            && x >= 1 && y >= 1 && x <= 31 && y <= 31 && min(x, y) <= 12
        let yearMonthDay =
            a.digitCount == 4 && b.digitCount <= 2 && c.digitCount <= 2 && y >= 1 && y <= 12
            && z >= 1 && z <= 31
        return dayMonthYear || yearMonthDay
    }

    private static func value(_ group: DigitGroup, _ t: ByteText) -> Int {
        var value = 0
        for index in group.digitStart..<group.digitEnd { value = value * 10 + Int(t[index] &- 0x30) }
        return value
    }

    /// Exactly four dotted groups of 1–3 digits ("06.12.34.56.78" has five and is a French number).
    private static func isDottedQuad(_ groups: [DigitGroup]) -> Bool {
        guard groups.count >= 4, groups.count == 4 || groups[4].separator != Byte.dot else { return false }
        return groups[1...3].allSatisfy { $0.separator == Byte.dot }
            && groups[0...3].allSatisfy { $0.digitCount <= 3 && !$0.parenthesised }
    }

    /// Three or more four-digit groups in a row ("4111 1111 1111 1111", even Luhn-invalid): never a phone.
    private static func isCardLike(_ groups: [DigitGroup]) -> Bool {
        var total = 0
        for group in groups { total += group.digitCount }
        guard total >= 13, groups.count >= 3, groups[0].digitCount == 4 else { return false }
        let fours = groups.prefix(3).allSatisfy { $0.digitCount == 4 }
        let amex = groups[1].digitCount == 6 && (4...5).contains(groups[2].digitCount)
        return fours || amex
    }

    /// "2 345 678 901": a 1–3 digit lead then only three-digit groups, without a trunk 0.
    private static func isThousands(_ groups: [DigitGroup]) -> Bool {
        guard groups.count >= 3, groups[0].digitCount <= 3, !groups[0].parenthesised else { return false }
        let separator = groups[1].separator
        guard separator == Byte.space || separator == Byte.dot || separator == Byte.comma else { return false }
        return groups.dropFirst().allSatisfy { $0.digitCount == 3 && $0.separator == separator }
    }
}

/// Extensions after a number: "ext. 204", "ext 12", "extension 7", "x204".
enum PhoneExtension {
    /// The end of an extension that follows a number ending at `end`, or nil.
    static func end(_ t: ByteText, after end: Int) -> Int? {
        var index = end
        if t[index] == Byte.comma { index += 1 }
        if t[index] == Byte.space { index += 1 }
        let wordStart = index
        while Byte.isAlpha(t[index]), index - wordStart < 10 { index += 1 }
        let isExt = t.equalsLower(wordStart, index, "ext") || t.equalsLower(wordStart, index, "extension")
        let isX = t.equalsLower(wordStart, index, "x")
        guard isExt || isX else { return nil }
        if isExt {
            if t[index] == Byte.dot { index += 1 }
            if t[index] == Byte.colon { index += 1 }
            if t[index] == Byte.space { index += 1 }
        }
        let digitStart = index
        while Byte.isDigit(t[index]), index - digitStart < 7 { index += 1 }
        let length = index - digitStart
        guard length >= 1, length <= 6, !Boundary.wordAfter(t, index) else { return nil }
        return index
    }
}
