import Foundation

/// The business values of a group of customers, and their metric snapshot.
struct SegmentProfileSummary {
    var customers: Int
    var meanOrders: Double
    var meanDaysSinceLast: Double
    var basketVsTypical: Double
    var meanEvents30: Double
    var premiumShare: Double
    var couponShare: Double
    var eveningShare: Double
    var weekendShare: Double
    /// Money only over the customers who pay in the main currency (minor units of different currencies differ).
    var inMainCurrency: Int
    var averageOrderValue: Double
    var netValueTotal: Double

    init(_ profiles: [SegmentationProfile], mainCurrency: String) {
        let n = Double(max(1, profiles.count))
        func mean(_ value: (SegmentationProfile) -> Double) -> Double { profiles.reduce(0) { $0 + value($1) } / n }
        customers = profiles.count
        meanOrders = mean { Double($0.orderCount) }
        meanDaysSinceLast = mean { Double($0.daysSinceLast) }
        basketVsTypical = mean(\.basketVsTypical)
        meanEvents30 = mean { Double($0.events30) }
        premiumShare = mean(\.premiumShare)
        couponShare = mean(\.couponShare)
        eveningShare = mean(\.eveningShare)
        weekendShare = mean(\.weekendShare)
        let paying = profiles.filter { $0.currency == mainCurrency }
        inMainCurrency = paying.count
        averageOrderValue = paying.isEmpty ? 0
            : paying.reduce(0) { $0 + Double($1.averageOrderValueMinor) } / Double(paying.count) / 100
        netValueTotal = Double(paying.reduce(0) { $0 + $1.netValueMinor }) / 100
    }

    /// In a fixed order; labels say what each number means, units how it is shown.
    func metrics(share: Double, ordersVsAverage: Double) -> [SegmentMetric] {
        [
            .init(key: "customers", label: "customers", value: Double(customers), unit: .count),
            .init(key: "share", label: "share of clustered customers", value: share, unit: .share),
            .init(key: "meanOrders", label: "orders per customer", value: meanOrders, unit: .number),
            .init(key: "ordersVsAverage", label: "orders per customer vs the average customer",
                  value: ordersVsAverage, unit: .number),
            .init(key: "meanDaysSinceLast", label: "days since the last order", value: meanDaysSinceLast,
                  unit: .days),
            .init(key: "basketVsTypical", label: "order value vs the typical order in the customer's currency",
                  value: basketVsTypical, unit: .number),
            .init(key: "meanEvents30", label: "site events in the last 30 days", value: meanEvents30, unit: .number),
            .init(key: "premiumShare", label: "share of items from the premium tier", value: premiumShare,
                  unit: .share),
            .init(key: "couponShare", label: "share of orders with a coupon", value: couponShare, unit: .share),
            .init(key: "eveningShare", label: "share of orders from 17:00 (shop time)", value: eveningShare,
                  unit: .share),
            .init(key: "daytimeShare", label: "share of orders before 17:00 (shop time)", value: 1 - eveningShare,
                  unit: .share),
            .init(key: "weekendShare", label: "share of orders on Saturday or Sunday", value: weekendShare,
                  unit: .share),
            .init(key: "weekdayShare", label: "share of orders Monday to Friday", value: 1 - weekendShare,
                  unit: .share),
            .init(key: "customersInMainCurrency", label: "customers paying in the main currency",
                  value: Double(inMainCurrency), unit: .count),
            .init(key: "averageOrderValue", label: "average order value (main-currency customers only)",
                  value: averageOrderValue, unit: .money),
            .init(key: "netValueTotal", label: "net value (main-currency customers only)", value: netValueTotal,
                  unit: .money),
        ]
    }
}

