import SeededRandom

/// Phone numbers, cards, IBANs, IPs and order ids for the generated corpus, in the formats shoppers type.
enum NumberValues {
    // MARK: Phones

    static func phone(_ rng: inout SplitMix64, extensions: Bool = true) -> String {
        var number: String
        switch rng.below(6) {
        case 0: number = usPhone(&rng)
        case 1: number = ukPhone(&rng)
        case 2: number = indiaPhone(&rng)
        case 3: number = germanPhone(&rng)
        case 4: number = frenchPhone(&rng)
        default: number = australianPhone(&rng)
        }
        if extensions, rng.chance(0.06) {
            number += rng.pick([" ext. ", " ext ", " x", " extension "]) + rng.digits(rng.int(2...4))
        }
        return number
    }

    static func nanp(_ rng: inout SplitMix64) -> (String, String, String) {
        var npa: String
        repeat { npa = "\(rng.int(2...9))\(rng.int(0...8))\(rng.int(0...9))" } while npa.hasSuffix("11")
        var nxx: String
        repeat { nxx = "\(rng.int(2...9))\(rng.digits(2))" } while nxx.hasSuffix("11")
        return (npa, nxx, rng.digits(4))
    }

    static func usPhone(_ rng: inout SplitMix64) -> String {
        let (a, b, c) = nanp(&rng)
        return rng.pick([
            "(\(a)) \(b)-\(c)", "\(a)-\(b)-\(c)", "\(a).\(b).\(c)", "\(a) \(b) \(c)", "\(a)\(b)\(c)",
            "+1 \(a) \(b) \(c)", "+1-\(a)-\(b)-\(c)", "1-\(a)-\(b)-\(c)", "+1 (\(a)) \(b)-\(c)", "(\(a))\(b)-\(c)",
            "+1\(a)\(b)\(c)", "1 (\(a)) \(b)-\(c)", "001-\(a)-\(b)-\(c)",
            "+1.\(a).\(b).\(c)", "(+1) \(a)-\(b)-\(c)",
        ])
    }

    static func ukPhone(_ rng: inout SplitMix64) -> String {
        let mobile = "7\(rng.int(1...9))\(rng.digits(2))"
        let rest = rng.digits(6)
        let london = (rng.digits(4), rng.digits(4))
        let area = rng.pick(["161", "121", "113", "131", "141", "117"])
        return rng.pick([
            "0\(mobile) \(rest)", "0\(mobile)\(rest)", "+44 \(mobile) \(rest)", "+44\(mobile)\(rest)",
            "+44 (0)\(mobile) \(rest)", "020 \(london.0) \(london.1)", "+44 20 \(london.0) \(london.1)",
            "(020) \(london.0) \(london.1)", "0\(area) \(rng.digits(3)) \(rng.digits(4))",
            "+44 (0)20 \(london.0) \(london.1)",
            "0\(mobile)-\(rest)", "+44(0)\(mobile) \(rest)", "(0\(area)) \(rng.digits(3)) \(rng.digits(4))",
            "(+44) \(mobile) \(rest)",
        ])
    }

    static func indiaPhone(_ rng: inout SplitMix64) -> String {
        let mobile = "\(rng.int(6...9))\(rng.digits(4))"
        let rest = rng.digits(5)
        let city = rng.pick(["80", "22", "11", "44", "40"])
        let line = rng.digits(8)
        return rng.pick([
            "\(mobile) \(rest)", "\(mobile)\(rest)", "+91 \(mobile) \(rest)", "+91-\(mobile)\(rest)",
            "+91 \(mobile)\(rest)", "0\(mobile)\(rest)", "+91 \(mobile)-\(rest)",
            "0\(city) \(line.prefix(4)) \(line.suffix(4))",
            "+91 \(city) \(line.prefix(4)) \(line.suffix(4))", "0\(city)-\(line)", "+91\(mobile)\(rest)",
            "+91 0\(mobile)\(rest)", "0091 \(mobile) \(rest)",
        ])
    }

    static func germanPhone(_ rng: inout SplitMix64) -> String {
        let city = rng.pick(["30", "89", "40", "221", "69", "711"])
        let subscriber = rng.digits(city.count == 2 ? 8 : 7)
        let mobile = rng.pick(["151", "160", "170", "176", "152"])
        let mobileRest = rng.digits(rng.pick([7, 8]))
        return rng.pick([
            "0\(city) \(subscriber)", "+49 \(city) \(subscriber)", "0\(city)/\(subscriber)", "0\(city)-\(subscriber)",
            "+49 (0)\(city) \(subscriber)", "0\(mobile) \(mobileRest)", "+49 \(mobile) \(mobileRest)",
            "0\(mobile)\(mobileRest)",
            "+49\(mobile)\(mobileRest)", "0049 \(city) \(subscriber)",
        ])
    }

