import ConciergeCore
import Foundation
import Metrics
import Prometheus

/// The application's metrics: swift-metrics counters and timers made by a `PrometheusMetricsFactory` over a
/// registry owned by this value, so each application (and each test) has its own and nothing needs the
/// process-wide, bootstrap-once `MetricsSystem`. `/metrics` renders the registry.
///
/// Labels are fixed sets (route templates, status codes, outcome kinds): never user input, never ids.
public struct WebMetrics: Sendable {
    private let registry: PrometheusCollectorRegistry
    private let factory: PrometheusMetricsFactory

    /// Metrics in a registry of their own.
    public init() {
        registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [.milliseconds(5), .milliseconds(25), .milliseconds(100),
                                                   .milliseconds(250), .milliseconds(500), .seconds(1),
                                                   .milliseconds(2_500), .seconds(5), .seconds(10)]
        self.factory = factory
    }

    func request(route: String, method: String, status: Int, duration: Duration) {
        Metrics.Counter(label: "concierge_http_requests_total",
                dimensions: [("route", route), ("method", method), ("status", String(status))], factory: factory)
            .increment()
        Metrics.Timer(label: "concierge_http_request_duration_seconds", dimensions: [("route", route)], factory: factory)
            .recordNanoseconds(duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
    }

    /// One chat turn: where the answer came from, every model attempt, quota refusals and guard failures.
    func record(_ turn: ChatTurn) {
        counter("concierge_chat_turns_total", ("source", turn.source.rawValue)).increment()
        if turn.source == .quota { counter("concierge_quota_refusals_total").increment() }
        if turn.source == .fallback { counter("concierge_fallbacks_total").increment() }
        for attempt in turn.reply.trace?.attempts ?? [] {
            counter("concierge_llm_attempts_total", ("outcome", Self.outcomeLabel(attempt.outcome))).increment()
        }
        // The chat service notes each answer the output guard rejected ("answer N failed the guard: ...").
        let rejected = (turn.reply.trace?.notes ?? []).filter { $0.contains("failed the guard") }.count
        if rejected > 0 { counter("concierge_guard_failures_total").increment(by: rejected) }
    }

    func loginFailure(throttled: Bool) {
        counter("concierge_login_failures_total", ("reason", throttled ? "throttled" : "credentials")).increment()
    }

    /// The Prometheus text exposition of every metric.
    public func exposition() -> String { registry.emitToString() }

    private func counter(_ label: String, _ dimensions: (String, String)...) -> Metrics.Counter {
        Metrics.Counter(label: label, dimensions: dimensions, factory: factory)
    }

    static func outcomeLabel(_ outcome: LLMAttemptOutcome) -> String {
        switch outcome {
        case .ok: "ok"
        case .http(let status): "http_\(status)"
        case .transport(let kind): "transport_\(kind.rawValue)"
        case .malformed: "malformed"
        }
    }
}
