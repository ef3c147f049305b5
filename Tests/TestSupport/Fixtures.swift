import ConciergeCore
import Foundation
import Geo
import Retrieval

/// Small, hand-made data for store and core tests. Every value is fixed so that failures are reproducible.
public enum Fixtures {
    public static let asOf = Date(timeIntervalSince1970: 1_763_683_200)  // 2025-11-21T00:00:00Z

    public static func date(daysAgo days: Double, hours: Double = 0) -> Date {
        asOf.addingTimeInterval(-days * 86_400 + hours * 3_600)
    }

    public static func user(_ id: String, email: String, name: String = "Test Person", role: Role = .shopper) -> User {
        User(
            id: id, email: email, passwordHash: "$2b$04$abcdefghijklmnopqrstuu5Zq7b9l4Qn7J4x0ZCrhA0N7Vt2yvYqW", role: role,
            name: name, phone: "+44 7700 900123",
            address: PostalAddress(line1: "221B Baker Street", city: "London", postcode: "NW1 6XE", country: "GB"),
            home: Coordinate(latitude: 51.5237, longitude: -0.1585), timeZone: "Europe/London",
            preferences: Preferences(temperature: .hot, dietary: [.vegan], favouriteItems: ["HD-001"]),
            loyaltyPoints: 420, consent: Consent(email: true, sms: false), archetype: "loyal-high-spender",
            createdAt: date(daysAgo: 100))
    }

    public static let menu = [
        MenuItem(sku: "HD-001", name: "Oat Hot Chocolate", category: "hot-drinks", priceMinor: 380,
                 tags: [.hot, .vegan], colour: "brown", priceTier: .standard),
        MenuItem(sku: "BK-002", name: "Almond Croissant", category: "bakery", priceMinor: 295,
                 tags: [.containsNuts, .dairy, .gluten, .vegetarian], priceTier: .standard),
    ]

    public static func shop(_ id: String, name: String, latitude: Double, longitude: Double) -> Shop {
        Shop(
            id: id, name: name,
            address: PostalAddress(line1: "1 Market Street", city: "London", postcode: "W1A 1AA", country: "GB"),
            location: Coordinate(latitude: latitude, longitude: longitude), timeZone: "Europe/London",
            currency: "GBP", phone: "+44 20 7946 0000",
            hours: WeeklyHours(ranges: Weekday.allCases.map {
                OpeningRange(day: $0, opens: LocalTime(hour: 6), closes: LocalTime(hour: 1))
            }),
            menu: menu, amenities: ["wifi", "step-free"])
    }

    public static func order(_ id: String, user: String, daysAgo: Double, status: OrderStatus) -> Order {
        Order(
            id: id, userID: user, shopID: "st_lakeside",
            lines: [OrderLine(sku: "HD-001", name: "Oat Hot Chocolate", quantity: 2, unitPriceMinor: 380)],
            currency: "GBP", status: status, fulfilment: .delivery, placedAt: date(daysAgo: daysAgo),
            eta: date(daysAgo: daysAgo, hours: 1), deliveredAt: status == .delivered ? date(daysAgo: daysAgo, hours: 1) : nil)
    }

    public static func coupon(_ code: String, owner: String?, scope: CouponScope = .everything) -> Coupon {
        Coupon(
            code: code, ownerID: owner, scope: scope, discount: .percent(15), minimumSpendMinor: 0,
            validFrom: date(daysAgo: 10), validUntil: date(daysAgo: -9), usageLimit: 100, uses: 3,
            summary: "15% off hot drinks")
    }

    public static func message(_ id: String, user: String, conversation: String, minutesAfter: Double,
                               role: ChatRole = .shopper) -> ChatMessage {
        ChatMessage(
            id: id, userID: user, conversationID: conversation, role: role, text: "I'm cold (\(id))",
            maskedText: "I'm cold (\(id))", createdAt: asOf.addingTimeInterval(minutesAfter * 60),
            trace: role == .assistant ? TurnTrace(intent: "comfort", maskedPrompt: "prompt", notes: ["mock"]) : nil)
    }

