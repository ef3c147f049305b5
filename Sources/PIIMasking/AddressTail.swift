/// What may follow a street line: a unit, cities, a state or region, a postcode, a country.
///
/// "…, Washington, DC 20500", "… NW1 6XE", "…, Andheri West, Mumbai 400053", "…, 75001 Paris". A city that
/// is not in the gazetteer is only taken in when a region or postcode confirms it; otherwise ", Thanks" would
/// become part of an address. Typed in lower case ("…st apt 4\nportland, or 97205", "…road leeds ls1 4ap") the
/// same parts are read, but a lower-case word after a bare space is the sentence going on unless it is a unit,
/// a postcode, a region with its ZIP or a place those confirm (see `LowercaseTail`).
enum AddressTail {
    /// Tail segments seen but not yet confirmed as part of the address.
    private struct Pending {
        var end = -1
        /// Only cities (not a bare region such as ", OK") may be confirmed by the sentence ending there.
        var isCity = false
        /// A segment after a line break needs a region, postcode or known city to join the address.
        var afterNewline = false
        /// A lower-case place outside the gazetteer: the end of the sentence confirms it only after a comma.
        var lowercase = false
        var afterComma = false
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
        /// A unit follows the street ("…elm ct, apt 4").
        var unit = false
    }

    /// The end of the tail and what confirmed it.
    static func parse(_ t: ByteText, from lineEnd: Int) -> Result {
        var state = State(lineEnd: lineEnd, cursor: t[lineEnd] == Byte.dot ? lineEnd + 1 : lineEnd)  // "St., …"
        for _ in 0..<7 {
            guard let next = separator(t, at: state.cursor), let codeEnd = state.step(t, next) else { break }
            if codeEnd >= 0 {
                return Result(end: country(t, after: codeEnd), confirmed: true, postcode: true, unit: state.unit)
            }
        }
        let pending = state.pending
        if pending.isCity, !pending.lowercase || pending.afterComma, endsClause(t, pending.end),
            !pending.afterNewline || endsLine(t, pending.end)
        {
            state.end = pending.end
        }
        return Result(
            end: country(t, after: state.end, lineEnd: lineEnd), confirmed: state.confirmed, postcode: false,
            unit: state.unit)
    }

    /// Parsing state: the committed end, unconfirmed segments, and what has been seen.
    private struct State {
        let lineEnd: Int
        var cursor: Int
        var end: Int
        var pending = Pending()
        var sawRegion = false
        var sawCity = false
        var confirmed = false
        var unit = false

        init(lineEnd: Int, cursor: Int) {
            self.lineEnd = lineEnd
            self.cursor = cursor
            self.end = lineEnd
        }

