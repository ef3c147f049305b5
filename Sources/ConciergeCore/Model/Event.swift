import Foundation

public enum EventType: String, Codable, CaseIterable, Sendable {
    case sessionStart = "session_start", viewItem = "view_item", addToCart = "add_to_cart", purchase, refund
}

/// A clickstream event for the analyst side (segments, CLV, clustering).
public struct Event: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var userID: String
    public var sessionID: String
    public var type: EventType
    public var sku: String?
    public var category: String?
    public var colour: String?
    /// `web`, `ios`, `android`, `kiosk`.
    public var device: String
    public var valueMinor: Int?
    public var at: Date

    public init(id: String, userID: String, sessionID: String, type: EventType, sku: String? = nil,
                category: String? = nil, colour: String? = nil, device: String, valueMinor: Int? = nil, at: Date) {
        self.id = id
        self.userID = userID
        self.sessionID = sessionID
        self.type = type
        self.sku = sku
        self.category = category
        self.colour = colour
        self.device = device
        self.valueMinor = valueMinor
        self.at = at
    }
}
