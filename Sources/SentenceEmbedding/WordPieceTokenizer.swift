import Foundation

/// The model's tokenizer, as `tokenizer.json` describes it: special tokens matched in the raw text first, then
/// `BertNormalizer` + `BertPreTokenizer`, then greedy longest-match-first WordPiece (`##` continuations; a word
/// with any unmatched part, or longer than `maxInputCharsPerWord` scalars, becomes `[UNK]`), then
/// `[CLS] … [SEP]`, truncated to `maxLength` ids including those two.
///
/// The vocabulary comes from `vocab.txt` (line n is id n) as UTF-8 bytes, not Swift `String`s: `String` equality
/// is canonical equivalence, which would merge entries the Rust tokenizer keeps apart.
struct WordPieceTokenizer {
    let normalizer: BertNormalizer
    let maxLength: Int
    let maxInputCharsPerWord: Int
    let unknownID: Int32
    let classifierID: Int32
    let separatorID: Int32
    private let vocabulary: [[UInt8]: Int32]
    private let continuationPrefix: [UInt8]
    /// Special tokens recognised verbatim anywhere in the input (`[CLS]`, `[SEP]`, `[MASK]`…), as the Rust crate's
    /// added-token pass does before normalizing.
    private let specials: [(scalars: [Unicode.Scalar], id: Int32)]
    /// The scalars a special token can start with (`[` for this model), so most scalars skip the search.
    private let specialStarts: Set<Unicode.Scalar>

    /// Ids for one text, `[CLS]` first and `[SEP]` last. Work stops once `maxLength` ids are known, so a 1 MB text
    /// costs little more than its first few hundred words.
    func encode(_ text: String) -> [Int32] {
        let budget = maxLength - 2
        var ids: [Int32] = [classifierID]
        var raw: [Unicode.Scalar] = []
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex, ids.count <= budget {
            let scalar = scalars[index]
            if specialStarts.contains(scalar), let (id, end) = special(at: index, in: scalars) {
                append(raw, to: &ids, budget: budget)
                raw.removeAll(keepingCapacity: true)
                ids.append(id)
                index = end
                continue
            }
            if normalizer.isSeparator(scalar) {
                append(raw, to: &ids, budget: budget)
                raw.removeAll(keepingCapacity: true)
            } else if BertNormalizer.isPunctuation(scalar)
                || (normalizer.handleChineseChars && BertNormalizer.isChinese(scalar))
            {
                // Always a word of its own after normalization, and a boundary no combining mark reorders
                // across (both have combining class 0): cutting here gives the same words and lets a long
                // unspaced text ("x.x.x.…") stop at the budget instead of being normalized whole.
                append(raw, to: &ids, budget: budget)
                raw.removeAll(keepingCapacity: true)
                append([scalar], to: &ids, budget: budget)
            } else {
                raw.append(scalar)
            }
            index = scalars.index(after: index)
        }
        append(raw, to: &ids, budget: budget)
        if ids.count > budget + 1 { ids.removeLast(ids.count - budget - 1) }
        ids.append(separatorID)
        return ids
    }

    /// Normalizes and pre-tokenizes one whitespace-free run, then WordPieces each word until the budget is met.
    private func append(_ raw: [Unicode.Scalar], to ids: inout [Int32], budget: Int) {
        guard !raw.isEmpty, ids.count <= budget else { return }
        var words: [[Unicode.Scalar]] = []
        normalizer.appendWords(of: raw, to: &words)
        for word in words {
            guard ids.count <= budget else { return }
            appendPieces(of: word, to: &ids)
        }
    }

