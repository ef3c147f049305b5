/// The knobs of a segmentation run, with the defaults the command and the web use (docs/analytics.md).
public struct SegmentationConfiguration: Codable, Hashable, Sendable {
    /// The k range. **The lower bound is a product decision**: the silhouette argmax prefers the coarsest split
    /// ("buyers vs lapsed"), which RFM already tells; a marketing team acts on four to eight groups, so k starts at 4.
    public var kMin: Int = 4
    public var kMax: Int = 8
    public var seed: UInt64 = 42
    /// k-means++ seedings per fit (the issue asks ≥ 10; 20 as `concierge analytics cluster`).
    public var restarts: Int = 20
    public var bootstrapResamples: Int = 20
    /// Earlier as-of dates whose features are recomputed and clustered again.
    public var windowDaysBefore: [Int] = [30, 60]
    /// Validation: a segment needs this many customers (smaller is an anecdote, not a campaign audience)…
    public var minimumCustomers: Int = 20
    /// …and at most this share of the clustered customers (more is "everyone else", not a segment).
    public var maximumShare: Double = 0.5
    /// Value floor: the minimum mean orders per customer a segment must reach; `nil` = no floor, the default — a
    /// low-value segment (one-off or lapsed buyers) is still one to act on (welcome or win-back plays).
    public var minimumMeanOrders: Double?

    public init(kMin: Int = 4, kMax: Int = 8, seed: UInt64 = 42, restarts: Int = 20, bootstrapResamples: Int = 20,
                windowDaysBefore: [Int] = [30, 60], minimumCustomers: Int = 20, maximumShare: Double = 0.5,
                minimumMeanOrders: Double? = nil) {
        self.kMin = kMin
        self.kMax = kMax
        self.seed = seed
        self.restarts = restarts
        self.bootstrapResamples = bootstrapResamples
        self.windowDaysBefore = windowDaysBefore
        self.minimumCustomers = minimumCustomers
        self.maximumShare = maximumShare
        self.minimumMeanOrders = minimumMeanOrders
    }

    /// Any subset of the keys (a web request or a settings file); a missing key keeps its default.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = SegmentationConfiguration()
        kMin = try container.decodeIfPresent(Int.self, forKey: .kMin) ?? defaults.kMin
        kMax = try container.decodeIfPresent(Int.self, forKey: .kMax) ?? defaults.kMax
        seed = try container.decodeIfPresent(UInt64.self, forKey: .seed) ?? defaults.seed
        restarts = try container.decodeIfPresent(Int.self, forKey: .restarts) ?? defaults.restarts
        bootstrapResamples = try container.decodeIfPresent(Int.self, forKey: .bootstrapResamples)
            ?? defaults.bootstrapResamples
        windowDaysBefore = try container.decodeIfPresent([Int].self, forKey: .windowDaysBefore)
            ?? defaults.windowDaysBefore
        minimumCustomers = try container.decodeIfPresent(Int.self, forKey: .minimumCustomers)
            ?? defaults.minimumCustomers
        maximumShare = try container.decodeIfPresent(Double.self, forKey: .maximumShare) ?? defaults.maximumShare
        minimumMeanOrders = try container.decodeIfPresent(Double.self, forKey: .minimumMeanOrders)
    }

    /// The checks that need no data.
    public func validate() throws(SegmentationError) {
        guard kMin >= 2 else { throw .option("--k-min must be at least 2 (got \(kMin))") }
        guard kMin <= kMax else { throw .option("--k-min (\(kMin)) must not exceed --k-max (\(kMax))") }
        guard restarts >= 10 else { throw .option("restarts must be at least 10 (got \(restarts))") }
        // The gate needs every measure: no bootstrap, no tier.
        guard bootstrapResamples >= 1 else { throw .option("bootstrap resamples must be at least 1") }
        guard windowDaysBefore.allSatisfy({ $0 > 0 }) else { throw .option("window offsets must be positive days") }
        guard minimumCustomers >= 1 else { throw .option("the minimum segment size must be at least 1") }
        guard maximumShare > 0, maximumShare <= 1 else { throw .option("the maximum share must be in (0, 1]") }
    }
}

/// Why a segmentation run could not be done.
public enum SegmentationError: Error, Equatable, CustomStringConvertible {
    case option(String)
    /// Too few buyers for the k range (the text says how many there are).
    case data(String)

    public var description: String {
        switch self {
        case .option(let text), .data(let text): text
        }
    }
}
