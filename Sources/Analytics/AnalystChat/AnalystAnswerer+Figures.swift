/// Answers that state figures: a segment's figure or size, a chain-wide total, the list, behaviour.
extension AnalystAnswerer {
    /// One figure of one segment, against the chain-wide figure. No metric named: size, CLV and churn.
    func figure(_ segments: [SegmentSnapshot], _ context: AnalystContext) -> AnalystAnswer {
        guard let segment = segments.first else {
            return clarification(AnalystWording.whichSegment(examples: rankable), context)
        }
        var draft = Draft()
        var resolved = context
        if context.intent == .followUp { resolved.intent = context.metric == .size ? .segmentSize : .segmentMetric }
        resolved.segments = [segment.id]
        switch context.metric {
        case .size?:
            size(segment, &draft)
        case nil where context.intent == .segmentSize:
            size(segment, &draft)
        case let metric?:
            if let figure = self.metric(metric, of: segment, &draft) {
                draft.sentences.append("\(segment.name): \(AnalystMetricKeys.phrase(metric)) "
                    + "\(draft.value(figure, of: segment))\(baseline(metric, for: segment, &draft)).")
            }
        case nil:
            size(segment, &draft)
            let parts = [AnalystMetric.clv, .churn].compactMap { metric -> String? in
                AnalystMetricKeys.metric(metric, in: segment).map {
                    "\(AnalystMetricKeys.phrase(metric)) is \(draft.value($0, of: segment))"
                }
            }
            if !parts.isEmpty { draft.sentences.append("Its " + AnalystWording.list(parts) + ".") }
        }
        return draft.answer(resolved)
    }

    /// "Champions has 210 customers, 11% of all customers."
    func size(_ segment: SegmentSnapshot, _ draft: inout Draft) {
        guard let count = metric(.size, of: segment, &draft) else { return }
        var sentence = "\(segment.name) has \(draft.value(count, of: segment)) customers"
        if let share = segment.metric(AnalystMetricKeys.shareOfCustomers) {
            sentence += ", \(draft.value(share, of: segment)) of all customers"
        }
        draft.sentences.append(sentence + ".")
    }

    /// A chain-wide figure from the all-customers snapshot.
    func total(_ context: AnalystContext) -> AnalystAnswer {
        guard let whole else {
            return clarification("There is no chain-wide snapshot to answer from; ask about a segment instead.",
                                 context)
        }
        var draft = Draft()
        let metric = context.metric ?? .size
        if let figure = self.metric(metric, of: whole, &draft) {
            let value = draft.value(figure, of: whole)
            draft.sentences.append(metric == .size ? "You have \(value) customers in all."
                : "\(whole.name): \(AnalystMetricKeys.phrase(metric)) \(value).")
        }
        return draft.answer(AnalystContext(intent: .total, segments: [], metric: metric))
    }

    /// Every segment with its size, grouped by where it comes from.
    func list(_ context: AnalystContext) -> AnalystAnswer {
        var draft = Draft()
        let groups: [(SegmentSource, String)] = [(.rule, "Rule segments"), (.rfm, "RFM segments"), (.ml, "Clusters")]
        for (source, title) in groups {
            let members = snapshots.filter { $0.source == source && $0.id != AnalystSegmentNames.wholeBaseID }
            guard !members.isEmpty else { continue }
            let items = members.map { segment -> String in
                guard let count = AnalystMetricKeys.metric(.size, in: segment) else { return segment.name }
                return "\(segment.name) (\(draft.value(count, of: segment)))"
            }
            draft.sentences.append("\(title): " + items.joined(separator: ", ") + ".")
        }
        return draft.answer(AnalystContext(intent: .listSegments, segments: [], metric: .size))
    }

    /// What a segment (or the whole base) is interested in: its `interest.*` shares, largest first.
    func behaviour(_ segments: [SegmentSnapshot], _ context: AnalystContext) -> AnalystAnswer {
        guard let segment = segments.first ?? whole else {
            return clarification(AnalystWording.whichSegment(examples: rankable), context)
        }
        var draft = Draft()
        let interests = segment.metrics.filter { $0.key.hasPrefix(AnalystMetricKeys.interestPrefix) }
            .sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(3)
        if interests.isEmpty {
            draft.sentences.append("The snapshot of \(segment.name) holds no interest figures yet, and when customers "
                + "shop is not in the segment snapshots.")
        } else {
            let items = interests.map {
                "\($0.key.dropFirst(AnalystMetricKeys.interestPrefix.count)) (\(draft.value($0, of: segment)))"
            }
            draft.sentences.append("\(segment.name) are most interested in " + AnalystWording.list(items) + ".")
        }
        return draft.answer(AnalystContext(intent: .behaviour, segments: [segment.id], metric: nil))
    }
}
