/// What to send a segment: a play chosen by rules over its figures (documented in docs/analytics.md), the figures
/// that chose it quoted. With no segment named, the play is for the segment a ranking puts first.
extension AnalystAnswerer {
    enum Play: String, Sendable {
        case winBack, secondPurchase, reward, nurture

        var advice: String {
            switch self {
            case .winBack: "Play: win-back. A personal message saying we miss them, with a time-limited offer on what they "
                + "used to buy; for high spenders lead with recognition and service before any discount."
            case .secondPurchase: "Play: second-purchase nudge. A welcome series soon after the first order with a "
                + "small incentive on a second visit; one-off buyers are where repeat habits start."
            case .reward: "Play: reward, don't discount. Early access, recognition and referral asks; a discount "
                + "would give away margin these customers already spend."
            case .nurture: "Play: nurture. Relevant content and a light incentive to buy again before they cool off."
            }
        }
    }

    /// Churn at or above this share calls for a win-back.
    static let winBackChurn = 0.5
    /// Fewer orders per customer than this: mostly one-off buyers.
    static let oneOffOrders = 1.5
    /// P(alive) at or above this, with an order value at or above the chain's: customers to reward.
    static let rewardPAlive = 0.8

    static func play(_ segment: SegmentSnapshot, whole: SegmentSnapshot?) -> (Play, [AnalystMetric]) {
        let churn = AnalystMetricKeys.metric(.churn, in: segment)?.value
        let orders = AnalystMetricKeys.metric(.frequency, in: segment)?.value
        let alive = AnalystMetricKeys.metric(.palive, in: segment)?.value
        let aov = AnalystMetricKeys.metric(.aov, in: segment)?.value
        let chainAOV = whole.flatMap { AnalystMetricKeys.metric(.aov, in: $0)?.value }
        if let churn, churn >= winBackChurn { return (.winBack, [.churn, .recency]) }
        if let orders, orders < oneOffOrders { return (.secondPurchase, [.frequency, .size]) }
        if let alive, let aov, alive >= rewardPAlive, aov >= (chainAOV ?? 0) { return (.reward, [.palive, .aov]) }
        return (.nurture, [.churn, .frequency])
    }

    func campaign(_ segments: [SegmentSnapshot], _ context: AnalystContext) -> AnalystAnswer {
        let ranked = rankable.compactMap { s in Self.valueAtStake(s).map { (s, $0) } }
            .sorted { ($0.1, $1.0.id) > ($1.1, $0.0.id) }
        guard let segment = segments.first ?? ranked.first?.0 else {
            return clarification(AnalystWording.whichSegment(examples: rankable), context)
        }
        var draft = Draft()
        if segments.isEmpty { draft.sentences.append("The segment with the most value at stake is \(segment.name).") }
        let (play, evidence) = Self.play(segment, whole: whole)
        let parts = evidence.compactMap { described($0, of: segment, &draft) }
        if !parts.isEmpty { draft.sentences.append("\(segment.name): " + AnalystWording.list(parts) + ".") }
        draft.sentences.append(play.advice)
        if let interest = segment.metrics.filter({ $0.key.hasPrefix(AnalystMetricKeys.interestPrefix) })
            .max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) {
            let category = interest.key.dropFirst(AnalystMetricKeys.interestPrefix.count)
            let share = draft.value(interest, of: segment)
            draft.sentences.append("Lead with \(category): \(share) of them show interest.")
        }
        return draft.answer(AnalystContext(intent: .campaign, segments: [segment.id], metric: context.metric))
    }
}
