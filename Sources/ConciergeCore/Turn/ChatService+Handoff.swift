import Foundation
import PIIMasking

/// The hand-off to Customer Care (DESIGN.md §1, step 11): a real request in the staff inbox, and the facts the answer
/// may state about it.
extension ChatService {
    /// How many of the conversation's latest messages are read back to look for earlier frustration.
    static var frustrationLookback: Int { 50 }

    /// Passes the conversation to Customer Care when this message asks for a person, or shows frustration after an
    /// earlier message did too (`HandoffTrigger`). The stored summary is built from masked text only. Asking again
    /// while a request is open creates nothing: the answer then says it is already with the team.
    ///
    /// - Returns: the request and its facts for the prompt, or `nil` when this turn is not a hand-off.
    func handOff(_ turn: TurnContext, understanding: MessageUnderstanding) async throws
        -> (request: HandoffRequest, facts: HandoffFacts)?
    {
        // "Customer service phone number?" asks for the number, not for a person: no request is opened for it.
        let current = HandoffSignal(asksForPerson: understanding.contains(.handoff)
                                        && !HandoffTrigger.asksOnlyForContactRoutes(turn.text),
                                    frustrated: understanding.slots.sentiment == .frustration
                                        || HandoffTrigger.showsFrustration(turn.text))
        guard current.counts else { return nil }
        var earlier: [HandoffSignal] = []
        if !current.asksForPerson {
            // Read only when needed: most turns show no frustration at all.
            earlier = try await store.messages(userID: turn.user.id, conversationID: turn.conversationID,
                                               limit: Self.frustrationLookback)
                .filter { $0.role == .shopper && $0.id != turn.messageID }
                .map { signal(of: $0.text) }
        }
        guard let reason = HandoffTrigger.reason(current: current, earlier: earlier) else { return nil }
        let lead = switch reason {
        case .asked: "Shopper asked for a person."
        case .frustration: "Shopper showed frustration in \(earlier.filter(\.counts).count + 1) messages."
        }
        let intents = understanding.intents.map(\.rawValue)
        let request = HandoffRequest(
            id: ids.make("care_"), userID: turn.user.id, conversationID: turn.conversationID, createdAt: turn.now,
            reason: reason, summary: "\(lead) Intents: \(intents.joined(separator: ", ")). Message: \(turn.masked)"
                + Self.earlier(turn.maskedHistory),
            intents: intents, promisedReplyWorkingDays: settings.rules.chain.careReplyWorkingDays)
        let opening = try await store.openHandoff(request)
        return (request, facts(opening, reason: reason, user: turn.user, now: turn.now))
    }

    /// The shopper's two messages before this one, masked as the model saw them: "yes, pass it to a person" after a
    /// complaint told the team nothing of the complaint.
    static func earlier(_ history: [LLMMessage]) -> String {
        let said = history.filter { $0.role == .user }.suffix(2).map { message in
            message.content.count > 300 ? String(message.content.prefix(300)) + "…" : message.content
        }
        return said.isEmpty ? "" : " Before that: " + said.map { "«\($0)»" }.joined(separator: " ")
    }

    /// What the answer may say: the reply time is the one promised when the request was opened.
    private func facts(_ opening: HandoffOpening, reason: HandoffReason, user: User, now: Date) -> HandoffFacts {
        HandoffFacts(
            created: opening.isNew, reason: reason.rawValue,
            since: HandoffWording.when(opening.request.createdAt, now: now, timeZone: user.timeZone),
            replyWithin: HandoffWording.replyWithin(workingDays: opening.request.promisedReplyWorkingDays))
    }

    /// An earlier message's signal, read by the same rules as this turn's (cues only: its vector is not kept).
    func signal(of text: String) -> HandoffSignal {
        let read = understanding.read(text)
        return HandoffSignal(asksForPerson: read.contains(.handoff) && !HandoffTrigger.asksOnlyForContactRoutes(text),
                             frustrated: read.slots.sentiment == .frustration || HandoffTrigger.showsFrustration(text))
    }

    /// One stored message as the model's history, masked. A Customer Care reply is the assistant's side of the
    /// conversation, said to come from a person, so that the model neither repeats it as its own nor contradicts it.
    static func historyMessage(_ message: ChatMessage, session: inout MaskingSession) -> LLMMessage {
        switch message.role {
        case .shopper: .user(session.mask(message.text))
        case .assistant: .assistant(session.mask(message.text))
        case .staff: .assistant("[Customer Care, a person, replied] " + session.mask(message.text))
        }
    }
}
