import Foundation
import PIIMasking

/// The model's answer after the guard, with what happened on the way.
struct GeneratedAnswer: Sendable {
    var text: String
    var source: AnswerSource
    var attempts: [LLMAttempt]
    var verdict: TraceGuard
    var notes: [String]
}

extension ChatService {
    /// Asks the model; an answer that leaks PII, uses unknown placeholders or makes claims the context does not
    /// support is regenerated once, then replaced by the deterministic answer. A model failure goes straight to
    /// the deterministic answer. Either way the shopper gets an answer. The regeneration continues the first call's
    /// budget (`complete(_:continuing:)`): the turn as a whole makes at most `LLM_MAX_ATTEMPTS` attempts within
    /// `LLM_DEADLINE_MS`.
    func generate(_ request: LLMRequest, context: PromptContext, session: MaskingSession) async -> GeneratedAnswer {
        var attempts: [LLMAttempt] = []
        var verdict = TraceGuard(removedPII: [], unknownPlaceholders: 0, ungrounded: [], regenerated: false, fellBack: false)
        var notes: [String] = []
        for round in 1...2 {
            do {
                let completion = try await llm.complete(request, continuing: attempts)
                attempts += completion.attempts
                // Mangled placeholders ("ORDER_ID_1", "<Order_ID_1>") are read as placeholders, so the guard judges
                // them and un-masking restores the shopper's own values; left alone the shopper would read them.
                let canonical = NearMissPlaceholders.canonicalize(completion.text)
                if canonical.repaired > 0 {
                    notes.append("answer \(round): \(canonical.repaired) mangled placeholders read as placeholders")
                }
                let report = outputGuard.review(canonical.text, session: session)
                let grounded = grounding.verify(answer: report.text, context: context)
                verdict.removedPII += report.removedPII.map(\.type.rawValue)
                verdict.unknownPlaceholders += report.unknownPlaceholders.count + report.foreignPlaceholderCount
                verdict.ungrounded += grounded.unsupported
                if report.isClean && grounded.isGrounded {
                    return GeneratedAnswer(text: report.text, source: .model, attempts: attempts, verdict: verdict, notes: notes)
                }
                notes.append("answer \(round) failed the guard: \(report.summary); ungrounded: \(grounded.unsupported)")
                if round == 1 { verdict.regenerated = true }
            } catch let failure as LLMFailure {
                attempts += failure.attempts
                notes.append("model failed: \(failure.reason)")
                break
            } catch {
                notes.append("model failed: \(type(of: error))")
                break
            }
        }
        verdict.fellBack = true
        let fallback = DeterministicResponder.answer(context: context, maskedMessage: request.messages.last?.content ?? "")
        return GeneratedAnswer(text: outputGuard.review(fallback, session: session).text, source: .fallback,
                               attempts: attempts, verdict: verdict, notes: notes + ["deterministic answer used"])
    }
}
