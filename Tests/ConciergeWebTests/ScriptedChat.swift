import ConciergeCore
import Foundation
import Synchronization
import Testing

/// The chat port answering from a script, one step per call, recording what it was asked. A call beyond the script
/// fails the test (STYLE §4): a web test that reaches the concierge without meaning to cannot pass by accident.
final class ScriptedChat: ChatResponder {
    typealias Step = @Sendable (ChatInput) throws -> ChatTurn

    let limits: ChatLimits
    private let steps: Mutex<[Step]>
    private let seen = Mutex<[ChatInput]>([])

    init(limits: ChatLimits = ChatLimits(dailyMessages: 30, messageLength: 2_000), _ steps: [Step]) {
        self.limits = limits
        self.steps = Mutex(steps)
    }

    /// Every input the web passed in, in order.
    var inputs: [ChatInput] { seen.withLock { $0 } }

    func respond(_ input: ChatInput) async throws -> ChatTurn {
        seen.withLock { $0.append(input) }
        guard let step = steps.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) else {
            Issue.record("unscripted chat turn")
            throw Unscripted()
        }
        return try step(input)
    }

    struct Unscripted: Error {}

    /// A step that answers `answer` in a new conversation, with `used` of the limit spent.
    static func answer(_ answer: String, used: Int = 1, limit: Int = 30) -> Step {
        { input in
            let at = Date(timeIntervalSince1970: 1_795_273_200)
            let conversation = input.conversationID ?? "conv_scripted"
            return ChatTurn(
                conversationID: conversation,
                shopperMessage: ChatMessage(id: "msg_q", userID: input.userID, conversationID: conversation,
                                            role: .shopper, text: input.text, createdAt: at),
                reply: ChatMessage(id: "msg_a", userID: input.userID, conversationID: conversation, role: .assistant,
                                   text: answer, createdAt: at.addingTimeInterval(1)),
                source: .model, quota: QuotaStatus(used: used, limit: limit, resetsAt: at.addingTimeInterval(32_400)))
        }
    }
}
