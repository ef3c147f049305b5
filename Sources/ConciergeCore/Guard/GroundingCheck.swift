import Foundation

/// Claims in an answer that the context does not support, by kind (never the values, which may be personal):
///
/// - copied: `code` (coupon codes), `order` (raw order ids), `store` (a shop of the chain the context does not give);
/// - numbers, compared by value after normalisation (`QuantityFacts`): `price`, `percent`, `distance`, `time`,
///   `date`, `duration`, `count`;
/// - statements: `open` (a named shop open or closed against its status), `coupon` (a coupon with another's discount,
///   scope, date or shop), `status` (an order's state), `item` (an item the chain does not sell, or a recipe
///   misstated), `freefrom` ("nut-free", never allowed), `promise` ("I've emailed you"), and for a whole answer
///   `offtopic` (it ignores every ask in `intents`).
public struct GroundingVerdict: Codable, Hashable, Sendable {
    public var unsupported: [String]
    public var isGrounded: Bool { unsupported.isEmpty }
}

public struct GroundingCheck: Sendable {
    /// Every shop name of the chain, by its first word: a name in the answer that is not in the context is an
    /// invented recommendation. Indexed so a turn looks only at names starting with a word the answer contains
    /// (a chain has thousands of shops).
    private let namesByFirstWord: [Substring: [String]]
    private let items: ItemClaims
    private let itemNames: [String]

    /// `knownItemNames`: every item the chain sells (the shops' menus), so an item outside them is an invention.
    public init(knownShopNames: [String], knownItemNames: [String] = []) {
        var index: [Substring: [String]] = [:]
        for name in Set(knownShopNames).sorted() {
            guard let first = name.split(separator: " ").first else { continue }
            index[first, default: []].append(name)
        }
        namesByFirstWord = index
        itemNames = Set(knownItemNames).sorted()
        items = ItemClaims(menu: itemNames)
    }

    /// The whole answer: every claim, and whether it answers the question at all.
    public func verify(answer: String, context: PromptContext) -> GroundingVerdict {
        var unsupported = claims(in: answer, context: context)
        if TopicCheck.ignoresTheQuestion(answer, context: context, namesAShop: !shopNames(in: answer).isEmpty) {
            unsupported.insert("offtopic")
        }
        return GroundingVerdict(unsupported: unsupported.sorted())
    }

    /// Whether the whole answer says something about the main ask, and says it once (`AnswerCoverage`): kinds
    /// `unanswered` and `repetitive`. Kept apart from `verify`, which judges whether each claim is true.
    public func coverage(of answer: String, context: PromptContext) -> [String] {
        AnswerCoverage.problems(in: answer, context: context).sorted()
    }

    /// A part of a streamed answer (whole sentences): every claim it makes, but not whether it answers the question,
    /// which only the whole answer can show.
    public func verify(part: String, context: PromptContext) -> GroundingVerdict {
        GroundingVerdict(unsupported: claims(in: part, context: context).sorted())
    }

    private func claims(in answer: String, context: PromptContext) -> Set<String> {
        let facts = PromptBuilder.contextBlock(context)
        var unsupported = Set<String>()
        for (kind, pattern) in Self.copiedPatterns {
            for claim in Self.matches(pattern, in: answer) where !facts.contains(claim) {
                unsupported.insert(kind)
            }
        }
        if shopNames(in: answer).contains(where: { !facts.contains($0) }) {
            unsupported.insert("store")  // the label stored in traces since the first release
        }
        unsupported.formUnion(QuantityFacts(facts: facts, context: context).unsupported(in: answer))
        // A policy's own sentence, quoted, states the policy: "check that it is open" or "treated like an order that is
        // being prepared" are not claims about the shopper's shop or order.
        let statements = Self.withoutPolicySentences(answer, context: context)
        unsupported.formUnion(ShopStateClaims.unsupported(in: statements, context: context))
        unsupported.formUnion(CouponClaims.unsupported(in: answer, context: context))
        unsupported.formUnion(OrderStatusClaims.unsupported(in: statements, context: context))
        let normalisedFacts = ClaimText.normalised(facts)
        unsupported.formUnion(PromiseClaims.unsupported(in: answer, context: context, itemNames: itemNames,
                                                        facts: normalisedFacts))
        unsupported.formUnion(items.unsupported(in: answer, context: context, facts: normalisedFacts))
        return unsupported
    }

    /// The answer with every sentence of a policy passage in the context left out (replaced by a space): what it
    /// quotes word for word is the policy's statement, not one about the shopper's shop or order.
    static func withoutPolicySentences(_ answer: String, context: PromptContext) -> String {
        var rest = answer
        for policy in context.policies {
            // The excerpt's sentences, and the passage's own sentences and list items ("Christmas Day: all shops are
            // closed" is one item of a list), without their full stops.
            let sentences = ClaimText.sentences(policy.excerpt)
                + PolicyExcerpt.sentences(of: policy.text).flatMap { $0.components(separatedBy: "; ") }
            for sentence in sentences {
                let trimmed = sentence.trimmingCharacters(in: CharacterSet(charactersIn: " ."))
                if trimmed.count >= 20 { rest = rest.replacingOccurrences(of: trimmed, with: " ") }
            }
        }
        return rest
    }

    /// The chain's shop names the answer contains.
    private func shopNames(in answer: String) -> [String] {
        Set(answer.split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == "." })).flatMap { word in
            (namesByFirstWord[word] ?? []).filter { answer.contains($0) }
        }
    }

    /// Claims that must appear in the facts as written: raw order ids and shouty codes (letters and digits, 5+).
    static let copiedPatterns: [(String, String)] = [
        ("order", #"ORD-[A-Z0-9]{8}"#),
        ("code", #"\b(?=[A-Z0-9]*[A-Z])(?=[A-Z0-9]*\d)[A-Z0-9]{5,}\b"#),
    ]

    static func matches(_ pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { Range($0.range, in: text).map { String(text[$0]) } }
    }
}
