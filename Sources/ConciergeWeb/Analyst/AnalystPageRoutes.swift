import Analytics
import ConciergeCore
import ConciergeViews
import Foundation
import Hummingbird
import HummingbirdAuth

/// `GET /admin`, `GET /admin/segments/{id}`, `POST /admin/segments/{id}/refresh-insight` and
/// `GET /admin/customers/{id}`, the segmentation pages (`AnalystPageRoutes+Segmentation.swift`) and the chat
/// (`AnalystChatRoutes`): the analyst pages. Registered on the signed-in group (anyone logged out goes to the login
/// page; the form guard checks the forms' CSRF field); the group's policy answers 403 to shoppers and reviewers
/// before a handler runs.
struct AnalystPageRoutes: Sendable {
    let side: AnalystSide
    let views: PageRenderer
    /// The analyst chat form's turn keys.
    let ids: any IdentifierSource

    func register(on router: some RouterMethods<WebContext>) {
        let admin = router.group(RouterPath(AnalystLinks.overview))
            .add(middleware: AuthorizationPolicyMiddleware(
                ClosureAuthorizationPolicy<SignedIn> { identity, _ in identity.user.role.mayUseAnalytics },
                context: WebContext.self))
        admin.get(use: overview)
        admin.get("segments/{id}", use: segment)
        admin.post("segments/{id}/refresh-insight", use: refresh)
        admin.get("customers/{id}", use: customer)
        admin.get("segmentation", use: segmentationRuns)
        admin.post("segmentation", use: startSegmentationRun)
        admin.get("segmentation/{id}", use: segmentationRun)
        AnalystChatRoutes(side: side, views: views, ids: ids).register(on: admin)
    }

    func overview(_ request: Request, context: WebContext) async throws -> Response {
        let signedIn = try context.signedIn()
        let overview = try await side.desk().overview()
        return .html(try views.render(AnalystOverviewPage(analyst: signedIn.user, csrf: signedIn.session.csrfToken,
                                                          overview: overview)))
    }

    func segment(_ request: Request, context: WebContext) async throws -> Response {
        let signedIn = try context.signedIn()
        let desk = try side.desk()
        let detail = try await AnalystAPIRoutes.segment(desk, context)
        let versions = try await desk.insights(segmentID: detail.segment.id)
        return .html(try views.render(AnalystSegmentPage(analyst: signedIn.user, csrf: signedIn.session.csrfToken,
                                                         detail: detail, versions: versions)))
    }

    /// Post-redirect-get back to the segment, where the new version shows.
    func refresh(_ request: Request, context: WebContext) async throws -> Response {
        let signedIn = try context.signedIn()
        let desk = try side.desk()
        let id = try await AnalystAPIRoutes.segment(desk, context).segment.id
        try await side.admitRefresh(signedIn.user)
        _ = try await AnalystSide.refreshed(desk, segmentID: id, by: signedIn.user, logger: context.logger)
        return .seeOther(AnalystLinks.segment(id) + "#insight-title")
    }

    func customer(_ request: Request, context: WebContext) async throws -> Response {
        let signedIn = try context.signedIn()
        guard let card = try await side.desk().customer(id: try AnalystSide.id(context)) else {
            throw HTTPError(.notFound)
        }
        return .html(try views.render(AnalystCustomerPage(analyst: signedIn.user, csrf: signedIn.session.csrfToken,
                                                          card: card)))
    }
}
