import Analytics
import ArgumentParser
import ConciergeApp
import ConciergeCore
import Foundation

/// `concierge analytics segments`: the metric snapshot of every segment on an as-of date, through the same
/// `AnalystWorkbench` the web and the insight writer use (docs/analytics.md, "Segment snapshots").
struct SegmentSnapshotsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segments",
        abstract: "Metric snapshots of the chain, the rule segments and the RFM segments on an as-of date.",
        discussion: """
            Computes the segmentation run of `analytics features` (with value figures) and aggregates it per \
            segment: customers, net value, order value, churn bands, P(alive), 12-month CLV… Money metrics are in \
            the chain's main currency and cover only its customers (and those who never bought). --json prints \
            {asOf, snapshots, valueModel} as canonical JSON: the same store and date give the same bytes.
            """
    )

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The as-of date, included.", valueName: "YYYY-MM-DD"))
    var asOf: String

    @Option(help: ArgumentHelp("Segment rule thresholds as JSON; missing keys keep their defaults.",
                               valueName: "FILE.json"))
    var rules: String?

    @Flag(help: "Print JSON: {asOf, snapshots: [{id, name, source, asOf, currency, metrics}], valueModel}.")
    var json = false

    func validate() throws {
        _ = try CommandSupport.asOfDay(asOf)
    }

    func run() async throws {
        let day = try CommandSupport.asOfDay(asOf)
        let segmentRules = try SegmentRulesFile.load(rules)
        let configuration = try CommandSupport.configuration()
        let pseudonyms = CommandSupport.pseudonyms(configuration)
        let data = try await CommandSupport.withStore(configuration) { store in
            try await AnalystWorkbench(store: store, pseudonyms: pseudonyms, rules: segmentRules)
                .dataSet(asOf: day)
        }
        print(json ? try SnapshotListing(data).json() : SnapshotListing(data).text())
    }
}

/// What the command prints: the snapshots and the value models, without the per-customer rows.
struct SnapshotListing: Encodable {
    var asOf: String
    var snapshots: [SegmentSnapshot]
    var valueModel: ValueModelSummary

    init(_ data: AnalystDataSet) {
        asOf = data.asOf
        snapshots = data.snapshots
        valueModel = data.valueModel
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// One row per segment with the main metrics (a blank where a metric is left out), then the value models.
    func text() -> String {
        let columns: [(key: String, header: String)] = [
            ("customers", "customers"), ("shareOfCustomers", "share"), ("netValueMean", "net/cust"),
            ("averageOrderValue", "AOV"), ("repeatCustomerShare", "repeat"), ("meanDaysSinceLast", "days"),
            ("activeShare", "active"), ("meanPAlive", "pAlive"), ("clvMean", "CLV/cust"), ("clvTotal", "CLV total"),
            ("customersInOtherCurrencies", "other cur."),
        ]
        let currency = snapshots.first?.currency ?? ""
        let header = ["segment"] + columns.map(\.header)
        let rows = snapshots.map { snapshot in
            [snapshot.id] + columns.map { column in snapshot.metric(column.key).map(Self.display) ?? "" }
        }
        let widths = header.indices.map { index in ([header] + rows).map { $0[index].count }.max() ?? 0 }
        let table = ([header] + rows).map { cells in
            cells.indices.map { index in
                let padding = String(repeating: " ", count: widths[index] - cells[index].count)
                return index == 0 ? cells[index] + padding : padding + cells[index]
            }.joined(separator: "  ")
        }
        let money = currency.isEmpty ? "no purchases, so no money"
            : "money in \(currency), \(currency) customers only (and those who never bought)"
        let intro = "segments as of \(asOf); \(money); shares and pAlive in %"
        return ([intro] + table + valueModel.textLines()).joined(separator: "\n")
    }

    /// As `MetricUnit` says a metric is shown: shares and probabilities as whole percentages, money with two decimals.
    static func display(_ metric: SegmentMetric) -> String {
        switch metric.unit {
        case .count: String(Int(metric.value))
        case .share, .probability: String(Int((metric.value * 100).rounded(.toNearestOrAwayFromZero)))
        case .money, .number: String(format: "%.2f", metric.value)
        case .days: String(Int(metric.value.rounded(.toNearestOrAwayFromZero)))
        }
    }
}
