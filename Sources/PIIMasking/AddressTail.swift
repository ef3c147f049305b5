/// What may follow a street line: a unit, cities, a state or region, a postcode, a country.
///
/// "…, Washington, DC 20500", "… NW1 6XE", "…, Andheri West, Mumbai 400053", "…, 75001 Paris". A city that
/// is not in the gazetteer is only taken in when a region or postcode confirms it; otherwise ", Thanks" would
/// become part of an address.
enum AddressTail {
    /// Tail segments seen but not yet confirmed as part of the address.
    private struct Pending {
        var end = -1
        /// Only cities (not a bare region such as ", OK") may be confirmed by the sentence ending there.
        var isCity = false
        /// A segment after a line break needs a region, postcode or known city to join the address.
        var afterNewline = false
    }

    /// The end of the address whose street line ends at `lineEnd`; `lineEnd` itself when nothing follows.
    static func extend(_ t: ByteText, from lineEnd: Int) -> Int {
        parse(t, from: lineEnd).end
    }

    /// What follows a street line.
    struct Result {
        var end: Int
        /// A postcode, a region or a gazetteer city confirmed the tail.
        var confirmed: Bool
        /// The tail ends in a postcode.
        var postcode: Bool
    }

    /// The end of the tail and what confirmed it.
    static func parse(_ t: ByteText, from lineEnd: Int) -> Result {
        var state = State(lineEnd: lineEnd, cursor: t[lineEnd] == Byte.dot ? lineEnd + 1 : lineEnd)  // "St., …"
        for _ in 0..<7 {
            guard let next = separator(t, at: state.cursor) else { break }
            // "…elm ln room 204", "…St. room 204": after a bare space a lower-case word is the sentence going on.
            if !next.comma, !next.newline, Byte.isLower(t[next.start]) { break }
            guard let codeEnd = state.step(t, next) else { break }
            if codeEnd >= 0 { return Result(end: country(t, after: codeEnd), confirmed: true, postcode: true) }
        }
        if state.pending.isCity, !state.pending.afterNewline, endsClause(t, state.pending.end) {
            state.end = state.pending.end
        }
        return Result(end: country(t, after: state.end, lineEnd: lineEnd), confirmed: state.confirmed, postcode: false)
    }

    /// Parsing state: the committed end, unconfirmed segments, and what has been seen.
    private struct State {
        let lineEnd: Int
        var cursor: Int
        var end: Int
        var pending = Pending()
        var sawRegion = false
        var confirmed = false

        init(lineEnd: Int, cursor: Int) {
            self.lineEnd = lineEnd
            self.cursor = cursor
            self.end = lineEnd
        }

        /// Takes one segment: nil stops, a value ≥ 0 is the end of a closing postcode, -1 continues.
        mutating func step(_ t: ByteText, _ next: (start: Int, comma: Bool, newline: Bool)) -> Int? {
            let start = next.start
            if pending.end < 0, !next.newline, let unitEnd = Unit.read(t, at: start) {
                end = unitEnd
                cursor = unitEnd
            } else if let codeEnd = postcode(
                t, at: start, comma: next.comma, afterRegion: sawRegion, afterCity: pending.end >= 0 || end > lineEnd)
            {
                return codeEnd
            } else if let word = AddressWord.read(t, at: start), word.capitalized, hasPINSuffix(t, word) {
                return word.end  // "Gudivada-404796": city and PIN in one
            } else if let regionEnd = region(t, at: start) {
                takeRegion(regionEnd, newline: next.newline)
            } else if let city = city(t, at: start),
                next.comma || next.newline || pending.end >= 0 || postcodeFollows(t, city.end)
            {
                takeCity(city, newline: next.newline)
            } else {
                return nil
            }
            return -1
        }

        /// A bare region right after the street ("…St, OK thanks") needs a ZIP to confirm it.
        private mutating func takeRegion(_ regionEnd: Int, newline: Bool) {
            if end > lineEnd || pending.end >= 0 {
                end = regionEnd
                pending = Pending()
                confirmed = true
            } else {
                pending = Pending(end: regionEnd, isCity: false, afterNewline: newline)
            }
            sawRegion = true
            cursor = regionEnd
        }

        private mutating func takeCity(_ city: (end: Int, known: Bool), newline: Bool) {
            if city.known {
                end = city.end
                pending = Pending()
                confirmed = true
            } else {
                pending = Pending(end: city.end, isCity: true, afterNewline: newline || pending.afterNewline)
            }
            cursor = city.end
        }
    }

    /// "…, Little Whinging, Surrey." — unknown places that end the clause are the end of the address; ones a
    /// sentence runs on from ("…, Smallville is far") are not.
    private static func endsClause(_ t: ByteText, _ index: Int) -> Bool {
        switch t[index] {
        case 0, UInt8(ascii: "\n"), UInt8(ascii: "\r"), Byte.dot, UInt8(ascii: "!"), UInt8(ascii: "?"),
            UInt8(ascii: ";"),
            Byte.rparen, Byte.comma:
            return true
        default:
            return false
        }
    }

