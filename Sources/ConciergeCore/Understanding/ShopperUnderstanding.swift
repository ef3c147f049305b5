/// What one shopper message asks, read by rules and by meaning: intents with the main ask first, slots, a
/// confidence, and when the reading is unsure, the choices to offer instead of guessing.
public struct MessageUnderstanding: Codable, Hashable, Sendable {
    /// Main ask first; `offTopic` alone when nothing in it is about the chain; empty when `choices` are offered.
    public var reading: IntentReading
    public var slots: Slots
    /// 0…1: how sure the reading is (shown in the trace; the "A or B?" decision is made on the evidence itself).
    public var confidence: Double
    /// "Did you want A or B?": set only when the message is about the chain but not clearly about one thing.
    public var choices: [Intent]
    /// The message continues the previous one ("ok, use that one", "what about tomorrow?").
    public var isFollowUp: Bool
    /// The feeling the previous message was about, kept for a short menu or diet ask after it: "I'm freezing", then
    /// "anything without dairy?" still wants something hot (`carryingOver`).
    public var carriedComfort: Intent? = nil

    public var primary: Intent { reading.primary }
    public var intents: [Intent] { choices.isEmpty ? reading.intents : [] }
    public func contains(_ intent: Intent) -> Bool { intents.contains(intent) }
    public var needsClarification: Bool { !choices.isEmpty }
}

/// The shopper's previous message in the conversation and what it was read as: follow-ups inherit from it.
public struct PreviousTurn: Sendable, Hashable {
    public var text: String
    public var intents: [Intent]
    /// The answer it got, as the shopper read it: what "it" in "how much is it?" can point at.
    public var answer: String?

    public init(text: String, intents: [Intent], answer: String? = nil) {
        self.text = text
        self.intents = intents
        self.answer = answer
    }
}

/// The understanding step. Pure: the same message, vector and previous turn always read the same.
///
/// Two signals are added per intent: cue phrases (exact, explainable, multilingual; capped per intent) and the
/// `IntentModel` fitted on the labelled examples' sentence vectors (paraphrases no cue has; also the evidence for
/// off-topic). The main ask is the strongest, with a bonus for the one the shopper leads with; further asks need a
/// cue of their own. Ids, times, names and diets are slots read by rules. Without a model (`bank` empty or no
/// vector) it runs on cues alone. (The raw nearest-neighbour vote is kept, weight 0 by default.)
public struct ShopperUnderstanding: Sendable {
    public struct Tuning: Sendable {
        /// Summed evidence an intent needs to be read at all.
        public var threshold = 1.0
        /// How much a full neighbour vote adds (a share of 1.0 adds this much).
        public var exampleWeight = 0.0
        /// How much the learned model's score adds (a score of 1.0, a clear main ask, adds this much).
        public var modelWeight = 2.5
        /// Neighbours further than this (cosine) say nothing.
        public var minimumSimilarity = 0.45
        /// An intent kept as a secondary ask needs at least this share of the main one's evidence.
        public var secondaryRatio = 0.5
        /// Added to the intent the shopper leads with (the earliest decisive cue) when choosing the main ask.
        public var leadBonus = 1.5
        /// The model's off-topic score must beat the best chain intent's evidence by this much.
        public var offTopicMargin = 0.0
        /// Scales the cue phrases' evidence (1: as written in `IntentCues`).
        public var cueWeight = 1.0
        /// Most evidence the cues can give one intent: three cues for one thing are not three asks.
        public var cueCap = 3.0
        /// A secondary ask needs a decisive cue of its own (the examples alone only decide the main ask).
        public var secondaryNeedsCue = true
        /// The learned sentiment decides when its score reaches this; below it the word lists' reading stands.
        public var sentimentThreshold = 0.5
        /// How the learned sentiment and the word lists combine: 0 word lists only, 1 learned when sure else the word
        /// lists, 2 learned only, 3 the word lists' frustration first, then learned when sure, else the word lists.
        public var sentimentMode = 3
        /// A statement of something gone wrong (complaint sentiment, no question) leads with the complaint.
        public var complaintLeads = true
        /// Complaint evidence from a thing told in a bad state (`ComplaintShape`); 0 leaves the shape unread.
        public var complaintShape = 1.0
        /// Share of the model's complaint evidence kept when the message carries no complaint or frustration.
        public var complaintWithoutFeeling = 1.0
        /// Repeating oneself ("AGAIN", "how many times") makes frustration (`FrustrationCues`).
        public var frustrationFromRepeats = true
        /// A report of something gone wrong keeps the order's status as a further ask only when it asks after it.
        public var reportAsksStatusOnlyInWords = true

