/// What the words just before a number say about it.
///
/// "order number 4155552671", "SKU 7312040017" and "barcode 4006381333931" are identifiers, not phones or
/// cards; "call me on …" is a phone. The nearest telling word within a few words decides; filler such as
/// "number", "is", "my", "#" is skipped.
enum NumberContext {
    enum Cue { case identifier, account, phone, version, card, none }

    static let identifierWords = WordHash.set([
        "sku", "skus", "item", "items", "product", "prod", "barcode", "ean", "upc", "gtin", "isbn", "asin", "order",
        "orders", "ord", "invoice", "inv", "ref", "reference", "tracking", "track", "receipt", "transaction",
        "txn", "confirmation", "conf", "booking", "serial", "sn", "model", "part", "id", "ticket", "case",
        "membership", "member", "loyalty", "voucher", "coupon", "code", "pin", "otp", "batch",
        "lot", "article", "style", "catalog", "catalogue", "reservation", "awb", "shipment", "parcel",
        "consignment", "imei", "policy", "claim", "cust", "gift", "rewards",
    ])

    /// "account: 4111 1111 1111 1111": a card is charged to an account, so after these words a number is an
    /// identifier to the phone reader but still a card when it passes the card checks (Luhn, issuer, length).
    static let accountWords = WordHash.set(["account", "acct", "acc"])

    static let phoneWords = WordHash.set([
        "phone", "tel", "telephone", "mobile", "mob", "cell", "cellphone", "call", "calling", "text", "sms",
        "whatsapp", "fax", "ring", "contact", "reach", "landline", "dial", "ph", "ph.", "number's", "mobil",
        "handy", "téléphone", "portable", "telefon",
    ])

    static let versionWords = WordHash.set([
        "version", "ver", "v", "build", "release", "firmware", "fw", "os", "ios", "ipados", "android", "app",
        "update", "updated", "upgrade", "upgraded", "patch", "driver", "kernel", "chrome", "macos", "windows",
        "linux", "software", "sw", "rev", "revision", "browser", "firefox", "safari",
    ])

    static let cardWords = WordHash.set([
        "card", "visa", "mastercard", "amex", "credit", "debit", "cc", "pan", "maestro", "discover", "rupay",
    ])

    static let fillerWords = WordHash.set([
        "number", "numbers", "no", "nr", "num", "is", "was", "my", "the", "a", "your", "our", "its", "of", "for",
        "me", "on", "at", "us", "new", "old", "this", "that", "it's", "here", "are", "be", "and",
    ])

    /// The nearest telling word among the (up to) four words before `index`.
    ///
    /// "number" alone means a phone ("my number is …") unless an identifier word comes before it ("order
    /// number …").
    static func cue(before index: Int, in t: ByteText) -> Cue {
        var position = index
        var sawNumber = false
        for _ in 0..<4 {
            guard let word = Boundary.previousWord(t, before: position, maxGap: 4), word.end - word.start <= 14,
                !crossesClause(t, word, position)
            else { break }
            let hash = WordHash.of(t, word.start, word.end)
            if identifierWords.contains(hash) { return .identifier }
            if accountWords.contains(hash) { return .account }
            if phoneWords.contains(hash) { return .phone }
            if versionWords.contains(hash) { return .version }
            if cardWords.contains(hash) { return .card }
            if hash == numberWord { sawNumber = true }
            if !fillerWords.contains(hash) { break }
            position = word.start
        }
        return sawNumber ? .phone : .none
    }

    private static let numberWord = WordHash.of("number")

    /// Clause punctuation between two words ends the context: in "an order, my number is 4155552671" the word
    /// "order" says nothing about the number.
    private static func crossesClause(_ t: ByteText, _ word: (start: Int, end: Int), _ to: Int) -> Bool {
        var index = word.end
        while index < to {
            switch t[index] {
            case Byte.dot:
                // "No. 4155552671" is an abbreviation; "order. my number …" ends a sentence.
                if Byte.isUpper(t[to]) || index > word.end || word.end - word.start > 3 { return true }
                index += 1
            case Byte.comma, UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "("),
                Byte.rparen, UInt8(ascii: "\n"):
                return true
            default:
                index += 1
            }
        }
        return false
    }
}
