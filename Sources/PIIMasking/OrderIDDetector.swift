/// Our order ids: `ORD-` followed by eight of `[A-Z0-9]`, in any case ("ord-7k2m9q1z").
enum OrderIDDetector {
    static let bodyLength = 8

    /// An order id at `start` (a letter at a word start), or nil.
    static func detect(_ t: ByteText, at start: Int) -> Candidate? {
        guard t.equalsLower(start, start + 3, "ord"), t[start + 3] == Byte.dash else { return nil }
        let bodyStart = start + 4
        for index in bodyStart..<(bodyStart + bodyLength) where !Byte.isAlnum(t[index]) {
            return nil
        }
        let end = bodyStart + bodyLength
        guard !Boundary.wordAfter(t, end) else { return nil }
        return Candidate(start: start, end: end, type: .orderID)
    }
}
