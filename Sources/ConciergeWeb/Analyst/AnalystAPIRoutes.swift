import Analytics
import ConciergeCore
import Foundation
import Hummingbird
import Logging

/// Every endpoint of the analyst JSON API. Registration walks `allCases`, and `docs/openapi/analyst-api.json` must
/// list exactly these (a test compares them), so the document cannot drift from the router.
enum AnalystEndpoint: String, CaseIterable, Sendable {
    case segments, segment, refreshInsight, insights, customerFeatures, chat
    case startSegmentationRun, segmentationRun, exportSegmentationRun
    case usage

    static let base = "/admin/api"

    var method: HTTPRequest.Method { [.refreshInsight, .chat, .startSegmentationRun].contains(self) ? .post : .get }

    /// The endpoints of `SegmentationDesk` (the others are `AnalystDesk`'s).
    var isSegmentation: Bool { [.startSegmentationRun, .segmentationRun, .exportSegmentationRun].contains(self) }

    /// The path as OpenAPI and Hummingbird both write it (`{id}` is a path parameter).
    var path: String {
        switch self {
        case .segments: Self.base + "/segments"
        case .segment: Self.base + "/segments/{id}"
        case .refreshInsight: Self.base + "/segments/{id}/refresh-insight"
        case .insights: Self.base + "/segments/{id}/insights"
        case .customerFeatures: Self.base + "/customers/{id}/features"
        case .startSegmentationRun: Self.base + "/segmentation/runs"
        case .segmentationRun: Self.base + "/segmentation/runs/{id}"
        case .exportSegmentationRun: Self.base + "/segmentation/runs/{id}/export"
        case .chat: Self.base + "/chat"
        case .usage: Self.base + "/usage"
        }
    }

    /// The path inside the API's group.
    var relativePath: String { String(path.dropFirst(Self.base.count + 1)) }
}

/// `/admin/api/…`: the analyst side as canonical JSON for scripts and notebooks, signed in with the site's session
/// cookie. `AnalystAPIGuard` admits analysts and admins within their request limit (and checks the CSRF header on
/// each `POST`); `AnalystAPIErrors` answers every refusal as JSON.
struct AnalystAPIRoutes: Sendable {
    let side: AnalystSide
    let usage: ModelUsageReader

    func register(on router: some RouterMethods<WebContext>) {
        let api = router.group(RouterPath(AnalystEndpoint.base))
            .add(middleware: AnalystAPIErrors())
            .add(middleware: AnalystAPIGuard(throttle: side.throttle))
        for endpoint in AnalystEndpoint.allCases {
            api.on(RouterPath(endpoint.relativePath), method: endpoint.method) { request, context in
                try await handle(endpoint, request, context: context)
            }
        }
        // Another method on an endpoint's path is a JSON 405 with `Allow`: the resource exists.
        for (path, endpoints) in Dictionary(grouping: AnalystEndpoint.allCases, by: \.relativePath) {
            let methods = endpoints.map(\.method)
            let allow = methods.map(\.rawValue).joined(separator: ", ")
            for method in KnownPages.refusedMethods where !methods.contains(method) {
                api.on(RouterPath(path), method: method) { _, _ -> Response in
                    throw HTTPError(.methodNotAllowed, headers: [.allow: allow])
                }
            }
        }
    }

    func handle(_ endpoint: AnalystEndpoint, _ request: Request, context: WebContext) async throws -> Response {
        // The store's usage report needs no analyst desk: it answers even when the analyst side is not configured.
        if endpoint == .usage { return try await usage.apiResponse(context) }
        let desk = try side.desk()
        switch endpoint {
        case .startSegmentationRun, .segmentationRun, .exportSegmentationRun:
            return try await SegmentationAPI(side: side).handle(endpoint, request, context: context)
        case .segments:
            return try AnalystJSON.response(try await desk.overview())
        case .segment:
            return try AnalystJSON.response(try await Self.segment(desk, context))
        case .insights:
            let detail = try await Self.segment(desk, context)
            let versions = try await desk.insights(segmentID: detail.segment.id)
            return try AnalystJSON.response(InsightVersions(segmentID: detail.segment.id, insights: versions))
        case .refreshInsight:
            return try await refresh(desk, context)
        case .customerFeatures:
            guard let card = try await desk.customer(id: try AnalystSide.id(context)) else { throw HTTPError(.notFound) }
            return try AnalystJSON.response(card)
        case .chat:
            return try await AnalystChatAPI.ask(desk, request, context: context)
        case .usage:
            return try await usage.apiResponse(context)
        }
    }

    /// 201 with the new version; its list of versions is the `Location`.
    private func refresh(_ desk: any AnalystDesk, _ context: WebContext) async throws -> Response {
        let signedIn = try context.signedIn()
        let id = try await Self.segment(desk, context).segment.id
        try await side.admitRefresh(signedIn.user)
        let insight = try await AnalystSide.refreshed(desk, segmentID: id, by: signedIn.user, logger: context.logger)
        let location = AnalystEndpoint.base + "/segments/" + id + "/insights"
        return try AnalystJSON.response(RefreshedInsight(insight: insight), status: .created,
                                        headers: [.location: location])
    }

    static func segment(_ desk: any AnalystDesk, _ context: WebContext) async throws -> AnalystSegmentDetail {
        guard let detail = try await desk.segment(id: try AnalystSide.id(context)) else { throw HTTPError(.notFound) }
        return detail
    }
}

extension AnalystSide {
    /// Asks the desk for a new insight version; an id the desk no longer knows is a 404. Logged without the text.
    static func refreshed(_ desk: any AnalystDesk, segmentID: String, by user: User,
                          logger: Logger) async throws -> SegmentInsight {
        do {
            let insight = try await desk.refreshInsight(segmentID: segmentID, requestedBy: user.id)
            logger.info("analyst refreshed a segment insight",
                        metadata: ["segment": "\(segmentID)", "version": "\(insight.version)"])
            return insight
        } catch AnalystDeskError.unknownSegment {
            throw HTTPError(.notFound)
        }
    }
}
