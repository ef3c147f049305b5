import Analytics
import ConciergeCore
import Foundation

/// One analyst question, answered: read against the snapshots (a follow-up against the previous answer's context),
/// answered with figures computed in code (`AnalystAnswerer`), phrased by the configured model when there is one,
/// and checked with `GroundednessChecker`.
///
/// The model only phrases: it gets `AnalystPrompt` (the figures as displayed and the mock's draft), never the data,
/// and its text is used only when every sentence passes the check. Otherwise the draft is used and the record says
/// why (`fallbackReason`), like the insight writer does. Refusals and clarifications are never sent to a model.
struct AnalystChatAnswering: Sendable {
    let writer: SegmentInsightService.Writer

    struct Answered: Sendable {
        var text: String
        var record: AnalystChatRecord
    }

    /// - Parameters:
    ///   - question: already masked; `heldPersonalData` says the masker replaced something in it.
    ///   - previous: the context the previous answer left, `nil` for a first question.
    func answer(_ question: String, heldPersonalData: Bool, previous: AnalystContext?, snapshots: [SegmentSnapshot],
                asOf: String) async -> Answered {
        var reading = AnalystQuestionReader(snapshots: snapshots).read(question, previous: previous)
        // A pasted e-mail or phone is a question about a person, whatever it asks: the answerer refuses those.
        if heldPersonalData { reading.asksForPersonalData = true }
        let draft = AnalystAnswerer(snapshots: snapshots).answer(reading)
        let grounding = Self.grounding(for: draft, snapshots: snapshots)
        var text = draft.text
        var producer = "mock"
        var fallbackReason: String?
        if case .model(let client, let name) = writer,
           let prompt = AnalystPrompt.build(question: question, answer: draft, snapshots: snapshots) {
            switch await Self.phrase(prompt, client: client, model: name, grounding: grounding) {
            case .success(let phrased): (text, producer) = (phrased.text, phrased.model)
            case .failure(let reason): fallbackReason = reason.text
            }
        }
        let report = GroundednessChecker.check(text, context: grounding)
        let record = AnalystChatRecord(kind: draft.kind, facts: draft.facts, groundedness: report, producer: producer,
                                       promptVersion: AnalystPrompt.version, fallbackReason: fallbackReason,
                                       asOf: asOf, context: draft.context)
        return Answered(text: text, record: record)
    }

    /// What the answer may rest on: the snapshots of the segments whose figures it uses, the chain's (every segment
    /// figure is set against it), and every segment's name as known. No notes: the chat cites none.
    static func grounding(for answer: AnalystAnswer, snapshots: [SegmentSnapshot]) -> GroundingContext {
        var ids = [SegmentSnapshots.allCustomersID]
        for fact in answer.facts where !ids.contains(fact.segmentID) { ids.append(fact.segmentID) }
        let used = ids.compactMap { id in snapshots.first { $0.id == id } }
        return GroundingContext(snapshots: used, retrievedNoteIDs: [], knownSegments: snapshots)
    }

    struct Phrased: Sendable {
        var text: String
        var model: String
    }

    struct Refused: Error {
        var text: String
    }

    /// The model's phrasing when it is usable: the call answered, and every sentence passes the check.
    static func phrase(_ prompt: AnalystPrompt, client: any LLMClient, model: String,
                       grounding: GroundingContext) async -> Result<Phrased, Refused> {
        let request = LLMRequest(model: model, messages: [.system(prompt.system), .user(prompt.user)],
                                 temperature: 0.2, maxTokens: 400)
        let completion: LLMCompletion
        do {
            completion = try await client.complete(request)
        } catch let failure as LLMFailure {
            return .failure(Refused(text: "the model call failed: \(failure.reason)"))
        } catch {
            return .failure(Refused(text: "the model call failed: \(type(of: error))"))
        }
        let text = completion.text.trimmingCharacters(in: .whitespacesAndNewlines)
        let report = GroundednessChecker.check(text, context: grounding)
        guard !text.isEmpty, report.unsupported.isEmpty else {
            let count = text.isEmpty ? 0 : report.unsupported.count
            return .failure(Refused(text: text.isEmpty ? "the model's phrasing was empty"
                : "the model's phrasing had \(count) unsupported sentence(s)"))
        }
        return .success(Phrased(text: text, model: completion.model))
    }
}
