import Analytics
import Foundation
import Hummingbird

/// `POST /admin/api/segmentation/runs`, `GET /admin/api/segmentation/runs/{id}` and `…/{id}/export`, behind the
/// analyst API's guard (role, rate limit, CSRF header on the `POST`) and its JSON errors.
struct SegmentationAPI: Sendable {
    /// Marks a 400's message as a reason written for the analyst (options and counts only), which the error body
    /// may show; any other 400 keeps the generic sentence.
    static let reasonPrefix = "segmentation-reason: "
    /// A request body is three small integers; anything longer is not one.
    static let maximumBody = 4_096

    let side: AnalystSide

    func handle(_ endpoint: AnalystEndpoint, _ request: Request, context: WebContext) async throws -> Response {
        let desk = try side.segmentation()
        switch endpoint {
        case .startSegmentationRun:
            return try await start(desk, request, context: context)
        case .exportSegmentationRun:
            let report = try await Self.run(desk, context)
            let disposition = "attachment; filename=\"segmentation-\(report.id).json\""
            return try AnalystJSON.response(report, headers: [.contentDisposition: disposition])
        default:
            return try AnalystJSON.response(SegmentationRunAnswer(try await Self.run(desk, context)))
        }
    }

    /// 201 with the run and its `Location`; 400 with the reason, 409 while this analyst's previous run is going.
    private func start(_ desk: any SegmentationDesk, _ request: Request, context: WebContext) async throws -> Response {
        let signedIn = try context.signedIn()
        let body = try await request.body.collect(upTo: Self.maximumBody)
        let report = try await Self.started(desk, body: Array(body.readableBytesView), by: signedIn.user.id)
        context.logger.info("analyst started a segmentation run",
                            metadata: ["run": "\(report.id)", "k": "\(report.result.chosenK)"])
        return try AnalystJSON.response(SegmentationRunAnswer(report), status: .created,
                                        headers: [.location: AnalystEndpoint.base + "/segmentation/runs/" + report.id])
    }

    /// The desk's refusals as HTTP: a bad request names its reason, a second run at once is a conflict.
    static func started(_ desk: any SegmentationDesk, body: [UInt8], by userID: String) async throws
        -> SegmentationRunReport
    {
        do {
            let request = try SegmentationRunRequest.parse(body)
            return try await desk.startSegmentationRun(request.configuration, requestedBy: userID)
        } catch SegmentationDeskError.invalid(let reason) {
            throw HTTPError(.badRequest, message: reasonPrefix + reason)
        } catch SegmentationDeskError.alreadyRunning {
            throw HTTPError(.conflict)
        }
    }

    static func run(_ desk: any SegmentationDesk, _ context: WebContext) async throws -> SegmentationRunReport {
        guard let run = try await desk.segmentationRun(id: try AnalystSide.id(context)) else {
            throw HTTPError(.notFound)
        }
        return run
    }
}

extension AnalystSide {
    /// The desk's segmentation runs, or the same 503 as a missing desk when the desk has none.
    func segmentation() throws -> any SegmentationDesk {
        guard let runs = try desk() as? any SegmentationDesk else {
            throw HTTPError(.serviceUnavailable, message: Self.notConfigured)
        }
        return runs
    }
}
