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

    /// The stored and exported field keeps its first name, `storeID`: renaming it is a data migration.
    enum CodingKeys: String, CodingKey {
        case id, userID, shopID = "storeID", lines, totalMinor, currency, status, fulfilment, placedAt, eta
        case deliveredAt, couponCode
    }

    public init(id: String, userID: String, shopID: String, lines: [OrderLine], currency: String,
                status: OrderStatus, fulfilment: Fulfilment, placedAt: Date, eta: Date? = nil,
                deliveredAt: Date? = nil, couponCode: String? = nil) {
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
    }

    /// `ORD-` + 8 of `[A-Z0-9]`, upper case.
    public static func isValidID(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard bytes.count == 12, bytes.starts(with: Array("ORD-".utf8)) else { return false }
        return bytes[4...].allSatisfy { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}
