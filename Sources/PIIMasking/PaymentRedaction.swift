/// How a payment number is kept once it has been typed: never whole, only as what a receipt shows.
///
/// - a card number becomes its brand and last four digits, `Visa •••• 1111` (the brand from the issuer prefix
///   rules the card detector validates with, `CardChecks.brand`);
/// - an IBAN becomes its country, masked check digits and its last four characters, `GB•• •••• 5432`.
///
/// This is the form stored for the shopper's message, given back by `MaskingSession.unmask` for a card or IBAN
/// placeholder, and shown on pages. The masked text the model reads keeps its placeholders (`<CARD_1>`).
public enum PaymentRedaction {
    /// What stands for the hidden digits.
    public static let dots = "••••"

    /// The redacted form of a card number or IBAN spelled any way (spaces, dashes, lower case), or `nil` for
    /// another type.
    public static func redacted(_ type: PIIType, _ value: String) -> String? {
        switch type {
        case .card: card(value)
        case .iban: iban(value)
        default: nil
        }
    }

    /// `Visa •••• 1111`; a number no issuer rule names is `Card •••• 1234`.
    public static func card(_ value: String) -> String {
        let digits = value.utf8.filter(Byte.isDigit).map { $0 &- 0x30 }
        let last = String(decoding: digits.suffix(4).map { $0 &+ 0x30 }, as: UTF8.self)
        return (digits.isEmpty ? "Card" : CardChecks.brand(digits)) + " " + dots + " " + last
    }

    /// `GB•• •••• 5432`: the country stays (it says which bank system), the check digits and the rest go.
    public static func iban(_ value: String) -> String {
        let characters = value.utf8.filter(Byte.isAlnum).map(Byte.upper)
        let country = String(decoding: characters.prefix(2), as: UTF8.self)
        let last = String(decoding: characters.dropFirst(4).suffix(4), as: UTF8.self)
        return country + "•• " + dots + " " + last
    }

    /// `text` with every card number and IBAN that `detector` finds replaced by its redacted form; everything
    /// else as it was.
    public static func redact(_ text: String, detector: PIIDetector) -> String {
        let spans = detector.matches(in: text).filter { $0.type == .card || $0.type == .iban }
        return replace(text, spans.map { ($0.type, $0.utf8Range) })
    }

    /// `text` (the input of `detail`) with the card and IBAN spans `detail` replaced by their redacted forms: the
    /// stored twin of the masked text, with exactly the same payment spans.
    public static func redact(_ text: String, as detail: MaskedText) -> String {
        replace(text, detail.replacements.filter { $0.type == .card || $0.type == .iban }.map { ($0.type, $0.utf8Range) })
    }

    private static func replace(_ text: String, _ spans: [(type: PIIType, range: Range<Int>)]) -> String {
        guard !spans.isEmpty else { return text }
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var copied = 0
        for span in spans where span.range.lowerBound >= copied {
            output.append(contentsOf: bytes[copied..<span.range.lowerBound])
            let value = String(decoding: bytes[span.range], as: UTF8.self)
            output.append(contentsOf: (redacted(span.type, value) ?? value).utf8)
            copied = span.range.upperBound
        }
        output.append(contentsOf: bytes[copied...])
        return String(decoding: output, as: UTF8.self)
    }
}

extension CardChecks {
    /// The brand of a number `issuerAccepts`, by the same prefix rules.
    static func brand(_ digits: [UInt8]) -> String {
        func prefix(_ count: Int) -> Int { digits.prefix(count).reduce(0) { $0 * 10 + Int($1) } }
        if digits.count == 12 { return "Maestro" }
        let p2 = prefix(2)
        let p3 = prefix(3)
        let p4 = prefix(4)
        switch digits[0] {
        case 4: return "Visa"
        case 5: return (51...55).contains(p2) ? "Mastercard" : "Maestro"
        case 2:
            if (2221...2720).contains(p4) { return "Mastercard" }
            if p4 == 2131 { return "JCB" }
            return (2200...2204).contains(p4) ? "Mir" : "Card"
        case 3:
            if p2 == 34 || p2 == 37 { return "Amex" }
            return p2 == 35 ? "JCB" : "Diners Club"
        case 6:
            if p2 == 62 { return "UnionPay" }
            if p4 == 6011 || (644...649).contains(p3) || p2 == 65 { return "Discover" }
            return p2 == 60 ? "RuPay" : "Maestro"
        case 8: return "RuPay"
        case 1: return "JCB"
        default: return "Card"
        }
    }
}
