import ConciergeCore
import Foundation
import Hummingbird

/// `POST /admin/api/audiences/discover` and `POST /admin/api/audiences/export?format=csv|json[&contacts=email|sms]`
/// (the same request body; every file is audited): analysts and admins only, real contacts admins only. A JSON API,
/// so it has its own guard instead of the form guard: signed in (401), allowed (403), the session's CSRF token in the `X-CSRF-Token` header (403: a
/// cross-site form cannot set a header, and the token is per session), `application/json` (415), a bounded body (413).
struct AudienceRoutes: Sendable {
    static let path = "/admin/api/audiences/discover"
    static let exportPath = "/admin/api/audiences/export"
    static let csrfHeader = HTTPFields.Element.Name("X-CSRF-Token")!
    static let maxBody = 32_768

    let port: (any AudienceDiscoveryPort)?

    func register(on router: Router<WebContext>) {
        router.post(RouterPath(Self.path), use: discover)
        router.post(RouterPath(Self.exportPath), use: export)
    }

    func discover(_ request: Request, context: WebContext) async throws -> Response {
        try await guarded(request, context) { port, body, user in
            try await port.discover(requestBody: body, by: user)
        } render: { json in
            Response(status: .ok, headers: [.contentType: "application/json"],
                     body: ResponseBody(byteBuffer: ByteBuffer(bytes: json)))
        }
    }

    func export(_ request: Request, context: WebContext) async throws -> Response {
        let format = request.uri.queryParameters.get("format") ?? "csv"
        let contacts = request.uri.queryParameters.get("contacts")
        return try await guarded(request, context) { port, body, user in
            try await port.export(requestBody: body, by: user, format: format, contacts: contacts)
        } render: { file in
            Self.attachment(file, format: format)
        }
    }

    /// An exported file as a download (the API and the builder page's export answer the same).
    static func attachment(_ file: Data, format: String) -> Response {
        let csv = format == "csv"
        return Response(status: .ok, headers: [
            .contentType: csv ? "text/csv; charset=utf-8" : "application/json",
            .contentDisposition: "attachment; filename=\"audience.\(csv ? "csv" : "json")\"",
        ], body: ResponseBody(byteBuffer: ByteBuffer(bytes: file)))
    }

    /// The checks every audience call makes, in order, then the port's reply as a status.
    private func guarded(_ request: Request, _ context: WebContext,
                         _ call: (any AudienceDiscoveryPort, Data, User) async throws -> AudienceDiscoveryReply,
                         render: (Data) -> Response) async throws -> Response {
        guard let identity = context.identity else { return Self.json(["error": "sign in first"], .unauthorized) }
        guard identity.user.role.mayUseAnalytics else { return Self.json(["error": "analysts only"], .forbidden) }
        guard let token = request.headers[Self.csrfHeader],
            ConstantTime.equal(token, identity.session.csrfToken)
        else {
            context.logger.notice("audience request refused: CSRF header missing or wrong")
            return Self.json(["error": "missing or wrong X-CSRF-Token header"], .forbidden)
        }
        guard request.headers[.contentType]?.lowercased().hasPrefix("application/json") == true else {
            return Self.json(["error": "send application/json"], .unsupportedMediaType)
        }
        guard let port else { return Self.json(["error": "audience discovery is not configured"], .serviceUnavailable) }
        let body = Data(try await request.body.collect(upTo: Self.maxBody).readableBytesView)
        switch try await call(port, body, identity.user) {
        case .found(let data): return render(data)
        case .refused(let reason): return Self.json(["error": reason], .badRequest)
        case .forbidden(let reason): return Self.json(["error": reason], .forbidden)
        }
    }

    static func json(_ object: [String: String], _ status: HTTPResponse.Status) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = (try? encoder.encode(object)) ?? Data("{}".utf8)
        return Response(status: status, headers: [.contentType: "application/json"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
