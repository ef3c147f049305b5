/// Street types. The core ones end a street name on their own ("Baker Street", "46th St", "MG Road"); the
/// extended ones (USPS, Royal Mail and Australia Post lists: "Skyway", "Copse", "Lock", "Loaf"…) are everyday nouns
/// too, so a street ending in one needs confirmation: an attached city or postcode, an address word before it
/// ("ship to", "live at") or a house number that is not a small count.
extension Lexicon {
    static let coreStreetSuffixWords = [
        "alley", "aly", "apartments", "av", "ave", "avenue", "blvd", "boulevard", "broadway", "causeway",
        "chambers", "cir", "circle", "circus", "close", "colony", "commons", "court", "cres", "crescent", "ct",
        "dr", "drive", "embankment", "enclave", "esplanade", "expressway", "expy", "freeway", "fwy", "gardens",
        "gate", "gdns", "green", "grove", "heights", "highway", "hill", "hills", "hts", "hwy", "lane", "layout",
        "ln", "loop", "mansions", "marg", "mews", "nagar", "parade", "park", "parkway", "path", "pathway", "pike",
        "pkwy", "pl", "place", "plaza", "plz", "promenade", "quay", "rd", "residency", "ridge", "rise", "road",
        "row", "salai", "sq", "square", "st", "street", "ter", "terr", "terrace", "towers", "trail", "trl", "vale",
        "walk", "way", "wharf", "wynd",
    ]

    static let extendedStreetSuffixWords = [
        "access", "alleyway", "end", "front", "little", "part", "top", "amble", "anchorage", "approach", "arcade",
        "artery", "basin", "beach", "bend",
        "block", "bluff", "brace", "brae", "branch", "break", "bridge", "brook", "brooks", "brow", "burg", "burgs",
        "bypass", "byway", "camp", "canyon", "cape", "center", "centers", "centre", "centreway", "chase",
        "circles", "circlet", "circuit", "cliff", "cliffs", "club", "colonnade", "common", "concourse", "copse",
        "corner", "corners", "corso", "course", "courts", "courtyard", "cove", "coves", "creek", "crest", "cross",
        "crossing", "crossroad", "crossway", "cruiseway", "cul-de-sac", "curve", "cutting", "dale", "dam", "dell",
        "deviation", "dip", "distributor", "divide", "drives", "driveway", "edge", "elbow", "entrance", "estate",
        "estates", "extension", "extensions", "fairway", "fall", "falls", "ferry", "field", "fields", "firetrail",
        "flat", "flats", "follow", "footway", "ford", "fords", "foreshore", "forest", "forge", "forges", "fork",
        "forks", "formation", "fort", "frontage", "gap", "garden", "gates", "gateway", "glade", "glen", "glens",
        "grange", "greens", "ground", "groves", "gully", "harbor", "harbors", "harbour", "haven", "highroad",
        "hollow", "inlet", "interchange", "intersection", "island", "islands", "isle", "junction", "junctions",
        "key", "keys", "knoll", "knolls", "lake", "lakes", "land", "landing", "laneway", "lees", "light", "lights",
        "line", "link", "loaf", "lock", "locks", "lodge", "lookout", "lower", "mall", "manor", "manors", "meadow",
        "meadows", "meander", "mew", "mill", "mills", "mission", "motorway", "mount", "mountain", "mountains",
        "neck", "nook", "orchard", "outlook", "oval", "overpass", "parklands", "parks", "parkways", "pass",
        "passage", "piazza", "pine", "pines", "plain", "plains", "plateau", "pocket", "point", "points", "port",
        "ports", "prairie", "quad", "quadrangle", "quadrant", "quays", "radial", "ramble", "ramp", "ranch",
        "range", "rapid", "rapids", "reach", "reserve", "rest", "retreat", "ride", "ridges", "ridgeway", "ring",
        "river", "riverway", "riviera", "roads", "roadside", "roadway", "ronde", "rosebowl", "rotary", "round",
        "route", "rue", "run", "shoal", "shoals", "shore", "shores", "siding", "skyway", "slope", "sound",
        "spring", "springs", "spur", "spurs", "squares", "stairs", "station", "steps", "strand", "stravenue",
        "stream", "streets", "strip", "subway", "summit", "tarn", "thoroughfare", "throughway", "tollway", "tor",
        "trace", "track", "trafficway", "trailer", "triangle", "trunkway", "tunnel", "turn", "turnpike",
        "underpass", "union", "unions", "upper", "valley", "valleys", "via", "viaduct", "view", "views", "village",
        "villages", "villas", "ville", "vista", "wade", "walks", "walkway", "wall", "ways", "well", "wells",
        "wood", "woods", "yard",
    ]

    /// Every street type, core or extended.
    static let streetSuffixes = WordHash.set(coreStreetSuffixWords + extendedStreetSuffixWords)

    static let coreStreetSuffixes = WordHash.set(coreStreetSuffixWords)
}

extension Lexicon {
    /// Core street types that are everyday words too ("way", "close", "walk", "park"): typed in lower case, a
    /// street ending in one is an address only when something confirms it (see `StreetLine.needsConfirmation`).
    /// The other core types ("street", "pkwy", "mews", "cir") read as streets in any case.
    static let everydayStreetWords = WordHash.set([
        "way", "close", "walk", "park", "green", "hill", "hills", "gate", "rise", "row", "path", "pathway", "loop",
        "grove", "square", "circle", "trail", "ridge", "vale", "plaza", "heights", "commons", "parade", "pike",
        "wharf", "alley", "colony", "enclave", "layout", "gardens", "mansions", "towers", "apartments", "chambers",
        "residency", "quay", "circus",
    ])
}
