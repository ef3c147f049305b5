import PIIMasking
import SeededRandom

/// The shopper behind a generated message: profile values and the loose ways they get typed.
struct Persona {
    let first: String
    let last: String
    let profile: MaskingProfile
    /// Whether the message is masked with this profile (half of the messages are anonymous).
    let usedInProfile: Bool
    private let phoneDigits: (country: String, national: String)
    private let address: (number: String, street: String, suffix: String, rest: String)

    init(_ rng: inout SplitMix64) {
        first = rng.pick(PeopleValues.firstNames)
        last = rng.pick(PeopleValues.lastNames)
        let (country, national) = rng.pick([
            ("44", "7700 900\(rng.digits(3))"), ("91", "98\(rng.digits(3)) \(rng.digits(5))"),
            ("1", "415 555 \(rng.digits(4))"), ("61", "412 \(rng.digits(3)) \(rng.digits(3))"),
            ("49", "151 \(rng.digits(8))"),
            ("33", "6 \(rng.digits(2)) \(rng.digits(2)) \(rng.digits(2)) \(rng.digits(2))"),
        ])
        phoneDigits = (country, national)
        address = (
            "\(rng.int(1...250))\(rng.pick(["", "", "B"]))", rng.pick(["Baker", "Elm", "Station", "Kings"]),
            rng.pick(["Street", "Road", "Avenue", "Lane"]), rng.pick([", London NW1 6XE", ", Leeds LS1 4AP", ""])
        )
        profile = MaskingProfile(
            name: "\(first) \(last)", email: PeopleValues.email(&rng, name: "\(first) \(last)"),
            phone: "+\(country) \(national)",
            address: "\(address.number) \(address.street) \(address.suffix)\(address.rest)")
        usedInProfile = rng.chance(0.5)
    }

    /// The name as typed: usually in full, sometimes in capitals, lower case, "Last, First" or first name only.
    func nameAsTyped(_ rng: inout SplitMix64) -> String {
        guard usedInProfile else { return "\(first) \(last)" }
        switch rng.below(10) {
        case 0: return "\(first) \(last)".lowercased()
        case 1: return "\(first) \(last)".uppercased()
        case 2: return "\(last), \(first)"
        case 3: return first
        default: return "\(first) \(last)"
        }
    }

    /// The profile phone in a national or international spelling.
    func phoneAsTyped(_ rng: inout SplitMix64) -> String {
        let compact = String(phoneDigits.national.filter { $0 != " " })
        return rng.pick([
            "+\(phoneDigits.country) \(phoneDigits.national)", "0\(compact)", "+\(phoneDigits.country)\(compact)",
            phoneDigits.country == "1"
                ? "(\(compact.prefix(3))) \(compact.dropFirst(3).prefix(3))-\(compact.suffix(4))"
                : "0\(phoneDigits.national)",
        ])
    }

    /// The profile address, sometimes in lower case or with the street type abbreviated.
    func addressAsTyped(_ rng: inout SplitMix64) -> String {
        let short = ["Street": "St", "Road": "Rd", "Avenue": "Ave", "Lane": "Ln"][address.suffix] ?? address.suffix
        switch rng.below(4) {
        case 0: return "\(address.number) \(address.street) \(address.suffix)\(address.rest)"
        case 1: return "\(address.number) \(address.street) \(short)".lowercased()
        case 2: return "\(address.number) \(address.street) \(short)"
        default: return "\(address.number) \(address.street) \(address.suffix)"
        }
    }
}
