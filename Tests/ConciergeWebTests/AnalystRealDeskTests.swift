import Analytics
import ConciergeApp
import Foundation
import Hummingbird
import Testing

@testable import ConciergeWeb

/// The analyst side as `concierge serve` builds it: the composition root's desk over the seeded store (workbench,
/// analyst notes, mock insight writer, versioned insight store), driven through the web like an analyst would.
@Suite("Analyst side over the real store: overview, grounded insight versions, a customer card")
struct AnalystRealDeskTests {
    @Test func anAnalystReadsSegmentsRefreshesAGroundedInsightAndOpensACard() async throws {
        try await WebWorld.run(WebWorld.Options()) { _, browser in
            let analyst = try await AnalystWorld.signedIn(.analyst, from: browser)
            var bodies: [String] = []

            let overviewPage = try await analyst.get("/admin")
            #expect(overviewPage.status == .ok && overviewPage.contains("<svg"))
            let overviewJSON = try await analyst.get("/admin/api/segments")
            bodies += [overviewPage.body, overviewJSON.body]
            let overview = try JSONDecoder().decode(AnalystOverview.self, from: Data(overviewJSON.body.utf8))
            #expect(overview.chain.id == "all-customers" && (overview.chain.metric("customers")?.value ?? 0) > 40)
            #expect(Set(overview.segments.map(\.source)) == [.rule, .rfm])
            let ruleCustomers = overview.segments.filter { $0.source == .rule }
                .reduce(0.0) { $0 + ($1.metric("customers")?.value ?? 0) }
            #expect(ruleCustomers == overview.chain.metric("customers")?.value, "rule segments partition the chain")
            #expect(overview.clvHistogram.buckets.reduce(0) { $0 + $1.customers } > 0)

            let segment = "high-value-active"
            let token = try await AnalystWorld.csrf(analyst)
            let first = try await AnalystWorld.postJSON(analyst, "/admin/api/segments/\(segment)/refresh-insight",
                                                        token: token)
            #expect(first.status == .created)
            struct Refreshed: Decodable { var insight: SegmentInsight }
            let insight = try JSONDecoder().decode(Refreshed.self, from: Data(first.body.utf8)).insight
            #expect(insight.version == 1 && insight.producer == "mock" && insight.fallbackReason == nil)
            #expect(insight.groundedness.score == 1, "\(insight.groundedness.unsupported)")
            #expect(!insight.retrievedNoteIDs.isEmpty && Set(insight.citedNoteIDs).isSubset(of: insight.retrievedNoteIDs))
            #expect(!insight.whatToDo.isEmpty && insight.snapshot.id == segment)

            _ = try await AnalystWorld.postJSON(analyst, "/admin/api/segments/\(segment)/refresh-insight", token: token)
            let versionsJSON = try await analyst.get("/admin/api/segments/\(segment)/insights")
            bodies.append(versionsJSON.body)
            #expect(versionsJSON.contains(#""version":2"#) && versionsJSON.contains(#""version":1"#))
            let page = try await analyst.get("/admin/segments/\(segment)")
            bodies.append(page.body)
            #expect(page.status == .ok && page.contains("100%"))

            let ava = CustomerPseudonyms(key: nil).pseudonym("usr_demo_ava")
            let card = try await analyst.get("/admin/api/customers/\(ava)/features")
            let cardPage = try await analyst.get("/admin/customers/\(ava)")
            bodies += [card.body, cardPage.body]
            #expect(card.status == .ok && card.contains(ava) && card.contains(#""orderCount""#))
            #expect(cardPage.status == .ok)
            #expect(try await analyst.get("/admin/api/customers/usr_demo_ava/features").status == .notFound,
                    "a user id is not a customer id here")

            for body in bodies {
                for personal in AnalystWorld.personal { #expect(!body.contains(personal), "\(personal) shown") }
            }
        }
    }
}