    static func frenchPhone(_ rng: inout SplitMix64) -> String {
        let first = rng.pick(["1", "2", "3", "4", "5", "6", "7", "9"])
        let pairs = (0..<4).map { _ in rng.digits(2) }
        return rng.pick([
            "0\(first) \(pairs.joined(separator: " "))", "+33 \(first) \(pairs.joined(separator: " "))",
            "0\(first).\(pairs.joined(separator: "."))", "0\(first)\(pairs.joined())",
            "+33 (0)\(first) \(pairs.joined(separator: " "))",
            "+33\(first)\(pairs.joined())", "0\(first)-\(pairs.joined(separator: "-"))",
        ])
    }

    static func australianPhone(_ rng: inout SplitMix64) -> String {
        let mobile = "4\(rng.digits(2))"
        let (a, b) = (rng.digits(3), rng.digits(3))
        let area = rng.pick(["2", "3", "7", "8"])
        let (c, d) = (rng.digits(4), rng.digits(4))
        return rng.pick([
            "0\(mobile) \(a) \(b)", "0\(mobile)\(a)\(b)", "+61 \(mobile) \(a) \(b)", "(0\(area)) \(c) \(d)",
            "0\(area) \(c) \(d)", "+61 \(area) \(c) \(d)", "1300 \(a) \(b)", "1800 \(a) \(b)", "+61\(mobile)\(a)\(b)",
        ])
    }

    // MARK: Cards

    static func luhnDigit(_ body: [Int]) -> Int {
        var sum = 0
        for (index, digit) in body.reversed().enumerated() {
            var value = digit
            if index % 2 == 0 {
                value *= 2
                if value > 9 { value -= 9 }
            }
            sum += value
        }
        return (10 - sum % 10) % 10
    }

    /// A Luhn-valid number with a real issuer prefix, formatted as typed.
    static func card(_ rng: inout SplitMix64, valid: Bool = true) -> String {
        let (prefix, length): (String, Int) = rng.pick([
            ("4", 16), ("4", 16), ("5\(rng.int(1...5))", 16), ("\(rng.int(2221...2720))", 16),
            ("3\(rng.pick([4, 7]))", 15),
            ("6011", 16), ("\(rng.int(3528...3589))", 16), ("36", 14), ("65", 16), ("4", 19),
        ])
        var digits = prefix.map { Int(String($0))! }
        while digits.count < length - 1 { digits.append(rng.below(10)) }
        let check = luhnDigit(digits)
        digits.append(valid ? check : (check + rng.int(1...9)) % 10)
        let raw = digits.map(String.init).joined()
        return formatCard(raw, &rng)
    }

    static func formatCard(_ raw: String, _ rng: inout SplitMix64) -> String {
        let style = rng.below(3)
        if style == 0 { return raw }
        let separator = style == 1 ? " " : "-"
        let sizes =
            raw.count == 15
            ? [4, 6, 5] : raw.count == 14 ? [4, 6, 4] : Array(repeating: 4, count: (raw.count + 3) / 4)
        var groups: [String] = []
        var rest = Substring(raw)
        for size in sizes where !rest.isEmpty {
            groups.append(String(rest.prefix(size)))
            rest = rest.dropFirst(size)
        }
        return groups.joined(separator: separator)
    }

    // MARK: Order ids, IPs

    static func orderID(_ rng: inout SplitMix64) -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789")
        let body = String((0..<8).map { _ in rng.pick(alphabet) })
        let id = "ORD-" + body
        return rng.chance(0.25) ? id.lowercased() : id
    }

    static func ip(_ rng: inout SplitMix64) -> String {
        switch rng.below(5) {
        case 0: return "192.168.\(rng.int(0...254)).\(rng.int(1...254))"
        case 1: return "10.\(rng.int(0...255)).\(rng.int(0...255)).\(rng.int(1...254))"
        case 2: return "\(rng.int(11...223)).\(rng.int(0...255)).\(rng.int(0...255)).\(rng.int(1...254))"
        case 3:
            let groups = (0..<8).map { _ in String(rng.below(65536), radix: 16) }
            return groups.joined(separator: ":")
        default:
            let hex = { (rng: inout SplitMix64) in String(rng.int(1...65535), radix: 16) }
            return rng.pick([
                "2001:db8::\(hex(&rng)):\(hex(&rng))", "fe80::\(hex(&rng)):\(hex(&rng))", "::1",
                "2a00:1450:4009::\(hex(&rng))",
            ])
        }
    }
}

extension NumberValues {
    /// Local numbers without an area code ("555-0142", "9541 4304"): phones only when the words say so.
    static func localPhone(_ rng: inout SplitMix64) -> String {
        rng.pick([
            "\(rng.int(2...9))\(rng.digits(2))-\(rng.digits(4))", "\(rng.int(2...9))\(rng.digits(3)) \(rng.digits(4))",
            "\(rng.int(2...9))\(rng.digits(3))-\(rng.digits(4))", "\(rng.int(2...9))\(rng.digits(7))",
        ])
    }

    /// Maestro's 12-digit numbers (real IINs), Luhn-valid.
    static func maestro12(_ rng: inout SplitMix64) -> String {
        var digits = rng.pick(["5018", "5020", "5038", "6304", "6759"]).map { Int(String($0))! }
        while digits.count < 11 { digits.append(rng.below(10)) }
        digits.append(luhnDigit(digits))
        return digits.map(String.init).joined()
    }
}
