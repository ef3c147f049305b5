/// The metric snapshots of a segmentation run: one for the whole chain (`all-customers`), one per rule segment and
/// one per RFM segment, every segment listed (empty ones too), in that order.
///
/// Money rule: a snapshot's `currency` is the chain's main currency — the one most purchasers pay in, ties broken by
/// code. Money metrics cover the customers in it plus those who never bought (they have no money in any currency);
/// customers paying in another currency, or in several, are counted in `customersInOtherCurrencies` and left out of
/// every money metric, whose label says so. Minor units of different currencies are never added.
///
/// Empty denominators: totals and counts are always present (0 for an empty segment); a mean or a share within the
/// segment whose denominator is 0 is left out rather than reported as 0 or NaN.
public enum SegmentSnapshots {
    public static let allCustomersID = "all-customers"

    public static func compute(_ run: CustomerSegmentation) -> [SegmentSnapshot] {
        let currency = mainCurrency(run.rows)
        let total = run.rows.count
        func snapshot(_ id: String, _ name: String, _ source: SegmentSource,
                      _ rows: [CustomerSegmentRow]) -> SegmentSnapshot {
            SegmentSnapshot(id: id, name: name, source: source, asOf: run.asOf, currency: currency,
                            metrics: SegmentMetrics(rows: rows, allCustomers: total, currency: currency).metrics)
        }
        // "Every customer" is a rule too (the trivial one): `SegmentSource` is shared and has no chain-wide case.
        var snapshots = [snapshot(allCustomersID, "All customers", .rule, run.rows)]
        let byRule = Dictionary(grouping: run.rows, by: \.segment)
        for segment in RuleSegment.allCases {
            snapshots.append(snapshot(segment.rawValue, name(segment), .rule, byRule[segment] ?? []))
        }
        let byRFM = Dictionary(grouping: run.rows, by: \.rfm.segment)
        for name in RFM.segments.map(\.name) + [RFM.otherSegment, RFM.noPurchaseSegment] {
            snapshots.append(snapshot("rfm-" + slug(name), name, .rfm, byRFM[name] ?? []))
        }
        return snapshots
    }

    /// The currency most purchasers pay in (`mixed` never counts), ties by code; "" when nobody bought.
    public static func mainCurrency(_ rows: [CustomerSegmentRow]) -> String {
        var counts: [String: Int] = [:]
        for row in rows where row.features.orderCount > 0 {
            guard let code = row.features.currency, code != "mixed" else { continue }
            counts[code, default: 0] += 1
        }
        let best = counts.max { lhs, rhs in
            lhs.value != rhs.value ? lhs.value < rhs.value
                : rhs.key.unicodeScalars.lexicographicallyPrecedes(lhs.key.unicodeScalars)
        }
        return best?.key ?? ""
    }

    /// The name an analyst reads for a rule segment.
    public static func name(_ segment: RuleSegment) -> String {
        switch segment {
        case .highValueActive: "High-value active"
        case .atRiskChurn: "At-risk churn"
        case .lowEngagementNew: "Low-engagement new"
        case .other: "Other"
        }
    }

    /// Lower-case ASCII letters and digits, runs of anything else one hyphen, apostrophes dropped:
    /// "Can't Lose Them" → `cant-lose-them`.
    public static func slug(_ name: String) -> String {
        var slug = ""
        var pendingHyphen = false
        for scalar in name.lowercased().unicodeScalars where scalar != "'" && scalar != "’" {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingHyphen && !slug.isEmpty { slug.append("-") }
                pendingHyphen = false
                slug.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return slug
    }
}
