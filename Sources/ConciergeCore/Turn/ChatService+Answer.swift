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
    /// The shopper's previous message in this conversation and how it was read, for follow-ups.
    var previous: PreviousTurn?
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
    /// The links and buttons under the answer, with real ids (`ActionPlanner`); never part of the prompt.
    var actions: [AnswerAction] = []
}

extension ChatService {
    func answer(_ turn: inout TurnContext, events: ChatEventSink? = nil) async throws -> TurnOutcome {
        let meaning = await embedding(of: turn.text)
        let understanding = self.understanding.carryingOver(
            self.understanding.read(turn.text, embedding: meaning.vector, previous: turn.previous), text: turn.text,
            from: turn.previous)
        turn.timings.mark("understand")
        let data = try await gather(turn, understanding: understanding, embedding: meaning.vector)
        turn.timings.mark("context")
        let source = turn.location != nil ? "shared by the browser" : (turn.user.home != nil ? "home" : "unknown")
        var built = ContextBuilder(rules: settings.rules).build(
            message: turn.text, maskedMessage: turn.masked, data: data, locationSource: source, session: &turn.session,
            now: turn.now)
        let handoff = try await handOff(turn, understanding: understanding)  // ChatService+Handoff.swift
        if let handoff {
            built.context.handoff = handoff.facts
            built.context.nextStep = NextStepPlanner.step(for: built.context, rules: settings.rules)
        }
        let request = PromptBuilder(model: settings.model, chain: settings.rules.chain.name).request(
            context: built.context, history: turn.maskedHistory, maskedMessage: turn.masked)
        turn.timings.mark("prompt")
        var generated = await generate(request, context: built.context, session: turn.session, events: events)
        turn.timings.mark("generate+guard")
        let intent = understanding.needsClarification ? "clarify" : understanding.primary.rawValue
        var trace = TurnTrace(intent: intent, maskedPrompt: PromptBuilder.transcript(request))
        trace.intentScores = understanding.reading.scores
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
        trace.coupons = TraceCoupons(coupons)
        trace.attempts = generated.attempts
        trace.guardVerdict = generated.verdict
        trace.notes = generated.notes + (otherShops > 0 ? ["\(otherShops) coupons for other shops not considered"] : [])
            + meaning.notes + Self.understandingNotes(understanding, usesExamples: self.understanding.usesExamples && meaning.vector != nil)
        trace.handoffSummary = handoff?.request.summary
        let masked = generated.text
        generated.text = turn.session.unmask(generated.text)
        if let events { Self.settle(shown: generated.shown, final: generated.text, events: events) }
        turn.timings.mark("unmask")
        trace.timings = turn.timings.timings
        let session = turn.session
        let actions = ActionPlanner.actions(for: built.context, unmask: { session.unmask($0) },
                                            shop: { shopsByName[$0] })
        return TurnOutcome(text: generated.text, maskedText: masked, trace: trace, source: generated.source,
                           actions: actions)
    }

    /// What the reviewer needs to judge the reading: slots, confidence, choices offered, follow-up. Slot values are
    /// the shopper's words about the chain (items, shops, times), never personal data; an order id is not repeated.
    static func understandingNotes(_ understanding: MessageUnderstanding, usesExamples: Bool) -> [String] {
        let slots = understanding.slots
        var named: [String] = []
        if let order = slots.order { named.append("order=\(order.kind.rawValue)" + (order.kind == .id ? "" : order.value.map { ":\($0)" } ?? "")) }
        if let item = slots.item { named.append("item=\(item)") }
        if let shop = slots.shop { named.append("shop=\(shop)") }
        if let time = slots.time { named.append("time=\(time)") }
        if !slots.diet.isEmpty { named.append("diet=" + slots.diet.map(\.rawValue).joined(separator: "+")) }
        if let channel = slots.channel { named.append("channel=\(channel.rawValue)") }
        if let sentiment = slots.sentiment { named.append("sentiment=\(sentiment.rawValue)") }
        if let language = slots.language { named.append("language=\(language.rawValue)") }
        var note = "understanding: confidence \(String(format: "%.2f", understanding.confidence))"
            + (usesExamples ? "" : ", cues only (no example vectors)")
        if understanding.isFollowUp { note += ", follow-up" }
        if understanding.needsClarification { note += ", asked: " + understanding.choices.map(\.rawValue).joined(separator: " or ") }
        if !named.isEmpty { note += "; " + named.joined(separator: ", ") }
        return [note]
    }

