import Analytics
import ArgumentParser
import ConciergeApp
import ConciergeCore
import Foundation

/// `concierge analytics features`: per-customer features, RFM and rule segments on an explicit as-of date, from the
/// configured store (docs/analytics.md, "Customer features, RFM and segments").
struct CustomerFeaturesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "features",
        abstract: "Customer features, RFM scores and rule segments on an as-of date, from the configured store.",
        discussion: """
            Reads every shopper id, order and event (AnalyticsReadStore), keys each customer by a keyed pseudonym \
            (HMAC-SHA256 of the user id with ANALYTICS_PSEUDONYM_KEY), and counts only what happened on or before \
            --as-of (UTC days). Prints the customers per rule segment, RFM segment and churn band and how the value \
            figures were made; --json prints the whole run (rules, counts, value models, one row per customer with \
            its value figures) as canonical JSON: the same store and date give the same bytes.
            """
    )

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The as-of date, included.", valueName: "YYYY-MM-DD"))
    var asOf: String

    @Option(help: ArgumentHelp("Segment rule thresholds as JSON; missing keys keep their defaults.",
                               valueName: "FILE.json"))
    var rules: String?

    @Flag(help: """
        Print JSON: {asOf, rules, counts, valueModel, rows: [{features, rfm, segment, value}]} (pseudonymous ids only).
        """)
    var json = false

    func validate() throws {
        _ = try CommandSupport.asOfDay(asOf)
    }

    func run() async throws {
        let day = try CommandSupport.asOfDay(asOf)
        let segmentRules = try SegmentRulesFile.load(rules)
        let configuration = try CommandSupport.configuration()
        let pseudonyms = CommandSupport.pseudonyms(configuration)
        let inputs = try await CommandSupport.withStore(configuration) { store in
            try await FeatureInputs.read(store, pseudonyms: pseudonyms)
        }
        let run = CustomerSegmentation.run(customers: inputs.customers, orders: inputs.orders,
                                           refunds: inputs.refunds, events: inputs.events, asOf: day,
                                           rules: segmentRules)
        print(json ? try run.json() : run.text())
    }
}
