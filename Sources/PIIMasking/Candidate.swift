/// One detector's claim that `start..<end` (UTF-8 offsets) holds a value of `type`.
struct Candidate: Equatable {
    var start: Int
    var end: Int
    var type: PIIType
    /// Index of the profile value this span matched, or -1 for a pattern detection.
    var knownSlot: Int = -1

    var length: Int { end - start }

    /// Orders candidates by how strongly they should win an overlap: longer spans first (an e-mail beats the
    /// phone-like digits inside it, an address beats the profile surname inside it), then the more exact type.
    func beats(_ other: Candidate) -> Bool {
        if length != other.length { return length > other.length }
        let known = knownSlot >= 0
        if known != (other.knownSlot >= 0) { return known }
        if type.priority != other.type.priority { return type.priority > other.type.priority }
        return start < other.start
    }
}

/// Turns overlapping candidates into disjoint spans, each with one type.
enum OverlapResolver {
    /// Returns non-overlapping candidates sorted by start.
    ///
    /// Candidates are grouped into clusters of transitively overlapping spans by a sweep over the start order;
    /// within a cluster the strongest candidate (see `Candidate.beats`) is taken first and anything it touches
    /// is dropped. Clusters are tiny in practice, and because the greedy step only runs inside a cluster the whole
    /// pass stays O(k log k) on a 10 MB message with many detections.
    static func resolve(_ candidates: [Candidate]) -> [Candidate] {
        guard candidates.count > 1 else { return candidates }
        let sorted = candidates.sorted { $0.start != $1.start ? $0.start < $1.start : $0.beats($1) }
        var result: [Candidate] = []
        result.reserveCapacity(sorted.count)
        var clusterStart = 0
        var clusterEnd = sorted[0].end
        for index in 1..<sorted.count {
            if sorted[index].start < clusterEnd {
                clusterEnd = max(clusterEnd, sorted[index].end)
                continue
            }
            pick(sorted[clusterStart..<index], into: &result)
            clusterStart = index
            clusterEnd = sorted[index].end
        }
        pick(sorted[clusterStart..<sorted.count], into: &result)
        return result
    }

    private static func pick(_ cluster: ArraySlice<Candidate>, into result: inout [Candidate]) {
        if cluster.count == 1 {
            result.append(cluster[cluster.startIndex])
            return
        }
        if cluster.count > 32 {
            pickLinear(cluster, into: &result)
            return
        }
        let ranked = cluster.sorted { $0.beats($1) }
        var chosen: [Candidate] = []
        for candidate in ranked where !chosen.contains(where: { $0.start < candidate.end && candidate.start < $0.end })
        {
            chosen.append(candidate)
        }
        result.append(contentsOf: chosen.sorted { $0.start < $1.start })
    }

    /// Fallback for pathological clusters (adversarial input): one left-to-right pass that keeps, of two
    /// overlapping neighbours, the stronger one. Linear, so a hostile 10 MB message cannot go quadratic.
    private static func pickLinear(_ cluster: ArraySlice<Candidate>, into result: inout [Candidate]) {
        var last: Candidate?
        for candidate in cluster {
            guard let previous = last else {
                last = candidate
                continue
            }
            if candidate.start >= previous.end {
                result.append(previous)
                last = candidate
            } else if candidate.beats(previous) {
                last = candidate
            }
        }
        if let last { result.append(last) }
    }
}