    /// The message's vector for dense retrieval and the understanding step (of its questions, when it is long:
    /// `MessageFocus`). The embedder runs on this machine (the text never leaves it); if it fails, retrieval is lexical
    /// for this turn and the trace says so.
    private func embedding(of text: String) async -> (vector: [Float]?, notes: [String]) {
        guard let embedder else { return (nil, []) }
        do {
            return (try await embedder.embed([MessageFocus.textToEmbed(text)]).first, [])
        } catch {
            return (nil, ["the embedding model failed: policy retrieval was lexical only"])
        }
    }

    /// "Where is my order?" → "and the one from yesterday?": a follow-up that names an order by its date or item
    /// means another one than the order the previous message was about, when another one fits.
    private func another(than found: Order, slot: OrderSlot, understanding: MessageUnderstanding, turn: TurnContext,
                         orders: [Order]) -> Order? {
        guard understanding.isFollowUp, [.date, .item].contains(slot.kind), let previous = turn.previous,
            let earlier = self.understanding.slots(of: previous.text).order, earlier != slot,
            earlierTurnOrder(turn, orders: orders)?.id == found.id else { return nil }
        return OrderPointer.find(slot, in: orders.filter { $0.id != found.id }, item: understanding.slots.item,
                                 user: turn.user, now: turn.now)
    }

    /// The order the previous message was about, when it named one.
    private func earlierTurnOrder(_ turn: TurnContext, orders: [Order]) -> Order? {
        guard let previous = turn.previous, let earlier = understanding.slots(of: previous.text).order else { return nil }
        return switch earlier.kind {
        case .latest: orders.first
        case .id: orders.first { $0.id == earlier.value }
        case .item, .date: OrderPointer.find(earlier, in: orders, user: turn.user, now: turn.now)
        }
    }

