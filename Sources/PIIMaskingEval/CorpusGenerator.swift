import PIIMasking
import SeededRandom

/// Seeded generator of labelled shopper messages: the same seed always gives the same corpus, byte for byte.
public struct CorpusGenerator: Sendable {
    /// Which carrier sentences a corpus draws from.
    public enum Family: Sendable {
        /// Everything: the formal spellings and the chat spellings of issue 13.
        case all
        /// Only the formal spellings (the corpus before issue 13).
        case formal
        /// Only the chat spellings: lower-case addresses, slash and mixed-separator phones, labelled cards.
        case chat
    }

    /// The seed: equal seeds give byte-identical corpora.
    public let seed: UInt64
    /// The carrier sentences drawn from.
    public let family: Family

    public init(seed: UInt64, family: Family = .all) {
        self.seed = seed
        self.family = family
    }

    private var sentences: [String] {
        switch family {
        case .all: Templates.sentences
        case .formal: Templates.formal
        case .chat: ChatTemplates.sentences
        }
    }

    /// `count` messages, ids 1…count.
    public func messages(_ count: Int) -> [LabelledMessage] {
        var rng = SplitMix64(seed: seed)
        return (1...max(count, 1)).prefix(count).map { message(id: $0, &rng) }
    }

    private func message(id: Int, _ rng: inout SplitMix64) -> LabelledMessage {
        let persona = Persona(&rng)
        var builder = MessageBuilder()
        var allowList = AllowList()
        let sentenceCount = rng.pick([1, 1, 1, 2, 2, 3])
        for index in 0..<sentenceCount {
            if index > 0 { builder.plain(rng.pick([" ", " ", "\n", "  "])) }
            if rng.chance(0.12) {
                builder.plain(rng.pick(Templates.chatter))
            } else {
                fill(rng.pick(sentences), persona: persona, into: &builder, allowList: &allowList, &rng)
            }
        }
        return LabelledMessage(
            id: id, text: builder.text, spans: builder.spans, negatives: builder.negatives,
            profile: persona.usedInProfile ? persona.profile : .empty, allowList: allowList)
    }

    private func fill(
        _ template: String, persona: Persona, into builder: inout MessageBuilder, allowList: inout AllowList,
        _ rng: inout SplitMix64
    ) {
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            builder.plain(String(rest[..<open]))
            let slot = String(rest[rest.index(after: open)..<close])
            fillSlot(slot, persona: persona, into: &builder, allowList: &allowList, &rng)
            rest = rest[rest.index(after: close)...]
        }
        builder.plain(String(rest))
    }

    private func fillSlot(
        _ slot: String, persona: Persona, into builder: inout MessageBuilder, allowList: inout AllowList,
        _ rng: inout SplitMix64
    ) {
        switch slot {
        case "EMAIL": builder.pii(.email, PeopleValues.email(&rng))
        case "PHONE": builder.pii(.phone, NumberValues.phone(&rng))
        case "LOCALPHONE": builder.pii(.phone, NumberValues.localPhone(&rng))
        case "PHONEX":
            builder.pii(
                .phone,
                NumberValues.phone(&rng, extensions: false) + rng.pick(["x12", " x204", " ext. 7", " ext 4411"]))
        case "MAESTRO": builder.pii(.card, NumberValues.maestro12(&rng))
        case "CARD": builder.pii(.card, NumberValues.card(&rng))
        case "IBAN": builder.pii(.iban, BankValues.iban(&rng))
        case "IP": builder.pii(.ip, NumberValues.ip(&rng))
        case "ADDRESS": builder.pii(.address, AddressValues.address(&rng))
        case "CHATADDRESS": builder.pii(.address, ChatAddressValues.address(&rng))
        case "CHATPHONE": builder.pii(.phone, ChatPhoneValues.phone(&rng))
        case "UKADDRESS": builder.pii(.address, ChatAddressValues.unspacedPostcode(&rng))
        case "ORDER": builder.pii(.orderID, NumberValues.orderID(&rng))
        case "NAME":
            // Without a profile a name is just text: no free-text name detector is promised.
            let name = persona.nameAsTyped(&rng)
            if persona.usedInProfile { builder.pii(.name, name) } else { builder.plain(name) }
        case "PPHONE": builder.pii(.phone, persona.phoneAsTyped(&rng))
        case "PADDRESS": builder.pii(.address, persona.addressAsTyped(&rng))
        case "STORE":
            let (typed, stored) = ShopPhones.pick(&rng)
            allowList.phones.append(stored)
            builder.negative(.shopPhone, typed)
        default:
            guard let kind = Self.negativeSlots[slot] else { return builder.plain(slot) }
            builder.negative(kind, NegativeValues.value(kind, &rng))
        }
    }

    private static let negativeSlots: [String: NegativeKind] = [
        "PRICE": .price, "QTY": .quantity, "PCT": .percentage, "DATE": .date, "TIME": .time, "COUPON": .coupon,
        "SKU": .sku, "VERSION": .version, "ZIP": .zip, "BADCARD": .invalidCard, "ORDERNO": .orderNumber,
        "BARCODE": .barcode, "TRACKING": .tracking, "OTHER": .otherNumber, "FRACTION": .fraction, "WALK": .walk,
        "SIZE": .size, "YEAR": .year, "ORDERLINE": .orderLine,
    ]
}

/// Store phone numbers: as the shopper types them, and as the store list holds them.
enum ShopPhones {
    static let numbers: [(typed: String, stored: String)] = [
        ("020 7946 0000", "+44 20 7946 0000"), ("(415) 555-0132", "+1 415 555 0132"),
        ("+91 80 4567 1234", "+91 80 4567 1234"),
        ("030 9876543", "+49 30 9876543"), ("01 42 68 53 00", "+33 1 42 68 53 00"), ("02 9250 7111", "+61 2 9250 7111"),
    ]

    static func pick(_ rng: inout SplitMix64) -> (String, String) {
        rng.pick(numbers)
    }
}
