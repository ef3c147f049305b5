import ConciergeCore
import Foundation
import Geo

/// The file `concierge seed --from FILE.json` reads: the collections an operator may bring in.
///
/// The schema is the export format (see README) with one difference: users may carry a plain `password`, which
/// is hashed on import and never stored as given. Every collection is optional.
public struct ImportFile: Decodable, Sendable {
    public var users: [ImportedUser]
    public var shops: [Shop]
    public var orders: [Order]
    public var coupons: [Coupon]

    enum CodingKeys: String, CodingKey { case users, shops = "stores", orders, coupons }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        users = try container.decodeIfPresent([ImportedUser].self, forKey: .users) ?? []
        shops = try container.decodeIfPresent([Shop].self, forKey: .shops) ?? []
        orders = try container.decodeIfPresent([Order].self, forKey: .orders) ?? []
        coupons = try container.decodeIfPresent([Coupon].self, forKey: .coupons) ?? []
    }
}

/// A user record in an import file. Optional fields get the same defaults as a sign-up.
public struct ImportedUser: Decodable, Sendable {
    public var id: String
    public var email: String
    public var password: String?
    public var role: Role?
    public var name: String
    public var phone: String?
    public var address: PostalAddress?
    public var home: Coordinate?
    public var timeZone: String?
    public var preferences: Preferences?
    public var loyaltyPoints: Int?
    public var consent: Consent?
    public var archetype: String?
    public var createdAt: Date?

    /// The stored user (without a hash: the importer hashes `password` separately).
    public func user(defaultCreatedAt: Date) -> User {
        User(id: id, email: email, role: role ?? .shopper, name: name, phone: phone, address: address, home: home,
             timeZone: timeZone ?? "UTC", preferences: preferences ?? Preferences(), loyaltyPoints: loyaltyPoints ?? 0,
             consent: consent ?? Consent(), archetype: archetype, createdAt: createdAt ?? defaultCreatedAt)
    }
}
