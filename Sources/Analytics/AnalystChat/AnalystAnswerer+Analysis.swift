/// Answers that weigh figures: what to prioritise, a comparison, why a figure is what it is, what to do.
extension AnalystAnswerer {
    /// Value at stake, the prioritisation score: net value × (1 − mean P(alive)) — the money the segment's customers
    /// have spent, weighted by the chance they have already stopped buying, i.e. the revenue a retention effort is
    /// fighting for. Not CLV × (1 − P(alive)): CLV is already discounted by P(alive). Without P(alive) the share that
    /// has lapsed — churned plus at risk (`atRiskShare`, last purchase 91–180 days ago) — stands in for (1 − P(alive)):
    /// on a young chain (the demo seed) nobody has churned yet and no segment has a P(alive), yet the at-risk share
    /// still tells the segments apart. `nil` when the snapshot has none of these or no net value.
    static func valueAtStake(_ segment: SegmentSnapshot) -> Double? {
        guard let value = AnalystMetricKeys.metric(.value, in: segment)?.value else { return nil }
        if let alive = AnalystMetricKeys.metric(.palive, in: segment)?.value { return value * (1 - alive) }
        let lapsed = [AnalystMetricKeys.metric(.churn, in: segment), segment.metric(Self.atRiskShareKey)]
            .compactMap { $0 }
        guard !lapsed.isEmpty else { return nil }
        return value * lapsed.reduce(0) { $0 + $1.value }
    }

    /// The share whose last purchase was 91–180 days ago (`SegmentMetrics`).
    static let atRiskShareKey = "atRiskShare"

    func prioritise(among candidates: [SegmentSnapshot], _ context: AnalystContext) -> AnalystAnswer {
        let ranked = candidates.compactMap { segment in Self.valueAtStake(segment).map { (segment, $0) } }
            .filter { $0.1 > 0 }.sorted { ($0.1, $1.0.id) > ($1.1, $0.0.id) }.map(\.0)
        guard let top = ranked.first else {
            return clarification("None of these segments has the net value and P(alive) figures a ranking needs.",
                                 context)
        }
        var draft = Draft()
        draft.sentences.append("Prioritise \(top.name): " + stakeFigures(top, &draft, withSize: true) + ".")
        let next = ranked.dropFirst().prefix(2).map { "\($0.name) (" + stakeFigures($0, &draft, withSize: false) + ")" }
        if !next.isEmpty { draft.sentences.append("Next: " + AnalystWording.list(next) + ".") }
        let byAlive = AnalystMetricKeys.metric(.palive, in: top) != nil
        draft.sentences.append("Ranked by value at stake: net value weighted by the chance the customers have "
            + (byAlive ? "already stopped buying (one minus P(alive))." : "stopped buying (with no P(alive) figure, "
                + "the share churned or at risk)."))
        let pair = Array(ranked.prefix(2).map(\.id))
        return draft.answer(AnalystContext(intent: .prioritise, segments: pair, metric: context.metric,
                                           compared: pair, focus: top.id))
    }

    private func stakeFigures(_ segment: SegmentSnapshot, _ draft: inout Draft, withSize: Bool) -> String {
        var parts: [String] = []
        if withSize, let count = AnalystMetricKeys.metric(.size, in: segment) {
            parts.append("\(draft.value(count, of: segment)) customers")
        }
        if let value = AnalystMetricKeys.metric(.value, in: segment) {
            parts.append("net value \(draft.value(value, of: segment))")
        }
        if let alive = AnalystMetricKeys.metric(.palive, in: segment) {
            parts.append("mean P(alive) \(draft.value(alive, of: segment))")
        } else {
            if let churn = AnalystMetricKeys.metric(.churn, in: segment) {
                parts.append("churn \(draft.value(churn, of: segment))")
            }
            // Written with its own label, whose digits the groundedness check reads as the label, not as figures.
            if let atRisk = segment.metric(Self.atRiskShareKey) {
                parts.append("\(atRisk.label) \(draft.value(atRisk, of: segment))")
            }
        }
        return parts.joined(separator: ", ")
    }

