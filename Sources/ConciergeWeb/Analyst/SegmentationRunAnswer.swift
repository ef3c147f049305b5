import Analytics
import Foundation

/// `GET /admin/api/segmentation/runs/{id}`: a stored run without its per-customer labels (those are in the export),
/// the accepted segments with their plays and the rejected ones with their reasons.
struct SegmentationRunAnswer: Codable, Sendable {
    /// One cluster of the chosen k, as the API and the page show it.
    struct Segment: Codable, Sendable {
        let id: String
        let name: String
        let label: Int
        let customers: Int
        let share: Double
        let tier: StabilityTier
        let stability: SegmentStabilityFigures
        let traits: [SegmentTrait]
        let rejections: [String]
        let playbookQuery: String
        let snapshot: SegmentSnapshot
        /// Accepted segments only.
        let play: SegmentPlay?

        init(_ segment: MLSegment, play: SegmentPlay?) {
            id = segment.id
            name = segment.name
            label = segment.label
            customers = segment.customers
            share = segment.share
            tier = segment.stability.tier
            stability = segment.stability
            traits = segment.traits
            rejections = segment.rejections
            playbookQuery = segment.playbookQuery
            snapshot = segment.snapshot
            self.play = play
        }
    }

    let id: String
    let createdAt: String
    let asOf: String
    let configuration: SegmentationConfiguration
    let customersClustered: Int
    let customersWithoutPurchase: Int
    let chosenK: Int
    let perK: [SegmentationResult.KScore]
    let bootstrapARI: Double
    let mainCurrency: String
    let accepted: [Segment]
    let rejected: [Segment]

    init(_ report: SegmentationRunReport) {
        let result = report.result
        id = report.id
        createdAt = report.createdAt
        asOf = report.asOf
        configuration = result.configuration
        customersClustered = result.customersClustered
        customersWithoutPurchase = result.customersWithoutPurchase
        chosenK = result.chosenK
        perK = result.perK
        bootstrapARI = result.bootstrapARI
        mainCurrency = result.mainCurrency
        accepted = result.accepted.map { Segment($0, play: report.plays[$0.id]) }
        rejected = result.rejected.map { Segment($0, play: nil) }
    }
}

/// The body of `POST /admin/api/segmentation/runs`: every key optional, the rest of the configuration its defaults.
/// `minimumCustomers` is there for small chains: at the default 20 a chain of a few dozen buyers (the demo shop
/// the web tests seed) can have no segment at all, however stable its clusters.
struct SegmentationRunRequest: Sendable, Equatable {
    /// The web's bound on k: a run fits every k of the range many times over, so an open range would let one
    /// request hold a core for minutes. The command line has no such bound.
    static let largestK = 12
    static let keys: Set<String> = ["kMin", "kMax", "seed", "minimumCustomers"]

    var configuration = SegmentationConfiguration()

    /// An empty body is the defaults; anything else must be a JSON object of the known keys, integers only.
    static func parse(_ body: [UInt8]) throws(SegmentationDeskError) -> SegmentationRunRequest {
        var request = SegmentationRunRequest()
        guard body.contains(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else { return request }
        guard let fields = try? JSONDecoder().decode([String: Field].self, from: Data(body)) else {
            throw .invalid("the body must be a JSON object with kMin, kMax, seed and minimumCustomers, each optional")
        }
        if let unknown = fields.keys.sorted().first(where: { !keys.contains($0) }) {
            throw .invalid("unknown key '\(unknown)': only kMin, kMax, seed and minimumCustomers may be set")
        }
        func integer(_ key: String, minimum: Int) throws(SegmentationDeskError) -> Int? {
            guard let value = fields[key] else { return nil }
            guard case .integer(let number) = value, number >= minimum else {
                throw .invalid("\(key) must be an integer of at least \(minimum)")
            }
            return number
        }
        if let kMin = try integer("kMin", minimum: 2) { request.configuration.kMin = kMin }
        if let kMax = try integer("kMax", minimum: 2) { request.configuration.kMax = kMax }
        if let seed = try integer("seed", minimum: 0) { request.configuration.seed = UInt64(seed) }
        if let minimum = try integer("minimumCustomers", minimum: 1) {
            request.configuration.minimumCustomers = minimum
        }
        guard request.configuration.kMax <= largestK else {
            throw .invalid("kMax must be at most \(largestK) (got \(request.configuration.kMax))")
        }
        do { try request.configuration.validate() } catch {
            throw .invalid(error.description.replacingOccurrences(of: "--k-min", with: "kMin")
                .replacingOccurrences(of: "--k-max", with: "kMax"))
        }
        return request
    }

    /// A value of the body: an integer, or anything else (refused by name).
    enum Field: Decodable, Equatable {
        case integer(Int)
        case other

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            self = (try? container.decode(Int.self)).map(Field.integer) ?? .other
        }
    }
}
