/// What a written insight may rest on: the snapshots it was given (the segment's first, then the chain-wide one),
/// the notes retrieved for it, and every segment that exists.
public struct GroundingContext: Sendable {
    public var snapshots: [SegmentSnapshot]
    public var retrievedNoteIDs: [String]
    /// Names and ids of every segment that exists (the snapshots' own are added).
    public var knownSegmentNames: [String]

    public init(snapshots: [SegmentSnapshot], retrievedNoteIDs: [String], knownSegments: [SegmentSnapshot]) {
        self.snapshots = snapshots
        self.retrievedNoteIDs = retrievedNoteIDs
        var names: [String] = []
        for segment in snapshots + knownSegments {
            for name in [segment.name, segment.id] where !names.contains(name) { names.append(name) }
        }
        knownSegmentNames = names
    }

    var metricNames: [String] {
        var names: [String] = []
        for metric in snapshots.flatMap(\.metrics) {
            for name in [metric.label, metric.key] where !names.contains(name) { names.append(name) }
        }
        return names
    }
}

/// The deterministic groundedness check of a written insight (no model, so it runs in mock mode and in tests).
///
/// Sentence by sentence (`sentences(of:)`), in this order, each step taking what it explains:
/// 1. citations `n-<digits>` (written `[n-07]`) must be among the retrieved notes;
/// 2. `YYYY-MM-DD` dates must be an as-of date;
/// 3. a phrase in double quotes must be a known segment (name or id) or metric (label or key); one in backticks a
///    metric;
/// 4. known segment names and ids and metric labels and keys are taken (so digits inside them are not figures);
/// 5. a well-known segment name (`SegmentVocabulary`) left over does not exist here, nor do capitalised words or a
///    slug right before "segment";
/// 6. every number left must be a metric within display rounding (`MetricMatcher`), a multiple the ratio of a
///    segment metric to the chain's, a date part next to a month name the as-of date's, a lone year the as-of year.
/// A sentence is supported when it has no problem; the score is supported sentences over all sentences (0 for none).
public enum GroundednessChecker {
    public static func check(_ text: InsightText, context: GroundingContext) -> GroundednessReport {
        var sentences: [CheckedSentence] = []
        for part in [text.who, text.why, text.whatToDo] {
            sentences += Self.sentences(of: part).map { check(sentence: $0, context: context) }
        }
        if !text.citations.isEmpty { sentences.append(checkCitationList(text.citations, context: context)) }
        return report(sentences)
    }

    /// The check of free text (the analyst chat's answers use it too).
    public static func check(_ text: String, context: GroundingContext) -> GroundednessReport {
        report(sentences(of: text).map { check(sentence: $0, context: context) })
    }

    static func report(_ sentences: [CheckedSentence]) -> GroundednessReport {
        let supported = sentences.filter(\.supported).count
        let score = sentences.isEmpty ? 0 : Double(supported) / Double(sentences.count)
        return GroundednessReport(score: score, sentences: sentences)
    }

    public static func check(sentence: String, context: GroundingContext) -> CheckedSentence {
        var scan = SentenceScan(sentence)
        let segmentNames = context.knownSegmentNames
        let metricNames = context.metricNames
        let knownLower = Set((segmentNames + metricNames).map { $0.lowercased() })
        let metricLower = Set(metricNames.map { $0.lowercased() })
        scan.takeCitations(retrieved: Set(context.retrievedNoteIDs))
        scan.takeISODates(allowed: uniqueAsOfDates(context))
        for (opening, closing) in [(Character("\""), Character("\"")), ("“", "”")] {
            scan.takeQuoted(opening: opening, closing: closing, isKnown: { knownLower.contains($0.lowercased()) },
                            reason: { "names '\($0)', which is neither a known segment nor a metric" })
        }
        scan.takeQuoted(opening: "`", closing: "`", isKnown: { metricLower.contains($0.lowercased()) },
                        reason: { "names metric '\($0)', which does not exist" })
        scan.takePhrases(segmentNames + metricNames)
        let lowerKnown = Set(segmentNames.map { $0.lowercased() })
        let missing = SegmentVocabulary.wellKnownNames.filter { !lowerKnown.contains($0.lowercased()) }
        scan.reportUnknownWellKnownNames(missing)
        scan.reportUnknownNamesBeforeSegment()
        let matcher = MetricMatcher(snapshots: context.snapshots)
        let currencies = Set(context.snapshots.map { $0.currency.uppercased() } + MetricDisplay.symbols.map(\.code))
        let asOf = uniqueAsOfDates(context).compactMap(CalendarDate.init)
        for number in scan.takeNumbers(asOf: asOf, currencies: currencies) where !matcher.supports(number) {
            scan.report(matcher.reason(for: number))
        }
        return CheckedSentence(text: sentence, supported: scan.problems.isEmpty, problems: scan.problems)
    }

    /// The model's `citations` list, checked as one more sentence: every entry a note id that was retrieved.
    static func checkCitationList(_ citations: [String], context: GroundingContext) -> CheckedSentence {
        var problems: [String] = []
        for citation in citations {
            if !AnalystNote.isNoteID(citation) {
                problems.append("cites '\(citation)', which is not a note id")
            } else if !context.retrievedNoteIDs.contains(citation) {
                problems.append("cites note \(citation), which was not retrieved")
            }
        }
        let text = "Cited notes: " + citations.map { "[\($0)]" }.joined(separator: " ")
        return CheckedSentence(text: text, supported: problems.isEmpty, problems: problems)
    }

    private static func uniqueAsOfDates(_ context: GroundingContext) -> [String] {
        var dates: [String] = []
        for date in context.snapshots.map(\.asOf) where !dates.contains(date) { dates.append(date) }
        return dates
    }

    /// Sentences: a line break always ends one; `.`, `!` or `?` followed by white space or the end does, except
    /// after a common abbreviation (`e.g.`, `i.e.`, `etc.`, `vs.`). A leading list marker (`- `, `* `, `• `) is
    /// dropped; empty sentences are skipped. A decimal point is never an end (no white space follows it).
    public static func sentences(of text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        func flush() {
            var sentence = current.trimmingSpaces
            for marker in ["- ", "* ", "• "] where sentence.hasPrefix(marker) {
                sentence = String(sentence.dropFirst(marker.count)).trimmingSpaces
            }
            if !sentence.isEmpty { sentences.append(sentence) }
            current = ""
        }
        let chars = Array(text)
        for (index, character) in chars.enumerated() {
            if character == "\n" { flush(); continue }
            current.append(character)
            guard ".!?".contains(character), index + 1 == chars.count || chars[index + 1].isWhitespace else { continue }
            let lastWord = (current.dropLast().split(separator: " ").last.map { $0.lowercased() } ?? "")
                .drop { !$0.isLetter }
            if character == ".", ["e.g", "i.e", "etc", "vs", "approx", "incl"].contains(String(lastWord)) { continue }
            flush()
        }
        flush()
        return sentences
    }
}
