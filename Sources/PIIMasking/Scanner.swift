/// One left-to-right pass over the bytes that runs every detector at the token starts where it can match.
///
/// Most bytes are letters inside words and cost one comparison each; detectors run only at word starts
/// (order ids, IBANs, units, post boxes, profile names), number starts (phones, cards, IPs, house numbers,
/// German "street + number"), `@` (e-mails), `<` (existing placeholders, skipped whole) and `::` (IPv6).
struct Scanner {
    private var numbers = NumberDetector()
    private(set) var candidates: [Candidate] = []
    private(set) var placeholders: [PlaceholderSyntax.Token] = []
    let known: KnownValues

    init(known: KnownValues) {
        self.known = known
    }

    private mutating func add(_ candidate: Candidate) {
        if candidates.isEmpty { candidates.reserveCapacity(8) }
        candidates.append(candidate)
    }

    /// Scans tokens that start in `range` (the whole text by default); detectors may read beyond it.
    mutating func scan(_ t: ByteText, in range: Range<Int>? = nil) {
        var index = range?.lowerBound ?? 0
        let end = min(range?.upperBound ?? t.count, t.count)
        while index < end {
            let byte = t.base[index]
            if Byte.isAlpha(byte) {
                let tokenEnd = alnumEnd(t, index)
                if !Boundary.wordBefore(t, index) { word(t, index, tokenEnd) }
                index = tokenEnd
            } else if Byte.isDigit(byte) {
                let tokenEnd = alnumEnd(t, index)
                if !Boundary.wordBefore(t, index) { number(t, index) }
                index = tokenEnd
            } else {
                index = other(t, index)
            }
        }
    }

    @inline(__always)
    private func alnumEnd(_ t: ByteText, _ start: Int) -> Int {
        var end = start + 1
        while end < t.count, Byte.isAlnum(t.base[end]) { end += 1 }
        return end
    }

    private mutating func word(_ t: ByteText, _ start: Int, _ end: Int) {
        let first = Byte.lower(t[start])
        if first == UInt8(ascii: "o"), let id = OrderIDDetector.detect(t, at: start) { add(id) }
        if end - start >= 4 || t[end] == Byte.space, Byte.isAlpha(t[start + 1]), Byte.isDigit(t[start + 2]),
            let iban = IBANDetector.detect(t, at: start)
        {
            add(iban)
        }
        if end - start <= 4, t[end] == Byte.colon, Byte.isHex(first), let ip = IPDetector.detectV6(t, at: start) {
            add(ip)
        }
        if mayOpenAddress(t, start, end), let address = AddressDetector.detect(t, atWord: start, wordEnd: end) {
            add(address)
        }
        if !known.isEmpty { matchKnown(t, start) }
    }

    /// Cheap prefilter for words that can open an address (unit designators, post boxes, French street types):
    /// their first two letters, from a table built from those word lists.
    private func mayOpenAddress(_ t: ByteText, _ start: Int, _ end: Int) -> Bool {
        guard end - start <= 9, t[end] == Byte.space || t[end] == Byte.dot else { return false }
        return AddressOpeners.mayOpen(Byte.lower(t[start]), Byte.lower(t[start + 1]))
    }

    private mutating func number(_ t: ByteText, _ start: Int) {
        let lead = t[start - 1]
        var phoneStart = lead == Byte.plus || lead == Byte.lparen ? start - 1 : start
        if lead == Byte.plus, t[start - 2] == Byte.lparen { phoneStart = start - 2 }  // "(+44) 20…"
        if !known.isEmpty { matchKnown(t, phoneStart) }
        if Currency.before(t, start) { return }  // "£4.50", "USD 1500": a price, whatever follows
        // Most numbers in a message are short ("2 lattes", "14:30"): count digits across single separators
        // once, and skip the phone and card readers when there are too few.
        let digits = Self.digitsAhead(t, from: start, limit: 12)
        if digits >= 7 {
            // "(+44) 20…" failing, "(+44 7700 900123)" is a whole number in parentheses: read it from the "+".
            if let found = numbers.detectPhone(t, at: phoneStart)
                ?? (phoneStart == start - 2 ? numbers.detectPhone(t, at: start - 1) : nil)
                ?? (phoneStart != start ? numbers.detectPhone(t, at: start) : nil)
            {
                add(found)
            }
            if digits >= 12, let found = numbers.detectCard(t, at: start) { add(found) }
        }
        ipAt(t, start)
        if let found = AddressDetector.detect(t, atNumber: start) { add(found) }
        if lead == Byte.space, GermanStreet.mayEndBefore(t, start),
            let found = GermanStreet.detect(t, beforeNumber: start)
        {
            add(found)
        }
    }

    /// Digits from `start` across separator runs of one or two bytes (space, `-`, `.`, `/`, parentheses), up to
    /// `limit`: "(415) 555-2671" has ten.
    private static func digitsAhead(_ t: ByteText, from start: Int, limit: Int) -> Int {
        var index = start
        var count = 0
        while count < limit {
            if Byte.isDigit(t[index]) {
                count += 1
                index += 1
                continue
            }
            var run = 0
            while run < 2, isNumberSeparator(t[index + run]) { run += 1 }
            guard run > 0, Byte.isDigit(t[index + run]) else { break }
            index += run
        }
        return count
    }

    @inline(__always)
    private static func isNumberSeparator(_ byte: UInt8) -> Bool {
        byte == Byte.space || byte == Byte.dash || byte == Byte.dot || byte == Byte.slash || byte == Byte.rparen
            || byte == Byte.lparen
    }

    private mutating func ipAt(_ t: ByteText, _ start: Int) {
        var end = start
        while Byte.isHex(t[end]), end - start < 5 { end += 1 }
        if t[end] == Byte.colon, end - start <= 4 {
            if let found = IPDetector.detectV6(t, at: start) { add(found) }
        } else if t[start + 1] == Byte.dot || t[start + 2] == Byte.dot || t[start + 3] == Byte.dot,
            let found = IPDetector.detectV4(t, at: start)
        {
            add(found)
        }
    }

    private mutating func other(_ t: ByteText, _ index: Int) -> Int {
        let byte = t.base[index]
        if byte == Byte.at {
            if let email = EmailDetector.detect(t, atSign: index) {
                add(email)
                return email.end
            }
        } else if byte == Byte.lt {
            if let token = PlaceholderSyntax.parse(t, at: index) {
                placeholders.append(token)
                return token.end
            }
        } else if byte == Byte.hash {
            let digit = Byte.isDigit(t[index + 1]) || (t[index + 1] == Byte.space && Byte.isDigit(t[index + 2]))
            if digit, !Boundary.wordBefore(t, index), let address = AddressDetector.detect(t, atHash: index) {
                add(address)
            }
        } else if byte == Byte.colon {
            if t[index + 1] == Byte.colon, !Boundary.wordBefore(t, index), let ip = IPDetector.detectV6(t, at: index) {
                add(ip)
                return ip.end
            }
        } else if byte >= 0xC0, !known.isEmpty, !Byte.isWordByte(t[index - 1]) {
            matchKnown(t, index)  // names that start with a non-ASCII letter ("Élodie")
        }
        return index + 1
    }

    private mutating func matchKnown(_ t: ByteText, _ start: Int) {
        guard !KnownTokens.isTokenByte(t[start - 1]) else { return }
        known.match(t, at: start, into: &candidates)
    }
}
