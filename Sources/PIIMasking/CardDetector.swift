/// Payment card numbers: 13–19 digits (and 12-digit Maestro), unbroken or grouped with spaces or dashes,
/// Luhn-checked, with a known issuer prefix and a length that issuer uses.
///
/// A Luhn-invalid run is not a card and is left alone (the phone detector refuses card-shaped runs too, so it
/// never becomes "a phone plus six digits"). A 13-digit number that is also a valid EAN-13 barcode counts as
/// a card only after a card word.
extension NumberDetector {
    /// A card span starting at `start` (a digit), or nil.
    mutating func detectCard(_ t: ByteText, at start: Int) -> Candidate? {
        guard Byte.isDigit(t[start]), Boundary.numberMayStart(t, start), !Self.phoneContinuesRun(t, start) else {
            return nil
        }
        _ = DigitGroupReader.read(t, from: start, separators: .card, maxGroups: 6, maxDigits: 19, into: &groups)
        guard let end = validCardEnd(t) else { return nil }
        let cue = NumberContext.cue(before: start, in: t)
        if cue == .identifier { return nil }
        if cue != .card, CardChecks.isValidGTIN(digits) { return nil }
        return Candidate(start: start, end: end, type: .card)
    }

    /// The end of the longest whole-group prefix that is a valid card number; fills `digits` with it.
    private mutating func validCardEnd(_ t: ByteText) -> Int? {
        // Cards are written in fours (or Amex 4-6-5) with one kind of separator; otherwise only the first group
        // can be a card ("4111111111111111 2 lattes").
        var count = 1
        if groups.count > 1, groups[0].digitCount == 4 {
            count = groups.count
            for index in 2..<max(groups.count, 2) where groups[index].separator != groups[1].separator {
                count = index
                break
            }
        }
        // A whole run of 13–19 digits that ends cleanly is one number: if it fails Luhn, no prefix of it is a card
        // ("4345 0156 4720 8994 167" is an invalid 19-digit number, not a card and a 167).
        // A last group of one or two digits after a space is a count that follows ("…1515 2 mugs"), not the end.
        var wholeCount = count
        if count > 2, groups[count - 1].digitCount <= 2, groups[count - 1].separator == Byte.space { wholeCount -= 1 }
        let whole = groups[0..<wholeCount].reduce(0) { $0 + $1.digitCount }
        let wholeEnds = wholeCount == count ? Boundary.numberMayEnd(t, groups[count - 1].end) : true
        let floor = (13...19).contains(whole) && wholeEnds ? wholeCount : 1
        while count >= floor {
            let last = groups[count - 1]
            let total = groups[0..<count].reduce(0) { $0 + $1.digitCount }
            if (12...19).contains(total), Boundary.numberMayEnd(t, last.end),
                count == groups.count || groups[count].separator == Byte.space
            {
                collectCardDigits(t, count)
                if CardChecks.luhn(digits), CardChecks.issuerAccepts(digits) { return last.end }
            }
            count -= 1
        }
        return nil
    }

    private mutating func collectCardDigits(_ t: ByteText, _ count: Int) {
        if digits.capacity < 24 { digits.reserveCapacity(24) }
        digits.removeAll(keepingCapacity: true)
        for group in groups[0..<count] {
            for position in group.digitStart..<group.digitEnd { digits.append(t[position] &- 0x30) }
        }
    }
}

/// Checksums and issuer ranges for card numbers.
enum CardChecks {
    /// Maestro issues 12-digit numbers under a few IINs; no other 12-digit run is taken for a card.
    static func isTwelveDigitMaestro(_ digits: [UInt8]) -> Bool {
        let p4 = digits.prefix(4).reduce(0) { $0 * 10 + Int($1) }
        return [5018, 5020, 5038, 5893, 6304, 6759, 6761, 6762, 6763].contains(p4)
    }

    /// The Luhn (mod 10) check.
    static func luhn(_ digits: [UInt8]) -> Bool {
        var sum = 0
        var double = false
        for digit in digits.reversed() {
            var value = Int(digit)
            if double {
                value *= 2
                if value > 9 { value -= 9 }
            }
            sum += value
            double.toggle()
        }
        return sum % 10 == 0
    }

    /// A valid EAN-13 barcode (check digit with weights 3, 1 alternating from the right). A barcode that also
    /// passes Luhn (one in ten do) is a barcode unless a card word precedes it; 13-digit cards are rare.
    static func isValidGTIN(_ digits: [UInt8]) -> Bool {
        guard digits.count == 13 else { return false }
        var sum = 0
        for (offset, digit) in digits.dropLast().reversed().enumerated() {
            sum += Int(digit) * (offset % 2 == 0 ? 3 : 1)
        }
        return (10 - sum % 10) % 10 == Int(digits[digits.count - 1])
    }

    /// Whether a known issuer uses this prefix with this length.
    static func issuerAccepts(_ digits: [UInt8]) -> Bool {
        let length = digits.count
        if length == 12 { return isTwelveDigitMaestro(digits) }
        func prefix(_ count: Int) -> Int { digits.prefix(count).reduce(0) { $0 * 10 + Int($1) } }
        let p2 = prefix(2)
        let p3 = prefix(3)
        let p4 = prefix(4)
        let p6 = prefix(6)
        switch digits[0] {
        case 4: return [13, 16, 19].contains(length)  // Visa
        case 5:
            if (51...55).contains(p2) { return length == 16 }  // Mastercard
            return [50, 56, 57, 58].contains(p2) && length >= 13  // Maestro
        case 2:
            if (2221...2720).contains(p4) { return length == 16 }  // Mastercard 2-series
            if p4 == 2131 { return length == 15 }  // JCB 15-digit
            return (2200...2204).contains(p4) && length >= 16  // Mir
        case 3:
            if p2 == 34 || p2 == 37 { return length == 15 }  // American Express
            if p2 == 35 { return length >= 16 }  // JCB
            if (300...305).contains(p3) || p2 == 36 || p2 == 38 || p2 == 39 { return length >= 14 }  // Diners
            return false
        case 6:
            if p4 == 6011 || (644...649).contains(p3) || p2 == 65 || (622126...622925).contains(p6) {
                return length >= 16  // Discover
            }
            return length >= 13  // UnionPay 62, RuPay 60, Maestro 6x
        case 8: return (p2 == 81 || p2 == 82) && length == 16  // RuPay
        case 1: return p4 == 1800 && length == 15  // JCB 15-digit
        default: return false
        }
    }
}