    /// An open hand-off request, or an answered one when `answeredBy` is given (a minute after it was opened).
    public static func handoff(_ id: String, user: String, conversation: String, minutesAfter: Double,
                               answeredBy: String? = nil) -> HandoffRequest {
        let at = asOf.addingTimeInterval(minutesAfter * 60)
        return HandoffRequest(
            id: id, userID: user, conversationID: conversation, createdAt: at,
            status: answeredBy == nil ? .open : .answered, reason: .asked,
            summary: "Shopper asked for a person. Intents: handoff. Message: I'm <NAME_1>, get me a human",
            intents: ["handoff"], promisedReplyWorkingDays: 2,
            answeredAt: answeredBy.map { _ in at.addingTimeInterval(60) }, answeredBy: answeredBy)
    }

    public static func session(_ hash: String, user: String, expiresInHours: Double) -> Session {
        Session(tokenHash: hash, userID: user, csrfToken: "csrf-\(hash)", createdAt: asOf, lastSeenAt: asOf,
                expiresAt: asOf.addingTimeInterval(expiresInHours * 3_600))
    }

    public static func chunk(_ document: String, _ position: Int, text: String) -> PolicyChunk {
        PolicyChunk(id: "\(document)#\(position)", document: document, title: document.capitalized,
                    headingPath: [document.capitalized, "Section \(position)"], position: position, text: text)
    }

    /// A small data set touching every collection and every field shape.
    public static func sampleDataSet() -> DataSet {
        DataSet(
            users: [user("usr_ava", email: "ava@example.com", name: "Ava Shopper"),
                    user("usr_ben", email: "ben@example.org", name: "Ben Other", role: .reviewer)],
            shops: [shop("st_lakeside", name: "Lakeside Café", latitude: 51.5246, longitude: -0.1590),
                    shop("st_market", name: "Market Hall", latitude: 51.5101, longitude: -0.1340)],
            orders: [order("ORD-7K2M9Q1Z", user: "usr_ava", daysAgo: 3, status: .delivered),
                     order("ORD-AB12CD34", user: "usr_ava", daysAgo: 0.1, status: .inTransit),
                     order("ORD-ZZ99YY88", user: "usr_ben", daysAgo: 1, status: .placed)],
            coupons: [coupon("WARM15", owner: nil, scope: .category("hot-drinks")),
                      coupon("AVA10", owner: "usr_ava", scope: .shop("st_lakeside")),
                      coupon("BEN5", owner: "usr_ben")],
            events: [Event(id: "ev_1", userID: "usr_ava", sessionID: "s1", type: .viewItem, sku: "HD-001",
                           category: "hot-drinks", colour: "brown", device: "web", at: date(daysAgo: 3)),
                     Event(id: "ev_2", userID: "usr_ava", sessionID: "s1", type: .purchase, sku: "HD-001",
                           category: "hot-drinks", device: "web", valueMinor: 760, at: date(daysAgo: 3, hours: 0.1))],
            policyChunks: [chunk("refunds", 0, text: "Refunds within 14 days."), chunk("refunds", 1, text: "Cards.")],
            messages: [message("msg_1", user: "usr_ava", conversation: "conv_a", minutesAfter: 1),
                       message("msg_2", user: "usr_ava", conversation: "conv_a", minutesAfter: 2, role: .assistant)],
            sessions: [session("hash_1", user: "usr_ava", expiresInHours: 24)],
            usage: [DailyUsage(userID: "usr_ava", day: "2025-11-21", count: 4, expiresAt: date(daysAgo: -3))],
            handoffs: [handoff("care_1", user: "usr_ava", conversation: "conv_a", minutesAfter: 3),
                       handoff("care_0", user: "usr_ava", conversation: "conv_a", minutesAfter: 0, answeredBy: "usr_ben")]
        )
    }
}
