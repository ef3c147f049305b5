import Foundation

/// Keeps the facts within a token budget. Tokens are estimated as a quarter of the JSON's UTF-8 bytes (close
/// for English JSON with a BPE tokenizer, and the same everywhere). What the main ask needs is trimmed last.
struct ContextBudget: Sendable {
    let tokens: Int

    static func estimate(_ context: PromptContext) -> Int {
        PromptBuilder.contextBlock(context).utf8.count / 4
    }

    func trim(_ context: inout PromptContext, main: Intent) {
        // Each step removes one entry of a list the main ask does not need, least useful first; a list the main ask
        // needs keeps its first entry whatever happens.
        let order = Self.trimOrder(for: main)
        var step = 0
        while Self.estimate(context) > tokens, step < 64 {
            step += 1
            guard let kind = order.first(where: { Self.count(of: $0, in: context) > Self.floor(of: $0, main: main) })
            else { return }
            Self.dropLast(kind, from: &context)
        }
    }

    enum Kind: CaseIterable { case suggestions, policies, coupons, orders, shops }

    static func trimOrder(for main: Intent) -> [Kind] {
        let needs = needed(by: main)
        return Kind.allCases.filter { !needs.contains($0) } + Kind.allCases.filter { needs.contains($0) }
    }

    static func needed(by intent: Intent) -> Set<Kind> {
        switch intent {
        case .comfortCold, .comfortThirsty, .comfortHungry, .comfortTired, .menu, .dietary: [.shops, .suggestions]
        case .offers: [.coupons, .shops]
        case .orderStatus, .orderChange, .refund, .complaint, .receipt: [.orders, .policies]
        case .openNow, .nearest: [.shops]
        case .loyalty, .payment, .policyQuestion: [.policies]
        case .handoff: [.orders]
        case .greeting, .thanks, .ruleOverride, .offTopic: []
        }
    }

    private static func floor(of kind: Kind, main: Intent) -> Int { needed(by: main).contains(kind) ? 1 : 0 }

    private static func count(of kind: Kind, in context: PromptContext) -> Int {
        switch kind {
        case .suggestions: context.suggestions.count
        case .policies: context.policies.count
        case .coupons: context.coupons.count
        case .orders: context.orders.count
        case .shops: context.shops.count
        }
    }

    private static func dropLast(_ kind: Kind, from context: inout PromptContext) {
        switch kind {
        case .suggestions: context.suggestions.removeLast()
        case .policies: context.policies.removeLast()
        case .coupons: context.coupons.removeLast()
        case .orders: context.orders.removeLast()
        case .shops: context.shops.removeLast()
        }
    }
}
