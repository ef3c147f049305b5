/// Street addresses in the launch countries' usual orders.
///
/// - house number first: "221B Baker Street", "1600 Pennsylvania Ave NW, Washington, DC 20500",
///   "12 rue de Rivoli, 75001 Paris", "10 Smith St, Sydney NSW 2000";
/// - unit first: "Apt 4B, 55 W 46th St", "Flat 12, MG Road, Bengaluru 560001";
/// - street first (German): "Hauptstraße 5, 10115 Berlin", "Berliner Str. 12";
/// - post boxes: "PO Box 1234".
///
/// The tail (city, region, postcode) joins the span when it is attached. A bare "2 Milky Way bars" after
/// "I want" is a quantity, not an address; a ZIP or postcode on its own is never masked.
enum AddressDetector {
    /// An address that starts with the house number at `start`.
    static func detect(_ t: ByteText, atNumber start: Int, afterUnit: Bool = false) -> Candidate? {
        guard afterUnit || (!Boundary.wordBefore(t, start) && t[start - 1] != Byte.hash),
            let number = HouseNumber.read(t, at: start)
        else { return nil }
        // "12, MG Road": Indian addresses often put a comma after the number.
        let lineStart = t[number.end] == Byte.comma ? number.end + 1 : number.end
        guard let line = StreetLine.french(t, after: lineStart) ?? StreetLine.english(t, after: lineStart) else {
            // "66/83, Prakash, Tiruppur-591406": a house number, a locality and a postcode.
            guard lineStart > number.end, t[lineStart] == Byte.space, Byte.isUpper(t[lineStart + 1]) else { return nil }
            let tail = AddressTail.parse(t, from: number.end)
            return tail.postcode ? Candidate(start: start, end: tail.end, type: .address) : nil
        }
        let tail = AddressTail.parse(t, from: line.end)
        let confirmed = tail.end > line.end || afterUnit || number.lettered
        // "3 kings way", "12 elm close": unless a tail, an address word, a house number no count has (three digits,
        // a letter) or a line no order has (an ordinal, a compass point, two name words) says it is an address. With
        // an extended type ("…missing reach") only the tail or an address word will do.
        let attached = tail.confirmed || tail.unit || afterUnit
        // "250g missing gate", "500m walk": a size or a distance, not a house letter.
        if line.lowercase, number.lettered, measureLetters.contains(t[number.end - 1]) { return nil }
        let shaped = number.lettered || number.end - start >= 3 || line.distinctive
        if line.needsConfirmation, !(attached || (shaped && line.core)),
            !Self.hasAddressCue(t, before: start, throughIs: true)
        {
            return nil
        }
        if !line.core, !confirmed, number.end - start < 3, !Self.hasAddressCue(t, before: start) { return nil }
        if !(confirmed || line.distinctive), looksLikeQuantity(t, start: start, lineEnd: line.end) { return nil }
        return Candidate(start: start, end: tail.end, type: .address)
    }

    /// An address that starts with the word at `start`: a unit or a post box.
    static func detect(_ t: ByteText, atWord start: Int, wordEnd: Int) -> Candidate? {
        let hash = WordHash.of(t, start, wordEnd)
        if MilitaryAddress.openerSet.contains(hash), let end = MilitaryAddress.read(t, at: start) {
            return Candidate(start: start, end: end, type: .address)
        }
        if Lexicon.unitDesignators.contains(hash) || Byte.lower(t[start]) == UInt8(ascii: "h"),
            let unitEnd = Unit.read(t, at: start), let address = afterUnit(t, start: start, unitEnd: unitEnd)
        {
            return address
        }
        if Byte.lower(t[start]) == UInt8(ascii: "p"), let boxEnd = PostBox.read(t, at: start) {
            return Candidate(start: start, end: AddressTail.extend(t, from: boxEnd), type: .address)
        }
        // "chemin Gaudin, 37756 Mathieu": a French street without a number, confirmed by its postcode.
        if Lexicon.frenchStreetTypes.contains(hash), let line = StreetLine.frenchUnnumbered(t, at: start) {
            let tail = AddressTail.parse(t, from: line.end)
            if tail.postcode { return Candidate(start: start, end: tail.end, type: .address) }
        }
        return nil
    }

    /// An address that opens with a "#" unit: "#4, 65 Wexford Road", "# 210, 18382 Kingsley Terrace, …". Not
    /// after an identifier word: "order #4155, 12 main st" is an order number and an address.
    static func detect(_ t: ByteText, atHash start: Int) -> Candidate? {
        guard NumberContext.cue(before: start, in: t) != .identifier, let unitEnd = Unit.read(t, at: start),
            t[unitEnd] == Byte.comma || t[unitEnd] == Byte.space
        else { return nil }
        return afterUnit(t, start: start, unitEnd: unitEnd)
    }

