/// A light, conservative English stemmer: it conflates inflections (refunds, refunded, refunding → refund) and a
/// few productive suffixes (payment → pay, refundable → refund, cancellation → cancel, internationally →
/// international, weekly → week) without Porter's
/// aggressive rewriting. Both sides of every comparison go through it, so a stem only has to be consistent, not
/// a real word ("delivery", "delivered", "deliveries" all become "deliver").
enum Stemmer {
    /// Irregular forms that suffix rules cannot reach but shoppers use all the time.
    static let irregular: [String: String] = [
        "paid": "pay", "bought": "buy", "sold": "sell", "sent": "send", "gave": "give", "given": "give",
        "took": "take", "taken": "take", "made": "make", "went": "go", "came": "come", "found": "find",
        "ate": "eat", "eaten": "eat", "children": "child", "menus": "menu", "people": "person", "women": "woman",
        "men": "man", "broke": "break", "broken": "break", "left": "leave", "spent": "spend", "kept": "keep",
    ]

    /// Suffixes removed while at least `minimumStem` letters remain.
    private static let derivational: [(suffix: String, minimumStem: Int)] = [
        ("ibility", 4), ("ability", 4), ("ation", 4), ("ment", 3), ("able", 4), ("ible", 4), ("ness", 4),
        ("ly", 4),
    ]

    static func stem(_ word: String) -> String {
        if let known = irregular[word] { return known }
        var letters = Array(word.utf8)
        // Only plain lower-case ASCII words of four letters or more; numbers and other scripts stay whole.
        guard letters.count >= 4, letters.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return word }
        removePlural(&letters)
        removeVerbEnding(&letters)
        removeDerivational(&letters)
        removeFinalY(&letters)
        removeFinalE(&letters)
        return String(decoding: letters, as: UTF8.self)
    }

    private static func removePlural(_ w: inout [UInt8]) {
        if ends(w, "sses") {
            w.removeLast(2)
        } else if ends(w, "ies") && w.count >= 5 {
            w.removeLast(3)
            w.append(UInt8(ascii: "y"))
        } else if ends(w, "xes") || ends(w, "ches") || ends(w, "shes") || ends(w, "zzes") {
            w.removeLast(2)
        } else if ends(w, "s") && !ends(w, "ss") && !ends(w, "us") && !ends(w, "is") {
            w.removeLast()
        }
    }

    private static func removeVerbEnding(_ w: inout [UInt8]) {
        if ends(w, "ied") && w.count >= 5 {
            w.removeLast(3)
            w.append(UInt8(ascii: "y"))
        } else if ends(w, "eed") {
            if w.count > 4 { w.removeLast() }  // agreed → agree; "need", "feed" stay.
        } else if ends(w, "ed") && hasVowel(w.dropLast(2)) && w.count - 2 >= 3 {
            w.removeLast(2)
            undouble(&w)
        } else if ends(w, "ing") && hasVowel(w.dropLast(3)) && w.count - 3 >= 3 {
            w.removeLast(3)
            undouble(&w)
        }
    }

    private static func removeDerivational(_ w: inout [UInt8]) {
        for (suffix, minimumStem) in derivational where ends(w, suffix) && w.count - suffix.utf8.count >= minimumStem {
            w.removeLast(suffix.utf8.count)
            undouble(&w)
            return
        }
    }

    /// delivery → deliver, policy → polic (and policies → policy → polic); short words (party, copy) keep it.
    private static func removeFinalY(_ w: inout [UInt8]) {
        guard w.count >= 6, w.last == UInt8(ascii: "y"), !isVowel(w[w.count - 2]) else { return }
        w.removeLast()
    }

    /// change, changes, changed, changing → chang; "coffee" and short words keep their e.
    private static func removeFinalE(_ w: inout [UInt8]) {
        guard w.count > 4, w.last == UInt8(ascii: "e"), w[w.count - 2] != UInt8(ascii: "e") else { return }
        w.removeLast()
    }

    /// shipp → ship, stopp → stop, cancell → cancel; l, s, z and f doubles are real (install, pass, buzz, stuff)
    /// except in "-ell" (British cancelled, travelled, labelled).
    private static func undouble(_ w: inout [UInt8]) {
        guard w.count >= 4 else { return }
        let last = w[w.count - 1]
        guard last == w[w.count - 2], !isVowel(last) else { return }
        switch last {
        case UInt8(ascii: "s"), UInt8(ascii: "z"), UInt8(ascii: "f"):
            return
        case UInt8(ascii: "l"):
            if w.count >= 6 && w[w.count - 3] == UInt8(ascii: "e") { w.removeLast() }
        default:
            w.removeLast()
        }
    }

    private static func ends(_ w: [UInt8], _ suffix: String) -> Bool {
        let tail = suffix.utf8
        return w.count > tail.count && w.suffix(tail.count).elementsEqual(tail)
    }

    private static func isVowel(_ c: UInt8) -> Bool {
        c == UInt8(ascii: "a") || c == UInt8(ascii: "e") || c == UInt8(ascii: "i") || c == UInt8(ascii: "o")
            || c == UInt8(ascii: "u") || c == UInt8(ascii: "y")
    }

    private static func hasVowel(_ w: ArraySlice<UInt8>) -> Bool { w.contains(where: isVowel) }
}
