import ConciergeCore
import Foundation
import Testing
import TestSupport

/// Placeholders a small model mangles (seen with SmolLM2-135M) are read as placeholders before the guard: the
/// shopper's own come back un-masked instead of reaching the shopper as `NAME_1` or `<Name_1>`.
@Suite("Chat turn: mangled placeholders")
struct MangledPlaceholderTurnTests {
    @Test(arguments: ["NAME_1", "<Name_1>", "[NAME_1]", "<name_1>"])
    func aMangledOwnPlaceholderIsUnmasked(_ mangled: String) async throws {
        let model = ScriptedLLM(["Hi \(mangled), AVA20COCOA gives 20% off. Next step: use it at checkout."])
        let world = try await ChatWorld.make(llm: model)
        let turn = try await world.ask("ava@example.com", "any offers for hot drinks?")
        #expect(turn.source == .model)
        #expect(turn.reply.text == "Hi Ava Thompson, AVA20COCOA gives 20% off. Next step: use it at checkout.")
        #expect(turn.reply.trace?.notes.contains("answer 1: 1 mangled placeholders read as placeholders") == true)
        try await world.close()
    }

    @Test func aMangledPlaceholderThisConversationNeverIssuedMeansTheDeterministicAnswer() async throws {
        let model = ScriptedLLM(["Hi, AVA20COCOA gives 20% off; we wrote to email_7. Next step: use it at checkout."])
        let world = try await ChatWorld.make(llm: model)
        let turn = try await world.ask("ava@example.com", "any offers for hot drinks?")
        #expect(turn.source == .fallback)
        #expect(!turn.reply.text.lowercased().contains("email_7") && !turn.reply.text.contains("<EMAIL_7>"))
        #expect(turn.reply.trace?.guardVerdict?.unknownPlaceholders == 2, "both answers carried it")
        try await world.close()
    }
}