    /// "Apt 4B, 55 W 46th St" or "Flat 12, MG Road, …".
    private static func afterUnit(_ t: ByteText, start: Int, unitEnd: Int) -> Candidate? {
        var next = unitEnd
        if t[next] == Byte.slash, Byte.isDigit(t[next + 1]) {
            // "Unit 3/15 Smith St": unit 3 of number 15.
            guard let street = detect(t, atNumber: next + 1, afterUnit: true) else { return nil }
            return Candidate(start: start, end: street.end, type: .address)
        }
        if t[next] == Byte.comma { next += 1 }
        guard t[next] == Byte.space else { return nil }
        next += 1
        if Byte.isDigit(t[next]) {
            guard let street = detect(t, atNumber: next, afterUnit: true) else { return nil }
            return Candidate(start: start, end: street.end, type: .address)
        }
        if let line = StreetLine.unnumbered(t, at: next) {
            return Candidate(start: start, end: AddressTail.extend(t, from: line.end), type: .address)
        }
        // "H.No. 97, Bhatti, Nandyal-833788": a unit and a locality confirmed by a postcode or known city.
        let tail = AddressTail.parse(t, from: unitEnd)
        return tail.confirmed ? Candidate(start: start, end: tail.end, type: .address) : nil
    }

    /// "ship to", "live at", "address:" right before the house number. With `throughIs`, a bare "is" (or "an") is
    /// no cue but one of the address words before it is: "my address is …", "home is …", "my new place is …".
    private static func hasAddressCue(_ t: ByteText, before start: Int, throughIs: Bool = false) -> Bool {
        guard let previous = wordBefore(t, start) else { return false }
        let hash = WordHash.of(t, previous.start, previous.end)
        guard throughIs, hash == isWord || hash == anWord else { return Lexicon.addressCues.contains(hash) }
        guard hash == isWord, let earlier = Boundary.previousWord(t, before: previous.start, maxGap: 2) else {
            return false
        }
        let earlierHash = WordHash.of(t, earlier.start, earlier.end)
        return earlierHash == placeWord || Lexicon.addressCues.contains(earlierHash)
    }

    /// The word before the house number, also across the line break after a label ("address:\n27 cedar way"); not
    /// the end of an e-mail or web address ("…@optusnet.com.au 2 rocky road").
    private static func wordBefore(_ t: ByteText, _ start: Int) -> (start: Int, end: Int)? {
        var end = start
        if t[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        if t[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        if end < start, t[end - 1] != Byte.colon { return nil }
        guard let word = Boundary.previousWord(t, before: end, maxGap: 3),
            t[word.start - 1] != Byte.dot || !Byte.isAlnum(t[word.start - 2])
        else { return nil }
        return word
    }

    /// Grams, litres, metres, kilo-: the letter after a size or a distance.
    private static let measureLetters: Set<UInt8> = [
        UInt8(ascii: "g"), UInt8(ascii: "l"), UInt8(ascii: "m"), UInt8(ascii: "k"),
    ]

    private static let isWord = WordHash.of("is")
    private static let anWord = WordHash.of("an")
    private static let placeWord = WordHash.of("place")

    /// A plain "number + name + street type" after "want", "bought", "2 x"…, or followed by a lower-case noun
    /// ("2 Milky Way bars"), is an order line, unless an address word ("to", "at", "address") precedes it.
    private static func looksLikeQuantity(_ t: ByteText, start: Int, lineEnd: Int) -> Bool {
        if let previous = wordBefore(t, start) {
            let hash = WordHash.of(t, previous.start, previous.end)
            if Lexicon.addressCues.contains(hash) { return false }
            if Lexicon.quantityCues.contains(hash) { return true }
        }
        let afterDot = t[lineEnd] == Byte.dot ? lineEnd + 1 : lineEnd
        guard afterDot == lineEnd, let next = AddressWord.after(t, lineEnd), next.lowercase else { return false }
        // "1 rocky road and 2 lattes": the list goes on with another count.
        if listWords.contains(next.hash), t[next.end] == Byte.space, Byte.isDigit(t[next.end + 1]) { return true }
        return !Lexicon.stopWords.contains(next.hash) && !Lexicon.cities.contains(next.hash)
            && !Lexicon.closingWords.contains(next.hash)
    }

    private static let listWords = WordHash.set(["and", "plus", "n", "with"])
}

/// "PO Box 1234", "P.O. Box 77", "Post Office Box 5".
enum PostBox {
    static func read(_ t: ByteText, at start: Int) -> Int? {
        var index: Int
        if t.equalsLower(start, start + 2, "po"), t[start + 2] == Byte.space {
            index = start + 3
        } else if t.equalsLower(start, start + 4, "p.o."), t[start + 4] == Byte.space {
            index = start + 5
        } else if t.equalsLower(start, start + 11, "post office"), t[start + 11] == Byte.space {
            index = start + 12
        } else {
            return nil
        }
        guard t.equalsLower(index, index + 3, "box"), t[index + 3] == Byte.space else { return nil }
        index += 4
        let digitStart = index
        while Byte.isDigit(t[index]), index - digitStart <= 6 { index += 1 }
        guard index > digitStart, index - digitStart <= 6, !Boundary.wordAfter(t, index) else { return nil }
        return index
    }
}