/// The words of each feature group, above and below the average customer.
enum TraitWording {
    /// The trait's sentence and the metrics whose values it prints (formatted with their display rounding).
    static func text(group: String, above: Bool, metrics: [SegmentMetric]) -> (String, [String]) {
        func value(_ key: String) -> Double { metrics.first { $0.key == key }!.value }
        func number(_ key: String) -> String { String(format: "%.1f", value(key)) }
        func percent(_ key: String) -> String { String(format: "%.0f%%", value(key) * 100) }
        func days(_ key: String) -> String {
            let shown = String(format: "%.0f", value(key))
            return shown + (shown == "1" ? " day" : " days")
        }
        switch (group, above) {
        case ("frequency", true):
            return ("orders \(number("ordersVsAverage"))× as often as the average customer "
                + "(\(number("meanOrders")) orders each)", ["ordersVsAverage", "meanOrders"])
        case ("frequency", false):
            return ("orders less often than the average customer: \(number("ordersVsAverage"))× as many orders "
                + "(\(number("meanOrders")) each)", ["ordersVsAverage", "meanOrders"])
        case ("basket", true):
            return ("spends \(number("basketVsTypical"))× the typical order of their currency per order",
                    ["basketVsTypical"])
        case ("basket", false):
            return ("small baskets: \(number("basketVsTypical"))× the typical order of their currency",
                    ["basketVsTypical"])
        case ("recency", true):
            return ("has not ordered for a while: last order \(days("meanDaysSinceLast")) ago on average",
                    ["meanDaysSinceLast"])
        case ("recency", false):
            return ("ordered recently: last order \(days("meanDaysSinceLast")) ago on average",
                    ["meanDaysSinceLast"])
        case ("engagement", true):
            return ("browses a lot: \(number("meanEvents30")) site events a month each", ["meanEvents30"])
        case ("engagement", false):
            return ("rarely on the site: \(number("meanEvents30")) events a month each", ["meanEvents30"])
        case ("premium", true):
            let lead = value("premiumShare") >= 0.5 ? "mostly premium items" : "more premium items than most"
            return ("\(lead) (\(percent("premiumShare")) of items)", ["premiumShare"])
        case ("premium", false):
            return ("few premium items (\(percent("premiumShare")) of items)", ["premiumShare"])
        case ("coupons", true):
            return ("uses a coupon on \(percent("couponShare")) of orders", ["couponShare"])
        case ("coupons", false):
            return ("rarely uses a coupon (\(percent("couponShare")) of orders)", ["couponShare"])
        case ("time of day", true):
            return ("shops in the evening (\(percent("eveningShare")) of orders)", ["eveningShare"])
        case ("time of day", false):
            return ("shops in the daytime (\(percent("daytimeShare")) of orders)", ["daytimeShare"])
        case ("day of week", true):
            return ("shops at weekends (\(percent("weekendShare")) of orders on Saturday or Sunday)",
                    ["weekendShare"])
        default:
            return ("shops on weekdays (\(percent("weekdayShare")) of orders Monday to Friday)", ["weekdayShare"])
        }
    }

    /// Two or three words for a segment's name.
    static func shortLabel(group: String, above: Bool) -> String {
        switch (group, above) {
        case ("frequency", true): "frequent"
        case ("frequency", false): "occasional"
        case ("basket", true): "big-basket"
        case ("basket", false): "small-basket"
        case ("recency", true): "lapsed"
        case ("recency", false): "recent"
        case ("engagement", true): "browsing"
        case ("engagement", false): "quiet"
        case ("premium", true): "premium"
        case ("premium", false): "no-premium"
        case ("coupons", true): "coupon"
        case ("coupons", false): "full-price"
        case ("time of day", true): "evening"
        case ("time of day", false): "daytime"
        case ("day of week", true): "weekend"
        default: "weekday"
        }
    }

    /// Behaviour words for retrieving a playbook note (no numbers: the notes are about kinds of customer).
    static func queryPhrase(group: String, above: Bool) -> String {
        switch (group, above) {
        case ("frequency", true): "frequent repeat buyers"
        case ("frequency", false): "infrequent buyers"
        case ("basket", true): "large baskets, high order value"
        case ("basket", false): "small baskets, low order value"
        case ("recency", true): "lapsed customers who stopped ordering (win-back)"
        case ("recency", false): "recently active customers"
        case ("engagement", true): "browse the site a lot"
        case ("engagement", false): "rarely visit the site"
        case ("premium", true): "buy premium products"
        case ("premium", false): "avoid premium products, price-sensitive"
        case ("coupons", true): "coupon and discount hunters"
        case ("coupons", false): "pay full price, no coupons"
        case ("time of day", true): "shop in the evening"
        case ("time of day", false): "shop in the daytime"
        case ("day of week", true): "shop at weekends"
        default: "shop on weekdays"
        }
    }
}
