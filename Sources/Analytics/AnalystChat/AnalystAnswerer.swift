/// Answers a read question from the segment snapshots: the figures are picked and ranked in code, and the wording is
/// deterministic (the mock; `AnalystPrompt` gives a real model the same figures to phrase). Every number written is a
/// snapshot metric in its display rounding and every segment named is a snapshot's own name, so the groundedness
/// check passes it; derived figures (a difference, a ranking score) decide the words but are never written.
public struct AnalystAnswerer: Sendable {
    let snapshots: [SegmentSnapshot]
    let byID: [String: SegmentSnapshot]
    /// The chain-wide snapshot, the baseline every segment figure is set against.
    let whole: SegmentSnapshot?

    /// Segments with no behaviour of their own to act on: left out of rankings and "highest" lists.
    static let catchAlls: Set<String> = ["other", "rfm-others", "rfm-no-purchase"]

    public init(snapshots: [SegmentSnapshot]) {
        self.snapshots = snapshots
        byID = Dictionary(snapshots.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        whole = byID[AnalystSegmentNames.wholeBaseID]
    }

    /// The named segments a ranking may choose from.
    var rankable: [SegmentSnapshot] {
        snapshots.filter { $0.id != AnalystSegmentNames.wholeBaseID && !Self.catchAlls.contains($0.id) }
    }

    public func answer(_ reading: AnalystReading) -> AnalystAnswer {
        let context = reading.resolved
        if reading.asksForPersonalData { return refusal(AnalystWording.personalData, context) }
        if context.intent == .outOfScope {
            if reading.smallTalk { return refusal(AnalystWording.smallTalk, context) }
            return refusal(reading.aboutCustomers ? AnalystWording.notInSnapshots : AnalystWording.outOfScope, context)
        }
        if let pair = reading.clarify, pair.count == 2 {
            return clarification("Do you mean \(pair[0].readable) or \(pair[1].readable)?", context)
        }
        let segments = context.segments.compactMap { byID[$0] }
        if segments.isEmpty, reading.unresolvedReference != nil, needsSegment(context.intent) {
            return clarification(AnalystWording.whichSegment(examples: rankable, reference: reading.unresolvedReference), context)
        }
        let drafted: AnalystAnswer = switch context.intent {
        case .prioritise: prioritise(among: segments.count >= 2 ? segments : rankable, context)
        case .compare: compare(segments, context)
        case .explain: explain(segments, context)
        case .total: total(context)
        case .segmentMetric, .segmentSize, .followUp: figure(segments, context)
        case .campaign: campaign(segments, context)
        case .behaviour: behaviour(segments, context)
        case .listSegments: list(context)
        case .outOfScope: refusal(AnalystWording.outOfScope, context)
        }
        return withoutHistory(withCurrencyScope(drafted), asked: reading.asksAboutChange)
    }

    /// "Is churn getting worse?" answered with today's churn alone would read as "no change": an answer to a question
    /// about movement says that the figures have no history, so the reader does not take one date for a trend.
    func withoutHistory(_ answer: AnalystAnswer, asked: Bool) -> AnalystAnswer {
        guard asked, answer.kind == .answer else { return answer }
        var scoped = answer
        scoped.text += " " + AnalystWording.noHistory
        return scoped
    }

    /// Money metrics cover the snapshot's main currency only (`SegmentMetrics`): "96 customers, net value $3,742.40"
    /// would read as all 96 customers' value when some pay in other currencies, so an answer that writes money says so.
    func withCurrencyScope(_ answer: AnalystAnswer) -> AnalystAnswer {
        let moneyFrom = answer.facts.compactMap { fact -> SegmentSnapshot? in
            guard let snapshot = byID[fact.segmentID], snapshot.metric(fact.metricKey)?.unit == .money else { return nil }
            return snapshot
        }
        guard let first = moneyFrom.first,
              moneyFrom.contains(where: { ($0.metric("customersInOtherCurrencies")?.value ?? 0) > 0 }) else {
            return answer
        }
        var scoped = answer
        scoped.text += " Money figures cover customers paying in \(first.currency) only; the others are counted but "
            + "not in money figures."
        return scoped
    }

    func needsSegment(_ intent: AnalystIntent) -> Bool {
        [.compare, .explain, .segmentMetric, .segmentSize, .campaign, .behaviour, .followUp].contains(intent)
    }

    func refusal(_ text: String, _ context: AnalystContext) -> AnalystAnswer {
        AnalystAnswer(kind: .refusal, text: text, facts: [], context: context)
    }

    func clarification(_ text: String, _ context: AnalystContext) -> AnalystAnswer {
        AnalystAnswer(kind: .clarification, text: text, facts: [], context: context)
    }

    /// Collects the sentences and the facts they use.
    struct Draft {
        var sentences: [String] = []
        var facts: [AnalystFact] = []

        /// "£36000.00" for a metric of a segment, recording the fact.
        mutating func value(_ metric: SegmentMetric, of snapshot: SegmentSnapshot) -> String {
            let fact = AnalystFact(segmentID: snapshot.id, metricKey: metric.key)
            if !facts.contains(fact) { facts.append(fact) }
            return MetricDisplay.format(metric, currency: snapshot.currency)
        }

        func answer(_ context: AnalystContext) -> AnalystAnswer {
            AnalystAnswer(kind: .answer, text: sentences.joined(separator: " "), facts: facts, context: context)
        }
    }

    /// The metric, or a sentence saying the snapshot has no such figure.
    func metric(_ metric: AnalystMetric, of snapshot: SegmentSnapshot, _ draft: inout Draft) -> SegmentMetric? {
        if let found = AnalystMetricKeys.metric(metric, in: snapshot) { return found }
        draft.sentences.append("The snapshot of \(snapshot.name) has no \(AnalystMetricKeys.phrase(metric)) figure.")
        return nil
    }

    /// "days since the last purchase 131 days (All customers: 74 days)": a segment's figure with the chain's beside it,
    /// or `nil` when the segment has no such figure.
    func described(_ metric: AnalystMetric, of segment: SegmentSnapshot, _ draft: inout Draft) -> String? {
        guard let figure = AnalystMetricKeys.metric(metric, in: segment) else { return nil }
        let value = draft.value(figure, of: segment)
        return "\(AnalystMetricKeys.phrase(metric)) \(value)\(baseline(metric, for: segment, &draft))"
    }

    /// "(All customers: £21.40)" — the chain-wide figure beside a segment's, when there is one.
    func baseline(_ metric: AnalystMetric, for snapshot: SegmentSnapshot, _ draft: inout Draft) -> String {
        guard let whole, whole.id != snapshot.id, let figure = AnalystMetricKeys.metric(metric, in: whole) else {
            return ""
        }
        return " (\(whole.name): \(draft.value(figure, of: whole)))"
    }
}
