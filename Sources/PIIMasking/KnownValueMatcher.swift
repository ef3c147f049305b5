/// Finds the profile's values in text however they are typed: any case, any spacing or punctuation between
/// the words ("JANE  DOE", "Doe, Jane", "221b baker st"), any grouping of the phone digits.
extension KnownValues {
    /// Profile matches starting at `start` (a word or number start); appends to `candidates`.
    func match(_ t: ByteText, at start: Int, into candidates: inout [Candidate]) {
        let first = t[start]
        guard firstBytes.contains(Byte.lower(first)) else { return }
        if Byte.isDigit(first) || first == Byte.plus || first == Byte.lparen {
            matchDigits(t, at: start, into: &candidates)
        }
        for variant in tokenVariants {
            if let end = matchTokens(variant, t, at: start) {
                candidates.append(
                    Candidate(start: start, end: end, type: slots[variant.slot].type, knownSlot: variant.slot))
            }
        }
    }

    /// The end of the longest match of `variant` at `start` that covers at least `minTokens` tokens.
    private func matchTokens(_ variant: TokenVariant, _ t: ByteText, at start: Int) -> Int? {
        var position = start
        var matched = 0
        var end = -1
        while matched < variant.tokens.count {
            var tokenEnd = position
            while KnownTokens.isTokenByte(t[tokenEnd])
                || (t[tokenEnd] == Byte.apostrophe && tokenEnd > position && KnownTokens.isTokenByte(t[tokenEnd + 1])),
                tokenEnd - position < 64
            {
                tokenEnd += 1
            }
            guard tokenEnd > position else { break }
            var hash = WordHash.of(t, position, tokenEnd)
            if variant.canonical { hash = StreetTypeCanon.canonical(hash) }
            guard hash == variant.tokens[matched] else { break }
            if variant.requiresCapital, !(Byte.isUpper(t[position]) || t[position] >= 0xC0) { break }
            matched += 1
            end = tokenEnd
            guard let next = skipSeparator(t, from: tokenEnd, variant.joiner, afterInitial: tokenEnd - position == 1)
            else { break }
            position = next
        }
        guard matched >= variant.minTokens, end > start, !Boundary.wordAfter(t, end) else { return nil }
        return end
    }

    /// The start of the next token after the separator at `index`, if the joiner allows that separator.
    private func skipSeparator(_ t: ByteText, from index: Int, _ joiner: Joiner, afterInitial: Bool) -> Int? {
        var position = index
        while position - index < 3, position < t.count, !KnownTokens.isTokenByte(t[position]) {
            let byte = t[position]
            if byte == UInt8(ascii: "\n") || byte == Byte.lt || byte == Byte.gt { return nil }
            position += 1
        }
        guard position > index, KnownTokens.isTokenByte(t[position]) else { return nil }
        var sawComma = false
        for offset in index..<position {
            switch t[offset] {
            case Byte.space, UInt8(ascii: "\t"): continue
            case Byte.comma where joiner != .name: sawComma = true
            case Byte.dash where joiner == .name: continue
            case Byte.dot where joiner == .name && afterInitial: continue
            default: if joiner != .loose { return nil }
            }
        }
        return joiner == .comma && !sawComma ? nil : position
    }

    /// Digit spellings of the profile phone, read across spaces, dashes, dots, slashes and parentheses.
    private func matchDigits(_ t: ByteText, at start: Int, into candidates: inout [Candidate]) {
        guard Boundary.numberMayStart(t, start) else { return }
        var begin = start
        if t[begin] == Byte.plus { begin += 1 }
        if t[begin] == 0x30, t[begin + 1] == 0x30, t[start] != Byte.plus { begin += 2 }  // "0044 …"
        for variant in digitVariants {
            if let end = matchDigitVariant(variant.digits, t, from: begin) {
                candidates.append(Candidate(start: start, end: end, type: .phone, knownSlot: variant.slot))
                return
            }
        }
    }

    private func matchDigitVariant(_ digits: [UInt8], _ t: ByteText, from begin: Int) -> Int? {
        var position = begin
        var matched = 0
        while matched < digits.count {
            var gap = 0
            while !Byte.isDigit(t[position]), gap < 2 {
                let byte = t[position]
                guard
                    byte == Byte.space || byte == Byte.dash || byte == Byte.dot || byte == Byte.lparen
                        || byte == Byte.rparen || byte == Byte.slash, matched > 0 || byte == Byte.lparen
                else { return nil }
                position += 1
                gap += 1
            }
            guard t[position] &- 0x30 == digits[matched] else { return nil }
            matched += 1
            position += 1
        }
        guard Boundary.numberMayEnd(t, position) else { return nil }
        return PhoneExtension.end(t, after: position) ?? position
    }
}