        public init() {}
    }

    let extractor: SlotExtractor
    let bank: ExampleBank
    let tuning: Tuning
    let cues = CueScorer()

    public init(vocabulary: ChainVocabulary, bank: ExampleBank = ExampleBank(examples: []), tuning: Tuning = Tuning()) {
        self.extractor = SlotExtractor(vocabulary: vocabulary)
        self.bank = bank
        self.tuning = tuning
    }

    public var usesExamples: Bool { !bank.isEmpty }

    /// `excludingExample` leaves one labelled vector out of the vote (scoring the tune split leave-one-out).
    public func read(_ text: String, embedding: [Float]? = nil, previous: PreviousTurn? = nil,
                     excludingExample: [Float]? = nil) -> MessageUnderstanding {
        let message = MessageWords(text)
        var slots = extractor.slots(text, message)
        // One pass of the learned model over the examples gives both the intents' and the sentiment's scores.
        let learned = embedding.flatMap { embedding in
            bank.model.map { $0.reading(embedding, text: text, leavingOut: excludingExample.flatMap($0.index(of:))) }
        }
        if let learned { slots.sentiment = sentiment(rules: slots.sentiment, learned: learned.sentiments) }
        // A menu item's own words are not cues: "cold brew" is a drink, not a feeling or a complaint.
        var cueWords = message
        if let item = slots.item, item.first?.isUppercase == true {
            let named = Set(MessageWords.fold(item))
            if named.allSatisfy(message.set.contains) { cueWords = MessageWords(message.words.filter { !named.contains($0) }.joined(separator: " ")) }
        }
        var evidence = cues.scores(cueWords).mapValues { Evidence(value: min(tuning.cueCap, $0.value) * tuning.cueWeight, position: $0.position) }
        readComplaint(message, cueWords: cueWords, slots: &slots, evidence: &evidence)
        if let at = OrderAddition.position(in: cueWords) {
            evidence[.orderChange, default: Evidence()].value += tuning.threshold
            evidence[.orderChange]!.position = min(evidence[.orderChange]!.position ?? at, at)
        }
        // A menu item's name and nothing else ("cold brew", "banana bread?") asks about that item.
        if cueWords.words.isEmpty, !message.words.isEmpty { evidence[.menu, default: Evidence()] = Evidence(value: tuning.threshold, position: 0) }
        // "Samosa hai?", "paneer sandwich hai kya": whether we have it, in Hinglish (read as off-topic, or as unsure).
        if HinglishHas.thing(in: message) != nil, !evidence.values.contains(where: { $0.value >= tuning.threshold }) {
            evidence[.menu, default: Evidence()].value += tuning.threshold
            evidence[.menu]!.position = 0
        }
        // A coupon code typed out ("where can I use NOAH5OFF?") makes it about offers.
        if CouponCodeHint.names(text) { evidence[.offers, default: Evidence()].value += tuning.threshold }
        // An order id makes the message about an order, unless it already says what about it (refund, change…).
        if slots.order?.kind == .id, ![.refund, .orderChange, .complaint, .receipt, .payment].contains(where: { (evidence[$0]?.value ?? 0) >= tuning.threshold }) {
            evidence[.orderStatus, default: Evidence()].value += tuning.threshold
        }
        // The raw neighbour vote (a sort of every example) is cast only when it weighs in or an unsure reading needs it.
        let vote: () -> ExampleBank.Vote? = {
            guard let embedding, !self.bank.isEmpty else { return nil }
            return self.bank.vote(embedding, excludingExactly: excludingExample)
        }
        // Things that are nothing to do with the chain ("weather", "Netflix") are evidence against every chain intent.
        var offTopicScore = evidence.removeValue(forKey: .offTopic)?.value ?? 0
        if tuning.exampleWeight > 0, let cast = vote(), cast.nearest >= tuning.minimumSimilarity {
            for (intent, share) in cast.shares { evidence[intent, default: Evidence()].value += share * tuning.exampleWeight }
        }
        // The examples' complaint without anything gone wrong in the message ("what's the Gingerbread Latte taste
        // like") may count for less: complaints are a large share of the examples and pull look-alikes their way.
        // Measured and left at 1: less also read in-scope messages as off-topic (docs/understanding.md).
        let feelsWronged = [.complaint, .frustration].contains(slots.sentiment)
        for (intent, score) in learned?.intents ?? [:] where score > 0 {
            if intent == .offTopic { offTopicScore += score * tuning.modelWeight; continue }
            let weight = intent == .complaint && !feelsWronged ? tuning.complaintWithoutFeeling : 1
            evidence[intent, default: Evidence()].value += score * tuning.modelWeight * weight
        }
        let followUp = previous.flatMap { FollowUp.inherit(message, previous: $0, evidence: evidence, threshold: tuning.threshold) }
        if let followUp {
            evidence[followUp, default: Evidence()].value += tuning.threshold
            evidence[followUp]!.position = -1
        }
        var accepted = evidence.filter { $0.value.value >= tuning.threshold && $0.key != .offTopic }
        // "Was the hot chocolate in my last order vegan?" asks what was in it, and reports nothing gone wrong.
        if slots.sentiment == .complaint, Self.asksWhatWasIn(message, slots: slots),
            ComplaintReader.read(text, shopNamed: slots.shop != nil) == nil,
            ComplaintShape.reportedThing(in: message) == nil {
            slots.sentiment = nil
            if accepted.count > 1 { accepted[.complaint] = nil }
        }
        // Saying hello next to a question is not a question: greetings only lead when alone.
        if accepted.keys.contains(where: { !$0.isSocial }) { accepted[.greeting] = nil }
        let best = accepted.values.map(\.value).max() ?? 0
        if offTopicScore >= tuning.threshold, offTopicScore > best + tuning.offTopicMargin, followUp == nil {
            return MessageUnderstanding(reading: IntentReading(scores: []), slots: slots,
                                        confidence: min(0.99, 0.5 + offTopicScore / 6), choices: [], isFollowUp: false)
        }
        if accepted.isEmpty {
            return unsure(message: message, text: text, evidence: evidence, vote: vote(), slots: slots)
        }
        // The main ask: the strongest, with a bonus for the one the shopper leads with; social ones only when alone.
        let firstPosition = accepted.filter { !$0.key.isSocial }.compactMap(\.value.position).min()
        func leadScore(_ entry: (key: Intent, value: Evidence)) -> Double {
            entry.value.value + (entry.value.position != nil && entry.value.position == firstPosition ? tuning.leadBonus : 0)
                - (entry.key.isSocial ? 100 : 0)
        }
        // Trying to change the rules is what a message is about, whatever else it asks.
        let override = accepted.first { $0.key == .ruleOverride && $0.value.position != nil }
        var main = override ?? accepted.max { lhs, rhs in
            let (l, r) = (leadScore(lhs), leadScore(rhs))
            if l != r { return l < r }
            return (Intent.allCases.firstIndex(of: lhs.key) ?? 0) > (Intent.allCases.firstIndex(of: rhs.key) ?? 0)
        }!
        // A feeling answered with an item: what it should be (vegan, something on the menu) is part of that ask, not
        // another one, and the feeling leads when no particular item is asked about.
        // "Is the nearest one open?" asks about opening; "nearest" only says which shop.
        if main.key == .nearest, let open = accepted.first(where: { $0.key == .openNow }) { main = open }
        // "I lost my receipt, can I still return the mug?": a receipt the shopper no longer has is a condition of the
        // return, not a request for a copy.
        if let refund = accepted[.refund], refund.position != nil, accepted[.receipt] != nil, message.containsAny(Self.receiptGone) {
            accepted[.receipt] = nil
            if main.key == .receipt { main = (key: .refund, value: refund) }
        }
        // "The flat white you delivered yesterday was cold": what went wrong is the ask, not where the order is.
        if main.key == .orderStatus, slots.sentiment == .complaint, message.words.count <= 30,
            let complaint = accepted.first(where: { $0.key == .complaint }) {
            main = complaint
        }
        // "Wrong milk! I asked for oat and got dairy", "soup cold 👎": a message that reports something gone wrong is a
        // complaint, whatever words of the menu, a feeling or a shop it uses, unless it asks for something the
        // complaint routes cannot give (money back, a change, a person, a receipt, a payment fix). Next to a question
        // too ("my croissant was stale, also is Lakeside open?"), unless it is a passing remark (`ComplaintLead`).
        if tuning.complaintLeads, slots.sentiment == .complaint, Self.reportable.contains(main.key), followUp == nil,
            ComplaintLead.leads(message, text: text, complaintCue: accepted[.complaint]?.position != nil
                                && ComplaintReader.read(text, shopNamed: slots.shop != nil) != nil) {
            let complaint = accepted[.complaint] ?? Evidence(value: main.value.value, position: main.value.position)
            accepted[.complaint] = complaint
            main = (key: .complaint, value: complaint)
        }
        // "They gave me a cappuccino instead of my flat white": a wrong item, not a change asked for.
        if main.key == .orderChange, let at = ReceivedInstead.position(in: message) {
            let complaint = Evidence(value: max(main.value.value, accepted[.complaint]?.value ?? 0), position: at)
            accepted[.orderChange] = nil
            accepted[.complaint] = complaint
            main = (key: .complaint, value: complaint)
            if slots.sentiment == nil { slots.sentiment = .complaint }
        }
        // An allergen named ("nut free snacks") makes the item's safety the ask, not the hunger.
        let namesAllergen = slots.diet.contains(where: \.isAllergen)
        if let comfort = accepted.first(where: { $0.key.isComfort && $0.value.position != nil }) {
            if [.dietary, .menu].contains(main.key), slots.item == nil, !(main.key == .dietary && namesAllergen) { main = comfort }
            if main.key.isComfort { accepted[.dietary] = nil; accepted[.menu] = nil }
        }
        let reportOnly = tuning.reportAsksStatusOnlyInWords && [.complaint, .frustration].contains(slots.sentiment)
            && !ComplaintShape.asksAfterTheOrder(message)
        let rest = accepted.filter { $0.key != main.key && $0.value.value >= tuning.secondaryRatio * main.value.value
            && (!tuning.secondaryNeedsCue || $0.value.position != nil) && !(reportOnly && $0.key == .orderStatus) }
            .sorted { lhs, rhs in Self.leads(lhs, rhs) }
        let ordered = ([main] + rest).prefix(3)
        let top = main.value.value
        let scores = ordered.map { IntentReading.Score(intent: $0.key, score: Self.rounded($0.value.value)) }
        return MessageUnderstanding(reading: IntentReading(scores: scores), slots: slots,
                                    confidence: min(0.99, 0.5 + top / 6), choices: [], isFollowUp: followUp != nil)
    }

