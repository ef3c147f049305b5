import ConciergeCore
import Foundation
import Hummingbird

/// `/healthz` (200 when the store answers a ping, 503 otherwise) and `/metrics` (Prometheus text format).
struct OpsRoutes<Store: StoreHealth>: Sendable {
    let store: Store
    let metrics: WebMetrics
    /// Said after `ok`, one per line: the app serves, below its configuration.
    let degradations: [String]

    func register(on router: some RouterMethods<WebContext>) {
        router.get("/healthz", use: health)
        router.get("/metrics", use: exposition)
    }

    func health(_ request: Request, context: WebContext) async throws -> Response {
        do {
            try await store.ping()
            return .text((["ok"] + degradations.map { "degraded: " + $0 }).joined(separator: "\n") + "\n")
        } catch {
            context.logger.warning("health check: store unreachable", metadata: ["error.type": "\(type(of: error))"])
            return .text("store unreachable\n", status: .serviceUnavailable)
        }
    }

    func exposition(_ request: Request, context: WebContext) async throws -> Response {
        .text(metrics.exposition(), contentType: "text/plain; version=0.0.4; charset=utf-8")
    }
}
