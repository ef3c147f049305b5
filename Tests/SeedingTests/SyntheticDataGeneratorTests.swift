import ConciergeCore
import Foundation
import Seeding
import TestSupport
import Testing

@Suite("Synthetic data generator")
struct SyntheticDataGeneratorTests {
    static let asOf = Date(timeIntervalSince1970: 1_795_219_200)  // 2026-11-21T00:00:00Z
    static let data = try! SyntheticDataGenerator(catalog: CatalogFixture.catalog, seed: 7, asOf: asOf)
        .generate(userCount: 400)

    @Test func sameSeedGivesTheSameDataAndAnotherSeedDoesNot() throws {
        let again = try SyntheticDataGenerator(catalog: CatalogFixture.catalog, seed: 7, asOf: Self.asOf)
            .generate(userCount: 400)
        #expect(again.dataSet == Self.data.dataSet)
        let other = try SyntheticDataGenerator(catalog: CatalogFixture.catalog, seed: 8, asOf: Self.asOf)
            .generate(userCount: 400)
        #expect(other.dataSet.users.map(\.id) != Self.data.dataSet.users.map(\.id))
    }

    @Test func theEncodedBytesAreIdenticalForTheSameSeed() throws {
        let again = try SyntheticDataGenerator(catalog: CatalogFixture.catalog, seed: 7, asOf: Self.asOf)
            .generate(userCount: 400)
        let encoder = CanonicalJSON.encoder()
        #expect(try encoder.encode(again.dataSet) == encoder.encode(Self.data.dataSet))
    }

    @Test func everyOrderStatusAppearsAndIdsHaveOurFormat() {
        let orders = Self.data.dataSet.orders
        #expect(Set(orders.map(\.status)) == Set(OrderStatus.allCases))
        #expect(orders.allSatisfy { Order.isValidID($0.id) })
        #expect(Set(orders.map(\.id)).count == orders.count)
        #expect(orders.filter { $0.status == .delivered }.allSatisfy { $0.deliveredAt != nil })
        #expect(orders.allSatisfy { $0.totalMinor == $0.lines.reduce(0) { $0 + $1.totalMinor } })
    }

    @Test func couponsOfEveryKindExist() {
        let coupons = Self.data.dataSet.coupons
        let asOf = Self.asOf
        #expect(coupons.contains { $0.validUntil < asOf }, "expired")
        #expect(coupons.contains { $0.validFrom > asOf }, "not yet valid")
        #expect(coupons.contains { coupon in coupon.usageLimit.map { coupon.uses >= $0 } ?? false }, "used up")
        #expect(coupons.contains { $0.ownerID != nil }, "personal")
        for kind in CouponScope.Kind.allCases { #expect(coupons.contains { $0.scope.kind == kind }, "\(kind)") }
        #expect(coupons.contains { $0.discount.kind == .amount } && coupons.contains { $0.discount.kind == .percent })
        #expect(Set(coupons.map(\.code)).count == coupons.count)
    }

    @Test func emailsAreUniqueLowerCaseAndOnReservedDomains() {
        let users = Self.data.dataSet.users
        #expect(Set(users.map(\.email)).count == users.count)
        #expect(users.allSatisfy { $0.email == $0.email.lowercased() })
        let domains = Set(users.map { $0.email.split(separator: "@").last.map(String.init) ?? "" })
        #expect(domains.isSubset(of: ["example.com", "example.org", "example.net"]))
    }

    @Test func geographyIsCoherent() throws {
        let shops = Self.data.dataSet.shops
        for city in CatalogFixture.catalog.cities {
            #expect(shops.contains { $0.address.city == city.name }, "a shop in \(city.name)")
        }
        for shop in shops {
            let city = try #require(CatalogFixture.catalog.cities.first { $0.name == shop.address.city })
            #expect(approximateMetres(shop.location.latitude, shop.location.longitude, city.latitude, city.longitude) < 7_000)
            #expect(shop.timeZone == city.timeZone)
        }
        for user in Self.data.dataSet.users where user.archetype != nil && !user.id.hasPrefix("usr_demo") {
            let home = try #require(user.home)
            let nearest = shops.map { approximateMetres(home.latitude, home.longitude, $0.location.latitude, $0.location.longitude) }.min()!
            #expect(nearest < 3_000, "\(user.id) lives near a store")
        }
    }

    @Test func personasAreThereWithPasswordsOnlyInTheCredentials() {
        let data = Self.data
        #expect(data.credentials.map(\.email) == ["ava@example.com", "raj.patel@example.com", "noah.miller@example.com",
                                                  "reviewer@example.com", "analyst@example.com",
                                                  "admin@example.com"])
        #expect(data.dataSet.users.allSatisfy { $0.passwordHash == nil })
        let roles = Dictionary(uniqueKeysWithValues: data.dataSet.users.map { ($0.email, $0.role) })
        #expect(roles["reviewer@example.com"] == .reviewer)
        #expect(roles["analyst@example.com"] == .analyst)
        #expect(roles["admin@example.com"] == .admin)
        #expect(data.dataSet.orders.contains { $0.id == "ORD-AVA10001" && $0.status == .inTransit })
    }

    @Test func everyArchetypeIsPlantedAndBehavesLikeItself() {
        let users = Self.data.dataSet.users
        let orders = Dictionary(grouping: Self.data.dataSet.orders, by: \.userID)
        for archetype in ["loyal-high-spender", "steady-regular", "lapsing-regular", "new-browser", "bargain-hunter",
                          "weekend-evening"] {
            #expect(users.contains { $0.archetype == archetype }, "\(archetype)")
        }
        for user in users where user.archetype == "lapsing-regular" {
            let latest = orders[user.id]?.map(\.placedAt).max()
            #expect(latest.map { Self.asOf.timeIntervalSince($0) > 100 * 86_400 } ?? true)
        }
        for user in users where user.archetype == "new-browser" { #expect((orders[user.id]?.count ?? 0) <= 1) }
    }

    @Test func nobodyIsServedSomethingTheirDietForbids() {
        let users = Dictionary(uniqueKeysWithValues: Self.data.dataSet.users.map { ($0.id, $0) })
        let menu = Dictionary(uniqueKeysWithValues: CatalogFixture.catalog.menu.map { ($0.sku, $0.tags) })
        for order in Self.data.dataSet.orders where !order.userID.hasPrefix("usr_demo") {
            let needs = users[order.userID]?.preferences.dietary ?? []
            #expect(order.lines.allSatisfy { DietaryRules.allows(menu[$0.sku] ?? [], for: needs) })
        }
    }

    private func approximateMetres(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
        let x = (lon2 - lon1) * cos((lat1 + lat2) / 2 * .pi / 180)
        let y = lat2 - lat1
        return (x * x + y * y).squareRoot() * 111_195
    }
}
