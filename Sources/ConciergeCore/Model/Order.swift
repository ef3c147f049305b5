import Foundation

public enum OrderStatus: String, Codable, CaseIterable, Sendable {
    case placed, preparing, inTransit = "in_transit", delivered, cancelled, refunded
}

public enum Fulfilment: String, Codable, CaseIterable, Sendable {
    case delivery, pickup
}

public struct OrderLine: Codable, Hashable, Sendable {
    public var sku: String
    public var name: String
    public var quantity: Int
    public var unitPriceMinor: Int

    public init(sku: String, name: String, quantity: Int, unitPriceMinor: Int) {
        self.sku = sku
        self.name = name
        self.quantity = quantity
        self.unitPriceMinor = unitPriceMinor
    }

    public var totalMinor: Int { quantity * unitPriceMinor }
}

/// An order. Its id is `ORD-` followed by 8 of `[A-Z0-9]`; it is shown only to its owner.
public struct Order: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var userID: String
    public var shopID: String
    public var lines: [OrderLine]
    public var totalMinor: Int
    public var currency: String
    public var status: OrderStatus
    public var fulfilment: Fulfilment
    public var placedAt: Date
    /// Expected arrival (delivery) or ready time (pickup); kept after delivery for the record.
    public var eta: Date?
    public var deliveredAt: Date?
    /// The coupon redeemed on this order, if any.
    public var couponCode: String?
    /// A pickup order: when the shopper collected it (after that nothing about it can be changed).
    public var collectedAt: Date?
    public var cancelledAt: Date?
    /// Where a refund of this order stands, if one was asked for.
    public var refund: OrderRefund?
    /// How it was paid, as brand and last four digits only: a full card number is never stored.
    public var payment: PaymentSummary?

    /// The stored and exported field keeps its first name, `storeID`: renaming it is a data migration.
    enum CodingKeys: String, CodingKey {
        case id, userID, shopID = "storeID", lines, totalMinor, currency, status, fulfilment, placedAt, eta
        case deliveredAt, couponCode, collectedAt, cancelledAt, refund, payment
    }

    public init(id: String, userID: String, shopID: String, lines: [OrderLine], currency: String,
                status: OrderStatus, fulfilment: Fulfilment, placedAt: Date, eta: Date? = nil,
                deliveredAt: Date? = nil, couponCode: String? = nil, collectedAt: Date? = nil, cancelledAt: Date? = nil,
                refund: OrderRefund? = nil, payment: PaymentSummary? = nil) {
        self.id = id
        self.userID = userID
        self.shopID = shopID
        self.lines = lines
        self.totalMinor = lines.reduce(0) { $0 + $1.totalMinor }
        self.currency = currency
        self.status = status
        self.fulfilment = fulfilment
        self.placedAt = placedAt
        self.eta = eta
        self.deliveredAt = deliveredAt
        self.couponCode = couponCode
        self.collectedAt = collectedAt
        self.cancelledAt = cancelledAt
        self.refund = refund
        self.payment = payment
    }

    /// Delivered, or collected from the shop: the shopper has had what was in it.
    public var hasArrived: Bool { status == .delivered || collectedAt != nil }

    /// `ORD-` + 8 of `[A-Z0-9]`, upper case.
    public static func isValidID(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard bytes.count == 12, bytes.starts(with: Array("ORD-".utf8)) else { return false }
        return bytes[4...].allSatisfy { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}

/// A refund's state as the chain's systems report it.
public struct OrderRefund: Codable, Hashable, Sendable {
    public enum State: String, Codable, Sendable { case requested, approved, paid, declined }

    public var state: State
    public var amountMinor: Int
    public var updatedAt: Date

    public init(state: State, amountMinor: Int, updatedAt: Date) {
        self.state = state
        self.amountMinor = amountMinor
        self.updatedAt = updatedAt
    }
}

/// A payment as it may be stored and shown: the brand and the last four digits. Decoding refuses anything else in
/// `last4`, so an import that carries a full card number fails instead of storing it.
public struct PaymentSummary: Codable, Hashable, Sendable {
    /// "Visa", "Mastercard", "Amex", "Apple Pay", "gift card", "cash"…
    public var brand: String
    /// Exactly four digits, or `nil` for methods without a card number (cash).
    public var last4: String?

    public init(brand: String, last4: String?) throws(PaymentSummaryError) {
        guard !brand.isEmpty, brand.count <= 24, brand.allSatisfy({ $0.isLetter || $0 == " " || $0 == "-" }) else {
            throw PaymentSummaryError(detail: "brand must be a short name in letters")
        }
        if let last4, last4.count != 4 || !last4.allSatisfy({ $0.isASCII && $0.isNumber }) {
            throw PaymentSummaryError(detail: "last4 must be exactly four digits (a full card number is never stored)")
        }
        self.brand = brand
        self.last4 = last4
    }

    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        let brand = try values.decode(String.self, forKey: .brand)
        let last4 = try values.decodeIfPresent(String.self, forKey: .last4)
        do {
            try self.init(brand: brand, last4: last4)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .last4, in: values, debugDescription: error.detail)
        }
    }

    /// "Visa •••• 4242", "cash".
    public var masked: String { last4.map { "\(brand) •••• \($0)" } ?? brand }
}

public struct PaymentSummaryError: Error, Sendable {
    public var detail: String
}
