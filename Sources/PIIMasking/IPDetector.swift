/// IPv4 dotted quads and IPv6 addresses (full, compressed, with an embedded IPv4 tail).
enum IPDetector {
    /// An IPv4 address at `start` (a digit at a token start), or nil. "version 1.2.3.4" is a version.
    static func detectV4(_ t: ByteText, at start: Int) -> Candidate? {
        guard t[start - 1] != Byte.dot, !Boundary.wordBefore(t, start), let end = v4End(t, from: start) else {
            return nil
        }
        guard !Boundary.wordAfter(t, end), !(t[end] == Byte.dot && Byte.isDigit(t[end + 1])) else { return nil }
        guard NumberContext.cue(before: start, in: t) != .version else { return nil }
        return Candidate(start: start, end: end, type: .ip)
    }

    /// The end of four dot-separated octets (0–255, no leading zeros) starting at `start`.
    static func v4End(_ t: ByteText, from start: Int) -> Int? {
        var index = start
        for octet in 0..<4 {
            if octet > 0 {
                guard t[index] == Byte.dot else { return nil }
                index += 1
            }
            let digitStart = index
            var value = 0
            while Byte.isDigit(t[index]), index - digitStart < 4 {
                value = value * 10 + Int(t[index] - 0x30)
                index += 1
            }
            let length = index - digitStart
            guard length >= 1, length <= 3, value <= 255, length == 1 || t[digitStart] != 0x30 else { return nil }
        }
        return index
    }

    /// An IPv6 address at `start` (a hex digit or `:` at a token start), or nil.
    static func detectV6(_ t: ByteText, at start: Int) -> Candidate? {
        guard !Boundary.wordBefore(t, start), t[start - 1] != Byte.colon else { return nil }
        var end = start
        while end - start < 45, Byte.isHex(t[end]) || t[end] == Byte.colon || t[end] == Byte.dot { end += 1 }
        // Trailing punctuation belongs to the sentence: "…::1." or "fe80::1:" at a clause end.
        while end > start, t[end - 1] == Byte.dot || (t[end - 1] == Byte.colon && t[end - 2] != Byte.colon) {
            end -= 1
        }
        guard end - start >= 3, !Boundary.wordAfter(t, end), isValidV6(t, start, end) else { return nil }
        return Candidate(start: start, end: end, type: .ip)
    }

    /// Structural IPv6 check: 1–4 hex digits per group, at most one "::", eight groups in all (an IPv4 tail
    /// counts as two). Compressed forms need two groups with at least one of two or more digits, so "a::b" or
    /// C++'s "ab::cd" style scope operators rarely qualify, while "::1" and "fe80::1" do.
    static func isValidV6(_ t: ByteText, _ start: Int, _ end: Int) -> Bool {
        var groups = 0
        var compressed = false
        var longGroup = false
        var index = start
        if t[index] == Byte.colon {
            guard t[index + 1] == Byte.colon else { return false }
            compressed = true
            index += 2
        }
        while index < end {
            let groupStart = index
            while index < end, Byte.isHex(t[index]) { index += 1 }
            if index < end, t[index] == Byte.dot {
                // Embedded IPv4 must be the last part.
                guard let v4 = v4End(t, from: groupStart), v4 == end else { return false }
                groups += 2
                longGroup = true
                index = end
                break
            }
            let length = index - groupStart
            guard length >= 1, length <= 4 else { return false }
            groups += 1
            if length >= 2 { longGroup = true }
            if index == end { break }
            index += 1  // the colon
            if index < end, t[index] == Byte.colon {
                guard !compressed else { return false }
                compressed = true
                index += 1
                if index == end { break }
            } else if index == end {
                return false
            }
        }
        if compressed { return groups <= 7 && (groups >= 2 && longGroup || isLoopback(t, start, end)) }
        return groups == 8
    }

    private static func isLoopback(_ t: ByteText, _ start: Int, _ end: Int) -> Bool {
        end - start == 3 && t[start] == Byte.colon && t[start + 1] == Byte.colon && t[start + 2] == 0x31
    }
}
