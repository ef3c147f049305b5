/// A span of personal data found in a text.
public struct PIIMatch: Sendable, Hashable {
    /// What kind of value the span holds.
    public let type: PIIType
    /// UTF-8 offsets into the scanned text.
    public let utf8Range: Range<Int>
    /// Whether the span is one of the shopper's profile values.
    public let isKnownValue: Bool

    /// The span as a `String` range of `text` (the text that was scanned).
    public func range(in text: String) -> Range<String.Index> {
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: utf8Range.lowerBound)
        let upper = utf8.index(lower, offsetBy: utf8Range.count)
        return lower..<upper
    }
}

/// All detectors plus the profile's known values and the allow-list, configured once and reused.
///
/// Immutable and `Sendable`: one detector can serve every conversation of a shopper, on any thread.
public struct PIIDetector: Sendable {
    /// The shopper's known values.
    public let profile: MaskingProfile
    /// Values never masked (store numbers).
    public let allowList: AllowList
    let known: KnownValues
    private let allowedPhoneSpellings: Set<[UInt8]>
    private let allowedEmails: Set<String>

    public init(profile: MaskingProfile = .empty, allowList: AllowList = .empty) {
        self.init(profile: profile, allowList: allowList, known: KnownValues(profile),
                  allowedPhoneSpellings: Set(allowList.phones.flatMap(KnownTokens.phoneSpellings)),
                  allowedEmails: Set(allowList.emails.map(ValueKey.email)))
    }

    private init(profile: MaskingProfile, allowList: AllowList, known: KnownValues,
                 allowedPhoneSpellings: Set<[UInt8]>, allowedEmails: Set<String>) {
        self.profile = profile
        self.allowList = allowList
        self.known = known
        self.allowedPhoneSpellings = allowedPhoneSpellings
        self.allowedEmails = allowedEmails
    }

    /// The same allow-list for another shopper. The allow-list of a large chain (thousands of store numbers,
    /// every spelling of each) is prepared once and shared; only the profile's values are prepared here.
    public func with(profile: MaskingProfile) -> PIIDetector {
        PIIDetector(profile: profile, allowList: allowList, known: KnownValues(profile),
                    allowedPhoneSpellings: allowedPhoneSpellings, allowedEmails: allowedEmails)
    }

    /// This detector with `extra` values allowed too; only the extra values are prepared.
    public func allowing(_ extra: AllowList) -> PIIDetector {
        guard !extra.phones.isEmpty || !extra.emails.isEmpty else { return self }
        return PIIDetector(
            profile: profile,
            allowList: AllowList(phones: allowList.phones + extra.phones, emails: allowList.emails + extra.emails),
            known: known, allowedPhoneSpellings: allowedPhoneSpellings.union(extra.phones.flatMap(KnownTokens.phoneSpellings)),
            allowedEmails: allowedEmails.union(extra.emails.map(ValueKey.email)))
    }

    /// Disjoint spans of personal data in `text`, sorted by position.
    public func matches(in text: String) -> [PIIMatch] {
        ByteText.with(text) { t in
            scan(t).matches.map {
                PIIMatch(type: $0.type, utf8Range: $0.start..<$0.end, isKnownValue: $0.knownSlot >= 0)
            }
        }
    }

    /// The resolved, allow-filtered spans of `t` and the placeholders already in it; with `windows` (sorted,
    /// disjoint), only tokens starting inside them are considered.
    func scan(_ t: ByteText, windows: [Range<Int>]? = nil) -> (
        matches: [Candidate], placeholders: [PlaceholderSyntax.Token]
    ) {
        guard t.count > 0 else { return ([], []) }
        var scanner = Scanner(known: known)
        if let windows {
            for window in windows { scanner.scan(t, in: window) }
        } else {
            scanner.scan(t)
        }
        var matches = OverlapResolver.resolve(scanner.candidates)
        if !allowedPhoneSpellings.isEmpty || !allowedEmails.isEmpty {
            matches.removeAll { isAllowed($0, t) }
        }
        return (matches, scanner.placeholders)
    }

    /// The vault key of a resolved span: the profile's key for known values, the normalised text otherwise.
    func key(of match: Candidate, in t: ByteText) -> String {
        match.knownSlot >= 0 ? known.slots[match.knownSlot].key : ValueKey.of(match.type, t, match.start, match.end)
    }

    private func isAllowed(_ match: Candidate, _ t: ByteText) -> Bool {
        switch match.type {
        case .phone:
            let spellings = KnownTokens.phoneSpellings(t.string(match.start, match.end))
            return spellings.contains { allowedPhoneSpellings.contains($0) }
        case .email:
            return allowedEmails.contains(ValueKey.of(.email, t, match.start, match.end))
        default:
            return false
        }
    }
}
