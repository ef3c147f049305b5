/// The coupon decision as the debug view shows it: each usable coupon's code and summary, each left-out one's code
/// and reason. The whole coupon (dates, scope, limits) is in the store already; a copy of it in every trace was a
/// quarter of what a turn stored.
public struct TraceCoupons: Codable, Hashable, Sendable {
    public struct Usable: Codable, Hashable, Sendable {
        public var code: String
        public var summary: String

        public init(code: String, summary: String) {
            self.code = code
            self.summary = summary
        }

        enum CodingKeys: String, CodingKey { case code, summary, coupon }

        /// Also reads traces stored before this shape, which held the whole coupon under `coupon`.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if container.contains(.coupon) {
                let whole = try container.nestedContainer(keyedBy: CodingKeys.self, forKey: .coupon)
                code = try whole.decode(String.self, forKey: .code)
                summary = try whole.decode(String.self, forKey: .summary)
            } else {
                code = try container.decode(String.self, forKey: .code)
                summary = try container.decode(String.self, forKey: .summary)
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(code, forKey: .code)
            try container.encode(summary, forKey: .summary)
        }
    }

    public var eligible: [Usable]
    public var excluded: [CouponDecision.Excluded]

    public init(eligible: [Usable], excluded: [CouponDecision.Excluded]) {
        self.eligible = eligible
        self.excluded = excluded
    }

    public init(_ decision: CouponDecision) {
        self.init(eligible: decision.eligible.map { Usable(code: $0.coupon.code, summary: $0.coupon.summary) },
                  excluded: decision.excluded)
    }
}
