/// What the model cost on one UTC day, for one model and one purpose, in one currency: counts only.
///
/// Privacy: no prompt, no answer, no user or conversation id is ever part of it — a row says "the shopper chat
/// asked gpt-4o-mini 120 times on 2026-12-06 for 96,000 prompt tokens", nothing about whom or what.
///
/// The key is (day, model, purpose, currency). The currency is part of the key so that a change of
/// `LLM_PRICE_CURRENCY` starts new rows instead of adding euros to dollars.
public struct ModelUsageRecord: Codable, Hashable, Sendable {
    /// `YYYY-MM-DD` in UTC: the chain's shops span time zones, so no one local day is "the chain's day".
    public var day: String
    /// The model as the provider reported it (`mock` in mock mode, `none` for a call that asked no model).
    public var model: String
    /// `LLMPurpose.rawValue`: which feature asked.
    public var purpose: String
    public var currency: String
    /// Calls of the purpose: completions asked of the model (each may have taken several attempts), or discovery
    /// calls that asked none (model `none`).
    public var calls: Int
    public var promptTokens: Int
    public var completionTokens: Int
    /// The estimated cost in nano-units of `currency` (10⁻⁹): exact integer sums, never binary floating point.
    public var costNanos: Int64

    public init(day: String, model: String, purpose: String, currency: String, calls: Int, promptTokens: Int,
                completionTokens: Int, costNanos: Int64) {
        self.day = day
        self.model = model
        self.purpose = purpose
        self.currency = currency
        self.calls = calls
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.costNanos = costNanos
    }

    public var totalTokens: Int { promptTokens + completionTokens }
}

/// Per (day, model, purpose, currency) counters of what the model cost (issue 14, "What the model costs").
public protocol ModelUsageStore: Sendable {
    /// Atomically adds `delta`'s calls, tokens and cost to the row of its key, creating it at `delta`'s values.
    /// Concurrent additions to one key never lose a count.
    func addModelUsage(_ delta: ModelUsageRecord) async throws
    /// Every row whose day is in `from...through` (both `YYYY-MM-DD`), newest day first, then by model, purpose
    /// and currency.
    func modelUsage(from: String, through: String) async throws -> [ModelUsageRecord]
}
