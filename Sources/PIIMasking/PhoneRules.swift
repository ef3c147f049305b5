/// Length and prefix rules of national numbering plans.
///
/// Digits are passed as values 0–9. The international rules know every ITU country code and the exact lengths
/// for the launch countries; the national rules accept the formats shoppers type at home in the US/Canada,
/// the UK, India, Germany, France and Australia.
enum PhoneRules {
    /// ITU-T E.164 country calling codes (a prefix-free set).
    static let countryCodes: Set<Int> = countryCodeSet()

    /// `countryCodes` as a 1000-entry table, for lookups without hashing.
    private static let countryCodeTable: [Bool] = {
        var table = [Bool](repeating: false, count: 1000)
        for code in countryCodes { table[code] = true }
        return table
    }()

    static func isCountryCode(_ code: Int) -> Bool { code >= 0 && code < 1000 && countryCodeTable[code] }

    private static func countryCodeSet() -> Set<Int> {
        var codes: Set<Int> = [1, 7]
        codes.formUnion([
            20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49, 51, 52, 53, 54, 55, 56, 57, 58,
            60, 61, 62, 63, 64, 65, 66, 81, 82, 84, 86, 90, 91, 92, 93, 94, 95, 98,
        ])
        codes.formUnion([211, 212, 213, 216, 218, 290, 291, 297, 298, 299, 420, 421, 423, 670, 800, 808, 850])
        codes.formUnion([852, 853, 855, 856, 870, 878, 880, 881, 882, 883, 886, 888])
        codes.formUnion(220...258)
        codes.formUnion(260...269)
        codes.formUnion(350...359)
        codes.formUnion([370, 371, 372, 373, 374, 375, 376, 377, 378, 380, 381, 382, 383, 385, 386, 387, 389])
        codes.formUnion(500...509)
        codes.formUnion(590...599)
        codes.formUnion(672...692)
        codes.formUnion(960...968)
        codes.formUnion(970...979)
        codes.formUnion(992...998)
        return codes
    }

    /// Validates a number written with `+` or `00`: `digits` starts with the country code.
    static func isValidInternational(_ digits: ArraySlice<UInt8>) -> Bool {
        guard digits.count >= 8, digits.count <= 15 else { return false }
        var code = 0
        for length in 1...3 {
            code = code * 10 + Int(digits[digits.startIndex + length - 1])
            if isCountryCode(code) {
                return isValidSubscriber(country: code, digits[(digits.startIndex + length)...])
            }
        }
        return false
    }

    /// National significant number rules after the country code. A trunk 0 typed after the code
    /// ("+44 07700 900123") is tolerated: people do it, and the number is still theirs.
    private static func isValidSubscriber(country: Int, _ nsn: ArraySlice<UInt8>) -> Bool {
        if nsn.first == 0, country != 39, hasValidLength(country: country, nsn.dropFirst()) { return true }
        return hasValidLength(country: country, nsn)
    }

    private static func hasValidLength(country: Int, _ nsn: ArraySlice<UInt8>) -> Bool {
        guard let first = nsn.first else { return false }
        switch country {
        case 1: return nsn.count == 10
        case 44: return nsn.count == 10 || (nsn.count == 9 && first != 7)
        case 91: return nsn.count == 10
        case 49: return (6...11).contains(nsn.count)
        case 33: return nsn.count == 9
        case 61: return nsn.count == 9
        case 7: return nsn.count == 10
        case 86: return (9...11).contains(nsn.count)
        default: return (6...12).contains(nsn.count)
        }
    }

    /// North American Numbering Plan shape NXX-NXX-XXXX with N = 2…9. (The finer rules — no N11, no N9X area
    /// codes — are left out: test data and made-up numbers ignore them, and they add little against SKUs.)
    static func isNANP(_ digits: ArraySlice<UInt8>) -> Bool {
        guard digits.count == 10 else { return false }
        let d = digits.startIndex
        return digits[d] >= 2 && digits[d + 3] >= 2
    }

    /// How the digits of a national number were grouped; length rules depend on it.
    struct Grouping {
        /// A 0-prefixed area code of 3–6 digits followed by more groups ("030 12345678", "089/1234567"):
        /// German numbers vary in length, so 9- and 12-digit numbers are accepted only in that shape.
        var areaCode = false
        /// Written the North American way, 3-3-4 with an optional leading 1: "(415) 555-2671", "1-800-555-0199".
        /// That punctuation makes it a phone whatever the digits; unbroken ten-digit runs must pass the NANP rules.
        var northAmerican = false
    }

    /// Validates a number written without an international prefix.
    static func isValidNational(_ digits: ArraySlice<UInt8>, grouping: Grouping) -> Bool {
        let d = digits.startIndex
        let trunk = digits[d] == 0 && digits[d + 1] != 0
        switch digits.count {
        case 10:
            // FR/AU/DE/IN with trunk 0; US/CA; Indian mobile (6–9…); Australian 1300/1800.
            if trunk || grouping.northAmerican { return true }
            if isNANP(digits) || digits[d] >= 6 { return true }
            return digits[d] == 1 && digits[d + 2] == 0 && digits[d + 3] == 0 && [3, 8].contains(digits[d + 1])
        case 11:
            // UK/IN/DE with trunk 0; US/CA with trunk 1.
            if trunk { return true }
            return digits[d] == 1 && (grouping.northAmerican || isNANP(digits.dropFirst()))
        case 12:
            // German mobiles (015x/016x/017x) are often typed unbroken.
            return trunk && (grouping.areaCode || (digits[d + 1] == 1 && (5...7).contains(digits[d + 2])))
        case 9:
            return trunk && grouping.areaCode
        default:
            return false
        }
    }

    /// After "call", "tel.", "phone:", "my number is" a local number of 7–8 digits or a national one of any prefix
    /// is accepted: the words already say it is a phone.
    static func isValidWithPhoneCue(_ digits: ArraySlice<UInt8>) -> Bool {
        (7...12).contains(digits.count)
    }
}
