import ConciergeCore
import Foundation
import SeededRandom

/// Past concierge use for some shoppers: short conversations, the daily usage counters they produced and the
/// (long expired) browser sessions they came from. The texts carry no personal data, so the masked text is
/// the text itself.
struct HistoryBuilder {
    let asOf: Date
    var rng: SplitMix64
    /// Share of shoppers with a past conversation.
    static let share = 0.1
    private static let exchanges: [(String, String)] = [
        ("any offers today?", "WARM15 gives 15% off any hot drink until the end of the month."),
        ("where is my order?", "Your latest order was delivered; the receipt is in your order history."),
        ("is the nearest store open?", "Yes, your nearest store is open until 19:00 today."),
        ("do you have vegan options?", "Yes: the oat flat white and the vegan blueberry muffin are both vegan."),
        ("how many points do I have?", "Your balance is in the sidebar; 100 points are worth 1.00 off."),
        ("can I change my delivery address?", "You can change it until the order is marked preparing."),
    ]

    init(asOf: Date, rng: SplitMix64) {
        self.asOf = asOf
        self.rng = rng
    }

    mutating func makeHistory(for user: User, ids: inout IdentifierFactory) -> DataSet {
        guard rng.chance(Self.share) else { return DataSet() }
        let start = asOf.addingTimeInterval(-rng.double(in: 0.5...30) * 86_400).wholeSeconds
        let conversation = ids.make("conv_")
        var messages: [ChatMessage] = []
        var at = start
        for _ in 0..<rng.int(in: 1...3) {
            let (question, answer) = rng.pick(Self.exchanges)
            messages.append(ChatMessage(id: ids.make("msg_", length: 12), userID: user.id, conversationID: conversation,
                                        role: .shopper, text: question, maskedText: question, createdAt: at))
            at.addTimeInterval(Double(rng.int(in: 2...6)))
            messages.append(ChatMessage(id: ids.make("msg_", length: 12), userID: user.id, conversationID: conversation,
                                        role: .assistant, text: answer, maskedText: answer, createdAt: at,
                                        trace: TurnTrace(intent: "history", notes: ["seeded"])))
            at.addTimeInterval(Double(rng.int(in: 30...600)))
        }
        let day = LocalDay.string(for: start, timeZone: user.timeZone)
        let usage = DailyUsage(userID: user.id, day: day, count: messages.count / 2,
                               expiresAt: start.addingTimeInterval(3 * 86_400))
        let session = Session(tokenHash: rng.string(64, from: "0123456789abcdef"), userID: user.id,
                              csrfToken: rng.string(43, from: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"),
                              createdAt: start, lastSeenAt: at, expiresAt: at.addingTimeInterval(7 * 86_400))
        return DataSet(messages: messages, sessions: [session], usage: [usage])
    }
}
