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
        // Where it is valid is `validAt`; naming the shop here too made answers say it twice ("$5.00 off everything at
        // Chelsea Roasters on orders of $15.00 or more at Chelsea Roasters").
        case .shop: "everything"
        case .category: (scope.value ?? "").replacingOccurrences(of: "-", with: " ")
        case .item: shop?.menu.first { $0.sku == scope.value }?.name ?? "one item"
        }
    }
}
