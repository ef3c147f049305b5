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

    /// One model call's usage (`ModelUsageRecorder`): calls, tokens and the estimated cost by model and purpose.
    /// The cost counter is in nano-units of the currency (10⁻⁹), so its sums stay exact integers.
    public func recordModelUsage(_ usage: ModelUsageRecord) {
        let labels = [("model", usage.model), ("purpose", usage.purpose)]
        Metrics.Counter(label: "concierge_llm_calls_total", dimensions: labels, factory: factory)
            .increment(by: Int64(usage.calls))
        Metrics.Counter(label: "concierge_llm_prompt_tokens_total", dimensions: labels, factory: factory)
            .increment(by: Int64(usage.promptTokens))
        Metrics.Counter(label: "concierge_llm_completion_tokens_total", dimensions: labels, factory: factory)
            .increment(by: Int64(usage.completionTokens))
        Metrics.Counter(label: "concierge_llm_estimated_cost_nano_units_total",
                        dimensions: labels + [("currency", usage.currency)], factory: factory)
            .increment(by: usage.costNanos)
    }

    /// A usage record the store refused (the turn went on without it).
    public func modelUsageRecordingFailed() { counter("concierge_llm_usage_record_failures_total").increment() }

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
