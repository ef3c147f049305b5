/// The street part of an address after the house number: "Baker Street", "W 46th St", "Pennsylvania Ave NW",
/// "rue de Rivoli".
struct StreetLine {
    var end: Int
    /// The line has a feature a quantity never has: an ordinal, a directional, several name words.
    var distinctive: Bool
    /// The street type is a core one ("Street", "Rd"), not an everyday noun from the extended list ("Loaf").
    var core = true
    /// Typed in lower case ("742 evergreen terrace").
    var lowercase = false
    /// In lower case with a type that is an everyday word or an extended type ("3 kings way", "12 elm close",
    /// "9 mill bridge"): an address only with a unit, a postcode, a region or a known city attached, or an address
    /// word before it.
    var needsConfirmation = false

    /// English order: name words then a street type, then an optional directional.
    static func english(_ t: ByteText, after numberEnd: Int) -> StreetLine? {
        var nameWords = 0
        var lowercaseName = false
        var distinctive = false
        var firstName: UInt64 = 0
        var word = AddressWord.after(t, numberEnd)
        while let current = word, nameWords < 5 {
            if current.lowercase, Lexicon.stopWords.contains(current.hash) { return nil }
            let suffix = Lexicon.streetSuffixes.contains(current.hash)
            if suffix, nameWords >= 1 || Lexicon.standaloneStreets.contains(current.hash),
                !isDoubledSuffix(t, current)
            {
                // "5 min walk", "2 hour drive": a count, a unit of time or distance and a street-type word.
                if nameWords == 1, Lexicon.measureWords.contains(firstName) { return nil }
                // "12 baker Street" is no spelling of an address; "12 Baker street" and "12 baker street" are.
                if lowercaseName, !current.lowercase { return nil }
                var line = StreetLine(
                    end: current.end, distinctive: distinctive || nameWords >= 2,
                    core: Lexicon.coreStreetSuffixes.contains(current.hash))
                if current.lowercase {
                    line.lowercase = true
                    line.needsConfirmation = !line.core || Lexicon.everydayStreetWords.contains(current.hash)
                }
                line.takeDirectional(t)
                return line
            }
            if nameWords == 0 {
                // "200 g missing reach", "500 ml of…": in lower case a unit of measure never opens a street name.
                if current.lowercase, Lexicon.measureWords.contains(current.hash) { return nil }
                firstName = current.hash
            }
            guard current.capitalized || current.ordinal || current.lowercase else { return nil }
            if current.capitalized, Lexicon.sentenceWords.contains(current.hash) { return nil }
            if current.numeric && !current.ordinal { return nil }
            if current.ordinal || Lexicon.directionals.contains(current.hash) { distinctive = true }
            if current.lowercase { lowercaseName = true }
            nameWords += 1
            word = AddressWord.after(t, current.end, afterAbbreviation: current.length <= 2 && !current.lowercase)
        }
        return nil
    }

    /// "Park" in "Green Park Road" is a name word because a street type follows it.
    private static func isDoubledSuffix(_ t: ByteText, _ word: AddressWord) -> Bool {
        guard let next = AddressWord.after(t, word.end) else { return false }
        // In lower case a core type is a name word only before another core type: "…sycamore boulevard reach me"
        // goes on with the sentence, "…spring valley circle" is one street.
        let core = Lexicon.coreStreetSuffixes
        return Lexicon.streetSuffixes.contains(next.hash) && next.capitalized == word.capitalized
            && !Lexicon.directionals.contains(next.hash)
            && (!word.lowercase || !core.contains(word.hash) || core.contains(next.hash))
    }

    /// "Ave NW", "Street North": a compass point after the street type.
    private mutating func takeDirectional(_ t: ByteText) {
        let afterDot = t[end] == Byte.dot ? end + 1 : end
        guard let word = AddressWord.after(t, afterDot), Lexicon.directionals.contains(word.hash) else { return }
        let shortCaps = word.allCaps && word.length <= 2
        let fullWord = word.capitalized && word.length >= 4 && !Byte.isWordByte(t[word.end])
        // "…ave nw": in lower case only the two-letter points, which are no words.
        let lowerPair = lowercase && word.lowercase && word.length == 2
        guard shortCaps || fullWord || lowerPair else { return }
        end = word.end
        distinctive = true
    }

    /// French order: a street type then its name, "rue de la Paix", "avenue des Champs-Élysées".
    static func french(_ t: ByteText, after numberEnd: Int) -> StreetLine? {
        var start = numberEnd
        if let word = AddressWord.after(t, start),
            t.equalsLower(word.start, word.end, "bis")
                || t.equalsLower(word.start, word.end, "ter")
        {
            start = word.end
        }
        guard let type = AddressWord.after(t, start) else { return nil }
        return frenchName(t, type: type)
    }

    /// A French street line without a house number, starting with its type at `start` ("chemin Gaudin").
    static func frenchUnnumbered(_ t: ByteText, at start: Int) -> StreetLine? {
        AddressWord.read(t, at: start).flatMap { frenchName(t, type: $0) }
    }

    private static func frenchName(_ t: ByteText, type: AddressWord) -> StreetLine? {
        guard Lexicon.frenchStreetTypes.contains(type.hash) else { return nil }
        var end = -1
        var word = AddressWord.after(t, type.end)
        var count = 0
        while let current = word, count < 6 {
            if current.capitalized, Lexicon.sentenceWords.contains(current.hash) { break }
            if current.capitalized {
                end = current.end
            } else if !(Lexicon.nameParticles.contains(current.hash) || isElided(t, current)) {
                break
            }
            count += 1
            word = AddressWord.after(t, current.end)
        }
        return end > 0 ? StreetLine(end: end, distinctive: true) : nil
    }

    /// "l'Église", "d'Alsace".
    private static func isElided(_ t: ByteText, _ word: AddressWord) -> Bool {
        let first = Byte.lower(t[word.start])
        return (first == UInt8(ascii: "l") || first == UInt8(ascii: "d")) && t[word.start + 1] == Byte.apostrophe
    }

    /// Name words then a street type with no house number, used after a unit ("Flat 12, MG Road").
    static func unnumbered(_ t: ByteText, at start: Int) -> StreetLine? {
        guard let first = AddressWord.read(t, at: start), first.capitalized else { return nil }
        return english(t, after: start - 1).flatMap { $0.end > start ? $0 : nil }
    }
}
