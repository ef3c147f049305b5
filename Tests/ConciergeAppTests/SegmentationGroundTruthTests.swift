import Analytics
import ConciergeApp
import ConciergeCore
import Foundation
import Seeding
import TestSupport
import Testing

/// The segmentation run on the demo seed (`concierge seed --as-of 2026-12-01`: seed 42, 500 shoppers), against the
/// archetypes the generator planted.
@Suite("segmentation run on the demo seed")
struct SegmentationGroundTruthTests {
    static let asOf = CalendarDay(iso: "2026-12-01")!
    static let data = try! SyntheticDataGenerator(
        catalog: try! SeedCatalogLoader.load(seedsDirectory: RepositoryPaths.seeds.path), seed: 42,
        asOf: Date(timeIntervalSince1970: Double(asOf.daysSinceEpoch) * 86_400)
    ).generate(userCount: 500).dataSet
    static let pseudonyms = CustomerPseudonyms(key: nil)

    static func input() -> SegmentationInput {
        SegmentationInputs.make(shopperIDs: data.users.filter { $0.role == .shopper }.map(\.id), orders: data.orders,
                                events: data.events, shops: data.shops, pseudonyms: pseudonyms)
    }

    @Test("ARI against the planted archetypes ≥ 0.6; the weekend-evening shoppers are one high-tier segment")
    func archetypes() throws {
        let result = try SegmentationRun().run(Self.input(), asOf: Self.asOf)
        let truth = SegmentationGroundTruth.measure(result, users: Self.data.users,
                                                    archetypes: SegmentationGroundTruth.distinctArchetypes,
                                                    pseudonyms: Self.pseudonyms)
        // Measured 0.619 (docs/analytics.md): the floor is what the run reaches, not the 0.5.
        #expect(truth.ari >= 0.6, "ARI \(truth.ari)")
        // Every clustered shopper but the demo personas carries an archetype.
        let personas = Self.data.users.filter { $0.archetype == nil && $0.role == .shopper }
        #expect(truth.customers >= result.customersClustered - personas.count && truth.customers > 400)
        let evening = try #require(truth.crossTable["weekend-evening"]?.max { $0.value < $1.value })
        let segment = result.segments[evening.key]
        #expect(segment.accepted && segment.stability.tier == .high)
        #expect(segment.traits.map(\.group).starts(with: ["time of day", "day of week"]))
    }

    @Test("habits are read in the shop's time zone: Saturday 23:30 UTC is Sunday 10:30 in Sydney")
    func shopLocalHabits() throws {
        var shop = try #require(Self.data.shops.first { $0.menu.contains { $0.priceTier == .premium } })
        shop.timeZone = "Australia/Sydney"
        let premium = try #require(shop.menu.first { $0.priceTier == .premium })
        let plain = try #require(shop.menu.first { $0.priceTier != .premium })
        let placed = Date(timeIntervalSince1970: 1_796_513_400)  // 2026-12-05T23:30:00Z, a Saturday
        let order = Order(id: "ORD-AAAA0001", userID: "u1", shopID: shop.id,
                          lines: [OrderLine(sku: premium.sku, name: premium.name, quantity: 2,
                                            unitPriceMinor: premium.priceMinor),
                                  OrderLine(sku: plain.sku, name: plain.name, quantity: 1,
                                            unitPriceMinor: plain.priceMinor)],
                          currency: shop.currency, status: .delivered, fulfilment: .pickup, placedAt: placed,
                          couponCode: "SAVE10")
        let input = SegmentationInputs.make(shopperIDs: ["u1"], orders: [order], events: [], shops: [shop],
                                            pseudonyms: Self.pseudonyms)
        let habit = try #require(input.orders.first?.habit)
        #expect(habit.weekday == 7 && abs(habit.localHour - 10.5) < 1e-9)
        #expect(habit.units == 3 && habit.premiumUnits == 2 && habit.usedCoupon)
        #expect(input.orders.first?.customer == Self.pseudonyms.pseudonym("u1"))
    }
}
