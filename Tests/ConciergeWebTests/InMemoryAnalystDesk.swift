import Analytics
import ConciergeCore
import ConciergeWeb
import Foundation
import Synchronization

/// The analyst desk of the web tests: realistic data built from the Analytics types (customer rows computed by
/// `CustomerSegmentation.run` from a dozen customers' orders; segment snapshots with the workbench's metric keys;
/// insights with a groundedness report), held in memory. Refreshing writes a new version with a fixed timestamp, so
/// pages are deterministic. Everything is stubbed: no call reaches anything else.
final class InMemoryAnalystDesk: AnalystDesk {
    static let asOf = "2026-11-21"
    /// A segment whose name carries markup: pages must show it as text.
    static let markupSegmentID = "ml-2026-11-21-2"
    static let markupSegmentName = #"Weekend <b>brunch</b> & "co""#

    private let versions = Mutex<[String: [SegmentInsight]]>([:])
    let snapshots: [SegmentSnapshot]
    let chain: SegmentSnapshot
    let rows: [CustomerSegmentRow]

    init() {
        rows = Self.customerRows()
        snapshots = Self.segmentSnapshots()
        chain = Self.snapshot("chain", "All customers", .rule, customers: 12, share: 1, netValue: 1_964.10,
                              meanDays: 84, atRisk: 0.33, orders: 3.1)
        let highValue = snapshots[0]
        versions.withLock {
            $0[highValue.id] = [Self.insight(highValue, version: 2, unsupported: true),
                                Self.insight(highValue, version: 1, unsupported: false)]
        }
    }

    func overview() async throws -> AnalystOverview {
        let bands = ChurnBand.allCases.map { band in
            ChurnBandCount(band: band, customers: rows.count { $0.rfm.churnBand == band })
        }
        let histogram = ValueHistogram(label: "CLV over the next 52 weeks", currency: "GBP", buckets: [
            HistogramBucket(lowerBound: 0, upperBound: 50, customers: 4),
            HistogramBucket(lowerBound: 50, upperBound: 100, customers: 3),
            HistogramBucket(lowerBound: 100, upperBound: 250, customers: 3),
            HistogramBucket(lowerBound: 250, upperBound: nil, customers: 2),
        ])
        return AnalystOverview(
            asOf: Self.asOf, segments: snapshots, chain: chain, churnBands: bands, clvHistogram: histogram,
            valueModel: "BG/NBD r 0.243, α 4.414, a 0.793, b 2.426; Gamma-Gamma p 6.25, q 3.74, γ 15.44; "
                + "52-week horizon, 1% a month discount")
    }

    func segment(id: String) async throws -> AnalystSegmentDetail? {
        guard let snapshot = snapshots.first(where: { $0.id == id }) else { return nil }
        return AnalystSegmentDetail(segment: snapshot, latestInsight: versions.withLock { $0[id]?.first })
    }

    func insights(segmentID: String) async throws -> [SegmentInsight] { versions.withLock { $0[segmentID] ?? [] } }

    func refreshInsight(segmentID: String, requestedBy: String) async throws -> SegmentInsight {
        guard let snapshot = snapshots.first(where: { $0.id == segmentID }) else {
            throw AnalystDeskError.unknownSegment
        }
        return versions.withLock { stored in
            let next = Self.insight(snapshot, version: (stored[segmentID]?.first?.version ?? 0) + 1, unsupported: false)
            stored[segmentID, default: []].insert(next, at: 0)
            return next
        }
    }

    func customer(id: String) async throws -> AnalystCustomerCard? {
        guard var row = rows.first(where: { $0.features.customer == id }) else { return nil }
        row.value = row.features.orderCount > 1
            ? CustomerValueFigures(method: .bgnbdGammaGamma, pAlive: 0.81, expectedPurchases52w: 2.4,
                                   expectedSpendMinor: 4931, clv12mMinor: 11835)
            : nil
        return AnalystCustomerCard(customer: row)
    }

    /// The chat is tested over the real desk (`AnalystChatPageTests`): a page test that reaches `chat` here fails.
    struct ChatNotStubbed: Error {}

    /// A fixed turn for the API's schema test: an `an_…` conversation id other than `an_test` is unknown.
    func ask(_ question: String, conversationID: String?, analystID: String, turnKey: TurnKey?) async throws
        -> AnalystChatTurn
    {
        guard !question.isEmpty else { throw AnalystDeskError.emptyQuestion }
        guard conversationID == nil || conversationID == "an_test" else { throw AnalystDeskError.unknownConversation }
        let chain = snapshots[0]
        let text = "\(chain.name): customers 12."
        let report = GroundednessReport(score: 1,
                                        sentences: [CheckedSentence(text: text, supported: true, problems: [])])
        let record = AnalystChatRecord(
            kind: .answer, facts: [AnalystFact(segmentID: chain.id, metricKey: "customers")], groundedness: report,
            producer: "mock", promptVersion: AnalystPrompt.version, fallbackReason: nil, asOf: chain.asOf,
            context: AnalystContext(intent: .total, segments: [], metric: .size))
        return AnalystChatTurn(conversationID: "an_test", questionID: "msg_q", question: question, answerID: "msg_a",
                               answer: text, askedAt: "2026-11-30T12:00:00Z", record: record)
    }

