/// Checks a model answer (in masked space, before un-masking) for data the model must not emit.
///
/// - Raw personal data that is not the shopper's own is removed: a value is the shopper's own when this
///   conversation's vault holds it or it is a profile value; store numbers on the allow-list stay.
/// - Placeholder-shaped tokens this conversation did not issue (`<EMAIL_7>` out of thin air, `<PERSON_1>`, another
///   conversation's tokens) are removed, because un-masking would leave them dangling or, worse, guessable.
///
/// The report says what was removed by type and count, never the values, so it is safe to log.
public struct OutputGuard: Sendable {
    /// Store values the answer may quote, added to the session's own allow-list.
    public var allowList: AllowList
    /// What a removed span is replaced with.
    public var replacement: String

    public init(allowList: AllowList = .empty, replacement: String = "[removed]") {
        self.allowList = allowList
        self.replacement = replacement
    }

    /// Reviews `answer` against `session` (its vault and profile define the shopper's own values).
    /// - Parameter published: text the chain publishes and the model was given as is (its policies): a value quoted
    ///   from it word for word is no one's personal data ("for example ORD-7K2M9QXA" in the order-tracking policy).
    public func review(_ answer: String, session: MaskingSession, published: [String] = []) -> GuardReport {
        let detector = session.detector.allowing(allowList)
        return ByteText.with(answer) { t in
            let scan = detector.scan(t)
            var removals: [(start: Int, end: Int)] = []
            var counts = [Int](repeating: 0, count: PIIType.allCases.count)
            for match in scan.matches {
                let own = match.knownSlot >= 0 || session.holds(type: match.type, key: detector.key(of: match, in: t))
                if own { continue }
                if !published.isEmpty {
                    let value = t.string(match.start, match.end)
                    if published.contains(where: { $0.contains(value) }) { continue }
                }
                removals.append((match.start, match.end))
                counts[match.type.ordinal] += 1
            }
            var unknown: [String] = []
            var foreign = 0
            for token in scan.placeholders {
                let text = t.string(token.start, token.end)
                if session.issued(text) { continue }
                removals.append((token.start, token.end))
                // A made-up type ("<JANE_DOE_1>") could spell out data: count it, never repeat it.
                if PIIType.from(prefix: t, token.start + 1, token.typeEnd) == nil {
                    foreign += 1
                } else if !unknown.contains(text) {
                    unknown.append(text)
                }
            }
            let removed = PIIType.allCases.compactMap { type in
                counts[type.ordinal] > 0 ? GuardReport.Removal(type: type, count: counts[type.ordinal]) : nil
            }
            let text = removals.isEmpty ? answer : rewrite(t, removing: removals.sorted { $0.start < $1.start })
            return GuardReport(
                text: text, removedPII: removed, unknownPlaceholders: unknown, foreignPlaceholderCount: foreign)
        }
    }

    private func rewrite(_ t: ByteText, removing spans: [(start: Int, end: Int)]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(t.count)
        var copied = 0
        for span in spans {
            output.append(contentsOf: UnsafeBufferPointer(start: t.base + copied, count: span.start - copied))
            output.append(contentsOf: replacement.utf8)
            copied = span.end
        }
        output.append(contentsOf: UnsafeBufferPointer(start: t.base + copied, count: t.count - copied))
        return String(decoding: output, as: UTF8.self)
    }
}

/// What the output guard found and removed.
public struct GuardReport: Sendable, Hashable {
    /// Raw values of one type that were removed.
    public struct Removal: Sendable, Hashable {
        /// The type of the removed values.
        public let type: PIIType
        /// How many were removed.
        public let count: Int

        public init(type: PIIType, count: Int) {
            self.type = type
            self.count = count
        }
    }

    /// The answer with offending spans replaced.
    public let text: String
    /// Raw personal data removed, by type (declaration order); values are never reported.
    public let removedPII: [Removal]
    /// Placeholders of our types (`<EMAIL_9>`) removed because this conversation never issued them, in order of
    /// first appearance.
    public let unknownPlaceholders: [String]
    /// Placeholder-shaped tokens of types the masker never issues (`<PERSON_1>`), removed; only counted.
    public let foreignPlaceholderCount: Int

    /// Nothing was removed: the answer may be un-masked and shown as is.
    public var isClean: Bool { removedPII.isEmpty && unknownPlaceholders.isEmpty && foreignPlaceholderCount == 0 }

    /// A log-safe one-line summary, e.g. "removed PHONE×1, EMAIL×2; unknown placeholders: <EMAIL_9>".
    public var summary: String {
        if isClean { return "clean" }
        var parts: [String] = []
        if !removedPII.isEmpty {
            parts.append("removed " + removedPII.map { "\($0.type.rawValue)×\($0.count)" }.joined(separator: ", "))
        }
        if !unknownPlaceholders.isEmpty {
            parts.append("unknown placeholders: " + unknownPlaceholders.joined(separator: ", "))
        }
        if foreignPlaceholderCount > 0 { parts.append("foreign placeholders: \(foreignPlaceholderCount)") }
        return parts.joined(separator: "; ")
    }
}
