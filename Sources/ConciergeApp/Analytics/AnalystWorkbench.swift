import Analytics
import ConciergeCore
import Foundation

/// Everything the analyst side knows on one as-of date: the segmentation run (features, RFM, rule segment and value
/// figures per pseudonymous customer), how the value figures were made, and the segment snapshots. Only pseudonyms
/// and aggregates: no name, e-mail, phone, address or user id.
public struct AnalystDataSet: Codable, Hashable, Sendable {
    /// YYYY-MM-DD, included.
    public var asOf: String
    public var run: CustomerSegmentation
    /// `all-customers`, then the rule segments, then the RFM segments (`SegmentSnapshots`).
    public var snapshots: [SegmentSnapshot]

    /// The value models: the BG/NBD fit, each currency's method and every fallback's reason.
    public var valueModel: ValueModelSummary { run.valueModel }

    public func snapshot(id: String) -> SegmentSnapshot? { snapshots.first { $0.id == id } }

    /// Canonical JSON (sorted keys): the same store and as-of date give the same bytes on SQLite and MongoDB.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    public static func compute(_ inputs: FeatureInputs, asOf: CalendarDay, rules: SegmentRules) -> AnalystDataSet {
        let run = CustomerSegmentation.run(customers: inputs.customers, orders: inputs.orders, refunds: inputs.refunds,
                                           events: inputs.events, asOf: asOf, rules: rules)
        return AnalystDataSet(asOf: run.asOf, run: run, snapshots: SegmentSnapshots.compute(run))
    }
}

/// The one service the analyst web pages, the REST API, the insight writer and the CLI read analytics through.
///
/// A data set is a pure function of (store contents, as-of date, rules), so it is cached per as-of date: the web
/// asks for the same day many times and a run reads every order and event. The store keeps changing while `serve`
/// runs (today's orders), so a cached data set is computed again once it is `maximumAge` old; `refresh` drops the
/// cache at once (after a seed or an import). Concurrent callers for the same date share one computation.
public actor AnalystWorkbench {
    /// Dates kept; the oldest-computed is dropped first (each holds every customer's row).
    public static let cachedDates = 4
    /// How long a computed data set is served before the store is read again: today's orders reach the analyst
    /// pages within ten minutes, and a busy page costs one computation per ten minutes, not one per request.
    public static let maximumAge: TimeInterval = 600

    private let store: any AnalyticsReadStore
    private let pseudonyms: CustomerPseudonyms
    private let rules: SegmentRules
    private let clock: any WallClock
    private var cache: [CalendarDay: Task<AnalystDataSet, any Error>] = [:]
    private var computedAt: [CalendarDay: Date] = [:]
    private var cacheOrder: [CalendarDay] = []

    public init(store: any AnalyticsReadStore, pseudonyms: CustomerPseudonyms, rules: SegmentRules = SegmentRules(),
                clock: any WallClock = SystemWallClock()) {
        self.store = store
        self.pseudonyms = pseudonyms
        self.rules = rules
        self.clock = clock
    }

    /// Today's UTC date on the injected clock: the default as-of date.
    public func today() -> CalendarDay { FeatureInputs.utcDay(clock.now()) }

    /// The data set on `asOf` (default: today, UTC), from the cache when it was computed before.
    public func dataSet(asOf: CalendarDay? = nil) async throws -> AnalystDataSet {
        let day = asOf ?? today()
        if let cached = cache[day], let at = computedAt[day], clock.now().timeIntervalSince(at) < Self.maximumAge {
            return try await cached.value
        }
        forgetDay(day)
        let (store, pseudonyms, rules) = (self.store, self.pseudonyms, self.rules)
        // Detached: the computation (about a second on the demo seed) must not hold the actor, so cached dates
        // stay answerable meanwhile.
        let task = Task.detached {
            AnalystDataSet.compute(try await FeatureInputs.read(store, pseudonyms: pseudonyms), asOf: day, rules: rules)
        }
        remember(task, for: day)
        do {
            return try await task.value
        } catch {
            // A failed read is not cached: the next call tries the store again.
            forget(task, for: day)
            throw error
        }
    }

    /// Drops every cached date (the store changed) and computes `asOf` afresh.
    public func refresh(asOf: CalendarDay? = nil) async throws -> AnalystDataSet {
        cache.removeAll()
        computedAt.removeAll()
        cacheOrder.removeAll()
        return try await dataSet(asOf: asOf)
    }

    /// One customer's row on `asOf` (default today), or `nil` for an unknown pseudonym.
    public func customer(pseudonym: String, asOf: CalendarDay? = nil) async throws -> CustomerSegmentRow? {
        try await dataSet(asOf: asOf).run.rows.first { $0.features.customer == pseudonym }
    }

    private func remember(_ task: Task<AnalystDataSet, any Error>, for day: CalendarDay) {
        cache[day] = task
        computedAt[day] = clock.now()
        cacheOrder.append(day)
        while cacheOrder.count > Self.cachedDates {
            let oldest = cacheOrder.removeFirst()
            cache[oldest] = nil
            computedAt[oldest] = nil
        }
    }

    private func forgetDay(_ day: CalendarDay) {
        cache[day] = nil
        computedAt[day] = nil
        cacheOrder.removeAll { $0 == day }
    }

    /// Only this task: a `refresh` meanwhile may have put another one in its place.
    private func forget(_ task: Task<AnalystDataSet, any Error>, for day: CalendarDay) {
        guard cache[day] == task else { return }
        forgetDay(day)
    }
}
