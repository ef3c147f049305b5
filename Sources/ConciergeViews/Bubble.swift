import ConciergeCore
import Foundation

/// One message bubble. `text` is plain text: the template escapes it and CSS keeps its line breaks, so nothing the
/// shopper or the model wrote is ever interpreted as HTML.
struct Bubble: Sendable {
    let id: String
    /// `from-shopper`, `from-concierge` or `from-care` (a person of Customer Care), for the stylesheet.
    let kind: String
    let author: String
    let text: String
    let time: String
    let timestamp: String
    let citations: [String]
    let hasCitations: Bool
    let trace: TraceView?
    /// The last bubble of the list carries the `latest` anchor the post-redirect-get lands on.
    let anchor: String?
    /// The answer's next steps as links and buttons (`AnswerAction`).
    let actions: [ActionLink]
    let hasActions: Bool

    /// - Parameter forms: what the hand-off button's form needs; without it (or while a hand-off waits) the button is
    ///   left out, and so it is under every answer but the latest.
    static func list(_ messages: [ChatMessage], clock: LocalTimeFormatter, showTraces: Bool,
                     forms: ActionLink.FormContext? = nil) -> [Bubble] {
        let latestAnswer = messages.lastIndex { $0.role == .assistant }
        return messages.enumerated().map { index, message in
            Bubble(message, clock: clock, showTrace: showTraces, isLast: index == messages.count - 1,
                   forms: index == latestAnswer ? forms : nil)
        }
    }

    init(_ message: ChatMessage, clock: LocalTimeFormatter, showTrace: Bool, isLast: Bool,
         forms: ActionLink.FormContext? = nil) {
        id = message.id
        (kind, author) = switch message.role {
        case .shopper: ("from-shopper", "You")
        case .assistant: ("from-concierge", "Concierge")
        case .staff: ("from-care", "Customer Care")
        }
        // Only the concierge cites policies; what a person typed is shown as typed.
        let cited = message.role == .assistant
            ? Citations.extract(message.text) : (text: message.text, sources: [String]())
        text = DisplayRedaction.redactPaymentNumbers(cited.text)
        time = clock.time(message.createdAt)
        timestamp = LocalTimeFormatter.iso(message.createdAt)
        citations = cited.sources
        hasCitations = !citations.isEmpty
        trace = showTrace ? message.trace.map(TraceView.init) : nil
        anchor = isLast ? "latest" : nil
        actions = message.role == .assistant ? (message.actions ?? []).compactMap { ActionLink($0, forms: forms) } : []
        hasActions = !actions.isEmpty
    }
}

/// The reviewer's view of one turn. Everything in a `TurnTrace` is already masked by the chat service; this only
/// formats it, and the template escapes every value.
struct TraceView: Sendable {
    struct Row: Sendable {
        let name: String
        let value: String
    }

    let intent: String
    let answerSource: String
    let intentScores: [Row]
    let maskedPrompt: String
    let chunks: [Row]
    let shops: [Row]
    let eligibleCoupons: [Row]
    let excludedCoupons: [Row]
    let attempts: [Row]
    /// The turn's tokens over every attempt, regenerations included; nil when no attempt reported any.
    let turnTokens: String?
    let guardVerdict: [Row]
    let timings: [Row]
    let notes: [String]
    let handoffSummary: String?

    init(_ trace: TurnTrace) {
        intent = trace.intent ?? "unknown"
        answerSource = trace.answerSource ?? "unknown"
        intentScores = (trace.intentScores ?? []).map { Row(name: $0.intent.rawValue, value: Self.number($0.score)) }
        maskedPrompt = trace.maskedPrompt ?? ""
        chunks = (trace.chunks ?? []).map {
            Row(name: $0.source, value: Self.number($0.score) + ($0.relevant ? " (relevant)" : " (below threshold)"))
        }
        shops = (trace.shops ?? []).map { Row(name: $0.name, value: "\($0.distance), \($0.status)") }
        eligibleCoupons = (trace.coupons?.eligible ?? []).map {
            Row(name: $0.code, value: $0.summary)
        }
        excludedCoupons = (trace.coupons?.excluded ?? []).map { Row(name: $0.code, value: $0.reason.rawValue) }
        attempts = (trace.attempts ?? []).map {
            Row(name: "attempt \($0.number)",
                value: "\($0.outcome.description), \($0.latencyMs) ms, backoff \($0.backoffMs) ms, "
                    + ($0.usage.map(Self.tokens) ?? "no tokens reported"))
        }
        // Shown when any attempt reported usage: a sum of nothing reported is not "0 tokens" (the mock reports none).
        turnTokens = trace.attempts.flatMap { $0.contains { $0.usage != nil } ? Self.tokens($0.totalUsage) : nil }
        guardVerdict = trace.guardVerdict.map(Self.verdict) ?? []
        timings = (trace.timings ?? []).map { Row(name: $0.stage, value: Self.number($0.milliseconds) + " ms") }
        notes = trace.notes
        handoffSummary = trace.handoffSummary
    }

    static func verdict(_ verdict: TraceGuard) -> [Row] {
        [Row(name: "PII removed", value: verdict.removedPII.isEmpty ? "none" : verdict.removedPII.joined(separator: ", ")),
         Row(name: "unknown placeholders", value: String(verdict.unknownPlaceholders)),
         Row(name: "ungrounded claims", value: verdict.ungrounded.isEmpty ? "none" : verdict.ungrounded.joined(separator: ", ")),
         Row(name: "regenerated", value: verdict.regenerated ? "yes" : "no"),
         Row(name: "fell back", value: verdict.fellBack ? "yes" : "no")]
    }

    static func number(_ value: Double) -> String { String(format: "%.2f", value) }

    /// "812 prompt + 41 completion = 853 tokens".
    static func tokens(_ usage: LLMUsage) -> String {
        "\(usage.promptTokens) prompt + \(usage.completionTokens) completion = \(usage.totalTokens) tokens"
    }
}