    /// A yes-or-no question about a diet ("was the muffin in my order vegan?", "is it nut free"): it asks, it does
    /// not report.
    static func asksWhatWasIn(_ message: MessageWords, slots: Slots) -> Bool {
        !slots.diet.isEmpty && ["was", "is", "were", "are", "did", "does", "do", "has", "had"].contains(message.words.first)
    }

    /// A thing the shopper got, told in a bad state ("the porridge was gluey"), is a complaint in words no cue has
    /// (`ComplaintShape`); repeating oneself ("wrong AGAIN") makes it frustration (`FrustrationCues`). Positions are
    /// counted in `cueWords`, the message without the named item's words, as the cues' are.
    private func readComplaint(_ message: MessageWords, cueWords: MessageWords, slots: inout Slots,
                               evidence: inout [Intent: Evidence]) {
        let itemWords = Set(slots.item.map(MessageWords.fold) ?? [])
        if tuning.complaintShape > 0, let found = ComplaintShape.reportedThing(in: message, itemWords: itemWords) {
            let at = cueWords.words.count == message.words.count
                ? found : message.words[..<found].filter { !itemWords.contains($0) }.count
            evidence[.complaint, default: Evidence()].value += tuning.complaintShape
            evidence[.complaint]!.position = min(evidence[.complaint]!.position ?? at, at)
            if slots.sentiment == nil { slots.sentiment = .complaint }
        }
        if tuning.frustrationFromRepeats, FrustrationCues.escalates(message, current: slots.sentiment) {
            slots.sentiment = .frustration
        }
    }

