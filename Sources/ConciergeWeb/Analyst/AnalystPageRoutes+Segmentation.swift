import Analytics
import ConciergeViews
import Foundation
import Hummingbird

/// `GET /admin/segmentation` (the runs and the Run button), `POST /admin/segmentation` (the button: a run with the
/// default configuration, then post-redirect-get to it) and `GET /admin/segmentation/{id}` (one run).
extension AnalystPageRoutes {
    /// Runs listed on the page: the newest few are what an analyst compares.
    static let listedRuns = 20

    func segmentationRuns(_ request: Request, context: WebContext) async throws -> Response {
        let signedIn = try context.signedIn()
        let runs = try await side.segmentation().segmentationRuns(limit: Self.listedRuns)
        return .html(try views.render(SegmentationRunsPage(analyst: signedIn.user, csrf: signedIn.session.csrfToken,
                                                           runs: runs)))
    }

    /// The form carries only its CSRF field (checked by the form guard): the page runs the defaults.
    func startSegmentationRun(_ request: Request, context: WebContext) async throws -> Response {
        let signedIn = try context.signedIn()
        let run = try await SegmentationAPI.started(try side.segmentation(), body: [], by: signedIn.user.id)
        context.logger.info("analyst started a segmentation run", metadata: ["run": "\(run.id)"])
        return .seeOther(SegmentationLinks.run(run.id))
    }

    func segmentationRun(_ request: Request, context: WebContext) async throws -> Response {
        let signedIn = try context.signedIn()
        let run = try await SegmentationAPI.run(try side.segmentation(), context)
        return .html(try views.render(SegmentationRunPage(analyst: signedIn.user, csrf: signedIn.session.csrfToken,
                                                          run: run)))
    }
}
