import Foundation

/// Finds the order a message points at by what was in it ("the banana bread I got") or when it was placed
/// ("yesterday's order", "last month"), among the shopper's own orders, newest first. Days are the shopper's.
enum OrderPointer {
    /// With a date and an item ("the iced latte from last week"), the order must match both when one does.
    static func find(_ slot: OrderSlot, in orders: [Order], item: String? = nil, user: User, now: Date) -> Order? {
        if slot.kind == .date, let item, item.first?.isUppercase == true {
            let withItem = orders.filter { $0.lines.contains { $0.name.lowercased() == item.lowercased() } }
            if let both = find(slot, in: withItem, user: user, now: now) { return both }
        }
        switch slot.kind {
        case .id, .latest: return nil
        case .item:
            guard let item = slot.value?.lowercased() else { return nil }
            return orders.first { $0.lines.contains { $0.name.lowercased() == item } }
        case .date:
            guard let value = slot.value else { return nil }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: user.timeZone) ?? TimeZone(identifier: "UTC")!
            let today = calendar.startOfDay(for: now)
            func daysAgo(_ order: Order) -> Int {
                calendar.dateComponents([.day], from: calendar.startOfDay(for: order.placedAt), to: today).day ?? 0
            }
            let window: ClosedRange<Int>? = switch value {
            case "today": 0...0
            case "yesterday": 1...1
            case "last-week": 2...13
            case "last-month": 14...62
            default: nil
            }
            if let window { return orders.first { window.contains(daysAgo($0)) } }
            if let weekday = TimeSlotReader.weekdays.firstIndex(of: value) {
                // Calendar weekdays start at Sunday = 1; ours at Monday = 0.
                let wanted = (weekday + 1) % 7 + 1
                return orders.first { calendar.component(.weekday, from: $0.placedAt) == wanted && daysAgo($0) <= 7 }
            }
            let formatter = DateFormatter()
            formatter.calendar = calendar
            formatter.timeZone = calendar.timeZone
            formatter.dateFormat = "yyyy-MM-dd"
            formatter.locale = Locale(identifier: "en_US_POSIX")
            guard let day = formatter.date(from: value) else { return nil }
            return orders.first { calendar.isDate($0.placedAt, inSameDayAs: day) }
        }
    }
}

extension OrderPointer {
    /// The line of `order` that an item's name is part of ("Hot Chocolate" → the "Oat Hot Chocolate" ordered), when
    /// the order has no line of that very name and exactly one that holds all its words; `nil` otherwise.
    static func asOrdered(_ item: String, in order: Order) -> String? {
        let names = Set(order.lines.map(\.name))
        guard !names.contains(item) else { return nil }
        let words = Set(MessageWords.fold(item))
        let holding = names.filter { words.isSubset(of: Set(MessageWords.fold($0))) }
        return holding.count == 1 ? holding.first : nil
    }
}

extension OrderPointer {
    /// "The one before that", "my previous order", "pichla order": an order older than the one talked of.
    static func asksForEarlier(_ message: MessageWords) -> Bool {
        message.containsAny(["one before that", "one before this", "the one before", "order before that",
                             "order before this", "order before last", "before that one", "previous order",
                             "previous one", "earlier order", "older order", "order before the last", "second last order",
                             "pichla order", "pichle order", "pichhla order", "pedido anterior"])
    }

    /// The order placed next before `order` among the shopper's orders (newest first).
    static func placed(before order: Order, in orders: [Order]) -> Order? {
        orders.filter { $0.placedAt < order.placedAt }.max { $0.placedAt < $1.placedAt }
    }
}
