import Foundation
import Geo
import PIIMasking

/// The small decisions `ContextBuilder` makes about one turn: the hours of the day asked about, which need menu
/// suggestions answer, whether the order pointed at is the shopper's, and what this chat cannot do.
extension ContextBuilder {
    /// The shop's hours for the day the shopper asked about ("tomorrow", "sunday", "tomorrow 08:00", "21:00").
    static func hours(of shop: Shop, asked: String, now: Date) -> String? {
        let parts = asked.split(separator: " ").map(String.init)
        var offset = 0
        if parts.first == "tomorrow" {
            offset = 1
        } else if let day = TimeSlotReader.weekdays.firstIndex(of: parts[0]) {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: shop.timeZone) ?? TimeZone(identifier: "UTC")!
            let today = (calendar.component(.weekday, from: now) + 5) % 7  // Monday = 0
            offset = (day - today + 7) % 7
        }
        let (name, hours) = ShopFinder.hours(of: shop, dayOffset: offset, from: now)
        let when = offset == 0 ? "today" : offset == 1 ? "tomorrow (\(name))" : "on \(name)"
        guard let hours else { return "\(when): closed all day" }
        // "Is Bandra open at 7 am?": whether it is open then, not only the day's hours.
        if let clock = parts.last, let minute = Self.minuteOfDay(clock), !hours.isEmpty {
            let within = hours.components(separatedBy: ", ").contains { range in
                let ends = range.components(separatedBy: "–").compactMap(Self.minuteOfDay)
                guard ends.count == 2 else { return false }
                let closes = ends[1] <= ends[0] ? ends[1] + 24 * 60 : ends[1]
                return (ends[0]..<closes).contains(minute) || (ends[0]..<closes).contains(minute + 24 * 60)
            }
            return within ? "\(when): open at \(clock) (open \(hours))" : "\(when): not open at \(clock) (open \(hours))"
        }
        return "\(when): open \(hours)"
    }

    /// "07:30" as minutes since midnight.
    static func minuteOfDay(_ clock: String) -> Int? {
        let parts = clock.split(separator: ":")
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]),
            (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        return hour * 60 + minute
    }

    /// Whether hours asked about say the shop is shut then ("closed all day", "not open at 07:00").
    static func shutThen(_ hoursAsked: String) -> Bool {
        hoursAsked.contains("closed all day") || hoursAsked.contains("not open at")
    }

    /// The need suggestions answer: a comfort need if the message has one, food if it asks what to eat, something hot
    /// if it asks for that.
    static func need(_ understanding: MessageUnderstanding, message: String) -> Intent {
        if let comfort = understanding.intents.first(where: \.isComfort) ?? understanding.carriedComfort { return comfort }
        let words = MessageWords(message)
        if words.containsAny(["eat", "food", "snack", "bite", "hungry", "lunch", "breakfast"]) { return .comfortHungry }
        // "Anything without caffeine that's hot": said after the thing, too.
        if words.containsAny(["hot drink", "something hot", "warm", "extra hot", "thats hot", "that is hot",
                              "thats warm", "hot one", "hot ones", "hot please", "hot pls", "served hot"]) {
            return .comfortCold
        }
        // "Drinks" alone is not thirst: the wish's drink kind keeps the suggestions to drinks, hot ones included ("the
        // cheapest drink" left out the Espresso, "Christmas drinks" the seasonal latte).
        return understanding.primary
    }

    /// Whether the order the message pointed at (by id, by an item in it, or by when) is one of the shopper's.
    func orderLookup(_ data: TurnData, session: inout MaskingSession) -> OrderLookup? {
        if let named = data.namedOrder {
            return OrderLookup(requested: session.placeholder(for: named.id, type: .orderID), found: named.order != nil)
        }
        if let pointed = data.pointedOrder {
            return OrderLookup(requested: session.placeholder(for: pointed.id, type: .orderID), found: true)
        }
        guard let slot = data.understanding.slots.order, slot.kind == .item || slot.kind == .date else { return nil }
        let described = slot.kind == .item ? "an order with \(slot.value ?? "that item") in it"
            : "an order from \(slot.value.map(Self.readableDay) ?? "then")"
        return OrderLookup(requested: described, found: false)
    }

    static func readableDay(_ value: String) -> String {
        switch value {
        case "last-week": "last week"
        case "last-month": "last month"
        case "today", "yesterday": value
        default: TimeSlotReader.weekdays.contains(value) ? value.prefix(1).uppercased() + value.dropFirst() : value
        }
    }

    /// What shoppers ask of a chat that it cannot do, with the route that works instead.
    static func cannot(_ rules: ConciergeRules, phone: String) -> [String] {
        [
            "send e-mails or receipts: receipts are e-mailed automatically after each website order",
            "phone you: call Customer Care on \(phone), \(rules.chain.careHours)",
            "change or cancel an order, or issue a refund, from this chat: Customer Care can",
        ]
    }
}

extension ContextBuilder {
    /// The complaint's facts when the message complains (the intent or the sentiment), or reports something left
    /// behind: that is read whatever the intents, as no intent of the reading is "lost property".
    static func complaint(_ understanding: MessageUnderstanding, message: String) -> ComplaintFacts? {
        guard let facts = ComplaintReader.read(message, shopNamed: understanding.slots.shop != nil) else { return nil }
        let complains = understanding.contains(.complaint) || understanding.slots.sentiment == .complaint
        return complains || facts.kind == .lostProperty || facts.kind == .allergen ? facts : nil
    }
}
