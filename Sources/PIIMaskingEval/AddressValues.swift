import SeededRandom

/// Street addresses for the generated corpus in the launch countries' formats.
enum AddressValues {
    static let ukStreets = [
        "Baker", "High", "Church", "Station", "Victoria", "Mill", "Kings", "Queen's", "Park", "Green Lanes",
    ]
    static let ukSuffixes = [
        "Street", "Road", "Lane", "Avenue", "Close", "Crescent", "Terrace", "Gardens", "Way", "St", "Rd",
    ]
    static let ukPlaces = [
        ("London", "NW1 6XE"), ("London", "SW1A 2AA"), ("Manchester", "M1 1AE"), ("Leeds", "LS1 4AP"),
        ("Birmingham", "B33 8TH"), ("Edinburgh", "EH1 1YZ"), ("Bristol", "BS1 5TR"), ("Cardiff", "CF10 1EP"),
    ]
    static let usStreets = [
        "Main", "Oak", "Maple", "Elm", "Pennsylvania", "Market", "Mission", "Lexington", "Sunset", "Washington",
    ]
    static let usSuffixes = ["St", "Street", "Ave", "Avenue", "Blvd", "Rd", "Dr", "Ln", "Way", "Ct", "Pl", "Pkwy"]
    static let usPlaces = [
        ("New York", "NY", "10036"), ("Washington", "DC", "20500"), ("San Francisco", "CA", "94103"),
        ("Austin", "TX", "78701"), ("Seattle", "WA", "98101"), ("Springfield", "IL", "62704"),
        ("Boston", "MA", "02108"), ("Toronto", "ON", "M5V 2T6"), ("Cupertino", "CA", "95014"),
    ]
    static let inAreas = ["Andheri West", "Koramangala", "Indiranagar", "Bandra East", "Salt Lake", "Banjara Hills"]
    static let inPlaces = [
        ("Mumbai", "400053"), ("Bengaluru", "560034"), ("Kolkata", "700091"), ("Hyderabad", "500034"),
    ]
    static let deStreets = ["Haupt", "Bahnhof", "Schiller", "Goethe", "Linden", "Friedrich", "Garten", "Kirch"]
    static let dePlaces = [("10115", "Berlin"), ("80331", "München"), ("20095", "Hamburg"), ("50667", "Köln")]
    static let frStreets = [
        "rue de Rivoli", "rue de la Paix", "avenue des Champs-Élysées", "boulevard Haussmann", "rue Victor Hugo",
    ]
    static let frPlaces = [("75001", "Paris"), ("69002", "Lyon"), ("13001", "Marseille"), ("33000", "Bordeaux")]
    static let auStreets = ["George", "Collins", "Queen", "Smith", "Wallaby", "King William"]
    static let auPlaces = [
        ("Sydney", "NSW", "2000"), ("Melbourne", "VIC", "3000"), ("Brisbane", "QLD", "4000"),
        ("Parramatta", "NSW", "2150"),
    ]

    static func houseNumber(_ rng: inout SplitMix64, letter: Bool = true) -> String {
        let number = "\(rng.pick([rng.int(1...99), rng.int(1...999), rng.int(100...9999)]))"
        return letter && rng.chance(0.15) ? number + rng.pick(["A", "B", "a", "b"]) : number
    }

    static func address(_ rng: inout SplitMix64) -> String {
        switch rng.below(8) {
        case 0: uk(&rng)
        case 1: us(&rng)
        case 2: india(&rng)
        case 3: german(&rng)
        case 4: french(&rng)
        case 5: australian(&rng)
        case 6: usLong(&rng)
        default: rng.chance(0.5) ? indiaCompact(&rng) : military(&rng)
        }
    }

    /// USPS-style suffixes beyond the common ones, secondary units and attached city, state and ZIP.
    static func usLong(_ rng: inout SplitMix64) -> String {
        let suffix = rng.pick([
            "Skyway", "Junction", "Crossing", "Mountains", "Valley", "Harbor", "Station", "Ridge", "Loop", "Trail",
        ])
        let number = rng.chance(0.2) ? "0\(rng.int(10...999))" : "\(rng.int(100...99999))"
        var line = "\(number) \(rng.pick(PeopleValues.lastNames.filter { !$0.contains("'") })) \(suffix)"
        if rng.chance(0.3) { line += rng.pick([" Apt. \(rng.int(100...999))", " Suite \(rng.int(100...999))"]) }
        let city = rng.pick([
            "Lake Stephanie", "East Davidmouth", "Port Jennifer", "New Karen", "North Jamesside", "Mountain View",
        ])
        let state = rng.pick(["VT", "NJ", "WI", "OK", "CA", "TX", "FM", "PW"])
        return "\(line)\(rng.pick([", ", "\n"]))\(city), \(state) \(rng.digits(5))"
    }

    /// Indian house numbers with a slash, localities and "City-PIN".
    static func indiaCompact(_ rng: inout SplitMix64) -> String {
        let house = rng.pick([
            "H.No. \(rng.int(1...99))", "\(rng.int(1...99))/\(rng.int(1...500))", "No. \(rng.int(1...300))",
        ])
        let locality = rng.pick(["Bhatt Nagar", "Kapur Ganj", "Prakash Colony", "Deshpande Nagar", "Din Zila"])
        let city = rng.pick(["Gudivada", "Sonipat", "Tiruppur", "Noida", "Hosur"])
        return rng.chance(0.5)
            ? "\(house), \(locality), \(city)-\(rng.int(1...9))\(rng.digits(5))"
            : "\(house), \(locality), \(city) \(rng.int(1...9))\(rng.digits(5))"
    }

