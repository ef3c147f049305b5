/// What a follow-up means given the previous turn's context.
///
/// - "the other one" → the one of the previously compared pair that the answer did not lead with; "the second
///   one" / "the first one" → that one of the pair. A single segment now, so a comparison becomes a segment figure.
/// - a bare "why?" → explain the previous segments' previous metric.
/// - its own clear ask ("what should we do about it", "how many are there") → that intent, on the previous segments.
/// - a new segment ("what about champions?") → the previous question about it (same metric).
/// - a new metric ("and CLV?") → the previous segments, that metric (a comparison stays a comparison).
/// Without a previous turn nothing can be carried over: the follow-up keeps only what it names itself.
enum AnalystFollowUpResolver {
    static func resolve(_ reading: AnalystReading, followUp: AnalystSignals.FollowUp, cues: [AnalystIntent: Double],
                        previous: AnalystContext?) -> AnalystContext {
        guard let previous else {
            return AnalystContext(intent: .followUp, segments: reading.segments, metric: reading.metric)
        }
        var segments = reading.segments.isEmpty ? previous.segments : reading.segments
        var metric = reading.metric ?? previous.metric
        var intent = previous.intent
        let pair = previous.compared.count >= 2 ? previous.compared : previous.segments
        if reading.segments.isEmpty, pair.count >= 2, followUp.pointsAtOther || followUp.pointsAtSecond
            || followUp.pointsAtFirst {
            let focus = previous.focus ?? (previous.segments.count == 1 ? previous.segments[0] : pair[0])
            let chosen = followUp.pointsAtSecond ? pair[1] : followUp.pointsAtFirst ? pair[0]
                : pair.first { $0 != focus } ?? pair[1]
            segments = [chosen]
            intent = metric == .size ? .segmentSize : .segmentMetric
            return AnalystContext(intent: intent, segments: segments, metric: metric)
        }
        if followUp.bareWhy {
            return AnalystContext(intent: .explain, segments: segments, metric: metric,
                                  compared: previous.compared, focus: previous.focus)
        }
        let own = cues.filter { $0.key != .outOfScope && $0.value >= 2.5 }
            .max { ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue) }
        if let own {
            intent = own.key
        } else if reading.metric != nil && reading.segments.isEmpty {
            // "and churn?" after a total stays chain-wide; after a segment it is that segment's figure.
            if previous.intent != .compare { intent = segments.isEmpty ? .total : .segmentMetric }
        } else if !reading.segments.isEmpty, [.compare, .prioritise].contains(previous.intent),
                  reading.segments.count == 1 {
            intent = .segmentMetric
        }
        if reading.metric == .size && intent != .compare { intent = segments.isEmpty ? .total : .segmentSize }
        if intent == .segmentSize { metric = .size }
        if [.total, .listSegments, .outOfScope, .followUp].contains(intent) && !segments.isEmpty {
            intent = metric == .size ? .segmentSize : .segmentMetric
        }
        let compared = intent == .compare ? Array(segments.prefix(2)) : []
        return AnalystContext(intent: intent, segments: segments, metric: metric, compared: compared,
                              focus: compared.first)
    }
}