        /// Takes one segment: nil stops, a value ≥ 0 is the end of a closing postcode, -1 continues.
        mutating func step(_ t: ByteText, _ next: Segment) -> Int? {
            let start = next.start
            // "…elm ln room 204", "…St. tomorrow": after a bare space a lower-case word goes on with the sentence,
            // unless it is a unit that follows streets ("…elm ln apt 4") or a place, region or postcode below.
            let bare = !next.comma && !next.newline && Byte.isLower(t[start])
            if pending.end < 0, !next.newline, let unitEnd = Unit.read(t, at: start),
                !bare || LowercaseTail.isBareUnit(t, at: start)
            {
                end = unitEnd
                cursor = unitEnd
                unit = true
            } else if let codeEnd = postcode(
                t, at: start, comma: next.comma, afterRegion: sawRegion, afterCity: sawCity,
                afterLowercasePlace: pending.lowercase)
            {
                return codeEnd
            } else if let word = AddressWord.read(t, at: start), word.capitalized, hasPINSuffix(t, word) {
                return word.end  // "Gudivada-404796": city and PIN in one
            } else if let regionEnd = region(t, at: start) ?? LowercaseTail.region(t, at: start) {
                takeRegion(regionEnd, newline: next.newline)
            } else if let city = city(t, at: start) ?? LowercaseTail.city(t, at: start),
                next.comma || next.newline || pending.end >= 0 || placeFollows(t, city)
            {
                // "…, Wichita, iban de98…", "…, beaverton, ring bell": an unconfirmed lower-case place after
                // another place is the sentence going on.
                if city.lowercase, !city.known, pending.end >= 0 { return nil }
                takeCity(city, next)
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

        private mutating func takeCity(_ city: Place, _ next: Segment) {
            if city.known {
                end = city.end
                pending = Pending()
                confirmed = true
            } else {
                // "…, salem\nWhich store…": a place ending its line stays when the next line starts unconfirmed.
                if next.newline, pending.isCity, !pending.afterNewline, !pending.lowercase || pending.afterComma {
                    end = pending.end
                }
                pending = Pending(
                    end: city.end, isCity: true, afterNewline: next.newline || pending.afterNewline,
                    lowercase: city.lowercase, afterComma: next.comma)
            }
            sawCity = true
            cursor = city.end
        }
    }

    /// "…Circle\nDayton" at the end of the message or of its line, "…\nDayton please": a place on a line of its
    /// own under the street.
    private static func endsLine(_ t: ByteText, _ index: Int) -> Bool {
        switch t[index] {
        case 0, UInt8(ascii: "\n"), UInt8(ascii: "\r"): return true
        case Byte.space:
            guard let word = AddressWord.read(t, at: index + 1) else { return false }
            return Lexicon.closingWords.contains(word.hash)
        default: return false
        }
    }

    /// "…, Little Whinging, Surrey." — unknown places that end the clause are the end of the address; ones a
    /// sentence runs on from ("…, Smallville is far") are not.
    static func endsClause(_ t: ByteText, _ index: Int) -> Bool {
        switch t[index] {
        case 0, UInt8(ascii: "\n"), UInt8(ascii: "\r"), Byte.dot, UInt8(ascii: "!"), UInt8(ascii: "?"),
            UInt8(ascii: ";"),
            Byte.rparen, Byte.comma:
            return true
        case Byte.space:
            // Chat leaves the full stop out: "…, salem Is there a store…", "…, cedar rapids thx".
            let start = t[index + 1] == Byte.space ? index + 2 : index + 1
            guard let word = AddressWord.read(t, at: start) else { return false }
            return word.capitalized
                ? Lexicon.sentenceWords.contains(word.hash) : Lexicon.closingWords.contains(word.hash)
        default:
            return false
        }
    }

    /// Where a tail segment starts and what separates it from the one before.
    private typealias Segment = (start: Int, comma: Bool, newline: Bool)

    /// The next segment after ", ", ",", " ", a line break (and " - " before an Indian PIN).
    private static func separator(_ t: ByteText, at index: Int) -> Segment? {
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

    private static func postcode(
        _ t: ByteText, at start: Int, comma: Bool, afterRegion: Bool, afterCity: Bool, afterLowercasePlace: Bool
    ) -> Int? {
        if Byte.isAlpha(t[start]) {
            return Postcode.uk(t, at: start) ?? Postcode.canada(t, at: start)
        }
        if afterRegion {
            return Postcode.digits(t, at: start, count: 5, zipPlusFour: true)
                ?? Postcode.digits(t, at: start, count: 4)
        }
        if afterCity, let end = cityPostcode(t, at: start, afterLowercasePlace: afterLowercasePlace) { return end }
        // "…, 10115 Berlin", "…, 75001 Paris": postcode before the city.
        guard comma, let codeEnd = Postcode.digits(t, at: start, count: 5) ?? Postcode.digits(t, at: start, count: 4),
            let cityWord = AddressWord.after(t, codeEnd), cityWord.capitalized
        else { return nil }
        return city(t, at: cityWord.start)?.end
    }

    /// A postcode right after a city: "London NW1 6XE", "Springfield 62704", "Mumbai 400 053". Digits going on
    /// as a number ("manchester\n07772 282521") or opening a street line ("…, new york 15686 chestnut trl") are no
    /// postcode, and after a lower-case place outside the gazetteer ("…12-54 it's 28545") only a PIN or an
    /// alphanumeric code is.
    private static func cityPostcode(_ t: ByteText, at start: Int, afterLowercasePlace: Bool) -> Int? {
        if Byte.isAlpha(t[start]) { return Postcode.uk(t, at: start) ?? Postcode.canada(t, at: start) }
        guard let end = afterLowercasePlace ? Postcode.india(t, at: start) : Postcode.afterCity(t, at: start),
            !(t[end] == Byte.space && Byte.isDigit(t[end + 1]))
        else { return nil }
        return StreetLine.english(t, after: end) == nil && StreetLine.french(t, after: end) == nil ? end : nil
    }

    /// "London NW1 6XE", "springfield il 62704", "…road leeds." without a comma: a city joins the address only
    /// when a postcode or a region with its ZIP follows it, or when it is a gazetteer city ending the clause.
    private static func placeFollows(_ t: ByteText, _ city: Place) -> Bool {
        if city.known, endsClause(t, city.end) { return true }
        var next = city.end
        if t[next] == Byte.comma { next += 1 }  // "…ave beaverton, or 97005", "…Walk Carlisle, M9 7QB"
        guard t[next] == Byte.space else { return false }
        next += 1
        if cityPostcode(t, at: next, afterLowercasePlace: city.lowercase && !city.known) != nil
            || LowercaseTail.region(t, at: next) != nil
        {
            return true
        }
        guard let regionEnd = region(t, at: next), t[regionEnd] == Byte.space else { return false }
        return Postcode.digits(t, at: regionEnd + 1, count: 5, zipPlusFour: true) != nil
    }

    /// US/Canadian region ("DC", "NY") or Australian state ("NSW"), upper case.
    private static func region(_ t: ByteText, at start: Int) -> Int? {
        guard let word = AddressWord.read(t, at: start), word.allCaps, word.length <= 3,
            !Boundary.wordAfter(t, word.end)
        else { return nil }
        return isRegionCode(word.hash) ? word.end : nil
    }

    private static func isRegionCode(_ hash: UInt64) -> Bool {
        Lexicon.usCanadaRegions.contains(hash) || Lexicon.australianStates.contains(hash)
    }

    private static func hasDigit(_ t: ByteText, _ word: AddressWord) -> Bool {
        for index in word.start..<word.end where Byte.isDigit(t[index]) { return true }
        return false
    }

    /// One to three capitalised words; `known` when the whole run is a gazetteer city.
    private static func city(_ t: ByteText, at start: Int) -> Place? {
        guard let first = AddressWord.read(t, at: start), first.capitalized, !Lexicon.sentenceWords.contains(first.hash)
        else { return nil }
        // "EL PASO", "NEW YORK": a short word in capitals opens a city only when more of the name follows; alone
        // it is a region or an abbreviation ("…, OK thanks").
        if first.allCaps, first.length <= 3 {
            guard !isRegionCode(first.hash), !Lexicon.directionals.contains(first.hash),
                let second = AddressWord.after(t, first.end, afterAbbreviation: true), second.allCaps,
                second.length > 3, !hasDigit(t, second)
            else { return nil }
        }
        if hasPINSuffix(t, first) { return Place(end: first.end, known: true) }  // "Gudivada-404796"
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
            // "Carlisle CO14 6PU", "Derby W92AZ": a word with a digit is the postcode.
            guard current.capitalized, !(current.allCaps && current.length <= 3), !hasDigit(t, current),
                !Lexicon.sentenceWords.contains(current.hash)
            else { break }
            end = current.end
            if Lexicon.cities.contains(WordHash.of(t, start, end)) || hasPINSuffix(t, current) { knownEnd = end }
            count += 1
            word = AddressWord.after(t, current.end)
        }
        return knownEnd > 0 ? Place(end: knownEnd, known: true) : Place(end: end, known: false)
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
