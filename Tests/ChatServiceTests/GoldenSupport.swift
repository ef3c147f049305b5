import ConciergeApp
import ConciergeCore
import Foundation
import Geo
import SentenceEmbedding
import Testing
import TestSupport

/// One golden conversation: a persona, the message(s), the instant, and what the answer must and must not say.
/// Every golden turn also goes over the wire to the fake LLM server, and the recorded bodies are checked for the
/// shopper's personal data and for whatever personal data the message itself carried.
struct Golden: Sendable, CustomTestStringConvertible {
    var name: String
    var email = "ava@example.com"
    var messages: [String]
    var at = ChatWorld.at(hour: 15)
    var location: Coordinate?
    var contains: [String] = []
    var excludes: [String] = []
    var intent: Intent?
    /// Personal data typed in the message that must never reach the model.
    var typedPII: [String] = []
    /// A reply to "thanks!" or a "did you want A or B?" question ends without pushing a next step.
    var endsWithNextStep = true
    /// Each group needs at least one of its phrases in the answer (for facts that can be worded more than one way).
    var containsAnyOf: [[String]] = []

    var testDescription: String { name }

    /// The number of shopper messages: more than one makes it a follow-up conversation.
    var isMultiTurn: Bool { messages.count > 1 }
}

enum GoldenRunner {
    /// Runs the golden and returns the last answer, for checks a golden's phrases cannot express (their order).
    @discardableResult
    static func run(_ golden: Golden) async throws -> String {
        let tap = try await WireTappedMock.make()
        // The goldens run the way the demo does: understanding by meaning with the sentence model and hybrid policy
        // retrieval (the model is loaded once, and the store with the policies' vectors built once, per process).
        // GOLDEN_CUES_ONLY=1 runs them as the app runs without a model (cues and lexical retrieval; the `byMeaning`
        // goldens of GoldenUnderstandingTests, GoldenTrialTests and GoldenFourthTrialTests are answered wrongly that way).
        let embedder: EmbedderLoad = ProcessInfo.processInfo.environment["GOLDEN_CUES_ONLY"] == "1"
            ? .disabled : .loaded(try await SharedGoldenModel.shared.model())
        let world = try await ChatWorld.make(at: golden.at, llm: tap, embedder: embedder)
        var conversation: String?
        var last: ChatTurn?
        for message in golden.messages {
            let turn = try await world.ask(golden.email, message, conversation: conversation, location: golden.location)
            conversation = turn.conversationID
            last = turn
        }
        let turn = try #require(last)
        let answer = turn.reply.text
        for phrase in golden.contains { #expect(answer.contains(phrase), "\(golden.name): expected \"\(phrase)\" in: \(answer)") }
        for group in golden.containsAnyOf {
            #expect(group.contains(where: answer.contains), "\(golden.name): expected one of \(group) in: \(answer)")
        }
        for phrase in golden.excludes { #expect(!answer.contains(phrase), "\(golden.name): unexpected \"\(phrase)\" in: \(answer)") }
        if let intent = golden.intent { #expect(turn.reply.trace?.intent == intent.rawValue, "\(golden.name)") }
        #expect(answer.contains("Next step:") == golden.endsWithNextStep, "\(golden.name): next step or not")
        #expect(turn.source == .model)
        let bodies = try await tap.session.recordedBodies()
        #expect(bodies.count == golden.messages.count)
        try await PrivacyCheck.expectClean(bodies, of: try await world.user(golden.email), world: world,
                                           extra: golden.typedPII, label: golden.name)
        try await world.close()
        return answer
    }
}

enum PrivacyCheck {
    /// None of the shopper's e-mail, phone (as typed or as digits), street address, postcode, full name, surname
    /// or order ids may appear in what was sent to the model.
    static func expectClean(_ bodies: [String], of user: User, world: ChatWorld, extra: [String], label: String)
        async throws
    {
        let orders = try await world.store.orders(userID: user.id, limit: 100).map(\.id)
        var secrets = [user.email, user.name] + orders + extra
        if let surname = user.name.split(separator: " ").last { secrets.append(String(surname)) }
        if let phone = user.phone { secrets += [phone, phone.filter(\.isNumber)] }
        if let address = user.address { secrets += [address.line1, address.postcode] }
        for body in bodies {
            // JSON escapes some characters; compare against the decoded text as well as the raw body.
            let decoded = (try? JSONSerialization.jsonObject(with: Data(body.utf8))).map { "\($0)" } ?? body
            for secret in secrets where !secret.isEmpty {
                #expect(!body.contains(secret) && !decoded.contains(secret), "\(label): the model saw \(secret)")
            }
        }
    }
}

/// One embedding model for every golden that runs hybrid (loading it takes seconds). A task, not the loaded model:
/// the actor is re-entered while the load awaits, and every golden that arrived meanwhile (all of them: the
/// arguments run in parallel) loaded its own — and, being another instance, had its own example bank built and the
/// policies embedded again. That was most of the ten minutes the goldens took on the model path.
actor SharedGoldenModel {
    static let shared = SharedGoldenModel()
    private var loading: Task<SentenceEmbedder, any Error>?

    func model() async throws -> SentenceEmbedder {
        if let loading { return try await loading.value }
        let task = Task { try await HybridRetrievalTurnTests.model() }
        loading = task
        return try await task.value
    }
}

extension Trait where Self == ConditionTrait {
    /// Goldens answered wrongly today run only on demand (`PENDING_GOLDENS=1`), to see which a change fixed.
    static var pendingGoldens: Self {
        .enabled(if: ProcessInfo.processInfo.environment["PENDING_GOLDENS"] != nil,
                 "set PENDING_GOLDENS=1 to run the goldens answered wrongly today")
    }
}
