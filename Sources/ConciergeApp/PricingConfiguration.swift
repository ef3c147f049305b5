import ConciergeCore

extension AppConfiguration {
    /// The price usage is recorded at: the configured one, or nothing in mock mode (the mock costs nothing).
    public var usagePricing: ModelPricing { llmMock ? .free(currency: llmPricing.currency) : llmPricing }

    var pricingSummary: String {
        let pricing = usagePricing
        return "\(NanoMoney.decimal(pricing.promptMicrosPer1K * 1_000)) prompt, "
            + "\(NanoMoney.decimal(pricing.completionMicrosPer1K * 1_000)) completion \(pricing.currency)"
            + (llmMock ? " (mock: free)" : "")
    }
}

extension EnvironmentReader {
    /// `LLM_PRICE_PER_1K_PROMPT_TOKENS`, `LLM_PRICE_PER_1K_COMPLETION_TOKENS` (default 0) and `LLM_PRICE_CURRENCY`
    /// (default USD); a bad value is a start-up problem naming the key, never a silent zero.
    mutating func pricing() -> ModelPricing {
        let currency = string("LLM_PRICE_CURRENCY") ?? "USD"
        if !ModelPricing.isCurrencyCode(currency) {
            problems.append("LLM_PRICE_CURRENCY must be a three-letter currency code such as USD")
        }
        return ModelPricing(currency: ModelPricing.isCurrencyCode(currency) ? currency : "USD",
                            promptMicrosPer1K: price("LLM_PRICE_PER_1K_PROMPT_TOKENS"),
                            completionMicrosPer1K: price("LLM_PRICE_PER_1K_COMPLETION_TOKENS"))
    }

    private mutating func price(_ key: String) -> Int64 {
        guard let text = string(key) else { return 0 }
        // At most 1,000 per 1,000 tokens (far above any model's price): the nano-unit counters then hold billions
        // of tokens before an Int64 could overflow.
        guard let micros = ModelPricing.micros(text), micros <= 1_000_000_000 else {
            problems.append("\(key) must be a price per 1,000 tokens from 0 to 1000 with at most 6 decimals, e.g. 0.15")
            return 0
        }
        return micros
    }
}
