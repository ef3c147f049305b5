import Foundation

/// How a coupon is described to the model and the shopper: what it takes off, on what, until when.
enum CouponDescriber {
    static func facts(_ eligible: EligibleCoupon, shop: Shop?, time: LocalTimeFormatter) -> CouponFacts {
        let coupon = eligible.coupon
        let currency = coupon.discount.currency ?? shop?.currency ?? "GBP"
        let discount = coupon.discount.kind == .percent
            ? "\(coupon.discount.value)% off" : "\(Money.format(coupon.discount.value, currency: currency)) off"
        return CouponFacts(
            code: coupon.code, summary: coupon.summary, discount: discount,
            appliesTo: scope(coupon.scope, shop: shop),
            validUntil: time.day(coupon.validUntil.addingTimeInterval(-1)),
            minimumSpend: coupon.minimumSpendMinor > 0 ? Money.format(coupon.minimumSpendMinor, currency: currency) : nil,
            validAt: coupon.scope.kind == .shop ? (shop?.name ?? "one shop") : "all our shops")
    }

    static func scope(_ scope: CouponScope, shop: Shop?) -> String {
        switch scope.kind {
        case .everything: "everything"
        case .shop: "everything at \(shop?.name ?? "one shop")"
        case .category: (scope.value ?? "").replacingOccurrences(of: "-", with: " ")
        case .item: shop?.menu.first { $0.sku == scope.value }?.name ?? "one item"
        }
    }
}
