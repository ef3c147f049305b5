import ConciergeCore
import Foundation
import SeededRandom

/// Coupons of every kind: chain-wide by category and item, shop-scoped, personal, expired, not yet started and
/// used up, so that the eligibility rules have something to decide.
struct CouponBuilder {
    let catalog: SeedCatalog
    let asOf: Date

    func sharedCoupons() -> [Coupon] {
        catalog.coupons.map { coupon($0, owner: nil) }
    }

    func coupon(_ seed: CouponSeed, owner: String?) -> Coupon {
        Coupon(code: seed.code, ownerID: owner, scope: seed.scope, discount: seed.discount,
               minimumSpendMinor: seed.minimumSpend ?? 0, validFrom: day(seed.validFromDays),
               validUntil: day(seed.validUntilDays), usageLimit: seed.usageLimit, uses: seed.uses ?? 0,
               summary: seed.summary)
    }

    /// About one shopper in three holds a personal amount-off coupon in their home currency; some have expired.
    func personalCoupon(for user: User, currency: String, ids: inout IdentifierFactory,
                        rng: inout SplitMix64) -> Coupon? {
        guard rng.chance(0.33), let country = catalog.countries[user.address?.country ?? ""] else { return nil }
        let amount = Int((300 * country.priceMultiplier / Double(country.priceRounding)).rounded()) * country.priceRounding
        let expired = rng.chance(0.25)
        let start = expired ? -rng.int(in: 60...120) : -rng.int(in: 0...20)
        return Coupon(code: ids.code("THANKS"), ownerID: user.id, scope: .everything,
                      discount: .amount(amount, currency: currency), minimumSpendMinor: amount * 3,
                      validFrom: day(start), validUntil: day(start + 30), usageLimit: 1, uses: 0,
                      summary: "A thank-you: money off your next order over three times its value")
    }

    /// One shop in five runs a local offer.
    func shopCoupons(for shops: [Shop], rng: inout SplitMix64) -> [Coupon] {
        var ids = IdentifierFactory(rng: rng.fork("store-coupons"))
        return shops.filter { _ in rng.chance(0.2) }.map { shop in
            let percent = [10, 15, 20][rng.below(3)]
            return Coupon(code: ids.code("LOCAL", length: 5), ownerID: nil, scope: .shop(shop.id),
                          discount: .percent(percent), minimumSpendMinor: 0, validFrom: day(-rng.int(in: 1...10)),
                          validUntil: day(rng.int(in: 3...30)), usageLimit: nil, uses: 0,
                          summary: "\(percent)% off everything at \(shop.name)")
        }
    }

    /// Midnight UTC `offset` days from the as-of date.
    private func day(_ offset: Int) -> Date { asOf.addingTimeInterval(Double(offset) * 86_400) }
}