    /// A follow-up leans on the previous message for what it does not say again: the order, item and shop named
    /// there ("I want a refund for ORD-…" → "how long will it take?"). The labelled sets record only what a message
    /// itself names, so this is applied by the chat turn, not by `read`.
    /// A short message with a pronoun ("is it vegan?") leans on the previous one even when its ask is new.
    public func carryingOver(_ understanding: MessageUnderstanding, text: String, from previous: PreviousTurn?) -> MessageUnderstanding {
        guard let previous else { return understanding }
        let message = MessageWords(text)
        var understanding = understanding
        understanding.carriedComfort = comfortCarried(understanding, message: message, previous: previous)
        // Hinglish points with "iska", "uspe", "ye"; a bare price ask ("kitne ka hai?", "how much?") is about the thing
        // just talked of.
        let leans = message.words.count <= 8 && message.containsAny(["it", "its", "that", "this", "they", "them", "one",
                                                                      "those", "iska", "uska", "iske", "uske", "ye",
                                                                      "yeh", "isme", "usme", "uspe", "ispe"])
            || Self.asksBarePrice(message)
        guard understanding.isFollowUp || leans else { return understanding }
        let earlier = extractor.slots(previous.text, MessageWords(previous.text))
        var carried = understanding
        // "…and the one from yesterday?": the earlier order talk, dated by this message.
        if carried.slots.order == nil, earlier.order != nil, let when = SlotExtractor.when(message) {
            carried.slots.order = OrderSlot(kind: .date, value: when)
        }
        if carried.slots.order == nil { carried.slots.order = earlier.order }
        // An earlier kind of thing the menu does not list as such ("any vegan cake?") is not what "it" is: the item the
        // answer offered in its place is.
        if carried.slots.item == nil {
            let named = earlier.item.flatMap { $0.first?.isUppercase == true ? $0 : nil }
            carried.slots.item = named ?? suggested(previous, for: understanding, message: message) ?? earlier.item
        }
        if carried.slots.shop == nil { carried.slots.shop = earlier.shop }
        if carried.slots.diet.isEmpty { carried.slots.diet = earlier.diet }
        return carried
    }

