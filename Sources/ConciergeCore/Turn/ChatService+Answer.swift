import Foundation
import Geo
import PIIMasking
import Retrieval

/// The state of one admitted turn while it is being answered.
struct TurnContext: Sendable {
    var user: User
    var conversationID: String
    /// The stored shopper message this turn answers.
    var messageID: String
    var text: String
    var masked: String
    var maskedHistory: [LLMMessage]
    var location: Coordinate?
    var now: Date
    var session: MaskingSession
    var timings: StageTimer
}

struct TurnOutcome: Sendable {
    var text: String
    /// The answer as the model wrote it, before un-masking (what Customer Care reads).
    var maskedText: String
    var trace: TurnTrace
    var source: AnswerSource
}

extension ChatService {
    func answer(_ turn: inout TurnContext) async throws -> TurnOutcome {
        let reading = IntentClassifier().classify(turn.text)
        let meaning = await embedding(of: turn.text)
        let data = try await gather(turn, reading: reading, embedding: meaning.vector)
        turn.timings.mark("context")
        let source = turn.location != nil ? "shared by the browser" : (turn.user.home != nil ? "home" : "unknown")
        var built = ContextBuilder(rules: settings.rules).build(
            reading: reading, message: turn.text, data: data, locationSource: source, session: &turn.session, now: turn.now)
        let handoff = try await handOff(turn, reading: reading)  // ChatService+Handoff.swift
        built.context.handoff = handoff?.facts
        let request = PromptBuilder(model: settings.model).request(
            context: built.context, history: turn.maskedHistory, maskedMessage: turn.masked)
        turn.timings.mark("prompt")
        var generated = await generate(request, context: built.context, session: turn.session)
        turn.timings.mark("generate+guard")
        var trace = TurnTrace(intent: reading.primary.rawValue, maskedPrompt: PromptBuilder.transcript(request))
        trace.intentScores = reading.scores
        trace.chunks = data.policies.map {
            TraceChunk(source: $0.citation.document + " > " + $0.citation.heading, score: $0.score, relevant: $0.isRelevant)
        }
        trace.shops = data.nearby.prefix(settings.rules.shopsInContext).map {
            TraceShop(name: $0.shop.name, distance: Earth.readable(meters: $0.distanceMeters), status: $0.status)
        }
        // Coupons of other shops are the bulk of the exclusions and say nothing about this turn: counted, not listed.
        var coupons = built.coupons
        let otherShops = coupons.excluded.filter { $0.reason == .otherShop }.count
        coupons.excluded.removeAll { $0.reason == .otherShop }
        trace.coupons = coupons
        trace.attempts = generated.attempts
        trace.guardVerdict = generated.verdict
        trace.notes = generated.notes + (otherShops > 0 ? ["\(otherShops) coupons for other shops not considered"] : [])
            + meaning.notes
        trace.handoffSummary = handoff?.request.summary
        let masked = generated.text
        generated.text = turn.session.unmask(generated.text)
        turn.timings.mark("unmask")
        trace.timings = turn.timings.timings
        return TurnOutcome(text: generated.text, maskedText: masked, trace: trace, source: generated.source)
    }

    /// The message's vector for dense retrieval. The embedder runs on this machine (the text never leaves it); if it
    /// fails, retrieval is lexical for this turn and the trace says so.
    private func embedding(of text: String) async -> (vector: [Float]?, notes: [String]) {
        guard let embedder else { return (nil, []) }
        do {
            return (try await embedder.embed([text]).first, [])
        } catch {
            return (nil, ["the embedding model failed: policy retrieval was lexical only"])
        }
    }

    private func gather(_ turn: TurnContext, reading: IntentReading, embedding: [Float]?) async throws -> TurnData {
        let user = turn.user
        let orders = try await store.orders(userID: user.id, limit: settings.rules.ordersInContext)
        var named: (id: String, order: Order?)?
        if let id = OrderReference.first(in: turn.text) {
            // Someone else's order is simply "not found": never a hint that it exists.
            let order = try await store.order(id: id)
            named = (id, order?.userID == user.id ? order : nil)
        }
        let origin = turn.location ?? user.home
        var nearby = origin.map {
            finder.nearest(to: $0, at: turn.now, count: settings.rules.shopsInContext,
                           radiusMeters: settings.rules.nearbyRadiusMeters)
        } ?? []
        // When the nearest shops are all closed, the nearest open one (if any within range) is worth knowing.
        if let origin, !nearby.isEmpty, !nearby.contains(where: \.isOpen),
            let open = finder.nearest(to: origin, at: turn.now, count: 1, radiusMeters: settings.rules.nearbyRadiusMeters,
                                      filter: .init(openNow: true)).first(where: \.isWithinRadius) {
            nearby.insert(open, at: 1)
        }
        // The coupons of the shop the context decides them for (`ContextBuilder`: the first nearby one).
        let coupons = try await store.coupons(availableTo: user.id, atShop: nearby.first?.shop.id)
        let policies = retriever.retrieve(turn.text, embedding: embedding, top: settings.rules.policyResults)
        return TurnData(user: user, orders: orders, namedOrder: named, coupons: coupons, nearby: nearby,
                        shopsByID: shopsByID, policies: policies)
    }
}
