/// Customer archetypes the generator plants, so that segments and clusters have a ground truth to find.
public enum Archetype: String, CaseIterable, Sendable {
    case loyalHighSpender = "loyal-high-spender"
    case steadyRegular = "steady-regular"
    case lapsingRegular = "lapsing-regular"
    case newBrowser = "new-browser"
    case bargainHunter = "bargain-hunter"
    case weekendEvening = "weekend-evening"

    /// Share of synthetic shoppers, in percent.
    var weight: Int {
        switch self {
        case .loyalHighSpender: 10
        case .steadyRegular: 25
        case .lapsingRegular: 15
        case .newBrowser: 20
        case .bargainHunter: 15
        case .weekendEvening: 15
        }
    }

    var orderCount: ClosedRange<Int> {
        switch self {
        case .loyalHighSpender: 25...45
        case .steadyRegular: 10...20
        case .lapsingRegular: 8...16
        case .newBrowser: 0...1
        case .bargainHunter: 6...14
        case .weekendEvening: 8...18
        }
    }

    /// Orders fall between these many days before the as-of date (nearest first).
    var activeDaysAgo: ClosedRange<Double> {
        switch self {
        case .loyalHighSpender: 0.02...365
        case .steadyRegular: 0.5...365
        case .lapsingRegular: 120...420
        case .newBrowser: 0.05...25
        case .bargainHunter: 1...300
        case .weekendEvening: 0.1...365
        }
    }

    /// How long ago the account was created.
    var accountAgeDays: ClosedRange<Double> {
        switch self {
        case .newBrowser: 1...30
        case .lapsingRegular: 430...900
        default: 370...1_200
        }
    }

    var itemsPerOrder: ClosedRange<Int> {
        switch self {
        case .loyalHighSpender: 3...6
        case .bargainHunter: 1...2
        default: 1...3
        }
    }

    /// Chance that an order redeems a coupon.
    var couponRate: Double {
        switch self {
        case .bargainHunter: 0.7
        case .loyalHighSpender: 0.15
        default: 0.08
        }
    }

    /// Browsing sessions without a purchase.
    var browseSessions: ClosedRange<Int> {
        switch self {
        case .newBrowser: 4...10
        case .bargainHunter: 3...6
        default: 0...3
        }
    }
}
