/// Finds the vocabulary word a misspelt query word was meant to be, within one edit (insertion, deletion,
/// substitution or swap of neighbours): "refnd" → "refund", "polcy" → "policy", "recieve" → "receive".
///
/// Symmetric-delete lookup (SymSpell): every vocabulary word is filed under itself and each of its one-letter
/// deletions; a query word's own deletions then meet its candidates in a hash lookup, and each candidate is
/// confirmed with an exact edit-distance check. Query time is a few dictionary probes, whatever the vocabulary.
struct TypoCorrector: Sendable {
    struct Candidate: Hashable, Sendable {
        var surface: String
        var stem: String
        /// Chunks containing the word; lexicon-only words count 0 and lose ties to corpus words.
        var frequency: Int
    }

    /// Words this long or longer are corrected by any single edit.
    static let minimumLength = 5
    /// Four-letter words are corrected only for a dropped letter or swapped neighbours ("trak" → track): a
    /// substitution would turn real words the corpus lacks into ones it has ("cold" → "gold").
    static let shortestCorrected = 4

    private var candidates: [Candidate] = []
    private var byVariant: [String: [Int32]] = [:]

    /// `words` maps surface form → (stem, chunk frequency). Only plain ASCII words are indexed.
    init(words: [String: (stem: String, frequency: Int)]) {
        for surface in words.keys.sorted() {
            guard let entry = words[surface], surface.utf8.count >= Self.shortestCorrected - 1,
                surface.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A })
            else { continue }
            let id = Int32(candidates.count)
            candidates.append(Candidate(surface: surface, stem: entry.stem, frequency: entry.frequency))
            for variant in Self.variants(of: surface) { byVariant[variant, default: []].append(id) }
        }
    }

    /// The most frequent word within one edit of `word`, or nil (too short, non-ASCII, or nothing close).
    func correction(for word: String) -> Candidate? {
        let bytes = Array(word.utf8)
        guard bytes.count >= Self.shortestCorrected, bytes.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return nil }
        var best: Candidate?
        var seen: Set<Int32> = []
        for variant in Self.variants(of: word) {
            for id in byVariant[variant] ?? [] where seen.insert(id).inserted {
                let candidate = candidates[Int(id)]
                let target = Array(candidate.surface.utf8)
                guard candidate.surface != word, Self.withinOneEdit(bytes, target),
                    bytes.count >= Self.minimumLength || Self.isDroppedLetterOrSwap(bytes, target)
                else { continue }
                if let current = best, (current.frequency, candidate.surface) >= (candidate.frequency, current.surface)
                {
                    continue
                }
                best = candidate
            }
        }
        return best
    }

    /// The word itself and every string made by deleting one of its letters.
    private static func variants(of word: String) -> [String] {
        let bytes = Array(word.utf8)
        var result = [word]
        for skip in bytes.indices {
            var copy = bytes
            copy.remove(at: skip)
            result.append(String(decoding: copy, as: UTF8.self))
        }
        return result
    }

    /// True when `target` is `word` with one letter added, or with two neighbouring letters swapped.
    static func isDroppedLetterOrSwap(_ word: [UInt8], _ target: [UInt8]) -> Bool {
        if target.count == word.count + 1 { return true }
        guard target.count == word.count, let first = word.indices.first(where: { word[$0] != target[$0] }) else {
            return false
        }
        return first + 1 < word.count && word[first] == target[first + 1] && word[first + 1] == target[first]
    }

    /// Optimal-string-alignment distance ≤ 1 between two byte strings.
    static func withinOneEdit(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        if a == b { return true }
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        guard long.count - short.count <= 1 else { return false }
        var prefix = 0
        while prefix < short.count && short[prefix] == long[prefix] { prefix += 1 }
        if short.count == long.count {
            // One substitution, or one swap of neighbours.
            if short[(prefix + 1)...] == long[(prefix + 1)...] { return true }
            return prefix + 1 < short.count && short[prefix] == long[prefix + 1] && short[prefix + 1] == long[prefix]
                && short[(prefix + 2)...] == long[(prefix + 2)...]
        }
        return short[prefix...] == long[(prefix + 1)...]
    }
}
