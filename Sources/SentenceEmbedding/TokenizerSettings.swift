import Foundation

/// The parts of `tokenizer.json` that decide token ids. The vocabulary itself is read from `vocab.txt` (the same
/// list, checked when the reference fixture was made); everything else must name the components this module
/// implements, or loading fails instead of tokenizing differently from the reference.
struct TokenizerSettings {
    struct AddedToken: Decodable {
        var id: Int32
        var content: String
        var normalized: Bool
        var singleWord: Bool?
        var lstrip: Bool?
        var rstrip: Bool?

        /// Matched verbatim wherever it occurs, the only kind `WordPieceTokenizer` implements.
        var isPlain: Bool { singleWord != true && lstrip != true && rstrip != true }
    }

    var normalizer: BertNormalizer
    var addedTokens: [AddedToken]
    var unknownToken: String
    var continuingSubwordPrefix: String
    var maxInputCharsPerWord: Int

    static func load(_ url: URL) throws -> TokenizerSettings {
        let file = try ModelFile.decode(FileJSON.self, from: url)
        func unsupported(_ reason: String) -> SentenceEmbeddingError {
            .unsupportedModel(path: url.path, reason: reason)
        }
        guard let normalizer = file.normalizer, normalizer.type == "BertNormalizer" else {
            throw unsupported("normalizer is not BertNormalizer")
        }
        guard file.preTokenizer?.type == "BertPreTokenizer" else { throw unsupported("pre-tokenizer is not Bert's") }
        guard file.model.type == "WordPiece", let unknown = file.model.unkToken, !unknown.isEmpty else {
            throw unsupported("model is not WordPiece")
        }
        guard (file.addedTokens ?? []).allSatisfy(\.isPlain) else {
            throw unsupported("an added token is single-word or strips spaces")
        }
        let maxChars = file.model.maxInputCharsPerWord ?? 100
        guard maxChars > 0 else { throw SentenceEmbeddingError.corruptFile(path: url.path, reason: "max chars") }
        let lowercase = normalizer.lowercase ?? true
        return TokenizerSettings(
            normalizer: BertNormalizer(
                cleanText: normalizer.cleanText ?? true, handleChineseChars: normalizer.handleChineseChars ?? true,
                // `null` means "whatever lowercase is", as in the Rust crate.
                stripAccents: normalizer.stripAccents ?? lowercase, lowercase: lowercase),
            addedTokens: file.addedTokens ?? [], unknownToken: unknown,
            continuingSubwordPrefix: file.model.continuingSubwordPrefix ?? "##", maxInputCharsPerWord: maxChars)
    }

    // snake_case keys, decoded with `.convertFromSnakeCase`; absent fields take the crate's defaults.
    private struct FileJSON: Decodable {
        var addedTokens: [AddedToken]?
        var normalizer: NormalizerJSON?
        var preTokenizer: TypeJSON?
        var model: ModelJSON
    }

    private struct TypeJSON: Decodable {
        var type: String
    }

    private struct NormalizerJSON: Decodable {
        var type: String
        var cleanText: Bool?
        var handleChineseChars: Bool?
        var stripAccents: Bool?
        var lowercase: Bool?
    }

    private struct ModelJSON: Decodable {
        var type: String
        var unkToken: String?
        var continuingSubwordPrefix: String?
        var maxInputCharsPerWord: Int?
    }
}
