/// The phone and card detectors, sharing two scratch buffers so a scan allocates them once, not per number.
struct NumberDetector {
    var groups: [DigitGroup] = []
    var digits: [UInt8] = []
}

/// One group of digits as typed: `(0)`, `7946`, `(415)`.
struct DigitGroup {
    /// First byte of the group, including an opening parenthesis.
    var start: Int
    /// One past the last byte, including a closing parenthesis.
    var end: Int
    var digitStart: Int
    var digitEnd: Int
    /// The separator byte before this group: space, `-`, `.`, `/`; `)` or `(` when glued to a parenthesised
    /// group; 0 for the first group.
    var separator: UInt8
    var parenthesised: Bool

    var digitCount: Int { digitEnd - digitStart }
}

/// Reads runs of digit groups ("+44 (0)20 7946 0958", "4111-1111-1111-1111") into a reusable buffer.
enum DigitGroupReader {
    /// Reads groups starting at `start` (a digit, `+` or `(`), joined by single bytes from `separators`.
    ///
    /// Reading stops after `maxGroups` groups or once more than `maxDigits` digits were seen, so one call is
    /// O(1) however long the digit run in the text is. Returns whether the run starts with `+`.
    static func read(
        _ t: ByteText, from start: Int, separators: SeparatorSet, maxGroups: Int, maxDigits: Int,
        into groups: inout [DigitGroup]
    ) -> Bool {
        if groups.capacity < maxGroups { groups.reserveCapacity(12) }  // one allocation per scan, not per number
        groups.removeAll(keepingCapacity: true)
        var index = start
        var plus = t[index] == Byte.plus
        if plus { index += 1 }
        var separator: UInt8 = 0
        var digits = 0
        if separators.parentheses, t[index] == Byte.lparen, t[index + 1] == Byte.plus {
            // "(+44) 20 7946 0958": the country code in parentheses.
            // Only a country code (1–3 digits) stands in them: "(+447700900123)" is a whole number in parentheses.
            guard let code = readGroup(t, at: index + 2, separator: 0, allowParen: false), t[code.end] == Byte.rparen,
                code.digitCount <= 3
            else { return false }
            plus = true
            groups.append(
                DigitGroup(
                    start: index, end: code.end + 1, digitStart: code.digitStart,
                    digitEnd: code.digitEnd, separator: 0, parenthesised: false))
            digits = code.digitCount
            index = code.end + 1
            guard t[index] == Byte.space, Byte.isDigit(t[index + 1]) else { return plus }
            separator = Byte.space
            index += 1
        }
        while groups.count < maxGroups {
            guard let group = readGroup(t, at: index, separator: separator, allowParen: separators.parentheses)
            else { break }
            groups.append(group)
            digits += group.digitCount
            index = group.end
            if digits > maxDigits { break }
            guard let next = nextSeparator(t, at: index, after: group, separators: separators) else { break }
            separator = next
            if next != Byte.rparen && next != Byte.lparen { index += 1 }
        }
        return plus
    }

    private static func readGroup(_ t: ByteText, at start: Int, separator: UInt8, allowParen: Bool) -> DigitGroup? {
        var index = start
        let paren = allowParen && t[index] == Byte.lparen
        if paren { index += 1 }
        let digitStart = index
        while Byte.isDigit(t[index]), index - digitStart < 20 { index += 1 }
        let digitEnd = index
        guard digitEnd > digitStart else { return nil }
        if paren {
            guard t[index] == Byte.rparen else { return nil }
            index += 1
        }
        return DigitGroup(
            start: start, end: index, digitStart: digitStart, digitEnd: digitEnd, separator: separator,
            parenthesised: paren)
    }

    /// The separator after `group`, if another group follows it.
    private static func nextSeparator(
        _ t: ByteText, at index: Int, after group: DigitGroup, separators: SeparatorSet
    ) -> UInt8? {
        let byte = t[index]
        if separators.contains(byte) {
            let next = t[index + 1]
            if Byte.isDigit(next) || (separators.parentheses && next == Byte.lparen) { return byte }
            return nil
        }
        guard separators.parentheses else { return nil }
        // "(415)555-2671" and "+44(0)20…": a parenthesised group may touch its neighbour.
        if group.parenthesised, Byte.isDigit(byte) { return Byte.rparen }
        if byte == Byte.lparen, Byte.isDigit(t[index + 1]) { return Byte.lparen }
        return nil
    }
}

/// The bytes allowed between digit groups.
struct SeparatorSet {
    var space = true
    var dash = true
    var dot = false
    var slash = false
    var parentheses = false

    static let phone = SeparatorSet(dot: true, slash: true, parentheses: true)
    static let card = SeparatorSet()

    @inline(__always)
    func contains(_ byte: UInt8) -> Bool {
        (space && byte == Byte.space) || (dash && byte == Byte.dash) || (dot && byte == Byte.dot)
            || (slash && byte == Byte.slash)
    }
}
