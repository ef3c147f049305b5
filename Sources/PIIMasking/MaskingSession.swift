/// Masks one conversation: placeholders such as `<EMAIL_1>` stand for the shopper's values, the same value
/// always gets the same placeholder, and only this conversation's placeholders can be un-masked.
///
/// A value type on purpose. The chat service keeps one per conversation inside an actor, whose isolation
/// already makes every `mask` exclusive; a struct with `mutating` methods needs no lock, is `Sendable` for
/// free, and copies cleanly into a snapshot for persistence. Restore it with `init(restoring:profile:allowList:)`.
///
/// Guarantees:
/// - `unmask(mask(x)) == x` whenever `x` holds no placeholder this session issued and spells each value one
///   way. (Two spellings of one value — "A@X.com" and "a@x.com" — share one placeholder by design, so
///   un-masking returns the first spelling for both.) Card numbers and IBANs are the exception: un-masking
///   never restores a payment number, it gives its redacted form (`Visa •••• 1111`, see `PaymentRedaction`), so
///   `unmask(mask(x)) == PaymentRedaction.redact(x, as: maskDetailed(x))`.
/// - `mask(mask(x)) == mask(x)`: placeholders are never masked again; they read as words to the detectors, and
///   where that differs from the value they replaced (a value glued to punctuation), the spans around them are
///   rescanned until nothing new is found.
/// - A placeholder-shaped text the shopper typed that this session did not issue is never issued later.
public struct MaskingSession: Sendable {
    /// The detectors, profile and allow-list this conversation masks with.
    public let detector: PIIDetector
    private var vault = Vault()

    /// A new, empty conversation.
    public init(profile: MaskingProfile = .empty, allowList: AllowList = .empty) {
        detector = PIIDetector(profile: profile, allowList: allowList)
    }

    /// A new, empty conversation reusing an already configured detector (saves compiling the profile again).
    public init(detector: PIIDetector) {
        self.detector = detector
    }

    /// A conversation restored from a persisted snapshot; the profile and allow-list are supplied again because
    /// they live with the shopper and the store, not with the conversation.
    public init(
        restoring snapshot: MaskingSessionSnapshot, profile: MaskingProfile = .empty, allowList: AllowList = .empty
    ) throws(MaskingSessionError) {
        try self.init(restoring: snapshot, detector: PIIDetector(profile: profile, allowList: allowList))
    }

    /// A conversation restored from a persisted snapshot, with an already configured detector.
    public init(restoring snapshot: MaskingSessionSnapshot, detector: PIIDetector) throws(MaskingSessionError) {
        guard snapshot.version == MaskingSessionSnapshot.currentVersion else {
            throw .invalidSnapshot("unsupported snapshot version \(snapshot.version)")
        }
        self.detector = detector
        vault = try Vault(entries: snapshot.entries, reserved: snapshot.reservedPlaceholders)
    }

    /// Everything needed to restore this conversation's vault, in issue order.
    public var snapshot: MaskingSessionSnapshot {
        MaskingSessionSnapshot(entries: vault.entries, reservedPlaceholders: vault.reserved.sorted())
    }

    /// The values masked so far, in issue order. Personal data: never log `key` or `original`.
    public var entries: [VaultEntry] { vault.entries }

    /// `text` with every detected value replaced by its placeholder; everything else byte-identical.
    public mutating func mask(_ text: String) -> String {
        maskDetailed(text, recordReplacements: false).text
    }

    /// Like `mask(_:)`, also listing what was replaced where (for scoring, debugging and tests).
    public mutating func maskDetailed(_ text: String) -> MaskedText {
        maskDetailed(text, recordReplacements: true)
    }

    /// The placeholder for a value the caller already knows the type of (a profile field or an order id placed
    /// into the prompt context), issuing one if needed.
    public mutating func placeholder(for value: String, type: PIIType) -> String {
        vault.placeholder(type: type, key: ValueKey.of(type, value), original: value)
    }

