import Foundation
import Retrieval

/// Policies state an amount once per currency the chain sells in (`AmountGroups`: "**£10 / $12 / €12 / ₹550 / A$19 /
/// C$17**"), so that one passage serves every country. A shopper reads only their own currency's: a New Yorker was
/// quoted the delivery fees in pounds. An amount written in one currency only is left as it is, and so is a group
/// without the shopper's currency (nothing is converted: a rate would be a number no policy states).
enum RegionalAmounts {
    /// `text` with each group of amounts reduced to the one in `currency`.
    static func keeping(_ currency: String, in text: String) -> String {
        let symbol = Money.symbol(currency)
        return AmountGroups.replacing(in: text) { alternatives in
            alternatives.first { AmountGroups.symbol(of: $0) == symbol }
        }
    }

    /// The retrieved passages as the shopper reads them.
    static func keeping(_ currency: String, in results: [RetrievalResult]) -> [RetrievalResult] {
        results.map { result in
            var result = result
            result.chunk.text = keeping(currency, in: result.chunk.text)
            return result
        }
    }
}