    /// "Is there a vegan option for lunch?", then "how much is it?": the item the answer's next step offered (its
    /// first suggestion), when the earlier message named none and this one asks about the menu, a diet or a deal.
    /// Only a message pointing at one thing ("it", "that one"): "and to drink?" asks for something else.
    private func suggested(_ previous: PreviousTurn, for understanding: MessageUnderstanding,
                           message: MessageWords) -> String? {
        let suggesting: Set<Intent> = [.menu, .dietary, .comfortCold, .comfortThirsty, .comfortHungry, .comfortTired]
        guard [.menu, .dietary, .offers].contains(understanding.primary),
            message.containsAny(["it", "its", "that", "this", "that one", "this one"]) || Self.asksBarePrice(message),
            !message.containsAny(["drink", "drinks", "eat", "food", "else", "other", "another", "instead"]),
            previous.intents.contains(where: suggesting.contains),
            let answer = previous.answer, let step = answer.range(of: "Next step:") else { return nil }
        let item = extractor.item(in: MessageWords(String(answer[step.upperBound...])))
        return item?.first?.isUppercase == true ? item : nil
    }

    /// A price asked with nothing named ("kitne ka hai?", "how much?"): the price of the thing just talked of.
    private static func asksBarePrice(_ message: MessageWords) -> Bool {
        message.words.count <= 4 && message.containsAny(["kitne", "kitna", "how much", "price", "cost", "cuanto",
                                                         "cuesta", "daam", "rate"])
    }

    /// "I'm freezing", then "anything without dairy?": the second asks for the first's kind of thing, in a diet.
    private func comfortCarried(_ understanding: MessageUnderstanding, message: MessageWords,
                                previous: PreviousTurn) -> Intent? {
        guard let comfort = previous.intents.first, comfort.isComfort, message.words.count <= 6,
            [.menu, .dietary].contains(understanding.primary), !understanding.intents.contains(where: \.isComfort)
        else { return nil }
        return comfort
    }

