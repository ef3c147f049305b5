import Analytics
import ConciergeCore
import Seeding

/// How well a segmentation run recovers the archetypes the synthetic seed planted (`User.archetype`).
public struct SegmentationGroundTruth: Sendable {
    /// The clustered customers with an archetype in the chosen set.
    public var customers: Int
    /// ARI between their cluster labels and their archetypes.
    public var ari: Double
    /// archetype → (cluster label → customers), for reading where an archetype went.
    public var crossTable: [String: [Int: Int]]

    /// The archetypes whose generating behaviour differs in something the features measure — all six: the steady
    /// regular is the chain's average (10–20 orders a year, daytime, any day, 1–3 items, few coupons) and each
    /// other one departs from it in at least one measured feature: the loyal high spender in frequency and basket,
    /// the lapsing regular in recency, the new browser in frequency and browsing, the bargain hunter in coupons,
    /// premium share and basket, the weekend-evening shopper in time of day and day of week. Personas (demo
    /// accounts) carry no archetype and new browsers without an order are not clustered: neither is counted.
    public static let distinctArchetypes = Set(Archetype.allCases.map(\.rawValue))

    /// Compares `result`'s labels with the archetypes of `users` restricted to `archetypes`; customers without a
    /// purchase were not clustered and are not counted.
    public static func measure(_ result: SegmentationResult, users: [User], archetypes: Set<String>,
                               pseudonyms: CustomerPseudonyms) -> SegmentationGroundTruth {
        var truth: [Int] = []
        var found: [Int] = []
        var table: [String: [Int: Int]] = [:]
        let names = archetypes.sorted()
        for user in users.sorted(by: { $0.id < $1.id }) {
            guard let archetype = user.archetype, let index = names.firstIndex(of: archetype),
                let label = result.labels[pseudonyms.pseudonym(user.id)]
            else { continue }
            truth.append(index)
            found.append(label)
            table[archetype, default: [:]][label, default: 0] += 1
        }
        return SegmentationGroundTruth(customers: truth.count, ari: AdjustedRandIndex.score(truth, found),
                                       crossTable: table)
    }
}