    static func military(_ rng: inout SplitMix64) -> String {
        let office = rng.pick(["APO", "FPO", "DPO"])
        let region = rng.pick(["AA", "AE", "AP"])
        return rng.pick([
            "PSC \(rng.digits(4)), Box \(rng.digits(4)), \(office) \(region) \(rng.digits(5))",
            "Unit \(rng.digits(4)) Box \(rng.digits(4)), DPO \(region) \(rng.digits(5))",
            "USNS \(rng.pick(["Brown", "Hernandez", "Choi"])), FPO \(region) \(rng.digits(5))",
        ])
    }

    static func uk(_ rng: inout SplitMix64) -> String {
        var line = "\(houseNumber(&rng)) \(rng.pick(ukStreets)) \(rng.pick(ukSuffixes))"
        if rng.chance(0.15) { line = "Flat \(rng.int(1...20)), " + line }
        let (city, postcode) = rng.pick(ukPlaces)
        switch rng.below(4) {
        case 0: return line
        case 1: return "\(line), \(city)"
        case 2: return "\(line), \(city) \(postcode)"
        default: return "\(line), \(city), \(postcode)"
        }
    }

    static func us(_ rng: inout SplitMix64) -> String {
        let direction = rng.chance(0.2) ? rng.pick(["N ", "S ", "E ", "W "]) : ""
        let street = rng.chance(0.2) ? "\(rng.int(1...99))th" : rng.pick(usStreets)
        var line = "\(houseNumber(&rng, letter: false)) \(direction)\(street) \(rng.pick(usSuffixes))"
        if rng.chance(0.1) { line += rng.pick([" NW", " SE"]) }
        if rng.chance(0.2) {
            line += rng.pick([
                ", Apt \(rng.int(1...40))\(rng.pick(["", "B"]))", ", Suite \(rng.int(100...900))",
                " #\(rng.int(2...30))",
            ])
        }
        if rng.chance(0.1) { line = "Apt \(rng.int(1...9))\(rng.pick(["A", "B", "C"])), " + line }
        let (city, state, zip) = rng.pick(usPlaces)
        return rng.chance(0.25) ? line : "\(line), \(city), \(state) \(zip)"
    }

    static func india(_ rng: inout SplitMix64) -> String {
        let (city, pin) = rng.pick(inPlaces)
        switch rng.below(3) {
        case 0:
            return
                "Flat \(rng.int(101...1204)), \(rng.pick(["Sunshine", "Lotus", "Green Park"])) Apartments, "
                    + "\(rng.pick(inAreas)), \(city) \(pin)"
        case 1: return "\(rng.int(1...250)), MG Road, \(city) \(pin)"
        default:
            return
                "\(rng.int(1...99)) \(rng.pick(["Nehru", "Gandhi", "Tagore"])) Marg, "
                    + "\(rng.pick(inAreas)), \(city) - \(pin)"
        }
    }

    static func german(_ rng: inout SplitMix64) -> String {
        let street =
            rng.chance(0.15)
            ? rng.pick(["Karl-Marx-Allee", "Oda-Preiß-Straße", "Berliner Straße", "Kurfürstendamm"])
            : rng.pick(deStreets) + rng.pick(["straße", "str.", "weg", "allee", "platz"])
        let number = rng.pick([
            "\(rng.int(1...150))", "\(rng.int(1...150))a", "\(rng.int(1...40))/\(rng.int(1...20))",
            "\(rng.int(1...40))-\(rng.int(41...60))",
        ])
        let line = "\(street) \(number)"
        let (code, city) = rng.pick(dePlaces)
        return rng.chance(0.3) ? line : "\(line), \(code) \(city)"
    }

    static func french(_ rng: inout SplitMix64) -> String {
        let line = "\(rng.int(1...120))\(rng.pick([" ", ", ", " bis "]))\(rng.pick(frStreets))"
        let (code, city) = rng.pick(frPlaces)
        return rng.chance(0.3) ? line : "\(line), \(code) \(city)"
    }

    static func australian(_ rng: inout SplitMix64) -> String {
        let number = rng.chance(0.2) ? "\(rng.int(1...30))/\(rng.int(1...300))" : "\(rng.int(1...300))"
        let withTail = rng.chance(0.8)
        // Extended street types ("Copse") stand alone only with a city or postcode attached.
        let suffixes =
            withTail
            ? ["St", "Street", "Rd", "Way", "Parade", "Pathway", "Copse", "Strand"] : ["St", "Street", "Rd", "Parade"]
        var line = "\(number) \(rng.pick(auStreets)) \(rng.pick(suffixes))"
        if rng.chance(0.2) { line = rng.pick(["Unit \(rng.int(1...30)), ", "Level \(rng.int(1...9)), "]) + line }
        let (city, state, code) = rng.pick(auPlaces)
        return withTail ? "\(line), \(city) \(state) \(code)" : line
    }
}
