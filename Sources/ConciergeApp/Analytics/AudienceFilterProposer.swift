import Analytics
import ConciergeCore
import Foundation

/// A filter a model suggested for a sentence, after validation — or why it was refused. Either way nothing has
/// run: the caller shows the proposal to the analyst, who submits it as any filter (ANALYTICS.md trap 1).
public enum AudienceProposal: Hashable, Sendable {
    case proposed(AudienceFilter)
    case refused(String)
    /// Mock mode: no model to ask (the analyst writes the filter).
    case unavailable
}

/// Asks a model to translate a marketer's sentence into the filter schema. The model's text is only ever *parsed*
/// by `AudienceFilter.parse`, the same validator every filter goes through; it never reaches a store, and this type
/// holds no store to reach one with.
public struct AudienceFilterProposer: Sendable {
    let client: (any LLMClient)?
    let model: String
    let categories: Set<String>

    /// `client` nil is mock mode: proposals are unavailable (a deterministic phrase table would be a keyword
    /// matcher, which the concierge side learned not to build; the builder page lets the analyst write the filter).
    public init(client: (any LLMClient)?, model: String, categories: Set<String>) {
        self.client = client
        self.model = model
        self.categories = categories
    }

    public func propose(_ sentence: String) async -> AudienceProposal {
        guard let client else { return .unavailable }
        let request = LLMRequest(model: model, messages: [.system(Self.instructions(categories)), .user(sentence)],
                                 temperature: 0, maxTokens: 400)
        let text: String
        do {
            text = try await client.complete(request).text
        } catch {
            return .refused("the model did not answer")
        }
        guard let start = text.firstIndex(of: "{"), let end = text.lastIndex(of: "}"), start < end else {
            return .refused("the model's answer holds no JSON object")
        }
        do {
            return .proposed(try AudienceFilter.parse(Data(text[start...end].utf8), categories: categories))
        } catch {
            return .refused("the model proposed an invalid filter: \(error.reason)")
        }
    }

    static func instructions(_ categories: Set<String>) -> String {
        """
        Translate the marketer's request into an audience filter. Answer with one JSON object and nothing else:
        {"all": [clauses]}. Each clause has exactly one field:
        {"purchased": {"category": C, "withinDays": N}}, {"netValueAtLeast": {"amount": X, "currency": "GBP"}},
        {"churnBand": ["active"|"cooling"|"at-risk"|"churned"|"never", ...]},
        {"valueTier": ["high"|"medium"|"low"|"none", ...]}, {"premiumShareAtLeast": 0.5},
        {"city": ["London", ...]}, {"country": ["GB", ...]}, {"consent": "email"|"sms"}, {"lastSeenWithinDays": N}.
        Categories: \(categories.sorted().joined(separator: ", ")). Use only these fields; leave out what the
        request does not say (interests and tastes are ranked separately, not filtered).
        """
    }
}
