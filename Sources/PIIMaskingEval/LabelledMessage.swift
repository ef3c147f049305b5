import PIIMasking

/// A span of personal data in a generated message, with its expected type.
public struct LabelledSpan: Sendable, Hashable {
    /// The expected placeholder type.
    public let type: PIIType
    /// UTF-8 offsets of the whole value in the message.
    public let utf8Range: Range<Int>

    public init(type: PIIType, utf8Range: Range<Int>) {
        self.type = type
        self.utf8Range = utf8Range
    }
}

/// A planted look-alike that must stay unmasked ("14:30", "£4.50", "SKU 1234567890").
public struct NegativeSpan: Sendable, Hashable {
    /// What the look-alike is.
    public let kind: NegativeKind
    /// UTF-8 offsets of the look-alike.
    public let utf8Range: Range<Int>

    public init(kind: NegativeKind, utf8Range: Range<Int>) {
        self.kind = kind
        self.utf8Range = utf8Range
    }
}

/// Kinds of hard negatives the corpus plants.
public enum NegativeKind: String, Sendable, CaseIterable, Comparable {
    case price, quantity, percentage, date, time, coupon, sku, version, zip
    case shopPhone = "store-phone"
    case invalidCard = "invalid-card"
    case orderNumber = "order-number"
    case barcode, tracking
    case otherNumber = "other-number"
    /// Issue 13's chat look-alikes: "3/4 cup", "24/7"; "5 min walk"; "250g"; "since 2019"; "2 rocky road brownies".
    case fraction
    case walk = "walk-time"
    case size, year
    case orderLine = "order-line"

    /// Declaration order, for stable reports.
    public static func < (lhs: NegativeKind, rhs: NegativeKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One generated shopper message with its gold labels and the context it is masked in.
public struct LabelledMessage: Sendable {
    /// 1-based position in the corpus.
    public let id: Int
    /// The message as the shopper typed it.
    public let text: String
    /// Personal data that must be masked, in order.
    public let spans: [LabelledSpan]
    /// Look-alikes that must stay.
    public let negatives: [NegativeSpan]
    /// The profile the message is masked with (empty for anonymous messages).
    public let profile: MaskingProfile
    /// Store numbers that must stay.
    public let allowList: AllowList

    /// A message labelled elsewhere (an independent corpus read from a file).
    public init(
        id: Int, text: String, spans: [LabelledSpan], negatives: [NegativeSpan] = [], profile: MaskingProfile = .empty,
        allowList: AllowList = .empty
    ) {
        self.id = id
        self.text = text
        self.spans = spans
        self.negatives = negatives
        self.profile = profile
        self.allowList = allowList
    }
}

/// Builds a message piece by piece, recording UTF-8 offsets of labelled pieces.
struct MessageBuilder {
    private(set) var text = ""
    private(set) var spans: [LabelledSpan] = []
    private(set) var negatives: [NegativeSpan] = []
    private var offset = 0

    mutating func plain(_ piece: String) {
        text += piece
        offset += piece.utf8.count
    }

    mutating func pii(_ type: PIIType, _ value: String) {
        spans.append(LabelledSpan(type: type, utf8Range: offset..<(offset + value.utf8.count)))
        plain(value)
    }

    mutating func negative(_ kind: NegativeKind, _ value: String) {
        negatives.append(NegativeSpan(kind: kind, utf8Range: offset..<(offset + value.utf8.count)))
        plain(value)
    }
}
