import ConciergeCore
import Foundation

/// A problem with one record of an import file, named so the operator can find it: `users[3] (usr_x): ...`.
public struct ImportProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public var collection: String
    public var index: Int
    public var key: String
    public var reason: String

    public init(collection: String, index: Int, key: String, reason: String) {
        self.collection = collection
        self.index = index
        self.key = key
        self.reason = reason
    }

    public var description: String { "\(collection)[\(index)] (\(key)): \(reason)" }
}

/// Checks an import file before anything is written: keys present and unique, e-mails well-formed and not
/// taken, references resolvable, numbers sensible. Pure: the caller supplies what already exists.
public struct ImportValidator: Sendable {
    /// Ids of users and shops already in the database, and the owner id of every taken e-mail.
    public var existingUserIDs: Set<String>
    public var existingShopIDs: Set<String>
    public var existingEmailOwners: [String: String]

    public init(existingUserIDs: Set<String> = [], existingShopIDs: Set<String> = [],
                existingEmailOwners: [String: String] = [:]) {
        self.existingUserIDs = existingUserIDs
        self.existingShopIDs = existingShopIDs
        self.existingEmailOwners = existingEmailOwners
    }

    /// Every problem found, in file order (users, stores, orders, coupons).
    public func problems(in file: ImportFile) -> [ImportProblem] {
        var problems = userProblems(file.users)
        problems += shopProblems(file.shops)
        let userIDs = existingUserIDs.union(file.users.map(\.id))
        let shopIDs = existingShopIDs.union(file.shops.map(\.id))
        problems += orderProblems(file.orders, userIDs: userIDs, shopIDs: shopIDs)
        problems += couponProblems(file.coupons, userIDs: userIDs, shopIDs: shopIDs)
        return problems
    }

    private func userProblems(_ users: [ImportedUser]) -> [ImportProblem] {
        var problems: [ImportProblem] = []
        var seenIDs: [String: Int] = [:]
        var seenEmails: [String: Int] = [:]
        for (index, user) in users.enumerated() {
            func problem(_ reason: String) { problems.append(ImportProblem(collection: "users", index: index,
                                                                           key: user.id, reason: reason)) }
            let email = User.normalizedEmail(user.email)
            if user.id.isEmpty { problem("id is empty") }
            if let first = seenIDs[user.id] { problem("id repeats users[\(first)]") } else { seenIDs[user.id] = index }
            if !EmailAddress.isPlausible(email) { problem("email is not a valid address") }
            if let first = seenEmails[email] {
                problem("email duplicates users[\(first)]")
            } else if let owner = existingEmailOwners[email], owner != user.id {
                problem("email already belongs to another user in the store")
            }
            seenEmails[email] = seenEmails[email] ?? index
            if user.name.trimmingCharacters(in: .whitespaces).isEmpty { problem("name is empty") }
            if let zone = user.timeZone, TimeZone(identifier: zone) == nil { problem("unknown time zone") }
            if let home = user.home, !home.isValid { problem("home coordinates out of range") }
        }
        return problems
    }

    private func shopProblems(_ shops: [Shop]) -> [ImportProblem] {
        var problems: [ImportProblem] = []
        var seen: [String: Int] = [:]
        for (index, shop) in shops.enumerated() {
            func problem(_ reason: String) { problems.append(ImportProblem(collection: "stores", index: index,
                                                                           key: shop.id, reason: reason)) }
            if shop.id.isEmpty { problem("id is empty") }
            if let first = seen[shop.id] { problem("id repeats stores[\(first)]") } else { seen[shop.id] = index }
            if !shop.location.isValid { problem("location out of range") }
            if TimeZone(identifier: shop.timeZone) == nil { problem("unknown time zone") }
            if shop.menu.contains(where: { $0.priceMinor < 0 }) { problem("negative menu price") }
        }
        return problems
    }

    private func orderProblems(_ orders: [Order], userIDs: Set<String>, shopIDs: Set<String>) -> [ImportProblem] {
        var problems: [ImportProblem] = []
        var seen: [String: Int] = [:]
        for (index, order) in orders.enumerated() {
            func problem(_ reason: String) { problems.append(ImportProblem(collection: "orders", index: index,
                                                                           key: order.id, reason: reason)) }
            if !Order.isValidID(order.id) { problem("id must be ORD- followed by 8 of A-Z and 0-9") }
            if let first = seen[order.id] { problem("id repeats orders[\(first)]") } else { seen[order.id] = index }
            if !userIDs.contains(order.userID) { problem("userID refers to no user") }
            if !shopIDs.contains(order.shopID) { problem("storeID refers to no store") }
            if order.lines.contains(where: { $0.quantity <= 0 || $0.unitPriceMinor < 0 }) { problem("bad order line") }
            if order.totalMinor != order.lines.reduce(0, { $0 + $1.totalMinor }) { problem("total does not match lines") }
        }
        return problems
    }

    private func couponProblems(_ coupons: [Coupon], userIDs: Set<String>, shopIDs: Set<String>) -> [ImportProblem] {
        var problems: [ImportProblem] = []
        var seen: [String: Int] = [:]
        for (index, coupon) in coupons.enumerated() {
            func problem(_ reason: String) { problems.append(ImportProblem(collection: "coupons", index: index,
                                                                           key: coupon.code, reason: reason)) }
            if coupon.code.isEmpty { problem("code is empty") }
            if let first = seen[coupon.code] { problem("code repeats coupons[\(first)]") } else { seen[coupon.code] = index }
            if let owner = coupon.ownerID, !userIDs.contains(owner) { problem("ownerID refers to no user") }
            if coupon.scope.kind == .shop, !shopIDs.contains(coupon.scope.value ?? "") {
                problem("scope refers to no store")
            }
            if coupon.scope.kind != .everything, (coupon.scope.value ?? "").isEmpty { problem("scope needs a value") }
            if coupon.validUntil <= coupon.validFrom { problem("validUntil is not after validFrom") }
            if coupon.discount.kind == .percent, !(1...100).contains(coupon.discount.value) {
                problem("percent must be 1...100")
            }
            if coupon.discount.kind == .amount, coupon.discount.value <= 0 || coupon.discount.currency == nil {
                problem("amount needs a positive value and a currency")
            }
        }
        return problems
    }
}
