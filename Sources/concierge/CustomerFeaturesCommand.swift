import Analytics
import ArgumentParser
import ConciergeApp
import ConciergeCore
import Crypto
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
            --as-of (UTC days). Prints the customers per rule segment, RFM segment and churn band; --json prints the \
            whole run (rules, counts, one row per customer) as canonical JSON: the same store and date give the \
            same bytes.
            """
    )

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The as-of date, included.", valueName: "YYYY-MM-DD"))
    var asOf: String

    @Option(help: ArgumentHelp("Segment rule thresholds as JSON; missing keys keep their defaults.",
                               valueName: "FILE.json"))
    var rules: String?

    @Flag(help: "Print JSON: {asOf, rules, counts, rows: [{features, rfm, segment}]} (pseudonymous ids only).")
    var json = false

    func validate() throws {
        guard CalendarDay(iso: asOf) != nil else {
            throw ValidationError("--as-of must be a calendar date YYYY-MM-DD, e.g. 2026-12-01")
        }
    }

    func run() async throws {
        let day = CalendarDay(iso: asOf)!
        let segmentRules = try loadRules()
        let configuration = try CommandSupport.configuration()
        if configuration.analyticsPseudonymKey == nil {
            CommandSupport.printError("note: pseudonyms use the development key; set ANALYTICS_PSEUDONYM_KEY")
        }
        let pseudonyms = CustomerPseudonyms(key: configuration.analyticsPseudonymKey)
        let inputs = try await CommandSupport.withStore(configuration) { store in
            try await FeatureInputs.read(store, pseudonyms: pseudonyms)
        }
        let run = CustomerSegmentation.run(customers: inputs.customers, orders: inputs.orders,
                                           refunds: inputs.refunds, events: inputs.events, asOf: day,
                                           rules: segmentRules)
        print(json ? try run.json() : run.text())
    }

    private func loadRules() throws -> SegmentRules {
        guard let rules else { return SegmentRules() }
        guard let data = FileManager.default.contents(atPath: rules) else {
            throw ValidationError("cannot read \(rules)")
        }
        do { return try JSONDecoder().decode(SegmentRules.self, from: data) } catch {
            throw ValidationError("\(rules) is not a segment rules file: every key is an integer threshold")
        }
    }
}

/// Keyed pseudonyms for user ids: `c_` and the first 16 bytes of HMAC-SHA256(key, id) in hex. Without a configured
/// key a fixed development key is used, so pseudonyms stay stable between runs (but are guessable).
struct CustomerPseudonyms: Sendable {
    private static let developmentKey = Data("concierge-analytics-development-pseudonym-key".utf8)
    private let key: SymmetricKey

    init(key: Data?) { self.key = SymmetricKey(data: key ?? Self.developmentKey) }

    func pseudonym(_ userID: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(userID.utf8), using: key)
        return "c_" + mac.prefix(16).map { String(format: "%02x", $0) }.joined()
    }
}

/// The store's rows converted to the pure module's inputs, keyed by pseudonym. Days are UTC calendar days.
struct FeatureInputs {
    var customers: [String]
    var orders: [FeatureOrder]
    var refunds: [FeatureRefund]
    var events: [FeatureEvent]

    static func read(_ store: some AnalyticsReadStore, pseudonyms: CustomerPseudonyms) async throws -> FeatureInputs {
        let orders = try await store.allOrders()
        let events = try await store.allEvents()
        var cache: [String: String] = [:]
        func alias(_ id: String) -> String {
            if let known = cache[id] { return known }
            let made = pseudonyms.pseudonym(id)
            cache[id] = made
            return made
        }
        return FeatureInputs(
            customers: try await store.shopperIDs().map(alias),
            orders: orders.map {
                FeatureOrder(customer: alias($0.userID), orderID: $0.id, day: utcDay($0.placedAt),
                             totalMinor: $0.totalMinor, currency: $0.currency, cancelled: $0.status == .cancelled)
            },
            refunds: orders.compactMap(refund),
            events: events.compactMap { event in
                kind(event.type).map {
                    FeatureEvent(customer: alias(event.userID), sessionID: event.sessionID, kind: $0,
                                 category: event.category, day: utcDay(event.at))
                }
            })
    }

    /// An approved or paid refund counts with its amount on its last update; an order marked `refunded` without a
    /// refund record counts in full, on its delivery (or placement) day.
    static func refund(_ order: Order) -> FeatureRefund? {
        if let refund = order.refund {
            guard refund.state == .approved || refund.state == .paid else { return nil }
            return FeatureRefund(orderID: order.id, day: utcDay(refund.updatedAt), amountMinor: refund.amountMinor)
        }
        guard order.status == .refunded else { return nil }
        return FeatureRefund(orderID: order.id, day: utcDay(order.deliveredAt ?? order.eta ?? order.placedAt),
                             amountMinor: order.totalMinor)
    }

    static func kind(_ type: EventType) -> FeatureEvent.Kind? {
        switch type {
        case .sessionStart: .sessionStart
        case .viewItem: .view
        case .addToCart: .cart
        case .purchase: .purchase
        case .refund: .refund
        }
    }

    static func utcDay(_ date: Date) -> CalendarDay {
        CalendarDay(daysSinceEpoch: Int((date.timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}
