/// Reads an analyst's question: intent with a confidence, the segments and metrics it names, and — for a follow-up —
/// what it means given the previous turn. Pure: the same question, snapshots and context give the same reading.
///
/// Evidence per intent is added up from three sources and the largest sum wins: cue phrases
/// (`AnalystIntentCues`), the shape of the slots (two segments lean to a comparison, one segment and a metric to a
/// segment figure, a metric and no segment to a chain-wide total), and the two signals (`AnalystSignals`): a
/// request for personal data is out of scope whatever else it asks, and a question that leans on the previous turn
/// is a follow-up. When the two best readings are close, `clarify` names them and the answer asks.
public struct AnalystQuestionReader: Sendable {
    private let names: AnalystSegmentNames

    /// Below this, or within `clarifyMargin` of the runner-up, the answer asks instead of guessing.
    static let clarifyBelow = 1.5
    static let clarifyMargin = 0.5

    public init(snapshots: [SegmentSnapshot]) {
        names = AnalystSegmentNames(snapshots)
    }

    public func read(_ text: String, previous: AnalystContext? = nil) -> AnalystReading {
        let question = AnalystWords(text)
        let found = names.find(in: question)
        let metrics = AnalystMetricNames.find(in: question, excluding: found.consumed)
        let personal = AnalystSignals.asksForPersonalData(text, question)
        let followUp = AnalystSignals.followUp(question, namesSegment: !found.segments.isEmpty)
        let cues = AnalystIntentCues.scores(question)
        var scores = cues
        addShape(to: &scores, found: found, metric: metrics.first)
        if personal { scores[.outOfScope, default: 0] += 10 }
        let isFollowUp = !personal && Self.isFollowUp(followUp, found: found, metrics: metrics, cues: cues)
        let ranked = scores.filter { $0.value > 0 }.sorted { ($0.value, $1.key.rawValue) > ($1.value, $0.key.rawValue) }
        let top = ranked.first ?? (.outOfScope, 0)
        let second = ranked.dropFirst().first?.value ?? 0
        let intent = isFollowUp ? AnalystIntent.followUp : top.key
        let confidence = isFollowUp ? min(1, followUp.score / 5) : top.value / (top.value + second + 1)
        var clarify: [AnalystIntent]?
        if !isFollowUp, !personal, top.key != .outOfScope, ranked.count > 1,
           top.value < Self.clarifyBelow || top.value - second < Self.clarifyMargin {
            clarify = [top.key, ranked[1].key]
        }
        let own = AnalystContext(intent: intent, segments: found.segments, metric: metrics.first)
        var reading = AnalystReading(intent: intent, confidence: confidence, clarify: clarify,
                                     segments: found.segments, namesWholeBase: found.wholeBase,
                                     unresolvedReference: found.unresolved, metrics: metrics,
                                     asksForPersonalData: personal, resolved: own)
        reading.smallTalk = intent == .outOfScope && AnalystSignals.isSmallTalk(question)
        reading.aboutCustomers = intent == .outOfScope && !personal && AnalystSignals.isAboutCustomers(question)
        reading.asksAboutChange = AnalystSignals.asksAboutChange(question)
        if isFollowUp {
            reading.resolved = AnalystFollowUpResolver.resolve(reading, followUp: followUp, cues: cues,
                                                              previous: previous)
        } else {
            reading.resolved = Self.ownContext(reading)
        }
        return reading
    }

    /// Evidence from which slots are filled.
    private func addShape(to scores: inout [AnalystIntent: Double], found: AnalystSegmentNames.Found,
                          metric: AnalystMetric?) {
        let named = found.segments.count + (found.unresolved == nil ? 0 : 1)
        switch (named, metric) {
        case (2..., _): scores[.compare, default: 0] += 1.5
        case (1, .size?): scores[.segmentSize, default: 0] += 2
        case (1, _?): scores[.segmentMetric, default: 0] += 2
        case (1, nil): scores[.segmentMetric, default: 0] += 0.5
        case (_, _?): scores[.total, default: 0] += 1.5
        default: scores[.outOfScope, default: 0] += 1
        }
        if named == 0, found.wholeBase { scores[.total, default: 0] += 1 }
    }

    /// A follow-up when it says so strongly ("what about…", "the other one", a bare "why?"), or when it names no
    /// segment and no whole base yet points back ("and their AOV?", "what should we do about it").
    static func isFollowUp(_ signal: AnalystSignals.FollowUp, found: AnalystSegmentNames.Found,
                           metrics: [AnalystMetric], cues: [AnalystIntent: Double]) -> Bool {
        if signal.score >= 3 { return true }
        // "what should we do about it": a short ask that needs a segment, names none, and points back.
        let needsSegment: Set<AnalystIntent> = [.campaign, .explain, .segmentMetric, .segmentSize, .behaviour]
        if signal.pointsBack, found.segments.isEmpty, !found.wholeBase, found.unresolved == nil,
           let top = cues.max(by: { ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue) }),
           needsSegment.contains(top.key) {
            return true
        }
        guard signal.score >= 2 else { return false }
        if found.segments.isEmpty { return !found.wholeBase }
        // "and for loyal customers": a segment, nothing else asked.
        return (cues.values.max() ?? 0) < 3
    }

    /// The context a question that is not a follow-up leaves: its own intent, with segment-size reading the size.
    static func ownContext(_ reading: AnalystReading) -> AnalystContext {
        let segments = reading.segments
        let compared = reading.intent == .compare ? Array(segments.prefix(2)) : []
        let metric = reading.intent == .segmentSize ? .size : reading.metric
        return AnalystContext(intent: reading.intent, segments: segments, metric: metric, compared: compared,
                              focus: compared.first)
    }
}
