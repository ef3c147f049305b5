import Foundation
import Hummingbird
import Logging

/// One log line and one metric sample per request. The route is the matched template (`/chat`), never the raw
/// path or query, which could hold anything a visitor typed; nothing about the person is logged.
struct RequestObservationMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: WebMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            observe(request, context: context, status: response.status.code, since: start)
            return response
        } catch {
            observe(request, context: context, status: ErrorPageMiddleware<Context>.classify(error).0.code, since: start)
            throw error
        }
    }

    private func observe(_ request: Request, context: Context, status: Int, since start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        let route = context.endpointPath ?? (request.uri.path.hasPrefix("/public/") ? "/public/*" : "unmatched")
        metrics.request(route: route, method: request.method.rawValue, status: status, duration: elapsed)
        context.logger.info("request", metadata: [
            "method": "\(request.method.rawValue)", "route": "\(route)", "status": "\(status)",
            "duration_ms": "\(String(format: "%.1f", elapsed.milliseconds))",
        ])
    }
}
