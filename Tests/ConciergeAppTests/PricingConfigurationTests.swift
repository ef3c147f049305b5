import ConciergeApp
import ConciergeCore
import Testing

@Suite("Configuration: model prices")
struct PricingConfigurationTests {
    static let real = ["LLM_API_KEY": "sk-test", "LLM_MOCK": "false"]

    @Test func pricesAreReadAsMicroUnitsPerThousandTokensAndTheMockIsFree() throws {
        let configuration = try AppConfiguration(environment: Self.real.merging([
            "LLM_PRICE_PER_1K_PROMPT_TOKENS": "0.00015", "LLM_PRICE_PER_1K_COMPLETION_TOKENS": "0.0006",
            "LLM_PRICE_CURRENCY": "EUR",
        ]) { $1 })
        #expect(configuration.llmPricing == ModelPricing(currency: "EUR", promptMicrosPer1K: 150,
                                                         completionMicrosPer1K: 600))
        #expect(configuration.usagePricing == configuration.llmPricing)
        #expect(configuration.summary.contains("llm price per 1,000 tokens: 0.00015 prompt, 0.0006 completion EUR"))
        let mock = try AppConfiguration(environment: ["LLM_PRICE_PER_1K_PROMPT_TOKENS": "2"])
        #expect(mock.llmPricing.promptMicrosPer1K == 2_000_000 && mock.usagePricing == .free(currency: "USD"))
        #expect(mock.summary.contains("llm price per 1,000 tokens: 0.00 prompt, 0.00 completion USD (mock: free)"))
        let unset = try AppConfiguration(environment: Self.real)
        #expect(unset.llmPricing == ModelPricing(currency: "USD", promptMicrosPer1K: 0, completionMicrosPer1K: 0))
    }

    @Test func badPricesStopTheStartWithTheKeyNamed() {
        let rule = " must be a price per 1,000 tokens from 0 to 1000 with at most 6 decimals, e.g. 0.15"
        #expect(throws: ConfigurationError(problems: [
            "LLM_PRICE_CURRENCY must be a three-letter currency code such as USD",
            "LLM_PRICE_PER_1K_PROMPT_TOKENS" + rule, "LLM_PRICE_PER_1K_COMPLETION_TOKENS" + rule,
        ])) {
            try AppConfiguration(environment: Self.real.merging([
                "LLM_PRICE_PER_1K_PROMPT_TOKENS": "-0.5", "LLM_PRICE_PER_1K_COMPLETION_TOKENS": "0.0000001",
                "LLM_PRICE_CURRENCY": "euro",
            ]) { $1 })
        }
        for bad in ["1e-3", "0,15", "1001", "free"] {
            #expect(throws: ConfigurationError.self, "\(bad)") {
                try AppConfiguration(environment: ["LLM_PRICE_PER_1K_PROMPT_TOKENS": bad])
            }
        }
    }
}
