/// The configured price of the model, per 1,000 tokens, in micro-units of one currency (10⁻⁶: 0.15 USD per million
/// prompt tokens is 150 micro-units per 1,000).
///
/// One price pair for the deployment, not a table per model: the concierge talks to one configured model
/// (`LLM_MODEL`), and a table keyed by the names providers report (`gpt-4o-mini-2024-07-18`) would silently price
/// an unlisted name at zero. The mock is always free (`free`).
///
/// Integer arithmetic throughout: n tokens at p micro-units per 1,000 cost exactly n × p nano-units (10⁻⁹).
public struct ModelPricing: Hashable, Sendable {
    public var currency: String
    public var promptMicrosPer1K: Int64
    public var completionMicrosPer1K: Int64

    public init(currency: String, promptMicrosPer1K: Int64, completionMicrosPer1K: Int64) {
        self.currency = currency
        self.promptMicrosPer1K = promptMicrosPer1K
        self.completionMicrosPer1K = completionMicrosPer1K
    }

    /// What the mock costs: nothing, in the configured currency (so its rows sit beside the real model's).
    public static func free(currency: String) -> ModelPricing {
        ModelPricing(currency: currency, promptMicrosPer1K: 0, completionMicrosPer1K: 0)
    }

    /// The exact cost of `usage` in nano-units of `currency`.
    public func costNanos(_ usage: LLMUsage) -> Int64 {
        Int64(usage.promptTokens) * promptMicrosPer1K + Int64(usage.completionTokens) * completionMicrosPer1K
    }

    /// A price as configured (`0.15`, `2`, `0.000150`): a non-negative decimal with at most six places, in
    /// micro-units; nil for anything else (a seventh place would be a price the counters cannot hold exactly).
    public static func micros(_ text: String) -> Int64? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty, whole.count <= 9,
            whole.allSatisfy(\.isASCIIDigit)
        else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard fraction.count <= 6, fraction.allSatisfy(\.isASCIIDigit), parts.count == 1 || !fraction.isEmpty else {
            return nil
        }
        let padded = fraction + String(repeating: "0", count: 6 - fraction.count)
        guard let wholeValue = Int64(whole), let fractionValue = Int64(padded) else { return nil }
        return wholeValue * 1_000_000 + fractionValue
    }

    /// An ISO 4217-style code: three capital letters.
    public static func isCurrencyCode(_ text: String) -> Bool {
        text.count == 3 && text.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) }
    }
}

/// Money held as integer nano-units, written exactly.
public enum NanoMoney {
    /// `1234` → `0.000001234`, `1_500_000_000` → `1.50`: every digit that is not zero, at least two decimals.
    public static func decimal(_ nanos: Int64) -> String {
        let sign = nanos < 0 ? "-" : ""
        let magnitude = nanos.magnitude
        var fraction = String(magnitude % 1_000_000_000)
        fraction = String(repeating: "0", count: 9 - fraction.count) + fraction
        while fraction.count > 2, fraction.hasSuffix("0") { fraction.removeLast() }
        return sign + String(magnitude / 1_000_000_000) + "." + fraction
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
