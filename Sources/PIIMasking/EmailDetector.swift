/// E-mail addresses: dotted local parts with plus tags, sub-domains, any case.
///
/// Triggered at each `@`: the local part is read backwards, the domain forwards. The domain needs at least two
/// labels and an alphabetic TLD of two or more letters; a trailing sentence dot is not part of it.
enum EmailDetector {
    static func detect(_ t: ByteText, atSign at: Int) -> Candidate? {
        guard let start = localStart(t, at), let end = domainEnd(t, at + 1) else { return nil }
        return Candidate(start: start, end: end, type: .email)
    }

    @inline(__always)
    private static func isLocalByte(_ b: UInt8) -> Bool {
        Byte.isAlnum(b) || b == Byte.dot || b == Byte.underscore || b == Byte.dash || b == Byte.plus
            || b == UInt8(ascii: "%") || b == Byte.apostrophe
    }

    /// Start of the local part ending before `at`; must begin with a letter, digit or underscore.
    private static func localStart(_ t: ByteText, _ at: Int) -> Int? {
        var start = at
        while start > 0, isLocalByte(t[start - 1]), at - start < 64 { start -= 1 }
        if start > 0, isLocalByte(t[start - 1]) { return nil }  // longer than 64: not an address
        while start < at, !(Byte.isAlnum(t[start]) || t[start] == Byte.underscore) { start += 1 }
        guard start < at, t[at - 1] != Byte.dot else { return nil }
        return start
    }

    /// End of the domain starting at `start`, at the last label that can be a TLD.
    private static func domainEnd(_ t: ByteText, _ start: Int) -> Int? {
        var index = start
        var labels = 0
        var bestEnd: Int?
        while labels < 16 {
            let labelStart = index
            var alphabetic = true
            while Byte.isAlnum(t[index]) || t[index] == Byte.dash, index - labelStart < 64 {
                if !Byte.isAlpha(t[index]) { alphabetic = false }
                index += 1
            }
            let length = index - labelStart
            guard length > 0, t[labelStart] != Byte.dash, t[index - 1] != Byte.dash else { break }
            labels += 1
            if labels >= 2, alphabetic, length >= 2, length <= 24 { bestEnd = index }
            guard t[index] == Byte.dot, Byte.isAlnum(t[index + 1]) else { break }
            index += 1
        }
        guard let end = bestEnd, !Byte.isAlnum(t[end]), t[end] != Byte.at else { return nil }
        return end
    }
}