    func chat(analystID: String, selection: AnalystChatSelection) async throws -> AnalystChatView? {
        throw ChatNotStubbed()
    }

    /// Twelve customers (pseudonymous ids) with orders spread over a year before the as-of date.
    static func customerRows() -> [CustomerSegmentRow] {
        let asOf = CalendarDay(iso: asOf)!
        let ids = (1...12).map { String(format: "cus_%02d7f3a", $0) }
        var orders: [FeatureOrder] = []
        for (index, id) in ids.enumerated() {
            let count = index % 5 + (index < 3 ? 4 : 0)
            for order in 0..<count {
                let day = asOf.adding(days: -(index * 23 + order * 9))
                orders.append(FeatureOrder(customer: id, orderID: "ord-\(index)-\(order)", day: day,
                                           totalMinor: 1_250 + index * 310 + order * 95, currency: "GBP"))
            }
        }
        let refunds = [FeatureRefund(orderID: "ord-1-0", day: asOf.adding(days: -20), amountMinor: 400)]
        let events = ids.prefix(6).map {
            FeatureEvent(customer: $0, sessionID: "s-" + $0, kind: .view, category: "coffee", day: asOf.adding(days: -3))
        }
        return CustomerSegmentation.run(customers: ids, orders: orders, refunds: refunds, events: Array(events),
                                        asOf: asOf).rows
    }

    static func segmentSnapshots() -> [SegmentSnapshot] {
        [
            snapshot("high-value-active", "High-value active", .rule, customers: 3, share: 0.25, netValue: 964.20,
                     meanDays: 12, atRisk: 0, orders: 5.7),
            snapshot("at-risk-churn", "At-risk churn", .rule, customers: 4, share: 0.33, netValue: 512.75,
                     meanDays: 148, atRisk: 1, orders: 2.5),
            snapshot("low-engagement-new", "Low-engagement new", .rule, customers: 2, share: 0.17, netValue: 61.90,
                     meanDays: 40, atRisk: 0, orders: 1),
            snapshot("other", "Other", .rule, customers: 3, share: 0.25, netValue: 425.25, meanDays: 95,
                     atRisk: 0.33, orders: 2),
            snapshot("rfm-champions", "Champions", .rfm, customers: 2, share: 0.17, netValue: 801.10, meanDays: 4,
                     atRisk: 0, orders: 6),
            snapshot("rfm-at-risk", "At Risk", .rfm, customers: 3, share: 0.25, netValue: 388.40, meanDays: 160,
                     atRisk: 1, orders: 2.7),
            snapshot(markupSegmentID, markupSegmentName, .ml, customers: 4, share: 0.33, netValue: 610.00,
                     meanDays: 33, atRisk: 0.25, orders: 3.3),
        ]
    }

    static func snapshot(_ id: String, _ name: String, _ source: SegmentSource, customers: Int, share: Double,
                         netValue: Double, meanDays: Double, atRisk: Double, orders: Double) -> SegmentSnapshot {
        SegmentSnapshot(id: id, name: name, source: source, asOf: asOf, currency: "GBP", metrics: [
            SegmentMetric(key: "customers", label: "Customers", value: Double(customers), unit: .count),
            SegmentMetric(key: "shareOfCustomers", label: "Share of customers", value: share, unit: .share),
            SegmentMetric(key: "netValueTotal", label: "Net value (GBP)", value: netValue, unit: .money),
            SegmentMetric(key: "meanDaysSinceLast", label: "Mean days since last purchase", value: meanDays, unit: .days),
            SegmentMetric(key: "atRiskShare", label: "share at risk (91–180 days)", value: atRisk, unit: .share),
            SegmentMetric(key: "ordersPerCustomer", label: "Orders per customer", value: orders, unit: .number),
        ])
    }

    static let unsupportedSentence = "Their orders grew 12.5% this quarter."
    static let unsupportedProblem = "12.5% is not a metric of this segment (closest: share of customers 25%)"

    static func insight(_ snapshot: SegmentSnapshot, version: Int, unsupported: Bool) -> SegmentInsight {
        var sentences = [
            CheckedSentence(text: "These \(Int(snapshot.metric("customers")!.value)) customers bought recently.",
                            supported: true, problems: []),
            CheckedSentence(text: "Offer them the seasonal menu first [n-03].", supported: true, problems: []),
        ]
        if unsupported {
            sentences.append(CheckedSentence(text: unsupportedSentence, supported: false,
                                             problems: [unsupportedProblem, "cites note n-09, which was not retrieved"]))
        }
        let score = Double(sentences.count { $0.supported }) / Double(sentences.count)
        return SegmentInsight(
            segmentID: snapshot.id, version: version,
            who: "Regulars who bought within the last fortnight" + (unsupported ? "; their orders grew 12.5%." : "."),
            why: "They live near a shop and come back for the seasonal menu [n-03].",
            whatToDo: "Invite them to taste the winter blend before it launches.", snapshot: snapshot,
            snapshotHash: String(repeating: "ab", count: 32), retrievedNoteIDs: ["n-03", "n-07"],
            citedNoteIDs: unsupported ? ["n-03", "n-09"] : ["n-03"], producer: "mock", promptVersion: "insight-v1",
            createdAt: "2026-11-21T14:0\(version):00Z", groundedness: GroundednessReport(score: score, sentences: sentences))
    }
}
