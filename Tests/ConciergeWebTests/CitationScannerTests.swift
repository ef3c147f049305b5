import Foundation
import Testing

@testable import ConciergeViews

/// The citation scanner keeps what the regular expression it replaced found, and stays linear on inputs that made
/// the expression backtrack for seconds (issue 13, item 4). Bounds are on the scanner's own step count, never a clock.
@Suite("Citations")
struct CitationScannerTests {
    /// The expression the scanner replaced, kept here as the reference for what a valid citation is.
    static let reference = try! NSRegularExpression(
        pattern: #"\s?\[([a-z0-9]+(?:-[a-z0-9]+)*(?: > [^\[\]\n]{1,120})*)\]"#)

    static func referenceExtract(_ text: String) -> (text: String, sources: [String]) {
        let whole = NSRange(text.startIndex..., in: text)
        var sources: [String] = []
        for match in reference.matches(in: text, range: whole) {
            guard let range = Range(match.range(at: 1), in: text) else { continue }
            var parts = String(text[range]).components(separatedBy: " > ")
            let slug = parts[0].replacingOccurrences(of: "-", with: " ")
            parts[0] = slug.prefix(1).uppercased() + slug.dropFirst()
            let readable = parts.joined(separator: " › ")
            if !sources.contains(readable) { sources.append(readable) }
        }
        return (reference.stringByReplacingMatches(in: text, range: whole, withTemplate: ""), sources)
    }

    @Test func validCitationsAreLiftedOutAndMadeReadable() {
        let answer = "Refunds take 5 days [returns-and-refunds > Refunds > How long a refund takes]. See [allergens]"
            + " and [returns-and-refunds > Refunds > How long a refund takes] again."
        let cited = Citations.extract(answer)
        #expect(cited.text == "Refunds take 5 days. See and again.")
        #expect(cited.sources == ["Returns and refunds › Refunds › How long a refund takes", "Allergens"])
    }

    @Test func notCitationsStayInTheText() {
        for text in ["[Ava]", "[a--b]", "[-a]", "[a-]", "[a >b]", "[a > ]", "[a > b\nc]", "[a > b", "a [] b",
                     "[a > " + String(repeating: "x", count: 121) + "]", "[A > b]", "<CARD_1>", "[a > [b]"] {
            let cited = Citations.extract(text)
            #expect(cited.text == text || text == "[a > [b]", "\(text)")
            #expect(cited.text == Self.referenceExtract(text).text, "\(text)")
        }
        #expect(Citations.extract("[a > " + String(repeating: "x", count: 120) + "]").sources.count == 1)
    }

    /// Random texts over the characters that matter (brackets, " > ", slug characters, hyphens, line breaks, white
    /// space of several kinds, scalars outside the BMP, combining marks): the scanner agrees with the expression.
    @Test func agreesWithTheRegularExpressionOnRandomTexts() {
        let pieces = ["[", "]", " > ", ">", " ", "a", "b", "z9", "-", "--", "\n", "\r\n", "\t", "\u{0B}", "\u{0C}",
                      "\u{85}", "\u{A0}", "\u{2028}", "\u{3000}", "\u{200B}", "é", "e\u{301}", "😀", "X", "[a", "[a-b",
                      " > b]", "]", String(repeating: "y", count: 60)]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        var agreed = 0
        var withCitations = 0
        for _ in 0..<4_000 {
            let text = (0..<(next() % 24)).map { _ in pieces[next() % pieces.count] }.joined()
            let mine = Citations.extract(text)
            let theirs = Self.referenceExtract(text)
            #expect(mine.text == theirs.text && mine.sources == theirs.sources, "\(text.debugDescription)")
            if mine.text == theirs.text && mine.sources == theirs.sources { agreed += 1 }
            if !theirs.sources.isEmpty { withCitations += 1 }
        }
        #expect(agreed == 4_000)
        #expect(withCitations > 200, "the generator makes valid citations too")
    }

    /// Inputs that made the expression backtrack: the scanner's steps stay within a small multiple of the length,
    /// and doubling the input at most doubles them (plus a constant).
    @Test func adversarialInputsCostStepsLinearInTheirLength() {
        let families: [(String, (Int) -> String)] = [
            ("unclosed [a > b > b", { "[a" + String(repeating: " > b", count: $0) }),
            ("unclosed with a newline", { "[a" + String(repeating: " > b", count: $0) + "\n]" }),
            ("closed too late", { "[a" + String(repeating: " > b", count: $0) + " > " + String(repeating: "c", count: 121) + "]" }),
            ("long parts", { "[a" + String(repeating: " > " + String(repeating: "b > ", count: 29), count: $0) + "[" }),
            ("nested brackets", { String(repeating: "[a > ", count: $0) + String(repeating: "]", count: $0) }),
            ("all opening brackets", { String(repeating: "[", count: $0 * 4) }),
            ("only >", { String(repeating: ">", count: $0 * 4) }),
            ("spaced >", { String(repeating: " > ", count: $0) + "]" }),
            ("a name in a greeting", { "Hi [a" + String(repeating: " > b", count: $0) + "! [policies]" }),
            ("valid, many parts", { "[a" + String(repeating: " > b", count: $0) + "]" }),
        ]
        for (name, make) in families {
            let small = make(2_500)
            let large = make(5_000)
            var smallSteps = 0
            var largeSteps = 0
            _ = Citations.extract(small, steps: &smallSteps)
            _ = Citations.extract(large, steps: &largeSteps)
            let scalars = large.unicodeScalars.count
            #expect(largeSteps <= 4 * scalars, "\(name): \(largeSteps) steps for \(scalars) scalars")
            #expect(largeSteps <= 2 * smallSteps + 64, "\(name): \(smallSteps) → \(largeSteps) steps when doubled")
        }
    }

    @Test func oneHundredKilobytesOfAngleBracketsAndAnUnclosedChainStayLinear() {
        let inputs = [String(repeating: ">", count: 100_000),
                      "[a" + String(repeating: " > b", count: 25_000),
                      String(repeating: "[a > b > b ", count: 9_000)]
        for input in inputs {
            var steps = 0
            let cited = Citations.extract(input, steps: &steps)
            #expect(cited.text == input && cited.sources.isEmpty)
            #expect(steps <= 4 * input.unicodeScalars.count)
        }
    }

    /// The 98-character name from the report, greeted in an answer: kept as text, read in linear steps.
    @Test func theReportedNameIsShownAsTextWithoutACitation() {
        let name = "[a" + String(repeating: " > b", count: 24)
        #expect(name.count == 98)
        var steps = 0
        let cited = Citations.extract("Hi \(name)! Refunds take 5 days [refunds].", steps: &steps)
        #expect(cited.text == "Hi \(name)! Refunds take 5 days.")
        #expect(cited.sources == ["Refunds"])
        #expect(steps < 4 * 140)
    }
}
