/// A city (or other place) read after a street line.
struct Place {
    var end: Int
    /// The whole run is a gazetteer city.
    var known: Bool
    /// Typed in lower case ("portland", "ann arbor").
    var lowercase = false
}

/// The tail of an address typed all in lower case (issue 13): "…st apt 4\nportland, or 97205",
/// "…road leeds ls1 4ap", "…ave nw, washington, dc 20500".
///
/// Lower-case region codes are everyday words ("or", "in", "me", "hi", "ok") and lower-case places are not told
/// apart from the sentence by a capital, so each needs its confirmation right there: a region only with its ZIP
/// after it, a place outside the gazetteer only with a region or postcode after it (or, after a comma, the end
/// of the sentence).
enum LowercaseTail {
    /// Units that may follow a street after a bare space ("12 elm ln apt 4"); "room", "floor", "no" are too often
    /// the sentence going on.
    private static let bareUnits = WordHash.set(["apt", "apartment", "unit", "suite", "ste", "flat"])

    static func isBareUnit(_ t: ByteText, at start: Int) -> Bool {
        guard let word = AddressWord.read(t, at: start) else { return false }
        return bareUnits.contains(word.hash)
    }

    /// A lower-case US/Canadian region or Australian state followed by its ZIP or postcode ("il 62704",
    /// "nsw 2000"); the end of the region code.
    static func region(_ t: ByteText, at start: Int) -> Int? {
        guard let word = AddressWord.read(t, at: start), word.lowercase, (2...3).contains(word.length),
            t[word.end] == Byte.space
        else { return nil }
        if Lexicon.usCanadaRegions.contains(word.hash),
            Postcode.digits(t, at: word.end + 1, count: 5, zipPlusFour: true) != nil
        {
            return word.end
        }
        if Lexicon.australianStates.contains(word.hash), Postcode.digits(t, at: word.end + 1, count: 4) != nil {
            return word.end
        }
        return nil
    }

    /// One to three lower-case place words ("portland", "ann arbor", "st. paul"), stopping before a region
    /// with its ZIP; `known` when the run (or its start) is a gazetteer city.
    static func city(_ t: ByteText, at start: Int) -> Place? {
        guard let first = AddressWord.read(t, at: start), isPlaceWord(t, first) else { return nil }
        var end = first.end
        var knownEnd = Lexicon.cities.contains(first.hash) ? first.end : -1
        var word = AddressWord.after(t, first.end, afterAbbreviation: Lexicon.placeAbbreviations.contains(first.hash))
        var count = 1
        while let current = word, count < 3, isPlaceWord(t, current), region(t, at: current.start) == nil {
            end = current.end
            if Lexicon.cities.contains(WordHash.of(t, start, end)) { knownEnd = end }
            count += 1
            word = AddressWord.after(t, current.end)
        }
        return knownEnd > 0
            ? Place(end: knownEnd, known: true, lowercase: true) : Place(end: end, known: false, lowercase: true)
    }

    /// A lower-case word that can be part of a place name: letters only, not a word that carries the sentence
    /// ("and", "thanks", "asap"), a unit ("room"), a measure ("min") or an identifier word ("item 549840").
    private static func isPlaceWord(_ t: ByteText, _ word: AddressWord) -> Bool {
        guard word.lowercase, word.length >= 2 else { return false }
        for index in word.start..<word.end where Byte.isDigit(t[index]) { return false }
        let hash = word.hash
        return !Lexicon.stopWords.contains(hash) && !Lexicon.sentenceWords.contains(hash)
            && !Lexicon.unitDesignators.contains(hash) && !Lexicon.measureWords.contains(hash)
            && !NumberContext.identifierWords.contains(hash) && !NumberContext.accountWords.contains(hash)
    }
}
