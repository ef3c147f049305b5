/// The shopper's own values, from their profile, so they are masked however they are typed.
///
/// Pattern detectors already find most e-mails and phone numbers; the profile adds what patterns cannot know
/// (the shopper's name) and ties every spelling of a known value to one placeholder: "+44 7700 900123" and
/// "07700900123" are the same `<PHONE_1>` when that is the profile phone, "221b baker st" is the profile
/// address even without its postcode.
public struct MaskingProfile: Sendable, Codable, Hashable {
    /// Full name as stored ("Jane Q. Doe").
    public var name: String?
    /// E-mail as stored; matched in any case and spacing.
    public var email: String?
    /// Phone as stored, ideally E.164 ("+44 7700 900123"); national forms work but match fewer spellings.
    public var phone: String?
    /// Postal address as stored ("221B Baker Street, London NW1 6XE").
    public var address: String?

    public init(name: String? = nil, email: String? = nil, phone: String? = nil, address: String? = nil) {
        self.name = name
        self.email = email
        self.phone = phone
        self.address = address
    }

    /// No known values: only the pattern detectors run.
    public static let empty = MaskingProfile()

    /// Whether every field is missing or blank.
    public var isEmpty: Bool {
        [name, email, phone, address].allSatisfy { ($0 ?? "").allSatisfy(\.isWhitespace) }
    }
}

/// Values the masker must leave alone: the store's own phone numbers and e-mail addresses, which the model is
/// expected to quote ("call the Lakeside store on 020 7946 0000").
public struct AllowList: Sendable, Codable, Hashable {
    /// Store phone numbers, in any spelling (matched by digits, national or international).
    public var phones: [String]
    /// Store e-mail addresses (matched case-insensitively).
    public var emails: [String]

    public init(phones: [String] = [], emails: [String] = []) {
        self.phones = phones
        self.emails = emails
    }

    /// Nothing is allowed through: every detected value is masked.
    public static let empty = AllowList()
}
