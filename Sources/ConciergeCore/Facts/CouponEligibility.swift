import Foundation

/// Why a coupon the shopper can see is not offered right now. Shown in the reviewer's debug view.
public enum CouponExclusion: String, Codable, Hashable, Sendable {
    case notYours = "belongs to another shopper"
    case notStarted = "not valid yet"
    case expired = "expired"
    case usedUp = "usage limit reached"
    case otherShop = "for another store"
    case wrongCurrency = "amount in another currency"
    case nothingInScope = "nothing on this menu it applies to"
}

/// A coupon the shopper may use now at a given shop, with what it applies to.
public struct EligibleCoupon: Codable, Hashable, Sendable {
    public var coupon: Coupon
    /// Menu items of the shop the coupon applies to (all of them for `everything`).
    public var appliesTo: [String]
}

public struct CouponDecision: Codable, Hashable, Sendable {
    public var eligible: [EligibleCoupon]
    public var excluded: [Excluded]

    public struct Excluded: Codable, Hashable, Sendable {
        public var code: String
        public var reason: CouponExclusion
    }
}

/// Decides, in code, which coupons a shopper can use now at a shop: owner, validity window, usage limit, shop
/// scope, currency, and whether the shop sells anything in scope. Minimum spend cannot be checked without a
/// basket, so it is passed on as a term to state.
public enum CouponEligibility {
    public static func decide(coupons: [Coupon], userID: String, shop: Shop?, at now: Date) -> CouponDecision {
        var eligible: [EligibleCoupon] = []
        var excluded: [CouponDecision.Excluded] = []
        for coupon in coupons.sorted(by: { $0.code < $1.code }) {
            if let reason = exclusion(coupon, userID: userID, shop: shop, at: now) {
                excluded.append(.init(code: coupon.code, reason: reason))
            } else {
                eligible.append(EligibleCoupon(coupon: coupon, appliesTo: items(in: coupon.scope, shop: shop)))
            }
        }
        return CouponDecision(eligible: eligible, excluded: excluded)
    }

    public static func exclusion(_ coupon: Coupon, userID: String, shop: Shop?, at now: Date) -> CouponExclusion? {
        if let owner = coupon.ownerID, owner != userID { return .notYours }
        if now < coupon.validFrom { return .notStarted }
        if now >= coupon.validUntil { return .expired }
        if let limit = coupon.usageLimit, coupon.uses >= limit { return .usedUp }
        guard let shop else { return nil }
        if coupon.scope.kind == .shop, coupon.scope.value != shop.id { return .otherShop }
        if coupon.discount.kind == .amount, coupon.discount.currency != shop.currency { return .wrongCurrency }
        if items(in: coupon.scope, shop: shop).isEmpty { return .nothingInScope }
        return nil
    }

    /// SKUs of the shop's menu the scope covers.
    static func items(in scope: CouponScope, shop: Shop?) -> [String] {
        guard let shop else { return [] }
        switch scope.kind {
        case .everything, .shop: return shop.menu.map(\.sku)
        case .category: return shop.menu.filter { $0.category == scope.value }.map(\.sku)
        case .item: return shop.menu.filter { $0.sku == scope.value }.map(\.sku)
        }
    }
}