    /// Asks a report of something gone wrong is read as, when it is not a question: the complaint leads instead.
    static let reportable: Set<Intent> = [.comfortCold, .comfortThirsty, .comfortHungry, .comfortTired, .menu, .dietary,
                                          .openNow, .nearest, .policyQuestion, .orderStatus]

    /// A receipt the shopper has lost or never kept.
    static let receiptGone = ["lost my receipt", "lost the receipt", "no receipt", "without a receipt", "without receipt",
                              "without the receipt", "dont have the receipt", "dont have a receipt", "dont have my receipt",
                              "threw away the receipt", "threw the receipt", "binned the receipt", "lost the bill",
                              "receipt is lost", "receipt got lost", "sin recibo", "sin ticket", "receipt kho", "bina receipt"]

    /// Words a question opens with, also when it has no question mark ("how do I find the Bandra place").
    static let questionWords: Set<String> = ["how", "what", "where", "when", "why", "which", "who", "can", "could",
                                             "is", "are", "do", "does", "will", "would", "should", "cant", "cannot"]

    /// The sentiment read by meaning where it is sure ("have you lost my order or what" is frustration without any
    /// word on the lists), the word lists otherwise.
    private func sentiment(rules: Sentiment?, learned scores: [Sentiment: Double]) -> Sentiment? {
        let best = IntentModel.sentiments.max { (scores[$0] ?? 0, $1.rawValue) < (scores[$1] ?? 0, $0.rawValue) }
        let learned = best.flatMap { (scores[$0] ?? 0) >= tuning.sentimentThreshold ? $0 : nil }
        switch tuning.sentimentMode {
        case 0: return rules
        case 2: return learned
        case 3: return rules == .frustration ? rules : (learned ?? rules)
        default: return learned ?? rules
        }
    }

    /// The slots a message names by itself (the rules only): what an earlier message of the conversation was about.
    public func slots(of text: String) -> Slots { extractor.slots(text, MessageWords(text)) }

    struct Evidence: Sendable {
        var value = 0.0
        var position: Int?
    }

    /// The main ask is the one the shopper leads with; an intent with no decisive cue of its own (the examples' vote
    /// alone) comes after those that have one, strongest first; social ones (thanks) last.
    private static func leads(_ lhs: (key: Intent, value: Evidence), _ rhs: (key: Intent, value: Evidence)) -> Bool {
        if lhs.key.isSocial != rhs.key.isSocial { return !lhs.key.isSocial }
        // "Is the nearest one open?" asks about opening; "nearest" only says which shop.
        if Set([lhs.key, rhs.key]) == [.openNow, .nearest] { return lhs.key == .openNow }
        switch (lhs.value.position, rhs.value.position) {
        case let (l?, r?) where l != r: return l < r
        case (.some, nil): return true
        case (nil, .some): return false
        default:
            if lhs.value.value != rhs.value.value { return lhs.value.value > rhs.value.value }
            return (Intent.allCases.firstIndex(of: lhs.key) ?? 0) < (Intent.allCases.firstIndex(of: rhs.key) ?? 0)
        }
    }

