import Foundation

/// Claims in an answer that the context does not support: coupon codes, shop names, order references,
/// prices, percentages and distances must each appear in the context the model was given.
public struct GroundingVerdict: Codable, Hashable, Sendable {
    /// Kinds of unsupported claims (`code`, `shop`, `price`, `percent`, `distance`, `order`), never the values.
    public var unsupported: [String]
    public var isGrounded: Bool { unsupported.isEmpty }
}

public struct GroundingCheck: Sendable {
    /// Every shop name of the chain, by its first word: a name in the answer that is not in the context is an
    /// invented recommendation. Indexed so a turn looks only at names starting with a word the answer contains
    /// (a chain has thousands of shops).
    private let namesByFirstWord: [Substring: [String]]

    public init(knownShopNames: [String]) {
        var index: [Substring: [String]] = [:]
        for name in Set(knownShopNames).sorted() {
            guard let first = name.split(separator: " ").first else { continue }
            index[first, default: []].append(name)
        }
        namesByFirstWord = index
    }

    public func verify(answer: String, context: PromptContext) -> GroundingVerdict {
        let facts = PromptBuilder.contextBlock(context)
        var unsupported = Set<String>()
        for (kind, pattern) in Self.claimPatterns {
            for claim in Self.matches(pattern, in: answer) where !facts.contains(claim) {
                unsupported.insert(kind)
            }
        }
        for word in Set(answer.split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == "." })) {
            for name in namesByFirstWord[word] ?? [] where answer.contains(name) && !facts.contains(name) {
                unsupported.insert("store")  // the label stored in traces since the first release
            }
        }
        return GroundingVerdict(unsupported: unsupported.sorted())
    }

    /// Money with a symbol, percentages, distances, raw order ids and shouty codes (letters and digits, 5+).
    static let claimPatterns: [(String, String)] = [
        ("price", #"(?:£|\$|€|₹|A\$|C\$)\d+(?:\.\d{2})?"#),
        ("percent", #"\d+(?:\.\d+)?\s?%"#),
        ("distance", #"\d+(?:\.\d+)?\s?(?:km|m)\b"#),
        ("order", #"ORD-[A-Z0-9]{8}"#),
        ("code", #"\b(?=[A-Z0-9]*[A-Z])(?=[A-Z0-9]*\d)[A-Z0-9]{5,}\b"#),
    ]

    static func matches(_ pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { Range($0.range, in: text).map { String(text[$0]) } }
    }
}
