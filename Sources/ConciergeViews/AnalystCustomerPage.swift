import Analytics
import ConciergeCore
import Foundation

/// `admin-customer.mustache`: one customer's card under their pseudonymous id: features, RFM scores, churn band,
/// value tier, rule segment and the value model's figures.
public struct AnalystCustomerPage: Page {
    public static let template = "admin-customer"
    public let title = "Customer card · Analyst"
    public let navigation: Navigation?
    let customerID: String
    let summary: [Row]
    let features: [Row]
    let value: [Row]
    let interests: String

    typealias Row = AnalystOverviewPage.MetricRow

    public init(analyst: User, csrf: String, card: AnalystCustomerCard) {
        navigation = Navigation(analyst: analyst, csrf: csrf)
        customerID = card.customer.features.customer
        summary = Self.standing(card.customer)
        features = Self.features(card.customer.features)
        value = Self.value(card.customer.features, card.customer.value)
        let interests = card.customer.features.interests
        self.interests = interests.isEmpty ? "—" : interests.map(\.category).joined(separator: ", ")
    }

    static func standing(_ row: CustomerSegmentRow) -> [Row] {
        let rfm = row.rfm
        func score(_ value: Int?) -> String { value.map(String.init) ?? "not ranked" }
        return [
            Row(label: "Rule segment", value: row.segment.rawValue), Row(label: "RFM segment", value: rfm.segment),
            Row(label: "Churn band", value: AnalystFormat.band(rfm.churnBand)),
            Row(label: "Value tier", value: rfm.valueTier.rawValue),
            Row(label: "Recency score (1–5)", value: score(rfm.recency)),
            Row(label: "Frequency score (1–5)", value: score(rfm.frequency)),
            Row(label: "Monetary score (1–5)", value: score(rfm.monetary)),
        ]
    }

    static func features(_ f: CustomerFeatureRow) -> [Row] {
        [
            Row(label: "Orders", value: AnalystFormat.count(f.orderCount)),
            Row(label: "Repeat purchase-days (x)", value: AnalystFormat.count(f.repeatCount)),
            Row(label: "First purchase", value: f.firstPurchase ?? "—"),
            Row(label: "Last purchase", value: f.lastPurchase ?? "—"),
            Row(label: "Days since last purchase", value: f.daysSinceLast.map { AnalystFormat.count($0) } ?? "—"),
            Row(label: "Tenure in days", value: f.tenureDays.map { AnalystFormat.count($0) } ?? "—"),
            Row(label: "Sessions, last 30 days", value: AnalystFormat.count(f.last30Days.sessions)),
            Row(label: "Events, last 30 days", value: AnalystFormat.count(f.last30Days.events)),
            Row(label: "Sessions, last 90 days", value: AnalystFormat.count(f.last90Days.sessions)),
        ]
    }

    /// Money to date from the features, then the value model's figures when the model covers the customer.
    static func value(_ f: CustomerFeatureRow, _ figures: CustomerValueFigures?) -> [Row] {
        var rows = [
            Row(label: "Gross value", value: AnalystFormat.minor(f.grossValueMinor, currency: f.currency)),
            Row(label: "Refunded", value: AnalystFormat.minor(f.refundedMinor, currency: f.currency)),
            Row(label: "Net value", value: AnalystFormat.minor(f.netValueMinor, currency: f.currency)),
            Row(label: "Average order value", value: AnalystFormat.minor(f.averageOrderValueMinor, currency: f.currency)),
        ]
        guard let figures else { return rows }
        rows.append(Row(label: "Value method", value: figures.method.rawValue))
        if let alive = figures.pAlive { rows.append(Row(label: "Probability alive", value: AnalystFormat.percent(alive))) }
        if let purchases = figures.expectedPurchases52w {
            rows.append(Row(label: "Expected purchase-days, next 52 weeks", value: AnalystFormat.decimal(purchases, digits: 1)))
        }
        if let spend = figures.expectedSpendMinor {
            rows.append(Row(label: "Expected spend per purchase", value: AnalystFormat.minor(spend, currency: f.currency)))
        }
        if let clv = figures.clv12mMinor {
            rows.append(Row(label: "CLV, next 12 months", value: AnalystFormat.minor(clv, currency: f.currency)))
        }
        return rows
    }
}
