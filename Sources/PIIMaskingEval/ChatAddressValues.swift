import SeededRandom

/// Street addresses as people type them into a chat box (issue 13): all in lower case, on one line or two, with
/// or without a unit, city, state and ZIP or postcode, UK postcodes with or without their space.
///
/// Written apart from `AddressValues` (the formal spellings) so the chat families can be scored on their own.
enum ChatAddressValues {
    static let usNames = [
        "oak", "maple", "evergreen", "cedar", "pine", "elm", "lincoln", "jefferson", "hillcrest", "sunset",
        "willow", "chestnut", "walnut", "lakeview", "madison", "orchard", "highland", "old mill", "spring valley",
        "martin luther king", "broad", "riverside",
    ]
    static let usSuffixes = [
        "st", "street", "ave", "avenue", "blvd", "rd", "road", "dr", "drive", "ln", "lane", "way", "ct", "court",
        "pl", "place", "pkwy", "terrace", "cir", "circle", "trl", "hwy", "loop",
    ]
    static let usPlaces: [(city: String, state: String, zip: String)] = [
        ("portland", "or", "97205"), ("springfield", "il", "62704"), ("salem", "or", "97301"),
        ("beaverton", "or", "97005"), ("austin", "tx", "78701"), ("denver", "co", "80202"), ("boise", "id", "83702"),
        ("madison", "wi", "53703"), ("new york", "ny", "10036"), ("san jose", "ca", "95113"),
        ("ann arbor", "mi", "48104"), ("cedar rapids", "ia", "52401"), ("fort collins", "co", "80521"),
        ("columbus", "oh", "43215"), ("tulsa", "ok", "74103"), ("bangor", "me", "04401"), ("honolulu", "hi", "96813"),
        ("baton rouge", "la", "70802"), ("indianapolis", "in", "46204"), ("dover", "de", "19901"),
    ]
    static let ukNames = [
        "baker", "high", "church", "station", "mill", "victoria", "queens", "albert", "kings", "manor", "london",
        "chapel", "elm", "park", "st johns", "new", "north", "windsor", "grange",
    ]
    static let ukSuffixes = [
        "street", "st", "road", "rd", "lane", "close", "crescent", "gardens", "grove", "way", "avenue", "drive",
        "terrace", "place", "mews", "square", "row", "hill", "walk", "court", "rise", "green",
    ]
    static let ukPlaces: [(town: String, postcodes: [String])] = [
        ("london", ["nw1 6xe", "nw1 4sh", "sw1a 1aa", "e1 6an", "n1 9gu"]), ("leeds", ["ls1 4ap", "ls6 2ab"]),
        ("manchester", ["m1 1ae", "m14 5tq"]), ("bristol", ["bs1 5tr", "bs8 1tl"]), ("norwich", ["nr1 3jq"]),
        ("exeter", ["ex4 3sr"]), ("brighton", ["bn1 1aa", "bn2 9sb"]), ("cardiff", ["cf10 1ep"]),
        ("luton", ["lu1 2ht"]), ("york", ["yo1 7hh"]),
    ]

    static func address(_ rng: inout SplitMix64) -> String {
        rng.chance(0.5) ? us(&rng) : uk(&rng)
    }

    /// "742 evergreen terrace", "55 w 46th st apt 4b\nnew york, ny 10036", "1600 pennsylvania ave nw, …".
    static func us(_ rng: inout SplitMix64) -> String {
        let number = rng.pick(["\(rng.int(1...99))", "\(rng.int(100...999))", "\(rng.int(1000...29999))"])
        let direction = rng.chance(0.15) ? rng.pick(["n ", "s ", "e ", "w "]) : ""
        let name = rng.chance(0.15) ? ordinal(rng.int(1...99)) : rng.pick(usNames)
        var line = "\(number) \(direction)\(name) \(rng.pick(usSuffixes))"
        if rng.chance(0.1) { line += rng.pick([" nw", " se", " ne"]) }
        // An abbreviation's dot only inside the address ("st., apt 4"): at its very end it is the sentence's.
        let dot = rng.chance(0.15) && (line.hasSuffix(" st") || line.hasSuffix(" ave")) ? "." : ""
        let units = [
            "apt \(rng.int(1...40))\(rng.pick(["", "b", "c"]))", "unit \(rng.int(1...30))",
            "suite \(rng.int(100...900))",
            "ste \(rng.int(100...900))", "apt. \(rng.int(1...30))", "#\(rng.int(2...300))",
        ]
        switch rng.below(10) {
        case 0...1: line += dot + rng.pick([" ", ", "]) + rng.pick(units)
        case 2: line = rng.pick(units.dropLast()) + rng.pick([", ", " "]) + line  // "#12" is not written first
        default: break
        }
        let place = rng.pick(usPlaces)
        let stateZip = "\(place.state) \(place.zip)\(rng.chance(0.1) ? "-\(rng.digits(4))" : "")"
        let breakBefore = rng.pick([", ", "\n", " "])
        let dotted = line.hasSuffix(" st") || line.hasSuffix(" ave") ? line + dot : line
        switch rng.below(8) {
        case 0...1: return line
        case 2: return "\(dotted), \(place.city)"
        case 3: return "\(dotted)\(breakBefore)\(place.city) \(stateZip)"
        default: return "\(dotted)\(breakBefore)\(place.city), \(stateZip)"
        }
    }

    /// "221b baker street london nw1 6xe", "flat 3, 12 elm road\nleeds\nls14ap", "14 mill lane".
    static func uk(_ rng: inout SplitMix64) -> String {
        let number = "\(rng.pick([rng.int(1...60), rng.int(1...250)]))\(rng.chance(0.1) ? "b" : "")"
        var line = "\(number) \(rng.pick(ukNames)) \(rng.pick(ukSuffixes))"
        if rng.chance(0.2) {
            line =
                rng.pick(["flat \(rng.int(1...30))", "flat \(rng.int(1...9))\(rng.pick(["a", "b"]))"])
                + rng.pick([", ", " "]) + line
        }
        let place = rng.pick(ukPlaces)
        var postcode = rng.pick(place.postcodes)
        switch rng.below(4) {
        case 0: postcode = postcode.uppercased()
        case 1: postcode = String(postcode.filter { $0 != " " })
        case 2: postcode = String(postcode.filter { $0 != " " }).uppercased()
        default: break
        }
        let twoLines = rng.chance(0.3)
        switch rng.below(7) {
        case 0: return line
        case 1: return "\(line), \(place.town)"
        case 2: return twoLines ? "\(line)\n\(place.town)\n\(postcode)" : "\(line), \(place.town), \(postcode)"
        case 3: return "\(line)\(twoLines ? "\n" : ", ")\(postcode)"
        default: return "\(line)\(twoLines ? "\n" : rng.pick([", ", " "]))\(place.town) \(postcode)"
        }
    }

    /// Formal addresses ending in a UK postcode typed without its space ("…, London NW14SH").
    static func unspacedPostcode(_ rng: inout SplitMix64) -> String {
        let place = rng.pick(AddressValues.ukPlaces)
        let code = String(place.1.filter { $0 != " " })
        let street = "\(rng.int(1...250)) \(rng.pick(AddressValues.ukStreets)) \(rng.pick(AddressValues.ukSuffixes))"
        return "\(street), \(place.0) \(rng.chance(0.3) ? code.lowercased() : code)"
    }

    static func ordinal(_ n: Int) -> String {
        let suffix = (11...13).contains(n % 100) ? "th" : [1: "st", 2: "nd", 3: "rd"][n % 10] ?? "th"
        return "\(n)\(suffix)"
    }
}
