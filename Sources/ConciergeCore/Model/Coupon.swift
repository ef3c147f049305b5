import Foundation

/// What a coupon applies to.
public struct CouponScope: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, CaseIterable, Sendable {
        case everything, shop = "store", category, item
    }

    public var kind: Kind
    /// Shop id, category name or item SKU; `nil` for `everything`.
    public var value: String?

    public init(kind: Kind, value: String? = nil) {
        self.kind = kind
        self.value = kind == .everything ? nil : value
    }

    public static let everything = CouponScope(kind: .everything)
    public static func shop(_ id: String) -> CouponScope { CouponScope(kind: .shop, value: id) }
    public static func category(_ name: String) -> CouponScope { CouponScope(kind: .category, value: name) }
    public static func item(_ sku: String) -> CouponScope { CouponScope(kind: .item, value: sku) }
}

/// A percentage (`value` = 15 for 15 %) or a fixed amount in minor units of `currency`.
public struct Discount: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, CaseIterable, Sendable {
        case percent, amount
    }

    public var kind: Kind
    public var value: Int
    /// ISO 4217 code for `amount` discounts; `nil` for percentages.
    public var currency: String?

    public init(kind: Kind, value: Int, currency: String? = nil) {
        self.kind = kind
        self.value = value
        self.currency = kind == .amount ? currency : nil
    }

    public static func percent(_ value: Int) -> Discount { Discount(kind: .percent, value: value) }
    public static func amount(_ minor: Int, currency: String) -> Discount {
        Discount(kind: .amount, value: minor, currency: currency)
    }
}

/// A coupon. Eligibility (owner, scope, window, minimum spend, usage) is decided in code, never by the model.
public struct Coupon: Codable, Hashable, Sendable, Identifiable {
    /// Upper-case code the shopper types, unique.
    public var code: String
    /// The one user who may use it, or `nil` for everyone.
    public var ownerID: String?
    public var scope: CouponScope
    public var discount: Discount
    /// Minimum basket in minor units (of the discount currency or the shop's), 0 for none.
    public var minimumSpendMinor: Int
    public var validFrom: Date
    public var validUntil: Date
    /// Maximum redemptions in total, `nil` for unlimited.
    public var usageLimit: Int?
    public var uses: Int
    public var summary: String

    public var id: String { code }

    public init(code: String, ownerID: String?, scope: CouponScope, discount: Discount, minimumSpendMinor: Int,
                validFrom: Date, validUntil: Date, usageLimit: Int?, uses: Int, summary: String) {
        self.code = code.uppercased()
        self.ownerID = ownerID
        self.scope = scope
        self.discount = discount
        self.minimumSpendMinor = minimumSpendMinor
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.usageLimit = usageLimit
        self.uses = uses
        self.summary = summary
    }
}
