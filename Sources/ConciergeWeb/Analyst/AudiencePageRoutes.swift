import Analytics
import ConciergeCore
import ConciergeViews
import Foundation
import Hummingbird
import HummingbirdAuth

/// `GET /admin/audiences`, `POST /admin/audiences` and `POST /admin/audiences/export`: the audience builder page.
/// Registered on the signed-in, form-guarded group (logged out → login page, CSRF field checked) behind the same role
/// policy as the other analyst pages (403 for shoppers and reviewers). The form becomes the API's request document and
/// goes through the same port, so validation, discovery, export roles and the audit trail are the API's own.
struct AudiencePageRoutes: Sendable {
    let port: (any AudienceDiscoveryPort)?
    let views: PageRenderer
    let clock: any WallClock

    func register(on router: some RouterMethods<WebContext>) {
        let pages = router.group(RouterPath(AnalystLinks.audiences))
            .add(middleware: AuthorizationPolicyMiddleware(
                ClosureAuthorizationPolicy<SignedIn> { identity, _ in identity.user.role.mayUseAnalytics },
                context: WebContext.self))
        pages.get(use: builder)
        pages.post(use: discover)
        pages.post("export", use: export)
    }

    func builder(_ request: Request, context: WebContext) async throws -> Response {
        var values = AudienceBuilderValues()
        // The API's default as-of date (today, UTC), shown so the analyst sees which day the figures are for.
        let days = Int((clock.now().timeIntervalSince1970 / 86_400).rounded(.down))
        values.asOf = CalendarDay(daysSinceEpoch: days).description
        return try render(context, values: values)
    }

    func discover(_ request: Request, context: WebContext) async throws -> Response {
        let form = try await request.decode(as: AudienceBuilderForm.self, context: context)
        guard let port else { return try render(context, values: form.values) }
        let signedIn = try context.signedIn()
        let errors = form.fieldErrors()
        guard errors.isEmpty else { return try render(context, values: form.values, errors: errors) }
        switch try await port.discover(requestBody: form.requestDocument(), by: signedIn.user) {
        case .found(let json):
            let outcome = try JSONDecoder().decode(AudienceDiscoveryOutcome.self, from: json)
            return try render(context, values: form.values, result: outcome, hidden: form.hiddenFields)
        case .refused(let reason):
            let refusal = form.group(ofRefusal: reason)
            return try render(context, values: form.values, errors: [refusal.group: refusal.reason])
        case .forbidden: throw HTTPError(.forbidden)
        }
    }

    /// The API's export as a form post: the same port call, so the role rule (real contacts for admins only, checked
    /// before anything runs) and the audit record are the API's.
    func export(_ request: Request, context: WebContext) async throws -> Response {
        let form = try await request.decode(as: AudienceBuilderForm.self, context: context)
        guard let port else { return try render(context, values: form.values) }
        let signedIn = try context.signedIn()
        let errors = form.fieldErrors()
        guard errors.isEmpty else { return try render(context, values: form.values, errors: errors) }
        let format = form.format ?? "csv"
        switch try await port.export(requestBody: form.requestDocument(), by: signedIn.user, format: format,
                                     contacts: AudienceBuilderForm.filled(form.contacts)) {
        case .found(let file): return AudienceRoutes.attachment(file, format: format)
        case .refused(let reason):
            let refusal = form.group(ofRefusal: reason)
            return try render(context, values: form.values, errors: [refusal.group: refusal.reason])
        case .forbidden: throw HTTPError(.forbidden)
        }
    }

    /// The page: 503 when no port is wired (no sentence model), 422 with the reasons, 200 otherwise.
    private func render(_ context: WebContext, values: AudienceBuilderValues, errors: [String: String] = [:],
                        result: AudienceDiscoveryOutcome? = nil, hidden: [(name: String, value: String)] = [])
        throws -> Response
    {
        let signedIn = try context.signedIn()
        let page = AudienceBuilderPage(analyst: signedIn.user, csrf: signedIn.session.csrfToken,
                                       unavailable: port == nil, values: values, errors: errors, result: result,
                                       hidden: hidden)
        let status: HTTPResponse.Status =
            port == nil ? .serviceUnavailable : errors.isEmpty ? .ok : .unprocessableContent
        return .html(try views.render(page), status: status)
    }
}

extension AudienceBuilderForm {
    /// The submitted values, to fill the form again exactly as typed.
    var values: AudienceBuilderValues {
        var values = AudienceBuilderValues()
        values.category = category ?? ""
        values.withinDays = withinDays ?? ""
        values.netValue = netValue ?? ""
        values.currency = currency ?? ""
        values.premiumShare = premiumShare ?? ""
        values.city = city ?? ""
        values.country = country ?? ""
        values.consent = consent ?? ""
        values.lastSeenDays = lastSeenDays ?? ""
        values.intent = intent ?? ""
        values.limit = limit ?? ""
        values.asOf = asOf ?? ""
        values.churnBands = churnBand ?? []
        values.valueTiers = valueTier ?? []
        return values
    }
}
