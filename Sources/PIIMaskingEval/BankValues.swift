import SeededRandom

/// IBANs for the generated corpus: real country layouts, correct mod-97 check digits.
enum BankValues {
    /// BBAN layouts: "n" digit, "a" upper-case letter, "c" alphanumeric.
    static let layouts: [(country: String, bban: String)] = [
        ("GB", "aaaannnnnnnnnnnnnn"), ("DE", "nnnnnnnnnnnnnnnnnn"), ("FR", "nnnnnnnnnncccccccccccnn"),
        ("ES", "nnnnnnnnnnnnnnnnnnnn"), ("IT", "annnnnnnnnncccccccccccc"), ("NL", "aaaannnnnnnnnn"),
        ("IE", "aaaannnnnnnnnnnnnn"), ("BE", "nnnnnnnnnnnn"), ("CH", "nnnnncccccccccccc"), ("AT", "nnnnnnnnnnnnnnnn"),
    ]

    static func iban(_ rng: inout SplitMix64) -> String {
        let layout = rng.pick(layouts)
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        let alphanumerics = letters + Array("0123456789")
        let bban = String(
            layout.bban.map { kind -> Character in
                switch kind {
                case "n": Character(String(rng.below(10)))
                case "a": rng.pick(letters)
                default: rng.pick(alphanumerics)
                }
            })
        let check = 98 - mod97(bban + layout.country + "00")
        let iban = layout.country + (check < 10 ? "0\(check)" : "\(check)") + bban
        return rng.chance(0.55) ? grouped(iban) : iban
    }

    static func grouped(_ iban: String) -> String {
        var groups: [String] = []
        var rest = Substring(iban)
        while !rest.isEmpty {
            groups.append(String(rest.prefix(4)))
            rest = rest.dropFirst(4)
        }
        return groups.joined(separator: " ")
    }

    static func mod97(_ text: String) -> Int {
        var remainder = 0
        for character in text {
            if let digit = character.wholeNumberValue {
                remainder = (remainder * 10 + digit) % 97
            } else if let ascii = character.asciiValue {
                remainder = (remainder * 100 + Int(ascii) - 55) % 97
            }
        }
        return remainder
    }
}