    private func gather(_ turn: TurnContext, understanding: MessageUnderstanding, embedding: [Float]?) async throws -> TurnData {
        let user = turn.user
        let pointing = understanding.slots.order
        // An order named by an item or a date may be older than the few put in context: look further back for it.
        let lookBack = pointing.map { [.item, .date].contains($0.kind) } == true ? 50 : settings.rules.ordersInContext
        let orders = try await store.orders(userID: user.id, limit: lookBack)
        var named: (id: String, order: Order?)?
        // An id typed now, or carried from the message this one follows up ("…ORD-…" → "how long will it take?").
        if let id = OrderReference.first(in: turn.text) ?? (pointing?.kind == .id ? pointing?.value : nil) {
            // Someone else's order is simply "not found": never a hint that it exists.
            let order = try await store.order(id: id)
            named = (id, order?.userID == user.id ? order : nil)
        }
        var pointed = named?.order ?? pointing.flatMap { slot in
            // "The oat hot chocolate I ordered last month": the item names the order, the date picks which of those.
            if slot.kind == .item, let when = SlotExtractor.when(MessageWords(turn.text)),
                let dated = OrderPointer.find(OrderSlot(kind: .date, value: when), in: orders, item: slot.value,
                                              user: user, now: turn.now) {
                return dated
            }
            return OrderPointer.find(slot, in: orders, item: understanding.slots.item, user: user, now: turn.now)
        }
        if let found = pointed, named == nil, let slot = pointing {
            pointed = another(than: found, slot: slot, understanding: understanding, turn: turn, orders: orders) ?? found
        }
        // "…and the one before that?", "my previous order": the order placed before the one talked of, else before the
        // latest.
        if named == nil, pointing != nil, OrderPointer.asksForEarlier(MessageWords(turn.text)) {
            let base = pointed ?? earlierTurnOrder(turn, orders: orders) ?? orders.first
            pointed = base.flatMap { base in OrderPointer.placed(before: base, in: orders) } ?? pointed
        }
        // "My oat flat white yesterday was lukewarm": a complaint about an item names the recent order that had it.
        if pointed == nil, pointing == nil, understanding.intents.contains(where: { [.complaint, .refund].contains($0) }),
            let item = understanding.slots.item, item.first?.isUppercase == true {
            // One that arrived: a drink complained about was had, so not the order still to come with one (a refund
            // asked for may be of that one: cancelling it).
            let recent = orders.filter { turn.now.timeIntervalSince($0.placedAt) <= 14 * 86_400 }
            let slot = OrderSlot(kind: .item, value: item)
            let arrived = OrderPointer.find(slot, in: recent.filter(\.hasArrived), user: user, now: turn.now)
            pointed = arrived ?? (understanding.primary == .complaint ? nil
                : OrderPointer.find(slot, in: recent, user: user, now: turn.now))
        }
        // "My order came without the beans", "the latte was cold": what came with an order, so the latest one that
        // arrived, not one still on its way (its status answered a complaint about another).
        // An allergen found or a reaction is read whatever the intents (cues alone read "the samosa had nuts in it and
        // im allergic" as a diet question).
        let complaint = ComplaintReader.read(turn.text, shopNamed: understanding.slots.shop != nil)
            .flatMap { understanding.intents.contains(.complaint) || $0.kind == .allergen ? $0 : nil }
        if pointed == nil, pointing?.kind == .latest, complaint?.kind == .quality, understanding.slots.item != nil,
            let latest = orders.first, !latest.hasArrived {
            pointed = orders.first { $0.hasArrived && turn.now.timeIntervalSince($0.placedAt) <= 14 * 86_400 }
        }
        let origin = turn.location ?? user.home
        var nearby = origin.map {
            finder.nearest(to: $0, at: turn.now, count: settings.rules.shopsInContext,
                           radiusMeters: settings.rules.nearbyRadiusMeters)
        } ?? []
        // When the nearest shops are closed or about to close, the nearest one open for a while (if any in range) is
        // worth knowing.
        let minutes = settings.rules.closingSoonMinutes
        if let origin, !nearby.isEmpty, !nearby.contains(where: { $0.isOpenFor(minutes: minutes) && $0.isWithinRadius }) {
            let open = finder.nearest(to: origin, at: turn.now, count: 4, radiusMeters: settings.rules.nearbyRadiusMeters,
                                      filter: .init(openNow: true)).filter(\.isWithinRadius)
            // One that stays open a while, else the one open at all (its closing time is then said).
            if let alternative = open.first(where: { $0.isOpenFor(minutes: minutes) }) ?? open.first,
                !nearby.contains(where: { $0.shop.id == alternative.shop.id }) {
                nearby.insert(alternative, at: 1)
            }
        }
        // A shop the message names is in the context whatever its distance ("is Night Owl still open?").
        if let named = understanding.slots.shop, !nearby.contains(where: { $0.shop.name == named }),
            let shop = shopsByName[named] {
            nearby.insert(finder.describe(shop, from: origin, at: turn.now, radiusMeters: settings.rules.nearbyRadiusMeters), at: 0)
        } else if let named = understanding.slots.shop, let index = nearby.firstIndex(where: { $0.shop.name == named }), index > 0 {
            nearby.insert(nearby.remove(at: index), at: 0)
        }
        // Coupons for the nearby shops, in one query: a shop-scoped one is only read with its own shop.
        let shopIDs = nearby.filter(\.isWithinRadius).prefix(settings.rules.shopsInContext + 1).map(\.shop.id)
        let coupons = try await store.coupons(availableTo: user.id, atShops: Array(shopIDs))
        // A Spanish message is also searched for in the policies' English words (the vector is the message's own).
        let glossed = understanding.slots.language == .es ? SpanishMenuWords.gloss(turn.text) : ""
        let written = PolicyQuery.negationsJoined(turn.text)
        let query = glossed.isEmpty ? written : written + " " + glossed
        var policies = retriever.retrieve(query, embedding: embedding, top: settings.rules.policyResults)
        // The ask's own words are searched for lexically: the message's vector ("UPI chalega?") is far from every
        // passage, so the fused score would judge the right one weak again.
        let trouble = [.complaint, .frustration].contains(understanding.slots.sentiment)
        if !policies.contains(where: \.isRelevant), let words = PolicyQuery.words(for: understanding.primary, trouble: trouble) {
            let widened = retriever.retrieve(query + " " + words, embedding: nil, top: settings.rules.policyResults)
            if widened.contains(where: \.isRelevant) { policies = widened }
        }
        // What went wrong with an order ("came without the beans") is searched for in the policies' words when no
        // passage retrieved names it.
        // An allergen found is searched for always: every allergens passage names "nuts", none says what to do.
        if let what = complaint?.what, let words = PolicyQuery.words(forProblem: what), complaint?.kind == .allergen
            || !policies.contains(where: { $0.isRelevant && MessageWords($0.chunk.text).contains(phrase: what) }) {
            // Found weak by the message's own words, it may be among those retrieved already: it is now relevant.
            let own = retriever.retrieve(words, embedding: nil, top: 1).filter(\.isRelevant)
            policies.removeAll { result in own.contains { $0.chunk.id == result.chunk.id } }
            policies += own
        }
        // The passage that answers such a question goes first: it is the answer, not one beside it.
        if let words = PolicyQuery.words(forQuestion: MessageWords(turn.text), main: understanding.primary) {
            let own = retriever.retrieve(words, embedding: nil, top: 1).filter(\.isRelevant)
            policies.removeAll { result in own.contains { $0.chunk.id == result.chunk.id } }
            policies.insert(contentsOf: own, at: 0)
        }
        // A thing asked for by name ("is chelsea open at 9pm and do u have decaf") is searched for on its own, lexically,
        // when no passage retrieved names it: the hours passages say nothing of decaf, the dietary one does.
        if let asked = AskedOffering.phrase(in: MessageWords(turn.text)) {
            let wanted = PolicyExcerpt.contentWords(asked)
            let named = { (text: String) in !wanted.isEmpty && wanted.isSubset(of: PolicyExcerpt.contentWords(text)) }
            if !policies.contains(where: { named($0.chunk.text) }) {
                let own = retriever.retrieve(asked, embedding: nil, top: 1).filter { $0.isRelevant && named($0.chunk.text) }
                policies += own.filter { result in !policies.contains { $0.chunk.id == result.chunk.id } }
            }
        }
        // A way to pay asked about ("kya upi chalega") is answered from the passage listing the ways to pay, searched
        // for by its own words when the message's found none (else the answer had nothing to say).
        if understanding.intents.contains(.payment), AskedPaymentMethod.phrase(in: MessageWords(turn.text)) != nil,
            !policies.contains(where: { $0.isRelevant && AskedPaymentMethod.listsWaysToPay($0) }) {
            policies += retriever.retrieve("ways to pay we accept", embedding: nil, top: 1)
                .filter { $0.isRelevant && AskedPaymentMethod.listsWaysToPay($0) }
        }
        // "Do you do delivery?": whether the chain does it at all is what its document's opening paragraph says; it is
        // searched for on its own when the message's vector found only the sections ("Contactless delivery").
        if AskedOffering.phrase(in: MessageWords(turn.text)) != nil, let wanted = PolicySubject.askedAtAll(turn.text),
            !policies.contains(where: { PolicySubject.isOpening($0, of: wanted) }) {
            let own = retriever.retrieve(wanted.sorted().joined(separator: " "), embedding: nil, top: 8)
                .filter { $0.isRelevant && PolicySubject.isOpening($0, of: wanted) }
            policies += own.prefix(1)
        }
        // A second ask in its own clause is also searched for on its own, lexically: "…missing the beans, also how
        // long do refunds take" ranked the returns passages for the beans first, and the refund times not at all.
        if understanding.intents.count > 1, let clause = PolicyQuery.lastClause(of: turn.text) {
            let own = retriever.retrieve(clause, embedding: nil, top: 1).filter(\.isRelevant)
            policies += own.filter { result in !policies.contains { $0.chunk.id == result.chunk.id } }
        }
        // "Whats the minimum for delivery and how long does it take": one policy question with two asks, each searched
        // for on its own (by meaning too, when the model is loaded: two more vectors, for these messages only), and both
        // passages first (the whole message's ranked only the delivery times).
        if understanding.primary == .policyQuestion, let (first, second) = PolicyQuery.twoQuestions(in: turn.text),
            let one = retriever.retrieve(first, embedding: await self.embedding(of: first).vector, top: 1).first(where: \.isRelevant),
            let two = retriever.retrieve(second, embedding: await self.embedding(of: second).vector, top: 1)
                .first(where: \.isRelevant),
            one.chunk.id != two.chunk.id {
            policies.removeAll { $0.chunk.id == one.chunk.id || $0.chunk.id == two.chunk.id }
            policies.insert(contentsOf: [one, two], at: 0)
        }
        // "Was the hot chocolate in my last order vegan?": the one in that order (Oat Hot Chocolate), not the other
        // item whose whole name was typed.
        var understanding = understanding
        if let order = pointed ?? (pointing?.kind == .latest ? orders.first : nil), let item = understanding.slots.item,
            let ordered = OrderPointer.asOrdered(item, in: order) {
            understanding.slots.item = ordered
        }
        var data = TurnData(user: user, understanding: understanding, orders: Array(orders), namedOrder: named,
                            pointedOrder: pointed, coupons: coupons, nearby: nearby, shopsByID: shopsByID,
                            policies: policies, origin: origin)
        // Every reader below (excerpts, the menu's and payment's facts, the prompt) sees the passages' amounts in the
        // shopper's own currency only.
        data.policies = RegionalAmounts.keeping(data.shopperCurrency, in: data.policies)
        return data
    }
}