    /// Two segments side by side on the metric asked, or on size, CLV, churn and order value. With one segment
    /// named, it is set against all customers.
    func compare(_ segments: [SegmentSnapshot], _ context: AnalystContext) -> AnalystAnswer {
        let pair = segments.count >= 2 ? Array(segments.prefix(2)) : segments + [whole].compactMap { $0 }
        guard pair.count == 2 else {
            return clarification("Which two segments should I compare? For example "
                + AnalystWording.list(rankable.prefix(2).map(\.name)) + ".", context)
        }
        var draft = Draft()
        let metrics = context.metric.map { [$0] } ?? [.size, .clv, .churn, .aov]
        for segment in pair {
            let parts = metrics.compactMap { metric in
                AnalystMetricKeys.metric(metric, in: segment).map {
                    "\(AnalystMetricKeys.phrase(metric)) \(draft.value($0, of: segment))"
                }
            }
            let figures = parts.isEmpty ? "no such figure" : parts.joined(separator: ", ")
            draft.sentences.append("\(segment.name): \(figures).")
        }
        if let metric = metrics.first(where: { $0 != .size }) ?? metrics.first,
           let a = AnalystMetricKeys.metric(metric, in: pair[0]),
           let b = AnalystMetricKeys.metric(metric, in: pair[1]) {
            let shownA = MetricDisplay.format(a, currency: pair[0].currency)
            let shownB = MetricDisplay.format(b, currency: pair[1].currency)
            // Compared as shown: two figures that read the same are not called different.
            let verdict = shownA == shownB ? "\(pair[0].name) and \(pair[1].name) are level on"
                : "\(a.value > b.value ? pair[0].name : pair[1].name) is higher on"
            draft.sentences.append("\(verdict) \(AnalystMetricKeys.phrase(metric)).")
        }
        let ids = pair.map(\.id)
        return draft.answer(AnalystContext(intent: .compare, segments: ids, metric: context.metric, compared: ids,
                                           focus: ids[0]))
    }

    /// The figures that move with each metric: what the answer to "why" points at.
    static let drivers: [AnalystMetric: [AnalystMetric]] = [
        .churn: [.recency, .palive, .frequency], .clv: [.palive, .frequency, .aov], .value: [.frequency, .aov, .size],
        .aov: [.value, .frequency], .frequency: [.recency, .aov], .recency: [.frequency, .palive],
        .palive: [.recency, .frequency], .size: [.frequency, .aov],
    ]

    /// The segment's figure against all customers, then the figures that go with it: associations in the snapshot,
    /// said as such. Without a segment: the segments where the figure is highest.
    func explain(_ segments: [SegmentSnapshot], _ context: AnalystContext) -> AnalystAnswer {
        var draft = Draft()
        guard let segment = segments.first else { return explainOverall(context.metric ?? .churn, context) }
        let metric = context.metric ?? defaultExplained(segment)
        guard let figure = self.metric(metric, of: segment, &draft) else { return draft.answer(context) }
        draft.sentences.append("\(segment.name): \(AnalystMetricKeys.phrase(metric)) "
            + "\(draft.value(figure, of: segment))\(baseline(metric, for: segment, &draft)).")
        let parts = (Self.drivers[metric] ?? []).compactMap { described($0, of: segment, &draft) }
        // "Why is Loyal Customers' CLV higher than Promising?": the other segment's figure too.
        for other in segments.dropFirst().prefix(1) {
            if let figure = AnalystMetricKeys.metric(metric, in: other) {
                draft.sentences.append("\(other.name): \(AnalystMetricKeys.phrase(metric)) "
                    + "\(draft.value(figure, of: other)).")
            }
        }
        if !parts.isEmpty {
            draft.sentences.append("It goes with " + AnalystWording.list(parts) + ".")
            draft.sentences.append("These figures move together; they show where to look, not a proven cause.")
        }
        return draft.answer(AnalystContext(intent: .explain, segments: segments.prefix(2).map(\.id), metric: metric))
    }

    /// "Why?" with no metric: churn when the segment churns more than the chain, else its net value.
    func defaultExplained(_ segment: SegmentSnapshot) -> AnalystMetric {
        guard let churn = AnalystMetricKeys.metric(.churn, in: segment)?.value else { return .value }
        let chain = whole.flatMap { AnalystMetricKeys.metric(.churn, in: $0)?.value } ?? 0
        return churn > chain ? .churn : .value
    }

    private func explainOverall(_ metric: AnalystMetric, _ context: AnalystContext) -> AnalystAnswer {
        var draft = Draft()
        if let whole, let figure = AnalystMetricKeys.metric(metric, in: whole) {
            let value = draft.value(figure, of: whole)
            draft.sentences.append("\(whole.name): \(AnalystMetricKeys.phrase(metric)) \(value).")
        }
        let highest = rankable
            .compactMap { segment in AnalystMetricKeys.metric(metric, in: segment).map { (segment, $0) } }
            .sorted { ($0.1.value, $1.0.id) > ($1.1.value, $0.0.id) }.prefix(2)
        if !highest.isEmpty {
            let items = highest.map { "\($0.0.name) (\(draft.value($0.1, of: $0.0)))" }
            draft.sentences.append("It is highest in " + AnalystWording.list(items) + ".")
        }
        return draft.answer(AnalystContext(intent: .explain, segments: highest.map(\.0.id), metric: metric))
    }
}