    /// Nothing cleared the threshold. If the message carries some evidence for the chain's topics, ask which one it
    /// is about (or take the only one); if it carries none, or its nearest examples are off-topic ones, it is
    /// off-topic.
    private func unsure(message: MessageWords, text: String, evidence: [Intent: Evidence], vote: ExampleBank.Vote?,
                        slots: Slots) -> MessageUnderstanding {
        let hints = evidence.filter { $0.value.value >= 0.5 && !$0.key.isSocial && $0.key != .offTopic && $0.key != .ruleOverride }
            .sorted { ($0.value.value, Intent.allCases.firstIndex(of: $1.key) ?? 0) > ($1.value.value, Intent.allCases.firstIndex(of: $0.key) ?? 0) }
        let offTopicNeighbours = vote.map { $0.nearestIntent == .offTopic && $0.nearest >= tuning.minimumSimilarity } ?? false
        // "What's the soup today?" with no cue at all: a menu item named is a question about it, unless the nearest
        // examples say off-topic (without the model there are none, and it was told "I can only help with…").
        if hints.isEmpty, !offTopicNeighbours, slots.item?.first?.isUppercase == true {
            return MessageUnderstanding(reading: IntentReading(scores: [.init(intent: .menu, score: 0.5)]),
                                        slots: slots, confidence: 0.5, choices: [], isFollowUp: false)
        }
        if hints.isEmpty || (offTopicNeighbours && (hints.first?.value.value ?? 0) < 0.8) {
            return MessageUnderstanding(reading: IntentReading(scores: []), slots: slots, confidence: 0.6, choices: [],
                                        isFollowUp: false)
        }
        if hints.count == 1 {
            // "What's the soup today?": a weak feeling next to a menu item named is a question about that item.
            let only = hints[0].key.isComfort && slots.item?.first?.isUppercase == true
                ? (key: Intent.menu, value: hints[0].value) : hints[0]
            return MessageUnderstanding(reading: IntentReading(scores: [.init(intent: only.key, score: Self.rounded(only.value.value))]),
                                        slots: slots, confidence: 0.5, choices: [], isFollowUp: false)
        }
        // A price cap ("brekfast under £4?") or a thing of the menu alone ("☕?") asks for something to have: of the
        // two choices, the one about food and drink answers it instead of "did you want A or B?".
        let wantsSomething = PriceCapReader.read(message, text: text) != nil
            || (slots.item != nil && message.words.count <= 2)
        if wantsSomething, let menu = hints.prefix(2).first(where: { $0.key.isComfort || [.menu, .dietary].contains($0.key) }) {
            return MessageUnderstanding(reading: IntentReading(scores: [.init(intent: menu.key, score: Self.rounded(menu.value.value))]),
                                        slots: slots, confidence: 0.5, choices: [], isFollowUp: false)
        }
        return MessageUnderstanding(reading: IntentReading(scores: []), slots: slots,
                                    confidence: Self.rounded(0.5 * hints[0].value.value / tuning.threshold),
                                    choices: hints.prefix(2).map(\.key), isFollowUp: false)
    }

    private static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}

/// Short messages that lean on the previous one: "ok, use that one", "and tomorrow?", "what about the muffin?".
enum FollowUp {
    private static let leaners = ["that", "this", "it", "one", "same", "ok", "okay", "yes", "yeah", "yep", "sure",
                                  "and", "also", "what about", "how about", "instead", "too", "then", "haan", "si",
                                  "vale", "please", "pls", "them", "those", "there", "the other", "first", "second",
                                  "that one", "do it", "go ahead", "why", "when", "really", "how", "which", "they", "their",
                                  "what are they", "send it", "the one", "both", "together", "either"]

    /// The intent a follow-up continues, if the message reads as one: short, leaning on the previous turn, and
    /// carrying no decisive ask of its own (a social one such as "thanks" is decisive).
    static func inherit(_ message: MessageWords, previous: PreviousTurn, evidence: [Intent: ShopperUnderstanding.Evidence],
                        threshold: Double) -> Intent? {
        guard let main = previous.intents.first(where: { !$0.isSocial && $0 != .offTopic }) else { return nil }
        guard message.words.count <= 10, message.containsAny(leaners) || message.words.count <= 3 else { return nil }
        // "Can I use it at Soho?" after the coupons: a question about one of them, whatever else the words suggest
        // (the model reads "use it at" as a general question).
        if main == .offers, CouponQuestions.pointer(in: message) != nil { return main }
        let decisive = evidence.filter { $0.value.value >= threshold }
        if decisive.keys.contains(where: { $0.isSocial }) && message.words.count <= 4 { return nil }
        // Another ask takes over only with a word of its own (a cue): the model alone reads "the other one" or "and
        // an iced latte?" as whatever their few words are nearest to (a receipt, a dietary question).
        if decisive.contains(where: { $0.key != main && !$0.key.isSocial && $0.key != .offTopic && $0.value.position != nil }) {
            return nil
        }
        return main
    }
}

/// A coupon code as shoppers copy it: capitals and digits, 5 to 16 long, with at least one of each (not an order id).
enum CouponCodeHint {
    static func names(_ text: String) -> Bool { first(in: text) != nil }

    static func first(in text: String) -> String? {
        text.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "-" }).first { token in
            (5...16).contains(token.count) && !token.hasPrefix("ORD-")
                && token.allSatisfy({ ($0.isUppercase && $0.isASCII) || $0.isNumber })
                && token.contains(where: \.isNumber) && token.contains(where: \.isLetter)
        }.map(String.init)
    }
}
