import Foundation
import PIIMasking

/// The model's answer after the guard, with what happened on the way.
struct GeneratedAnswer: Sendable {
    var text: String
    var source: AnswerSource
    var attempts: [LLMAttempt]
    var verdict: TraceGuard
    var notes: [String]
    /// Streaming only: the un-masked text already sent to the page (whole sentences that passed the guard).
    var shown = ""
}

extension ChatService {
    /// Asks the model; an answer that leaks PII, uses unknown placeholders or makes claims the context does not
    /// support is regenerated once, then replaced by the deterministic answer. A model failure goes straight to
    /// the deterministic answer. Either way the shopper gets an answer. The regeneration continues the first call's
    /// budget (`complete(_:continuing:)`): the turn as a whole makes at most `LLM_MAX_ATTEMPTS` attempts within
    /// `LLM_DEADLINE_MS`.
    ///
    /// With `events` (a streaming turn) the first answer is streamed and released sentence by sentence as each
    /// passes the same guard and grounding check (`release`); the decision on the whole answer is unchanged, so the
    /// stored text is the one `respond` would store, and `answer` settles any difference with a `replace`.
    func generate(_ request: LLMRequest, context: PromptContext, session: MaskingSession,
                  events: ChatEventSink? = nil) async -> GeneratedAnswer {
        var attempts: [LLMAttempt] = []
        var verdict = TraceGuard(removedPII: [], unknownPlaceholders: 0, ungrounded: [], regenerated: false, fellBack: false)
        var notes: [String] = []
        var shown = ""
        for round in 1...2 {
            do {
                let completion: LLMCompletion
                if round == 1, let events {
                    completion = try await streamed(request, context: context, session: session, shown: &shown,
                                                    events: events)
                } else {
                    completion = try await llm.complete(request, continuing: attempts)
                }
                attempts += completion.attempts
                // Mangled placeholders ("ORDER_ID_1", "<Order_ID_1>") are read as placeholders, so the guard judges
                // them and un-masking restores the shopper's own values; left alone the shopper would read them.
                let canonical = NearMissPlaceholders.canonicalize(completion.text)
                if canonical.repaired > 0 {
                    notes.append("answer \(round): \(canonical.repaired) mangled placeholders read as placeholders")
                }
                let report = outputGuard.review(canonical.text, session: session, published: context.publishedText)
                let grounded = grounding.verify(answer: report.text, context: context)
                let uncovered = grounding.coverage(of: report.text, context: context)
                verdict.removedPII += report.removedPII.map(\.type.rawValue)
                verdict.unknownPlaceholders += report.unknownPlaceholders.count + report.foreignPlaceholderCount
                verdict.ungrounded += grounded.unsupported + uncovered
                if report.isClean && grounded.isGrounded && uncovered.isEmpty {
                    return GeneratedAnswer(text: report.text, source: .model, attempts: attempts, verdict: verdict,
                                           notes: notes, shown: shown)
                }
                notes.append("answer \(round) failed the guard: \(report.summary); ungrounded: \(grounded.unsupported + uncovered)")
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
        let reviewed = outputGuard.review(fallback, session: session, published: context.publishedText)
        return GeneratedAnswer(text: reviewed.text, source: .fallback,
                               attempts: attempts, verdict: verdict, notes: notes + ["deterministic answer used"],
                               shown: shown)
    }

    /// The first answer, streamed. Each run of whole sentences is shown (un-masked) only if it passes the guard
    /// unchanged and is grounded; after the first that does not, nothing more is shown this round. Throws what the
    /// stream throws (an `LLMFailure` carrying every attempt).
    private func streamed(_ request: LLMRequest, context: PromptContext, session: MaskingSession,
                          shown: inout String, events: ChatEventSink) async throws -> LLMCompletion {
        var release = SentenceRelease()
        var blocked = false
        for try await event in llm.stream(request, continuing: []) {
            switch event {
            case .delta(let piece):
                guard !blocked, let released = release.append(piece) else { continue }
                // As for the whole answer: a mangled placeholder ("ORDER_ID_1") is judged as the placeholder it
                // means, never shown as typed. It holds no whitespace, so it is whole inside a released sentence.
                let sentences = NearMissPlaceholders.canonicalize(released).text
                guard passes(sentences, context: context, session: session) else {
                    blocked = true
                    continue
                }
                let visible = session.unmask(sentences)
                shown += visible
                events(.delta(visible))
            case .finished(let completion):
                return completion
            }
        }
        throw LLMFailure(reason: .interrupted, attempts: [])  // a stream that ends without its completion
    }

    /// The whole-answer rules, applied to a part: no PII removed, no unknown or foreign placeholder, every claim
    /// grounded (whether the answer ignores the question is judged on the whole answer only).
    func passes(_ sentences: String, context: PromptContext, session: MaskingSession) -> Bool {
        let report = outputGuard.review(sentences, session: session, published: context.publishedText)
        return report.isClean && report.text == sentences
            && grounding.verify(part: sentences, context: context).isGrounded
    }
}
