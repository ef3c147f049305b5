import ConciergeCore
import Foundation
import Geo
import Testing
import TestSupport

@Suite("Store finder")
struct ShopFinderTests {
    static let shops = [
        Fixtures.shop("st_near", name: "Near", latitude: 51.5246, longitude: -0.1590),
        Fixtures.shop("st_far", name: "Far", latitude: 51.5500, longitude: -0.1000),
    ]
    static let home = Coordinate(latitude: 51.5237, longitude: -0.1585)

    @Test func nearestFirstWithWalkingTimeAndStatus() {
        // 2025-11-21 12:00 UTC is noon in London; fixture shops open 06:00–01:00.
        let found = ShopFinder(shops: Self.shops).nearest(
            to: Self.home, at: Fixtures.asOf.addingTimeInterval(12 * 3_600), count: 2, radiusMeters: 10_000)
        #expect(found.map(\.shop.id) == ["st_near", "st_far"])
        #expect(found[0].distanceMeters > 90 && found[0].distanceMeters < 120)
        #expect(found[0].walkingMinutes == 2)
        #expect(found[0].isOpen && found[0].status == "Open until 01:00 tomorrow")
    }

    @Test func openNowFiltersClosedStoresAndNothingInRangeIsSaidHonestly() {
        let finder = ShopFinder(shops: Self.shops)
        let at3am = Fixtures.asOf.addingTimeInterval(3 * 3_600)
        #expect(finder.nearest(to: Self.home, at: at3am, count: 2, radiusMeters: 10_000,
                               filter: .init(openNow: true)).isEmpty)
        let paris = Coordinate(latitude: 48.8566, longitude: 2.3522)
        let far = finder.nearest(to: paris, at: at3am, count: 3, radiusMeters: 5_000)
        #expect(far.count == 1 && far[0].isWithinRadius == false && far[0].distanceMeters > 300_000)
    }

    @Test func tagFilterLooksAtTheMenu() {
        var plain = Fixtures.shop("st_plain", name: "Plain", latitude: 51.5240, longitude: -0.1586)
        plain.menu = []
        let found = ShopFinder(shops: Self.shops + [plain]).nearest(
            to: Self.home, at: Fixtures.asOf, count: 1, radiusMeters: 10_000, filter: .init(tag: "vegan"))
        #expect(found.first?.shop.id == "st_near")
    }
}

@Suite("Coupon eligibility")
struct CouponEligibilityTests {
    @Test func eachExclusionIsDecidedAndExplained() {
        let shop = Fixtures.shop("st_lakeside", name: "Lakeside", latitude: 51.5, longitude: -0.1)
        var expired = Fixtures.coupon("OLD", owner: nil)
        expired.validUntil = Fixtures.date(daysAgo: 1)
        var future = Fixtures.coupon("SOON", owner: nil)
        future.validFrom = Fixtures.date(daysAgo: -2)
        var usedUp = Fixtures.coupon("GONE", owner: nil)
        usedUp.uses = 100
        var dollars = Fixtures.coupon("USD5", owner: nil)
        dollars.discount = .amount(500, currency: "USD")
        let coupons = [
            Fixtures.coupon("WARM15", owner: nil, scope: .category("hot-drinks")),
            Fixtures.coupon("AVA10", owner: "usr_ava", scope: .shop("st_lakeside")),
            Fixtures.coupon("BEN5", owner: "usr_ben"), Fixtures.coupon("ELSEWHERE", owner: nil, scope: .shop("st_other")),
            Fixtures.coupon("SOUP", owner: nil, scope: .category("soup")), expired, future, usedUp, dollars,
        ]
        let decision = CouponEligibility.decide(coupons: coupons, userID: "usr_ava", shop: shop, at: Fixtures.asOf)
        #expect(decision.eligible.map(\.coupon.code) == ["AVA10", "WARM15"])
        #expect(decision.eligible[1].appliesTo == ["HD-001"])
        let reasons = Dictionary(uniqueKeysWithValues: decision.excluded.map { ($0.code, $0.reason) })
        #expect(reasons == ["BEN5": .notYours, "ELSEWHERE": .otherShop, "SOUP": .nothingInScope, "OLD": .expired,
                            "SOON": .notStarted, "GONE": .usedUp, "USD5": .wrongCurrency])
    }
}
