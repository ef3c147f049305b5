import SeededRandom

/// Names and e-mail addresses for the generated corpus.
enum PeopleValues {
    static let firstNames = [
        "Jane", "John", "Priya", "Rahul", "Aisha", "Mohammed", "Emma", "Oliver", "Sophie", "Lukas", "Hannah",
        "Chloé", "Léa", "Mateo", "Sofía", "Wei", "Yuki", "Olivia", "Noah", "Ananya", "Arjun", "Fatima", "Liam",
        "Charlotte", "Amelia", "Thomas", "Zoë", "Björn", "Siobhan", "Kwame", "Deepika", "Vikram", "Emily",
        "Daniel", "Isabella", "Maximilian", "Camille", "Antoine", "Matilda", "Harper", "Lachlan", "Mia", "Ethan",
    ]
    static let lastNames = [
        "Doe", "Smith", "Patel", "Sharma", "Khan", "Müller", "Schmidt", "Dubois", "Martin", "Nguyen", "Garcia",
        "O'Brien", "Williams", "Johnson", "Brown", "Jones", "Singh", "Kumar", "Iyer", "Fischer", "Weber", "Moreau",
        "Lefèvre", "Wilson", "Taylor", "Anderson", "Thompson", "Kowalski", "Rossi", "Tanaka", "Chen", "Okafor",
        "Murphy", "MacDonald", "Reddy", "Gupta", "Becker", "Bernard", "Mitchell", "Campbell", "Kelly",
    ]
    static let domains = [
        "gmail.com", "yahoo.co.uk", "outlook.com", "hotmail.com", "icloud.com", "proton.me", "web.de", "gmx.de",
        "orange.fr", "free.fr", "bigpond.com.au", "rediffmail.com", "mail.example.org", "corp.example.co.in",
        "student.uni-example.edu", "example.com", "shop-mail.net", "fastmail.fm", "zoho.in", "optusnet.com.au",
    ]

    static func asciiFold(_ name: String) -> String {
        let map: [Character: String] = [
            "é": "e", "è": "e", "ü": "u", "ö": "o", "ë": "e", "á": "a", "í": "i", "ñ": "n", "'": "",
        ]
        return name.lowercased().map { map[$0] ?? String($0) }.joined()
    }

    static func fullName(_ rng: inout SplitMix64) -> String {
        "\(rng.pick(firstNames)) \(rng.pick(lastNames))"
    }

    /// "jane.doe+promo@gmail.com", "J.Doe84@Outlook.com", "priya_sharma@corp.example.co.in"…
    static func email(_ rng: inout SplitMix64, name: String? = nil) -> String {
        let person = name ?? fullName(&rng)
        let parts = person.split(separator: " ").map { asciiFold(String($0)) }
        let first = parts.first ?? "user"
        let last = parts.last ?? "name"
        var local: String
        switch rng.below(6) {
        case 0: local = "\(first).\(last)"
        case 1: local = "\(first.prefix(1))\(last)\(rng.int(1...99))"
        case 2: local = "\(first)_\(last)"
        case 3: local = "\(first)\(rng.int(1970...2009))"
        case 4: local = "\(last).\(first)"
        default: local = "\(first)-\(last)"
        }
        if rng.chance(0.15) { local += "+" + rng.pick(["promo", "shop", "orders", "news", "2026"]) }
        var address = local + "@" + rng.pick(domains)
        if rng.chance(0.12) { address = address.uppercased() }
        if rng.chance(0.12) { address = address.prefix(1).uppercased() + address.dropFirst() }
        return address
    }
}
