/// The kinds of personal data the masker recognises; the raw value doubles as the placeholder prefix.
///
/// `<EMAIL_1>`, `<ORDER_ID_2>`: the type name is part of the placeholder the model sees, so it is stable and
/// upper-case. Values from the shopper's profile keep the type of the value (the profile e-mail is `email`).
public enum PIIType: String, Sendable, Codable, CaseIterable, Hashable, Comparable {
    case email = "EMAIL"
    case phone = "PHONE"
    case card = "CARD"
    case iban = "IBAN"
    case ip = "IP"
    case address = "ADDRESS"
    case orderID = "ORDER_ID"
    case name = "NAME"

    /// Dense index used for per-type counters and tallies (declaration order, never `Dictionary` order).
    var ordinal: Int {
        switch self {
        case .email: 0
        case .phone: 1
        case .card: 2
        case .iban: 3
        case .ip: 4
        case .address: 5
        case .orderID: 6
        case .name: 7
        }
    }

    /// Tie-break when two candidates cover the same length: checksummed or exact formats beat heuristics.
    var priority: Int {
        switch self {
        case .orderID: 9
        case .email: 8
        case .card, .iban: 7
        case .ip: 6
        case .name: 5
        case .address: 4
        case .phone: 3
        }
    }

    /// Declaration order, for stable reports.
    public static func < (lhs: PIIType, rhs: PIIType) -> Bool { lhs.ordinal < rhs.ordinal }

    /// Looks a type up by its placeholder prefix (`"ORDER_ID"` → `.orderID`) without allocating.
    static func from(prefix t: ByteText, _ start: Int, _ end: Int) -> PIIType? {
        for type in PIIType.allCases where t.equals(start, end, ascii: type.rawValue) {
            return type
        }
        return nil
    }
}
