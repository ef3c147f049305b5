import Analytics
import Foundation
import Hummingbird
import Testing
import TestSupport

@testable import ConciergeWeb

/// Issue 16, "Machine-learned segments": segmentation runs through the analyst API and pages over the seeded store
/// (the composition root's desk: store, workbench, analyst notes), driven like an analyst would.
@Suite("Segmentation runs over the real store: API, plays, ML segments beside the rule segments")
struct SegmentationRunWebTests {
    static let runs = "/admin/api/segmentation/runs"
    /// The web world's shop has 38 buyers: at the default minimum of 20 customers no cluster is a segment, at 5 the
    /// stable "Evening, weekend" cluster (8 customers, tier medium) is, and the unstable ones stay rejected.
    static let smallChain = #"{"minimumCustomers":5}"#

    static func post(_ browser: Browser, token: String?, body: String? = nil) async throws -> Page {
        var headers = HTTPFields()
        if let token { headers[AnalystAPIGuard.csrfHeader] = token }
        headers[.contentType] = "application/json"
        return try await browser.send(runs, method: .post, headers: headers,
                                      body: body.map { ByteBuffer(string: $0) })
    }

    @Test func anAnalystRunsASegmentationAndSeesItsSegmentsPlaysAndTheMLSegmentsInTheOverview() async throws {
        let document = try AnalystOpenAPITests.document()
        try await WebWorld.run(WebWorld.Options()) { _, browser in
            let analyst = try await AnalystWorld.signedIn(.analyst, from: browser)
            let token = try await AnalystWorld.csrf(analyst)
            let started = ContinuousClock.now
            let created = try await Self.post(analyst, token: token, body: Self.smallChain)
            let elapsed = ContinuousClock.now - started
            #expect(created.status == .created, "\(created.body.prefix(300))")
            print("segmentation run through the API on the demo seed: \(elapsed)")
            #expect(try AnalystOpenAPITests.problems(created, .startSegmentationRun, document: document).isEmpty)
            let run = try JSONDecoder().decode(SegmentationRunAnswer.self, from: Data(created.body.utf8))
            #expect(run.id == "seg-20261121-150000", "the id comes from the world's clock")
            #expect(created.headers[.location] == Self.runs + "/" + run.id)
            #expect(run.perK.map(\.k) == Array(4...8) && run.perK.contains { $0.k == run.chosenK })
            #expect(!run.accepted.isEmpty && !run.rejected.isEmpty, "the seed has both")
            #expect(run.rejected.allSatisfy { !$0.rejections.isEmpty && $0.play == nil }, "each rejection says why")
            for segment in run.accepted {
                let play = try #require(segment.play, "\(segment.id)")
                #expect(segment.tier != .low && segment.snapshot.source == .ml)
                let note = try #require(play.noteID, "\(segment.id): a note is cited")
                #expect(play.explanation.contains("[\(note)]") && play.retrievedNoteIDs.contains(note))
                #expect(play.groundedness.score == 1, "\(segment.id): \(play.groundedness.unsupported)")
            }
            print("tiers:", run.accepted.map { "\($0.name) \($0.tier) \($0.customers)" },
                  "rejected:", run.rejected.map { "\($0.name): \($0.rejections)" })

            let fetched = try await analyst.get(Self.runs + "/" + run.id)
            #expect(fetched.status == .ok && fetched.body == created.body, "the stored run is the one answered")
            #expect(try AnalystOpenAPITests.problems(fetched, .segmentationRun, document: document).isEmpty)
            let export = try await analyst.get(Self.runs + "/" + run.id + "/export")
            #expect(export.headers[.contentDisposition] == "attachment; filename=\"segmentation-\(run.id).json\"")
            #expect(try AnalystOpenAPITests.problems(export, .exportSegmentationRun, document: document).isEmpty)
            let report = try SegmentationRunReport.decode(export.body)
            #expect(report.result.labels.count == run.customersClustered, "the export holds every label")

            let overview = try JSONDecoder().decode(
                AnalystOverview.self, from: Data(try await analyst.get("/admin/api/segments").body.utf8))
            #expect(overview.segments.filter { $0.source == .ml }.map(\.id) == run.accepted.map(\.id))
            #expect(Set(overview.segments.map(\.source)) == [.rule, .rfm, .ml])
            let ml = try #require(run.accepted.first).id
            #expect(try await analyst.get("/admin/api/segments/\(ml)").status == .ok)
            let mlPage = try await analyst.get("/admin/segments/\(ml)")
            #expect(mlPage.status == .ok && mlPage.contains("Clustering"), "its page, source marked")
            let refreshed = try await AnalystWorld.postJSON(analyst, "/admin/api/segments/\(ml)/refresh-insight",
                                                            token: token)
            #expect(refreshed.status == .created, "an ML segment's insight refreshes like the others")
            #expect(try await analyst.get("/admin/api/segments/ml-nope-1").status == .notFound)
            #expect(try await analyst.get(Self.runs + "/seg-19990101-000000").status == .notFound)
            for body in [created.body, export.body] {
                for personal in AnalystWorld.personal { #expect(!body.contains(personal), "\(personal) shown") }
            }
        }
    }

    @Test func aBadRequestIsRefusedWithItsReasonAndNothingIsRun() async throws {
        let document = try AnalystOpenAPITests.document()
        try await WebWorld.run(WebWorld.Options()) { _, browser in
            let analyst = try await AnalystWorld.signedIn(.analyst, from: browser)
            let token = try await AnalystWorld.csrf(analyst)
            let cases = [
                (#"{"kMin":6,"kMax":4}"#, "kMin (6) must not exceed kMax (4)"),
                (#"{"kMax":40}"#, "kMax must be at most 12"),
                (#"{"kMin":1}"#, "kMin must be an integer of at least 2"),
                (#"{"seed":"x"}"#, "seed must be an integer"),
                (#"{"restarts":3}"#, "unknown key 'restarts'"),
                (#"{"minimumCustomers":0}"#, "minimumCustomers must be an integer of at least 1"),
                ("[1]", "must be a JSON object"),
            ]
            for (body, reason) in cases {
                let answer = try await Self.post(analyst, token: token, body: body)
                #expect(answer.status == .badRequest, "\(body)")
                #expect(answer.contains(reason), "\(body): \(answer.body)")
                #expect(try AnalystOpenAPITests.problems(answer, .startSegmentationRun, document: document).isEmpty)
            }
            #expect(try await analyst.get("/admin/segmentation").status == .ok)
            let overview = try await analyst.get("/admin/api/segments")
            #expect(!overview.contains("\"ml\""), "no run was stored")
        }
    }

    /// The new endpoints sit behind the analyst API's guard: signed in, analyst or admin, CSRF on the POST.
    @Test func rolesAndTheCSRFHeaderGuardTheNewEndpoints() async throws {
        let document = try AnalystOpenAPITests.document()
        try await WebWorld.run(WebWorld.Options()) { _, browser in
            let analyst = try await AnalystWorld.signedIn(.analyst, from: browser)
            let token = try await AnalystWorld.csrf(analyst)
            let missing = try await Self.post(analyst, token: nil)
            #expect(missing.status == .forbidden && AnalystWorld.errorCode(missing) == "csrf")
            let wrong = try await Self.post(analyst, token: "not-the-token")
            #expect(wrong.status == .forbidden && AnalystWorld.errorCode(wrong) == "csrf")
            #expect(try await Self.post(browser, token: nil).status == .unauthorized)
            for person in [AnalystWorld.Person.shopper, .reviewer] {
                let other = try await AnalystWorld.signedIn(person, from: browser)
                let otherToken = try await AnalystWorld.csrf(other)
                let refused = try await Self.post(other, token: otherToken)
                #expect(refused.status == .forbidden && AnalystWorld.errorCode(refused) == "forbidden", "\(person)")
                #expect(try AnalystOpenAPITests.problems(refused, .startSegmentationRun, document: document).isEmpty)
                for path in [Self.runs + "/x", Self.runs + "/x/export"] {
                    #expect(try await other.get(path).status == .forbidden, "\(person) \(path)")
                }
                #expect(try await other.get("/admin/segmentation").status == .forbidden, "\(person)")
            }
            let admin = try await AnalystWorld.signedIn(.admin, from: browser)
            #expect(try await admin.get(Self.runs + "/x").status == .notFound, "admins may read runs")
            // Two runs of one analyst at once: the second is refused while the first computes (seconds).
            async let first = Self.post(analyst, token: token, body: #"{"kMin":5,"kMax":5}"#)
            async let second = Self.post(analyst, token: token, body: #"{"kMin":5,"kMax":5,"seed":7}"#)
            let statuses = try await [first, second].map(\.status.code).sorted()
            #expect(statuses == [201, 409])
            let again = try await Self.post(analyst, token: token, body: #"{"kMin":5,"kMax":5,"seed":8}"#)
            #expect(again.status == .created, "free again once it finished")
        }
    }

    /// The pages: the Run button (a form with the CSRF field) runs and redirects to the run's page, which shows the
    /// silhouette chart with its table, the accepted cards with plays and badges, and the rejected with reasons.
    @Test func thePagesRunAndShowASegmentation() async throws {
        try await WebWorld.run(WebWorld.Options()) { _, browser in
            let analyst = try await AnalystWorld.signedIn(.analyst, from: browser)
            #expect(try await analyst.get("/admin").contains(#"href="/admin/segmentation""#))
            let empty = try await analyst.get("/admin/segmentation")
            #expect(empty.status == .ok && empty.contains("no-runs") && empty.contains(#"name="csrf""#))
            let refused = try await analyst.post("/admin/segmentation", [("csrf", "wrong")])
            #expect(refused.status == .forbidden, "the form guard checks the CSRF field")
            // The button runs the defaults: on this small chain every cluster is rejected, and the page says why.
            let posted = try await analyst.submit(on: "/admin/segmentation", to: "/admin/segmentation", [])
            #expect(posted.status == .seeOther)
            let location = try #require(posted.headers[.location])
            #expect(location == "/admin/segmentation/seg-20261121-150000")
            let defaults = try await analyst.get(location)
            #expect(defaults.status == .ok && defaults.contains("no-accepted"))
            #expect(defaults.contains("Rejected: 8 customers, fewer than the minimum of 20"))
            let token = try await AnalystWorld.csrf(analyst)
            #expect(try await Self.post(analyst, token: token, body: Self.smallChain).status == .created)
            let page = try await analyst.get("/admin/segmentation/seg-20261121-150000-2")
            #expect(page.status == .ok)
            for part in ["<svg", "chart-silhouette", "<table", "k = 4", "(chosen)", "Tier Medium", "Rejected: ",
                         "Groundedness 100%", "Cited note <code>n-", "[n-", "/export"] {
                #expect(page.contains(part), "\(part)")
            }
            #expect(!page.contains("no-accepted"))
            let list = try await analyst.get("/admin/segmentation")
            #expect(list.contains(#"href="/admin/segmentation/seg-20261121-150000""#))
            #expect(list.contains(#"href="/admin/segmentation/seg-20261121-150000-2""#), "the same second: -2")
            let overview = try await analyst.get("/admin")
            #expect(overview.contains("Clustering"), "the ML segments are listed, their source marked")
            for body in [page.body, list.body] {
                for personal in AnalystWorld.personal { #expect(!body.contains(personal), "\(personal) shown") }
            }
        }
    }
}