    private func appendPieces(of word: [Unicode.Scalar], to ids: inout [Int32]) {
        guard word.count <= maxInputCharsPerWord else {
            ids.append(unknownID)
            return
        }
        // UTF-8 of the word and where each scalar starts, so every candidate is a byte range.
        var bytes: [UInt8] = []
        var offsets: [Int] = []
        for scalar in word {
            offsets.append(bytes.count)
            bytes.append(contentsOf: UTF8.encode(scalar)!)
        }
        offsets.append(bytes.count)

        var pieces: [Int32] = []
        var start = 0
        while start < word.count {
            var end = word.count
            var match: Int32?
            while start < end {
                let key = (start > 0 ? continuationPrefix : []) + bytes[offsets[start]..<offsets[end]]
                if let id = vocabulary[key] {
                    match = id
                    break
                }
                end -= 1
            }
            guard let match else {
                ids.append(unknownID)
                return
            }
            pieces.append(match)
            start = end
        }
        ids.append(contentsOf: pieces)
    }

    private func special(at index: String.UnicodeScalarView.Index, in scalars: String.UnicodeScalarView)
        -> (Int32, String.UnicodeScalarView.Index)?
    {
        for special in specials {
            var position = index
            var matched = true
            for expected in special.scalars {
                guard position < scalars.endIndex, scalars[position] == expected else {
                    matched = false
                    break
                }
                position = scalars.index(after: position)
            }
            if matched { return (special.id, position) }
        }
        return nil
    }
}

extension WordPieceTokenizer {
    /// Reads `vocab.txt` and the settings in `tokenizer.json`, refusing a pipeline other than the one above.
    static func load(from directory: URL, maxLength: Int, vocabularySize: Int) throws -> WordPieceTokenizer {
        let vocabularyFile = directory.appendingPathComponent("vocab.txt")
        let vocabulary = try readVocabulary(vocabularyFile)
        guard vocabulary.count == vocabularySize else {
            throw SentenceEmbeddingError.corruptFile(
                path: vocabularyFile.path, reason: "\(vocabulary.count) tokens, the model has \(vocabularySize)")
        }
        let settingsFile = directory.appendingPathComponent("tokenizer.json")
        let settings = try TokenizerSettings.load(settingsFile)
        func id(_ token: String) throws -> Int32 {
            guard let id = vocabulary[Array(token.utf8)] else {
                throw SentenceEmbeddingError.corruptFile(path: vocabularyFile.path, reason: "no \(token) token")
            }
            return id
        }
        var specials: [(scalars: [Unicode.Scalar], id: Int32)] = []
        for added in settings.addedTokens where !added.normalized && !added.content.isEmpty {
            guard try id(added.content) == added.id else {
                throw SentenceEmbeddingError.corruptFile(
                    path: settingsFile.path, reason: "\(added.content) disagrees with vocab.txt")
            }
            specials.append((Array(added.content.unicodeScalars), added.id))
        }
        _ = ScalarClass.basicPlane  // built now, at load, rather than during the first request
        // Longest first: the Rust crate takes the longest special token that matches at a position.
        specials.sort { $0.scalars.count > $1.scalars.count }
        return WordPieceTokenizer(
            normalizer: settings.normalizer, maxLength: maxLength,
            maxInputCharsPerWord: settings.maxInputCharsPerWord, unknownID: try id(settings.unknownToken),
            classifierID: try id("[CLS]"), separatorID: try id("[SEP]"), vocabulary: vocabulary,
            continuationPrefix: Array(settings.continuingSubwordPrefix.utf8), specials: specials,
            specialStarts: Set(specials.compactMap(\.scalars.first)))
    }

    private static func readVocabulary(_ url: URL) throws -> [[UInt8]: Int32] {
        let data = try ModelFile.read(url)
        var vocabulary: [[UInt8]: Int32] = [:]
        var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }  // the final newline
        for (number, line) in lines.enumerated() {
            var token = Array(line)
            if token.last == UInt8(ascii: "\r") { token.removeLast() }
            guard !token.isEmpty, String(validating: token, as: UTF8.self) != nil else {
                throw SentenceEmbeddingError.corruptFile(path: url.path, reason: "line \(number + 1) is not a token")
            }
            guard vocabulary.updateValue(Int32(number), forKey: token) == nil else {
                throw SentenceEmbeddingError.corruptFile(path: url.path, reason: "line \(number + 1) repeats a token")
            }
        }
        return vocabulary
    }
}
