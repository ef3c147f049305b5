import Foundation

/// Something the shopper can do next, carried by an answer as a typed value rather than prose: the page renders it as
/// a real link or button. It is decided in code from facts the shopper owns when the answer is written
/// (`ActionPlanner`), stored with the answer (so a reload shows the same actions), and never sent to the model.
///
/// Each target is checked again when it is followed: the order page answers 404 for an order that is not the
/// shopper's, and the offers page lists only coupons usable at that moment.
public struct AnswerAction: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, CaseIterable, Sendable {
        /// Open one of the shopper's orders (`target` is its id).
        case order
        /// See the shopper's usable coupons.
        case offers
        /// Directions to a shop on an external map (`target` is the shop's id, `place` its address in one line).
        case directions
        /// Pass the conversation to a person of Customer Care (a chat message the shopper sends with one click).
        case handoff
        /// The shopper's account page, where the password, two-step verification, the data download and deleting the
        /// account are done (this chat cannot do them).
        case account
    }

    public var kind: Kind
    /// The order id or shop id the action is about; `nil` for `offers`, `handoff` and `account`.
    public var target: String?
    /// The shop's name for `directions` (what the link says); `nil` otherwise.
    public var name: String?
    /// The shop's address in one line for `directions`, the text the map searches for.
    public var place: String?

    public init(kind: Kind, target: String? = nil, name: String? = nil, place: String? = nil) {
        self.kind = kind
        self.target = target
        self.name = name
        self.place = place
    }

    public static func order(_ id: String) -> AnswerAction { AnswerAction(kind: .order, target: id) }
    public static let offers = AnswerAction(kind: .offers)
    public static let handoff = AnswerAction(kind: .handoff)
    public static let account = AnswerAction(kind: .account)

    public static func directions(to shop: Shop) -> AnswerAction {
        AnswerAction(kind: .directions, target: shop.id, name: shop.name, place: shop.address.mapQuery)
    }
}

extension PostalAddress {
    /// "102 Fleet Street, London EC4A 2BB, GB": what a map search understands; the shop's address is the chain's,
    /// not personal data.
    public var mapQuery: String {
        ([line1] + (line2.map { [$0] } ?? []) + ["\(city) \(postcode)", country]).joined(separator: ", ")
    }
}