    /// The next segment after ", ", ",", " ", a line break (and " - " before an Indian PIN).
    private static func separator(_ t: ByteText, at index: Int) -> (start: Int, comma: Bool, newline: Bool)? {
        var position = index
        var comma = false
        var newline = false
        if t[position] == Byte.comma {
            comma = true
            position += 1
        }
        if t[position] == UInt8(ascii: "\r"), t[position + 1] == UInt8(ascii: "\n") { position += 1 }
        if t[position] == UInt8(ascii: "\n") {
            newline = true
            position += 1
        } else if t[position] == Byte.space {
            position += 1
            if t[position] == Byte.space { position += 1 }  // "Khora  364761"
        } else if !comma {
            return nil
        }
        if t[position] == Byte.dash, t[position + 1] == Byte.space, Byte.isDigit(t[position + 2]) { position += 2 }
        guard Byte.isAlnum(t[position]) || t[position] >= 0xC0 || t[position] == Byte.hash else { return nil }
        return (position, comma, newline)
    }

    private static func postcode(_ t: ByteText, at start: Int, comma: Bool, afterRegion: Bool, afterCity: Bool) -> Int?
    {
        if Byte.isAlpha(t[start]) {
            return Postcode.uk(t, at: start) ?? Postcode.canada(t, at: start)
        }
        if afterRegion {
            return Postcode.digits(t, at: start, count: 5, zipPlusFour: true)
                ?? Postcode.digits(t, at: start, count: 4)
        }
        if afterCity, let end = Postcode.afterCity(t, at: start) { return end }
        // "…, 10115 Berlin", "…, 75001 Paris": postcode before the city.
        guard comma, let codeEnd = Postcode.digits(t, at: start, count: 5) ?? Postcode.digits(t, at: start, count: 4),
            let cityWord = AddressWord.after(t, codeEnd), cityWord.capitalized
        else { return nil }
        return city(t, at: cityWord.start)?.end
    }

    /// "London NW1 6XE" without a comma: a city joins the address only when a postcode follows it.
    private static func postcodeFollows(_ t: ByteText, _ end: Int) -> Bool {
        guard t[end] == Byte.space else { return false }
        return Postcode.afterCity(t, at: end + 1) != nil
    }

    /// US/Canadian region ("DC", "NY") or Australian state ("NSW"), upper case.
    private static func region(_ t: ByteText, at start: Int) -> Int? {
        guard let word = AddressWord.read(t, at: start), word.allCaps, word.length <= 3,
            !Boundary.wordAfter(t, word.end)
        else { return nil }
        let known = Lexicon.usCanadaRegions.contains(word.hash) || Lexicon.australianStates.contains(word.hash)
        return known ? word.end : nil
    }

    /// One to three capitalised words; `known` when the whole run is a gazetteer city.
    private static func city(_ t: ByteText, at start: Int) -> (end: Int, known: Bool)? {
        guard let first = AddressWord.read(t, at: start), first.capitalized, !first.allCaps || first.length > 3,
            !Lexicon.sentenceWords.contains(first.hash)
        else { return nil }
        if hasPINSuffix(t, first) { return (first.end, true) }  // "Gudivada-404796"
        var end = first.end
        var knownEnd = Lexicon.cities.contains(first.hash) ? first.end : -1
        // "St. Albans", "Mt. Pleasant": an abbreviated first word.
        var word = AddressWord.after(t, first.end, afterAbbreviation: Lexicon.placeAbbreviations.contains(first.hash))
        var count = 1
        while var current = word, count < 4 {
            // "Frankfurt am Main", "Rothenburg ob der Tauber": lower-case particles join capitalised words.
            var particles = 0
            while particles < 2, current.lowercase, Lexicon.cityParticles.contains(current.hash),
                let following = AddressWord.after(t, current.end)
            {
                current = following
                particles += 1
            }
            guard current.capitalized, !(current.allCaps && current.length <= 3),
                !Lexicon.sentenceWords.contains(current.hash)
            else { break }
            end = current.end
            if Lexicon.cities.contains(WordHash.of(t, start, end)) || hasPINSuffix(t, current) { knownEnd = end }
            count += 1
            word = AddressWord.after(t, current.end)
        }
        if knownEnd > 0 { return (knownEnd, true) }
        return (end, false)
    }

    /// An Indian "City-PIN" word: six digits after the last hyphen.
    private static func hasPINSuffix(_ t: ByteText, _ word: AddressWord) -> Bool {
        guard word.length >= 9, t[word.end - 7] == Byte.dash else { return false }
        for index in (word.end - 6)..<word.end where !Byte.isDigit(t[index]) { return false }
        return true
    }

    /// ", UK", ", India" after a postcode or a city.
    private static func country(_ t: ByteText, after end: Int, lineEnd: Int = -1) -> Int {
        guard end > lineEnd, t[end] == Byte.comma, t[end + 1] == Byte.space,
            let word = AddressWord.read(t, at: end + 2),
            word.capitalized, !Boundary.wordAfter(t, word.end) || t[word.end] == Byte.space
        else { return end }
        if Lexicon.countries.contains(word.hash), !Byte.isWordLetter(t[word.end]) { return word.end }
        if let second = AddressWord.after(t, word.end),
            Lexicon.countries.contains(WordHash.of(t, word.start, second.end))
        {
            return second.end
        }
        return end
    }
}

/// Unit designators: "Apt 4B", "Flat 3", "Suite 200", "Unit 5", "#4B".
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
        if t[index] == Byte.hash { index += 1 }
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
