import Foundation
import Geo

/// What a person may do. Shoppers see only their own data; reviewers answer Customer Care and may open the debug
/// view; analysts read the analyst side under `/admin` (pseudonymous ids only, masked exports); admins may do all
/// of it and export unmasked contacts. Capabilities are listed per role rather than derived from an order: an analyst
/// is not a kind of reviewer (no shopper conversations), and a reviewer is not a kind of analyst.
public enum Role: String, Codable, CaseIterable, Sendable {
    case shopper, reviewer, analyst, admin

    /// The masked debug trace of a turn (a shopper's conversation): reviewers and admins.
    public var maySeeDebugTrace: Bool { self == .reviewer || self == .admin }

    /// The analyst pages and API under `/admin` (segments, insights, analyst chat, audiences): analysts and admins.
    public var mayUseAnalytics: Bool { self == .analyst || self == .admin }

    /// An audience export with real contact details (consent honoured, audited): admins only.
    public var mayExportContacts: Bool { self == .admin }

    /// What the model costs (`/admin/usage`, `GET /admin/api/usage`): admins only. The figures hold no customer data,
    /// but spending and the provider's bill are the operator's business, not part of an analyst's customer analytics.
    public var mayReviewModelCosts: Bool { self == .admin }

    /// Staff see traces, hand-offs or the analyst side; a shopper sees only their own chat.
    public var isStaff: Bool { self != .shopper }
}

/// A postal address as the shopper gave it. It is PII: it never reaches the LLM unmasked.
public struct PostalAddress: Codable, Hashable, Sendable {
    public var line1: String
    public var line2: String?
    public var city: String
    public var postcode: String
    /// ISO 3166-1 alpha-2 country code.
    public var country: String

    public init(line1: String, line2: String? = nil, city: String, postcode: String, country: String) {
        self.line1 = line1
        self.line2 = line2
        self.city = city
        self.postcode = postcode
        self.country = country
    }

    /// One line, as a person would type it: "221B Baker Street, London NW1 6XE".
    public var singleLine: String {
        ([line1] + (line2.map { [$0] } ?? []) + ["\(city) \(postcode)"]).joined(separator: ", ")
    }
}

public enum TemperaturePreference: String, Codable, CaseIterable, Sendable {
    case hot, cold, noPreference = "none"
}

/// Dietary needs that must hold for every suggestion (a vegan is never offered dairy).
public enum DietaryFlag: String, Codable, CaseIterable, Sendable, Comparable {
    case vegan, vegetarian, nutAllergy = "nut-allergy", dairyFree = "dairy-free", glutenFree = "gluten-free"

    public static func < (lhs: DietaryFlag, rhs: DietaryFlag) -> Bool { lhs.rawValue < rhs.rawValue }
}

public struct Preferences: Codable, Hashable, Sendable {
    public var temperature: TemperaturePreference
    public var dietary: [DietaryFlag]
    /// Menu item SKUs the shopper likes.
    public var favouriteItems: [String]

    public init(temperature: TemperaturePreference = .noPreference, dietary: [DietaryFlag] = [],
                favouriteItems: [String] = []) {
        self.temperature = temperature
        self.dietary = dietary.sorted()
        self.favouriteItems = favouriteItems
    }
}

/// Marketing consent; exports to marketing honour it.
public struct Consent: Codable, Hashable, Sendable {
    public var email: Bool
    public var sms: Bool

    public init(email: Bool = false, sms: Bool = false) {
        self.email = email
        self.sms = sms
    }
}

/// A person with an account. `email` is unique and stored lower-cased.
public struct User: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var email: String
    /// A bcrypt hash (`$2b$...`), never a password. `nil` for synthetic users who cannot log in.
    public var passwordHash: String?
    public var role: Role
    public var name: String
    public var phone: String?
    public var address: PostalAddress?
    public var home: Coordinate?
    /// IANA time zone identifier; the daily quota resets at the shopper's local midnight.
    public var timeZone: String
    public var preferences: Preferences
    public var loyaltyPoints: Int
    public var consent: Consent
    /// The synthetic archetype the seeder planted (ground truth for the analyst side); `nil` for real sign-ups.
    public var archetype: String?
    public var createdAt: Date

    public init(
        id: String, email: String, passwordHash: String? = nil, role: Role = .shopper, name: String,
        phone: String? = nil, address: PostalAddress? = nil, home: Coordinate? = nil, timeZone: String,
        preferences: Preferences = Preferences(), loyaltyPoints: Int = 0, consent: Consent = Consent(),
        archetype: String? = nil, createdAt: Date
    ) {
        self.id = id
        self.email = User.normalizedEmail(email)
        self.passwordHash = passwordHash
        self.role = role
        self.name = name
        self.phone = phone
        self.address = address
        self.home = home
        self.timeZone = timeZone
        self.preferences = preferences
        self.loyaltyPoints = loyaltyPoints
        self.consent = consent
        self.archetype = archetype
        self.createdAt = createdAt
    }

    /// E-mail addresses are compared without surrounding spaces, in NFKC and case folded (`EmailAddress.normalized`):
    /// fullwidth letters, case and NFC/NFD spellings of one accented letter make no second account.
    public static func normalizedEmail(_ email: String) -> String {
        EmailAddress.normalized(email)
    }
}
