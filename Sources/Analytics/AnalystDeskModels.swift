/// What the analyst pages and API under `/admin` read: small Codable values made of the segment, insight and
/// customer types above. They live here (pure, beside what they are made of) rather than in the web module so that
/// the page models, the JSON API and the composition root's adapter share one spelling of each.

/// Customers per churn band.
public struct ChurnBandCount: Codable, Hashable, Sendable {
    public var band: ChurnBand
    public var customers: Int

    public init(band: ChurnBand, customers: Int) {
        self.band = band
        self.customers = customers
    }
}

/// One bar of a histogram: customers whose value lies in `lowerBound ..< upperBound` (`upperBound` absent for the
/// last, open-ended bucket). Bounds are in major units of the histogram's currency.
public struct HistogramBucket: Codable, Hashable, Sendable {
    public var lowerBound: Double
    public var upperBound: Double?
    public var customers: Int

    public init(lowerBound: Double, upperBound: Double?, customers: Int) {
        self.lowerBound = lowerBound
        self.upperBound = upperBound
        self.customers = customers
    }
}

/// The distribution of a money figure over customers, e.g. CLV over the model's horizon.
public struct ValueHistogram: Codable, Hashable, Sendable {
    /// What is counted, in words ("CLV over the next 52 weeks").
    public var label: String
    public var currency: String
    /// Ascending and contiguous; customers without the figure are not counted.
    public var buckets: [HistogramBucket]

    public init(label: String, currency: String, buckets: [HistogramBucket]) {
        self.label = label
        self.currency = currency
        self.buckets = buckets
    }
}

/// The analyst overview for one as-of date: every segment's snapshot (rule, RFM and clustering ones, each marked by
/// its `source`), the whole chain as one snapshot, churn bands, the CLV distribution and the value model in a line.
public struct AnalystOverview: Codable, Hashable, Sendable {
    /// YYYY-MM-DD.
    public var asOf: String
    /// In the order the analyst reads them: rule segments, then RFM, then clustering.
    public var segments: [SegmentSnapshot]
    public var chain: SegmentSnapshot
    /// Every `ChurnBand`, in its declaration order.
    public var churnBands: [ChurnBandCount]
    public var clvHistogram: ValueHistogram
    /// The fitted value model in one line ("BG/NBD r 0.24, α 4.41 … Gamma-Gamma p 6.25 …; 52-week horizon").
    public var valueModel: String

    public init(asOf: String, segments: [SegmentSnapshot], chain: SegmentSnapshot, churnBands: [ChurnBandCount],
                clvHistogram: ValueHistogram, valueModel: String) {
        self.asOf = asOf
        self.segments = segments
        self.chain = chain
        self.churnBands = churnBands
        self.clvHistogram = clvHistogram
        self.valueModel = valueModel
    }
}

/// One segment: its snapshot and the newest insight written about it, if any.
public struct AnalystSegmentDetail: Codable, Hashable, Sendable {
    public var segment: SegmentSnapshot
    public var latestInsight: SegmentInsight?

    public init(segment: SegmentSnapshot, latestInsight: SegmentInsight?) {
        self.segment = segment
        self.latestInsight = latestInsight
    }
}

/// A customer's card: features, RFM, churn band, value tier, rule segment and the value model's figures
/// (`customer.value`) under their pseudonymous id. Never a name, e-mail, phone or address.
public struct AnalystCustomerCard: Codable, Hashable, Sendable {
    public var customer: CustomerSegmentRow

    public init(customer: CustomerSegmentRow) {
        self.customer = customer
    }
}
