import ConciergeCore
import Foundation

/// A coupon the shopper can use now, with where: the web layer decides which (`CouponEligibility`'s owner, window
/// and usage rules) and names the shop of a shop-only coupon.
public struct UsableCoupon: Sendable, Equatable {
    public var coupon: Coupon
    /// The shop a shop-scoped coupon is valid at; `nil` for coupons valid at every shop.
    public var shopName: String?
    /// The currency an amount off is in when the coupon does not say (the shop's, else the nearest shop's).
    public var currency: String
    /// The menu item an item-scoped coupon is for, by name.
    public var itemName: String?

    public init(coupon: Coupon, shopName: String?, currency: String, itemName: String? = nil) {
        self.coupon = coupon
        self.shopName = shopName
        self.currency = currency
        self.itemName = itemName
    }
}

/// `offers.mustache`: the shopper's usable coupons. The code is selectable text; with the page script, a button
/// copies it and says so in a live region.
public struct OffersPage: Page {
    public static let template = "offers"
    public let title = "Your offers"
    public let navigation: Navigation?
    let offers: [Row]

    struct Row: Sendable {
        let code: String
        let summary: String
        let discount: String
        let appliesTo: String
        let validAt: String
        let validUntil: String
        let timestamp: String
        let minimumSpend: String?
    }

    public init(coupons: [UsableCoupon], user: User, csrf: String) {
        navigation = Navigation(name: user.name, csrf: csrf, showsCareInbox: user.role.mayAnswerCustomerCare,
                                showsAnalystDesk: user.role.mayUseAnalytics)
        let clock = LocalTimeFormatter(timeZoneIdentifier: user.timeZone)
        offers = coupons.map { usable in
            let coupon = usable.coupon
            let currency = coupon.discount.currency ?? usable.currency
            return Row(
                code: coupon.code, summary: coupon.summary,
                discount: coupon.discount.kind == .percent ? "\(coupon.discount.value)% off"
                    : "\(Money.format(coupon.discount.value, currency: currency)) off",
                appliesTo: coupon.scope.kind == .item ? (usable.itemName ?? "One item on the menu") : Self.scope(coupon.scope),
                validAt: usable.shopName.map { "Only at \($0)" } ?? "All our shops",
                // `validUntil` is the first instant it no longer works: the last day is the one before.
                validUntil: clock.day(coupon.validUntil.addingTimeInterval(-1)),
                timestamp: LocalTimeFormatter.iso(coupon.validUntil),
                minimumSpend: coupon.minimumSpendMinor > 0 ? Money.format(coupon.minimumSpendMinor, currency: currency) : nil)
        }
    }

    static func scope(_ scope: CouponScope) -> String {
        switch scope.kind {
        case .everything, .shop: "Everything"
        case .category: (scope.value ?? "").replacingOccurrences(of: "-", with: " ").capitalized
        case .item: "One item on the menu"
        }
    }
}
