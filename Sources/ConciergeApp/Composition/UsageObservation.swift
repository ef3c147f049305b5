import ConciergeCore
import ConciergeWeb
import Logging

/// Where the usage recorder reports: `/metrics` for every call, the log once when the store refuses a record.
struct UsageObservation: ModelUsageObserver {
    let metrics: WebMetrics?
    let logger: Logger

    func recorded(_ delta: ModelUsageRecord) { metrics?.recordModelUsage(delta) }

    func recordingFailed(_ error: any Error, first: Bool) {
        metrics?.modelUsageRecordingFailed()
        // Once: a store that is down would otherwise add a line to every turn. The type only, never a value.
        if first {
            logger.warning("model usage could not be recorded; turns go on without it",
                           metadata: ["error.type": "\(type(of: error))"])
        }
    }
}

extension ConciergeRuntime {
    /// The recorder every model caller's client reports to: the configured price, or nothing for the mock.
    static func usageRecorder(_ configuration: AppConfiguration, store: any ConciergeStore, llm: any LLMClient,
                              overrides: AppOverrides) -> ModelUsageRecorder {
        let pricing = llm is MockLLMClient ? .free(currency: configuration.llmPricing.currency)
            : configuration.llmPricing
        return ModelUsageRecorder(
            store: store, clock: overrides.clock ?? SystemWallClock(), pricing: pricing,
            observer: UsageObservation(metrics: overrides.metrics,
                                       logger: overrides.logger ?? Logger(label: "concierge.usage")))
    }

    /// The configured client with what each call costs recorded under `purpose`.
    public func llm(for purpose: LLMPurpose) -> any LLMClient {
        UsageRecordingLLMClient(llm, purpose: purpose, recorder: usage)
    }
}