    /// `text` with this session's placeholders replaced by their values — a card number or IBAN by its redacted
    /// form (`Visa •••• 1111`), never the number; any other placeholder-shaped text, including another
    /// conversation's placeholders, is left exactly as it is.
    public func unmask(_ text: String) -> String {
        ByteText.with(text) { t in
            var output: [UInt8] = []
            var copied = 0
            var index = 0
            while index < t.count {
                guard t.base[index] == Byte.lt, let token = PlaceholderSyntax.parse(t, at: index),
                    let entry = vault.entry(forPlaceholder: t.string(token.start, token.end))
                else {
                    index += 1
                    continue
                }
                if output.isEmpty { output.reserveCapacity(t.count + 64) }
                output.append(contentsOf: UnsafeBufferPointer(start: t.base + copied, count: token.start - copied))
                output.append(contentsOf: (PaymentRedaction.redacted(entry.type, entry.key) ?? entry.original).utf8)
                copied = token.end
                index = token.end
            }
            if copied == 0 { return text }
            output.append(contentsOf: UnsafeBufferPointer(start: t.base + copied, count: t.count - copied))
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// Whether this session issued `placeholder` (e.g. `"<EMAIL_1>"`).
    public func issued(_ placeholder: String) -> Bool { vault.entry(forPlaceholder: placeholder) != nil }

    /// Whether the vault holds this value (by type and normalised key).
    func holds(type: PIIType, key: String) -> Bool { vault.contains(type: type, key: key) }

    private mutating func maskDetailed(_ text: String, recordReplacements: Bool) -> MaskedText {
        ByteText.with(text) { t in
            let scan = detector.scan(t)
            for token in scan.placeholders where PIIType.from(prefix: t, token.start + 1, token.typeEnd) != nil {
                vault.reserve(t.string(token.start, token.end))
            }
            guard !scan.matches.isEmpty else { return MaskedText(text: text, replacements: []) }
            var spans = scan.matches.map { match in
                MaskedSpan(
                    match: match,
                    placeholder: vault.placeholder(
                        type: match.type, key: detector.key(of: match, in: t),
                        original: t.string(match.start, match.end)))
            }
            var output = Self.render(t, spans)
            // A placeholder reads as a word to the detectors, but the value it replaced may have begun with "+" or
            // "(" or sat glued to punctuation: rescan around such spans until nothing new is found, so that
            // mask(mask(x)) == mask(x).
            var rounds = 0
            while rounds < 4, let windows = Self.rescanWindows(t, spans) {
                rounds += 1
                guard let more = additionalSpans(output, windows: windows, original: t, spans: spans) else { break }
                spans = more
                output = Self.render(t, spans)
            }
            let replacements =
                recordReplacements
                ? spans.map {
                    MaskedText.Replacement(
                        type: $0.match.type, utf8Range: $0.match.start..<$0.match.end, placeholder: $0.placeholder)
                } : []
            return MaskedText(text: String(decoding: output, as: UTF8.self), replacements: replacements)
        }
    }

    /// A replaced span of the input and its placeholder.
    private struct MaskedSpan {
        var match: Candidate
        var placeholder: String
    }

    /// The input with each span replaced by its placeholder.
    private static func render(_ t: ByteText, _ spans: [MaskedSpan]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(t.count + 12 * spans.count)
        var copied = 0
        for span in spans {
            output.append(contentsOf: UnsafeBufferPointer(start: t.base + copied, count: span.match.start - copied))
            output.append(contentsOf: span.placeholder.utf8)
            copied = span.match.end
        }
        output.append(contentsOf: UnsafeBufferPointer(start: t.base + copied, count: t.count - copied))
        return output
    }

    /// Windows of the rendered text around spans whose placeholder a detector could read differently from the
    /// value (nil when there are none). A span is safe when it sits after whitespace (or the start) and before
    /// whitespace or closing punctuation. The radius covers the longest look-behind and span of any detector.
    private static func rescanWindows(_ t: ByteText, _ spans: [MaskedSpan]) -> [Range<Int>]? {
        let radius = 384
        var windows: [Range<Int>] = []
        var shift = 0
        for span in spans {
            let renderedStart = span.match.start + shift
            shift += span.placeholder.utf8.count - span.match.length
            guard !isIsolated(t, span.match) else { continue }
            let window = max(0, renderedStart - radius)..<(span.match.end + shift + radius)
            if let last = windows.last, last.upperBound >= window.lowerBound {
                windows[windows.count - 1] = last.lowerBound..<window.upperBound
            } else {
                windows.append(window)
            }
        }
        return windows.isEmpty ? nil : windows
    }

    private static func isIsolated(_ t: ByteText, _ match: Candidate) -> Bool {
        let before = t[match.start - 1]
        let after = t[match.end]
        let next = t[match.end + 1]
        let leftOK = match.start == 0 || before == Byte.space || before == 0x0A || before == 0x09 || before == 0x0D
        switch after {
        case Byte.space, 0x0A, 0x09, 0x0D, UInt8(ascii: "!"), UInt8(ascii: "?"), Byte.rparen, UInt8(ascii: "\""):
            return leftOK
        case Byte.comma, Byte.dot, UInt8(ascii: ";"):
            return leftOK && (next == 0 || next == Byte.space || next == 0x0A || next == 0x0D)
        default:
            return leftOK && match.end == t.count
        }
    }

    /// Spans found in the rendered `output` that are not placeholders, merged with `spans` (in input offsets);
    /// nil when there are none.
    private mutating func additionalSpans(
        _ output: [UInt8], windows: [Range<Int>], original t: ByteText, spans: [MaskedSpan]
    ) -> [MaskedSpan]? {
        output.withUnsafeBufferPointer { buffer -> [MaskedSpan]? in
            guard let base = buffer.baseAddress else { return nil }
            let rendered = ByteText(base: base, count: buffer.count)
            let found = detector.scan(rendered, windows: windows).matches
            guard !found.isEmpty else { return nil }
            // Rendered offsets map back to input offsets by subtracting the growth of every placeholder before.
            var renderedEnds: [Int] = []
            var shifts: [Int] = []
            var shift = 0
            for span in spans {
                shift += span.placeholder.utf8.count - span.match.length
                renderedEnds.append(span.match.end + shift)
                shifts.append(shift)
            }
            var merged = spans
            for match in found {
                let before = Self.countAtMost(match.start, in: renderedEnds)
                let offset = before > 0 ? shifts[before - 1] : 0
                var moved = match
                moved.start -= offset
                moved.end -= offset
                let placeholder = vault.placeholder(
                    type: moved.type, key: detector.key(of: match, in: rendered),
                    original: t.string(moved.start, moved.end))
                merged.append(MaskedSpan(match: moved, placeholder: placeholder))
            }
            return merged.sorted { $0.match.start < $1.match.start }
        }
    }

    /// How many of the ascending `values` are ≤ `limit` (binary search).
    private static func countAtMost(_ limit: Int, in values: [Int]) -> Int {
        var low = 0
        var high = values.count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] <= limit { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

/// The result of `MaskingSession.maskDetailed(_:)`.
public struct MaskedText: Sendable, Hashable {
    /// One replaced span of the input.
    public struct Replacement: Sendable, Hashable {
        /// The type of the replaced value.
        public let type: PIIType
        /// UTF-8 offsets of the replaced value in the *input* text.
        public let utf8Range: Range<Int>
        /// The placeholder that replaced it.
        public let placeholder: String
    }

    /// The masked text.
    public let text: String
    /// What was replaced, in order of position.
    public let replacements: [Replacement]
}

/// A persisted conversation vault (store it with the conversation; it holds personal data).
public struct MaskingSessionSnapshot: Sendable, Codable, Hashable {
    /// The snapshot format this build writes and reads.
    public static let currentVersion = 1

    /// Format version (`currentVersion` when written by this build).
    public var version: Int
    /// Vault entries in issue order.
    public var entries: [VaultEntry]
    /// Placeholder-shaped texts the shopper typed that were never issued (sorted).
    public var reservedPlaceholders: [String]

    public init(entries: [VaultEntry], reservedPlaceholders: [String] = [], version: Int = currentVersion) {
        self.version = version
        self.entries = entries
        self.reservedPlaceholders = reservedPlaceholders
    }
}
