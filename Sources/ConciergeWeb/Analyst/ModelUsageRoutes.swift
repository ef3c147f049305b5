import ConciergeCore
import ConciergeViews
import Foundation
import Hummingbird
import HummingbirdAuth

/// What the model cost over the last 30 UTC days, from the usage store and the injected clock: the page and the
/// API read the same report.
struct ModelUsageReader: Sendable {
    static let days = 30
    /// The detail of a 403 for a signed-in analyst (`APIErrorBody` words it).
    static let adminsOnly = "admins-only"

    let store: any ModelUsageStore
    let clock: any WallClock

    func report() async throws -> ModelUsageReport {
        try await ModelUsageReport.lastDays(Self.days, endingAt: clock.now(), store: store)
    }
}

/// `GET /admin/usage`: the usage page, on the signed-in group (logged out → login page) behind the admin-only
/// policy (403 for shoppers, reviewers and analysts: see `UserRole.mayReviewModelCosts`).
struct ModelUsagePageRoutes: Sendable {
    static let path = "/admin/usage"

    let reader: ModelUsageReader
    let views: PageRenderer

    func register(on router: some RouterMethods<WebContext>) {
        router.group(RouterPath(Self.path))
            .add(middleware: AuthorizationPolicyMiddleware(
                ClosureAuthorizationPolicy<SignedIn> { identity, _ in identity.user.role.mayReviewModelCosts },
                context: WebContext.self))
            .get(use: page)
    }

    func page(_ request: Request, context: WebContext) async throws -> Response {
        let signedIn = try context.signedIn()
        let report = try await reader.report()
        let page = ModelUsagePage(admin: signedIn.user, csrf: signedIn.session.csrfToken, report: report)
        return .html(try views.render(page))
    }
}

extension ModelUsageReader {
    /// `GET /admin/api/usage` behind `AnalystAPIGuard` (signed in, analyst or admin, within the limit), then admins
    /// only: the report as canonical JSON.
    func apiResponse(_ context: WebContext) async throws -> Response {
        guard try context.signedIn().user.role.mayReviewModelCosts else {
            throw HTTPError(.forbidden, message: Self.adminsOnly)
        }
        return try AnalystJSON.response(try await report())
    }
}
