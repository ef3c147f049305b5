/// Prices for people: integer minor units to "£3.80", "₹200.00", "A$6.90".
public enum Money {
    public static func format(_ minor: Int, currency: String) -> String {
        let sign = minor < 0 ? "-" : ""
        let value = abs(minor)
        let cents = value % 100
        return sign + symbol(currency) + String(value / 100) + "." + (cents < 10 ? "0" : "") + String(cents)
    }

    /// One whole unit, as rates are written: "£1", "$1", "₹1".
    public static func unit(_ currency: String) -> String { symbol(currency) + "1" }

    static func symbol(_ currency: String) -> String {
        switch currency {
        case "GBP": "£"
        case "USD": "$"
        case "EUR": "€"
        case "INR": "₹"
        case "AUD": "A$"
        case "CAD": "C$"
        default: currency + " "
        }
    }
}

/// The currency a shopper pays in, from their country (the shops of a country share one).
enum Currency {
    static func of(country: String?) -> String {
        switch country {
        case "US": "USD"
        case "CA": "CAD"
        case "IN": "INR"
        case "AU": "AUD"
        case "DE", "FR": "EUR"
        default: "GBP"
        }
    }
}
