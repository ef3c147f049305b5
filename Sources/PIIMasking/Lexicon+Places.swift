/// Region codes and city names that let the address detector take in the tail of an address
/// ("…, Washington, DC 20500", "…, Sydney NSW 2000", "…, London").
extension Lexicon {
    /// US states and territories, Canadian provinces: two upper-case letters before a ZIP or postal code.
    static let usCanadaRegions = WordHash.set([
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
        "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC",
        "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
        "PR", "GU", "VI", "AS", "FM", "MH", "MP", "PW", "AA", "AE", "AP", "AB", "BC", "MB", "NB", "NL", "NS", "NT",
        "NU", "ON", "PE", "QC", "SK", "YT",
    ])

    /// Australian states and territories: written before the four-digit postcode.
    static let australianStates = WordHash.set(["NSW", "VIC", "QLD", "WA", "SA", "TAS", "ACT", "NT"])

    /// Larger cities of the six launch countries: a comma-separated city after a street is part of the address
    /// even without a postcode when it is one of these ("221B Baker Street, London"). Lower-case addresses lean on
    /// it most ("…crescent, norwich last week"), so for the US and the UK it holds every city above about 200 000
    /// (US) or 100 000 (UK) people, the US state capitals and the London boroughs used as postal towns.
    static let cities = WordHash.set(coreCities + usCities + ukCities)

    private static let coreCities = [
        // United Kingdom
        "london", "manchester", "birmingham", "leeds", "glasgow", "edinburgh", "liverpool", "bristol",
        "sheffield", "cardiff", "belfast", "leicester", "nottingham", "newcastle", "brighton", "oxford",
        "cambridge", "york", "bath", "southampton", "reading", "coventry", "aberdeen", "westminster", "camden",
        // United States and Canada
        "new york", "brooklyn", "los angeles", "chicago", "houston", "phoenix", "philadelphia", "san antonio",
        "san diego", "dallas", "austin", "san jose", "san francisco", "seattle", "denver", "boston", "miami",
        "atlanta", "washington", "portland", "las vegas", "detroit", "nashville", "baltimore", "cupertino",
        "minneapolis", "new orleans", "pittsburgh", "cleveland", "springfield", "toronto", "vancouver",
        "montreal", "ottawa", "calgary", "edmonton",
        // India
        "mumbai", "delhi", "new delhi", "bengaluru", "bangalore", "hyderabad", "chennai", "kolkata", "pune",
        "ahmedabad", "jaipur", "lucknow", "kochi", "chandigarh", "noida", "gurugram", "gurgaon", "indore",
        // Germany
        "berlin", "hamburg", "münchen", "munich", "köln", "cologne", "frankfurt", "frankfurt am main",
        "stuttgart", "düsseldorf", "leipzig", "dresden", "hannover", "nürnberg", "bremen", "bonn",
        // France
        "paris", "marseille", "lyon", "toulouse", "nice", "nantes", "strasbourg", "montpellier", "bordeaux",
        "lille", "rennes",
        // Australia
        "sydney", "melbourne", "brisbane", "perth", "adelaide", "canberra", "hobart", "darwin", "gold coast",
        "parramatta",
    ]

    /// US cities above about 200 000 people and the state capitals.
    private static let usCities = [
        "jacksonville", "fort worth", "columbus", "charlotte", "indianapolis", "oklahoma city", "el paso", "memphis",
        "louisville", "milwaukee", "albuquerque", "tucson", "fresno", "sacramento", "mesa", "kansas city", "omaha",
        "colorado springs", "raleigh", "long beach", "virginia beach", "oakland", "tulsa", "bakersfield", "wichita",
        "arlington", "aurora", "tampa", "honolulu", "anaheim", "lexington", "stockton", "corpus christi", "henderson",
        "riverside", "newark", "st. paul", "saint paul", "santa ana", "cincinnati", "irvine", "orlando", "st. louis",
        "saint louis", "greensboro", "jersey city", "anchorage", "lincoln", "plano", "durham", "buffalo", "chandler",
        "chula vista", "toledo", "madison", "gilbert", "reno", "fort wayne", "north las vegas", "st. petersburg",
        "lubbock", "irving", "laredo", "winston-salem", "chesapeake", "glendale", "garland", "scottsdale", "norfolk",
        "boise", "fremont", "spokane", "santa clarita", "baton rouge", "richmond", "hialeah", "san bernardino",
        "tacoma", "modesto", "huntsville", "des moines", "yonkers", "rochester", "moreno valley", "fayetteville",
        "fontana", "worcester", "port st. lucie", "little rock", "augusta", "oxnard", "birmingham", "montgomery",
        "frisco", "amarillo", "salt lake city", "grand rapids", "tallahassee", "knoxville", "providence",
        "juneau", "hartford", "dover", "topeka", "frankfort", "annapolis", "lansing", "jackson", "jefferson city",
        "helena", "carson city", "concord", "trenton", "santa fe", "albany", "bismarck", "salem", "harrisburg",
        "columbia", "pierre", "montpelier", "olympia", "charleston", "cheyenne",
    ]

    /// UK cities and towns above about 100 000 people and the London boroughs used as postal towns.
    private static let ukCities = [
        "bradford", "hull", "kingston upon hull", "plymouth", "stoke-on-trent", "wolverhampton", "derby", "swansea",
        "portsmouth", "milton keynes", "northampton", "luton", "norwich", "sunderland", "swindon", "bournemouth",
        "peterborough", "ipswich", "middlesbrough", "huddersfield", "warrington", "slough", "blackpool", "poole",
        "exeter", "gloucester", "colchester", "cheltenham", "dundee", "newport", "preston", "oldham", "bolton",
        "stockport", "wakefield", "doncaster", "rotherham", "barnsley", "salford", "wigan", "telford", "solihull",
        "dudley", "walsall", "crawley", "basildon", "chelmsford", "maidstone", "worthing", "eastbourne", "watford",
        "croydon", "islington", "hackney", "ealing", "harrow", "enfield", "bromley", "wembley", "romford", "ilford",
        "lambeth", "southwark", "greenwich", "lewisham", "wandsworth", "hammersmith", "kensington", "chelsea",
    ]

    /// Abbreviations that open place names ("St. Albans", "Mt. Pleasant", "Ft. Worth").
    static let placeAbbreviations = WordHash.set(["st", "ste", "mt", "ft", "pt"])

    /// Lower-case words inside city names ("Frankfurt am Main", "Stratford upon Avon", "Neunburg vorm Wald").
    static let cityParticles = WordHash.set([
        "am", "an", "der", "vorm", "im", "bei", "ob", "sur", "sous", "la", "le", "les", "de", "du", "des", "en",
        "upon",
    ])

    /// Words before a house number that say "what follows is an address" and lift the quantity guard.
    static let addressCues = WordHash.set([
        "to", "at", "address", "addr", "ship", "deliver", "delivery", "live", "lives", "living", "is", "from",
        "moved", "send", "sent", "located", "location", "billing", "shipping", "home", "office", "house",
        "an", "nach", "zu", "au", "à", "chez", "adresse", "envoyer", "livrer",
    ])
}
