import Foundation

/// What the model cost over the last days: the rows of the usage page and `GET /admin/api/usage`.
public struct ModelUsageReport: Codable, Hashable, Sendable {
    /// Totals of one currency over the whole period (one per currency: sums never mix currencies).
    public struct Total: Codable, Hashable, Sendable {
        public var currency: String
        public var calls: Int
        public var promptTokens: Int
        public var completionTokens: Int
        public var costNanos: Int64
        /// `costNanos` written exactly, e.g. `0.000123`.
        public var cost: String
    }

    /// One stored row with its cost written out.
    public struct Row: Codable, Hashable, Sendable {
        public var day: String
        public var model: String
        public var purpose: String
        public var calls: Int
        public var promptTokens: Int
        public var completionTokens: Int
        public var currency: String
        public var costNanos: Int64
        public var cost: String
    }

    /// First and last day of the period, both included (UTC).
    public var from: String
    public var through: String
    public var rows: [Row]
    public var totals: [Total]

    /// The `days` UTC days up to and including today at `now` (30: the page's period).
    public static func lastDays(_ days: Int, endingAt now: Date, store: any ModelUsageStore) async throws
        -> ModelUsageReport
    {
        let through = LocalDay.string(for: now, timeZone: "UTC")
        let from = LocalDay.string(for: now.addingTimeInterval(-Double(max(days, 1) - 1) * 86_400), timeZone: "UTC")
        return ModelUsageReport(from: from, through: through,
                                records: try await store.modelUsage(from: from, through: through))
    }

    public init(from: String, through: String, records: [ModelUsageRecord]) {
        self.from = from
        self.through = through
        rows = records.map {
            Row(day: $0.day, model: $0.model, purpose: $0.purpose, calls: $0.calls, promptTokens: $0.promptTokens,
                completionTokens: $0.completionTokens, currency: $0.currency, costNanos: $0.costNanos,
                cost: NanoMoney.decimal($0.costNanos))
        }
        totals = Dictionary(grouping: records, by: \.currency).keys.sorted().map { currency in
            let rows = records.filter { $0.currency == currency }
            let nanos = rows.reduce(Int64(0)) { $0 + $1.costNanos }
            return Total(currency: currency, calls: rows.reduce(0) { $0 + $1.calls },
                         promptTokens: rows.reduce(0) { $0 + $1.promptTokens },
                         completionTokens: rows.reduce(0) { $0 + $1.completionTokens }, costNanos: nanos,
                         cost: NanoMoney.decimal(nanos))
        }
    }
}
