import Foundation

/// Which feature asked the model: the usage page's and `/metrics`' purpose label. A fixed set, never user input.
public enum LLMPurpose: String, CaseIterable, Codable, Sendable {
    case shopperChat = "shopper-chat"
    case analystChat = "analyst-chat"
    case segmentInsight = "segment-insight"
    case audienceDiscovery = "audience-discovery"
}

/// Told about every usage record (for `/metrics`) and every record the store refused.
public protocol ModelUsageObserver: Sendable {
    /// A call's usage, priced, whether or not the store kept it.
    func recorded(_ delta: ModelUsageRecord)
    /// The store refused a record. Called on every failure; `first` is true for the recorder's first one only, so
    /// a store that is down is logged once, not once per turn.
    func recordingFailed(_ error: any Error, first: Bool)
}

/// Prices a call's usage, stamps it with today's UTC day (from the injected clock) and adds it to the store.
///
/// Never throws: what the model cost is bookkeeping, and a store that cannot keep it must not fail the turn that
/// already has its answer. The failure goes to the observer (logged once, counted every time).
public final class ModelUsageRecorder: Sendable {
    /// The model name of a call that asked no model (an audience discovery with a given filter).
    public static let noModel = "none"

    let store: any ModelUsageStore
    let clock: any WallClock
    public let pricing: ModelPricing
    let observer: (any ModelUsageObserver)?
    private let failures = FirstFailure()

    public init(store: any ModelUsageStore, clock: any WallClock, pricing: ModelPricing,
                observer: (any ModelUsageObserver)? = nil) {
        self.store = store
        self.clock = clock
        self.pricing = pricing
        self.observer = observer
    }

    /// Records `calls` calls of `purpose` to `model` that cost `usage`, and returns the priced record.
    @discardableResult
    public func record(_ purpose: LLMPurpose, model: String, usage: LLMUsage, calls: Int = 1) async
        -> ModelUsageRecord
    {
        let delta = ModelUsageRecord(
            day: LocalDay.string(for: clock.now(), timeZone: "UTC"), model: model, purpose: purpose.rawValue,
            currency: pricing.currency, calls: calls, promptTokens: usage.promptTokens,
            completionTokens: usage.completionTokens, costNanos: pricing.costNanos(usage))
        observer?.recorded(delta)
        do {
            try await store.addModelUsage(delta)
        } catch {
            observer?.recordingFailed(error, first: failures.isFirst())
        }
        return delta
    }
}

/// True exactly once. `@unchecked Sendable`: `seen` is touched only under `lock` (an `NSLock`, as elsewhere in the
/// project, so ThreadSanitizer can check it on Linux).
private final class FirstFailure: @unchecked Sendable {
    private let lock = NSLock()
    private var seen = false

    func isFirst() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        defer { seen = true }
        return !seen
    }
}
