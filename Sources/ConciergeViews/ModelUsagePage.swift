import ConciergeCore
import Foundation

/// `admin-usage.mustache`: what the model cost over the last 30 days, per day × model × purpose, with totals per
/// currency and an empty state. Counts and money only: the usage records hold nothing else.
public struct ModelUsagePage: Page {
    public static let template = "admin-usage"
    public let title = "Model usage · Admin"
    public let navigation: Navigation?
    let from: String
    let through: String
    let rows: [Row]
    let totals: [Row]
    let isEmpty: Bool

    struct Row: Sendable {
        let day: String
        let model: String
        let purpose: String
        let calls: String
        let promptTokens: String
        let completionTokens: String
        let cost: String
    }

    public init(admin: User, csrf: String, report: ModelUsageReport) {
        navigation = Navigation(analyst: admin, csrf: csrf)
        from = report.from
        through = report.through
        rows = report.rows.map {
            Row(day: $0.day, model: Self.model($0.model), purpose: $0.purpose, calls: AnalystFormat.count($0.calls),
                promptTokens: AnalystFormat.count($0.promptTokens),
                completionTokens: AnalystFormat.count($0.completionTokens), cost: $0.cost + " " + $0.currency)
        }
        totals = report.totals.map {
            Row(day: "Total", model: "", purpose: "", calls: AnalystFormat.count($0.calls),
                promptTokens: AnalystFormat.count($0.promptTokens),
                completionTokens: AnalystFormat.count($0.completionTokens), cost: $0.cost + " " + $0.currency)
        }
        isEmpty = report.rows.isEmpty
    }

    /// `none` is a call that asked no model (an audience discovery with a given filter).
    static func model(_ name: String) -> String { name == ModelUsageRecorder.noModel ? "no model" : name }
}
