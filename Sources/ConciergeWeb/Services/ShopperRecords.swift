import ConciergeCore
import ConciergeViews
import Foundation
import Geo

/// The shopper's own records behind `/orders` and `/offers`, read for the signed-in person only. An order that is
/// not theirs is `nil`, exactly like one that does not exist: the page is a 404 either way, and nothing hints
/// that the id belongs to someone else.
struct ShopperRecords<Store: OrderStore & CouponStore>: Sendable {
    static var listedOrders: Int { 50 }

    let store: Store
    let places: PlaceDirectory
    let rules: ConciergeRules
    let clock: any WallClock

    /// The order with this id if it is `user`'s; a malformed id is not looked up at all.
    func order(id: String, user: User) async throws -> (order: Order, shop: Shop?, decision: OrderDecision)? {
        guard Order.isValidID(id), let order = try await store.order(id: id), order.userID == user.id else { return nil }
        let shop = places.shop(id: order.shopID)
        return (order, shop, OrderDecisions.decide(order, shop: shop, rules: rules, at: clock.now()))
    }

    func orders(user: User) async throws -> [Order] {
        try await store.orders(userID: user.id, limit: Self.listedOrders)
    }

    /// Coupons `user` can use now: their own and everyone's, within their dates and usage limits. A coupon for one
    /// shop is listed when it is theirs, or when that shop is near `origin` (the chosen place or home), and always
    /// with the shop's name; one whose shop the chain no longer lists is left out, since nobody could use it.
    func usableCoupons(user: User, origin: Coordinate?) async throws -> [UsableCoupon] {
        let now = clock.now()
        let nearby = origin.map { origin in
            places.shops.filter { Earth.distance(origin, $0.location) <= rules.nearbyRadiusMeters }
                .sorted { Earth.distance(origin, $0.location) < Earth.distance(origin, $1.location) }
                .prefix(rules.shopsInContext + 1)
        } ?? []
        let fallbackCurrency = nearby.first?.currency ?? places.shops.first?.currency ?? "GBP"
        let coupons = try await store.coupons(availableTo: user.id, atShops: nearby.map(\.id))
        return coupons.compactMap { coupon -> UsableCoupon? in
            guard CouponEligibility.exclusion(coupon, userID: user.id, shop: nil, at: now) == nil else { return nil }
            guard coupon.scope.kind == .shop else {
                let item = coupon.scope.kind == .item ? coupon.scope.value.flatMap { places.itemNames[$0] } : nil
                return UsableCoupon(coupon: coupon, shopName: nil, currency: fallbackCurrency, itemName: item)
            }
            guard let shop = coupon.scope.value.flatMap(places.shop(id:)) else { return nil }
            return UsableCoupon(coupon: coupon, shopName: shop.name, currency: shop.currency)
        }
    }
}
