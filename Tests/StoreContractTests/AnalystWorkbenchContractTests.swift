import Analytics
import ConciergeApp
import ConciergeCore
import Foundation
import Seeding
import Testing
import TestSupport

/// The analyst side's one service over every store: the demo world (40 shoppers, seed 7) written to SQLite and to
/// MongoDB must give the same data set to the byte, and nothing in it may identify a person.
@Suite("Analyst workbench: one data set from every store")
struct AnalystWorkbenchContractTests {
    /// 2026-11-21, the seed's as-of date.
    static let asOf = CalendarDay(iso: "2026-11-21")!
    static let world: DataSet = {
        do {
            return try SyntheticDataGenerator(catalog: CatalogFixture.catalog, seed: 7, asOf: SeededStoreTemplate.asOf)
                .generate(userCount: 40).dataSet
        } catch {
            fatalError("the demo world does not generate: \(error)")
        }
    }()

    static func workbench(_ store: any ConciergeStore, clock: any WallClock = FixedWallClock(SeededStoreTemplate.asOf))
        -> AnalystWorkbench
    {
        AnalystWorkbench(store: store, pseudonyms: CustomerPseudonyms(key: nil), clock: clock)
    }

    /// The data set's JSON on `backend`, computed, recomputed after `refresh`, and read from the cache.
    static func json(on backend: Backend) async throws -> String {
        var result = ""
        try await withStore(backend) { store in
            try await store.upsert(world)
            let workbench = workbench(store)
            let first = try await workbench.dataSet(asOf: asOf).json()
            let cached = try await workbench.dataSet().json()  // the clock's UTC day is the as-of date
            let refreshed = try await workbench.refresh(asOf: asOf).json()
            #expect(cached == first && refreshed == first, "\(backend)")
            result = first
        }
        return result
    }

    @Test("SQLite and MongoDB give byte-identical JSON; a recomputation too")
    func sameBytesOnEveryBackend() async throws {
        let sqlite = try await Self.json(on: .sqlite)
        let mongo = try await Self.json(on: .mongo)
        #expect(sqlite == mongo)
        #expect(sqlite.count > 10_000)
    }

    @Test("no name, e-mail, phone, street or user id anywhere in the data set")
    func noPersonalData() async throws {
        let json = try await Self.json(on: .sqlite)
        var needles: [String] = ["usr_", "@"]
        for user in Self.world.users {
            needles += [user.name, user.email, user.id]
            if let phone = user.phone { needles.append(phone) }
            if let address = user.address { needles.append(address.line1) }
        }
        let found = needles.filter { json.contains($0) }
        #expect(found.isEmpty, "found: \(found.prefix(5))")
    }

    @Test("segments on the demo world are non-empty and add up; one customer by pseudonym; the default date")
    func segmentsAndOneCustomer() async throws {
        try await withStore(.sqlite) { store in
            try await store.upsert(Self.world)
            // 23:30 UTC is still the as-of date.
            let late = FixedWallClock(SeededStoreTemplate.asOf.addingTimeInterval(23.5 * 3600))
            let workbench = Self.workbench(store, clock: late)
            let data = try await workbench.dataSet()
            #expect(data.asOf == "2026-11-21")
            let all = try #require(data.snapshot(id: SegmentSnapshots.allCustomersID))
            #expect(all.metric("customers")?.value == Double(data.run.rows.count))
            let rules = data.snapshots.filter { $0.source == .rule && $0.id != SegmentSnapshots.allCustomersID }
            #expect(rules.reduce(0) { $0 + ($1.metric("customers")?.value ?? 0) } == Double(data.run.rows.count))
            #expect(try #require(data.snapshot(id: "high-value-active")?.metric("customers")).value > 0)
            #expect(data.snapshots.allSatisfy { $0.metrics.allSatisfy { $0.value.isFinite } })
            #expect(data.valueModel.purchasers > 0)
            let someone = try #require(data.run.rows.first { $0.value != nil })
            let row = try await workbench.customer(pseudonym: someone.features.customer)
            #expect(row == someone)
            #expect(try await workbench.customer(pseudonym: "c_unknown") == nil)
        }
    }

    @Test("cached per as-of date: the store is read once per date, again after refresh; a failed read is not kept")
    func cacheReadsTheStoreOncePerDate() async throws {
        try await withStore(.sqlite) { store in
            try await store.upsert(Self.world)
            let counting = CountingReads(store, failFirst: true)
            let workbench = AnalystWorkbench(store: counting, pseudonyms: CustomerPseudonyms(key: nil),
                                             clock: FixedWallClock(SeededStoreTemplate.asOf))
            await #expect(throws: CountingReads.Failure.self) { try await workbench.dataSet() }
            let first = try await workbench.dataSet()
            _ = try await workbench.dataSet(asOf: Self.asOf)
            #expect(await counting.reads == 2)  // the failed read and one computation
            let earlier = try await workbench.dataSet(asOf: Self.asOf.adding(days: -30))
            #expect(earlier.asOf == "2026-10-22")
            #expect(await counting.reads == 3)
            #expect(try await workbench.refresh() == first)
            #expect(await counting.reads == 4)
        }
    }
}

extension AnalystWorkbenchContractTests {
    @Test("a cached data set is served for ten minutes, then the store is read again (today's orders show up)")
    func aCachedDataSetAgesOut() async throws {
        try await withStore(.sqlite) { store in
            try await store.upsert(Self.world)
            let counting = CountingReads(store, failFirst: false)
            let clock = SteppingClock(SeededStoreTemplate.asOf)
            let workbench = AnalystWorkbench(store: counting, pseudonyms: CustomerPseudonyms(key: nil), clock: clock)
            _ = try await workbench.dataSet(asOf: Self.asOf)
            clock.advance(by: AnalystWorkbench.maximumAge - 1)
            _ = try await workbench.dataSet(asOf: Self.asOf)
            #expect(await counting.reads == 1)
            clock.advance(by: 1)
            _ = try await workbench.dataSet(asOf: Self.asOf)
            #expect(await counting.reads == 2)
        }
    }
}

/// A wall clock a test moves forward.
private final class SteppingClock: WallClock, @unchecked Sendable {
    private let lock = NSLock()
    private var instant: Date

    init(_ start: Date) { instant = start }

    func now() -> Date { lock.withLock { instant } }

    func advance(by seconds: TimeInterval) { lock.withLock { instant += seconds } }
}

/// An `AnalyticsReadStore` that counts reads of the shopper ids (one per computation) and can fail the first one.
private actor CountingReads: AnalyticsReadStore {
    struct Failure: Error {}
    private let store: any ConciergeStore
    private var failFirst: Bool
    private(set) var reads = 0

    init(_ store: any ConciergeStore, failFirst: Bool) {
        self.store = store
        self.failFirst = failFirst
    }

    func shopperIDs() async throws -> [String] {
        reads += 1
        if failFirst {
            failFirst = false
            throw Failure()
        }
        return try await store.shopperIDs()
    }

    func allOrders() async throws -> [Order] { try await store.allOrders() }
    func allEvents() async throws -> [Event] { try await store.allEvents() }
}
