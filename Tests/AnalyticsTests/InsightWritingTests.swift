import Analytics
import Foundation
import Testing

@Suite("Insight writing: notes, prompt, answers")
struct InsightWritingTests {
    @Test func aNoteFileReadsItsFrontMatterAndBody() throws {
        let note = try AnalystNote.parse("""
            ---
            id: n-07
            kind: playbook
            title: Win back lapsing regulars
            play: Send a personal note.
            ---

            Use a personal message.
            """)
        #expect(note == AnalystNote(id: "n-07", kind: .playbook, title: "Win back lapsing regulars",
                                    play: "Send a personal note.", body: "Use a personal message."))
    }

    @Test func malformedNotesAreRefusedWithTheReason() {
        let cases: [(String, String)] = [
            ("id: n-01\n", "no front matter"),
            ("---\nid: n-01\nkind: pattern\n---\nBody", "missing title"),
            ("---\nid: note-1\nkind: pattern\ntitle: T\n---\nBody", "id 'note-1' is not `n-` followed by digits"),
            ("---\nid: n-01\nkind: memo\ntitle: T\n---\nBody", "kind 'memo' is not feedback, pattern or playbook"),
            ("---\nid: n-01\nkind: playbook\ntitle: T\n---\nBody", "a playbook needs a `play:` line"),
            ("---\nid: n-01\nkind: pattern\ntitle: T\n---\n", "empty body"),
        ]
        for (text, reason) in cases {
            #expect(throws: AnalystNote.FormatError.self) { try AnalystNote.parse(text) }
            do { _ = try AnalystNote.parse(text) } catch { #expect(error.reason.hasPrefix(reason), "\(error.reason)") }
        }
    }

    @Test func thePromptListsShownFiguresNotesAndItsVersion() {
        let prompt = InsightPrompt(segment: InsightFixtures.champions, chain: InsightFixtures.chain,
                                   notes: InsightFixtures.notes, knownSegments: InsightFixtures.known)
        #expect(InsightPrompt.version == "insight-v1")
        for line in ["- Net value (`netValueTotal`): £41,234.37", "- Share who bought again (`repeatShare`): 94%",
                     "- Mean days since last purchase (`meanDaysSinceLast`): 8 days",
                     "- Orders per customer (`ordersPerCustomer`): 9.7", "- Customers (`customers`): 1,234",
                     "[n-08] playbook: Keep champions close", "Play: Give champions a referral invitation.",
                     "Segments that exist: At Risk; Champions; High-value active"] {
            #expect(prompt.user.contains(line), "\(line)")
        }
        #expect(prompt.system.contains(#"{"who": "...", "why": "...", "whatToDo": "...", "citations": ["n-.."]}"#))
    }

    @Test func theQueryIsTheNameAndTheMostSalientMetrics() {
        #expect(InsightQuery.make(segment: InsightFixtures.champions, chain: InsightFixtures.chain)
            == "Champions high orders per customer high share who bought again low share of customers")
    }

    @Test func figuresAreShownWithTheirUnitsRounding() {
        func shown(_ value: Double, _ unit: MetricUnit, _ currency: String = "GBP") -> String {
            MetricDisplay.format(SegmentMetric(key: "k", label: "K", value: value, unit: unit), currency: currency)
        }
        #expect(shown(1_234_567, .count) == "1,234,567")
        #expect(shown(0.4172, .share) == "42%")
        #expect(shown(0.925, .probability) == "93%")
        #expect(shown(1_234.375, .money) == "£1,234.38", "half away from zero")
        #expect(shown(12.4, .money, "AUD") == "AUD 12.40")
        #expect(shown(1, .days) == "1 day")
        #expect(shown(41.6, .days) == "42 days")
        #expect(shown(9.65, .number) == "9.7")
        #expect(shown(-0.04, .number) == "0.0", "no minus zero")
    }

    @Test func aModelAnswerIsReadFromJSONEvenInsideAFence() throws {
        let answer = """
            Here is the insight:
            ```json
            {"who": "Champions.", "why": "They buy often [n-04].", "whatToDo": "Thank them [n-08].", "citations": ["n-04", "n-08"]}
            ```
            """
        let text = try InsightText.parse(answer: answer)
        #expect(text == InsightText(who: "Champions.", why: "They buy often [n-04].", whatToDo: "Thank them [n-08].",
                                    citations: ["n-04", "n-08"]))
        #expect(text.allCitedNoteIDs == ["n-04", "n-08"])
    }

    @Test func aBadAnswerIsRefusedWithTheReason() {
        let cases: [(String, String)] = [
            ("I think they are loyal.", "the answer holds no JSON object"),
            ("{who: Champions}", "the answer's JSON object does not parse"),
            (#"{"who": "A", "why": "B"}"#, "`whatToDo` is missing or not text"),
            (#"{"who": " ", "why": "B", "whatToDo": "C"}"#, "`who` is empty"),
            (#"{"who": "A", "why": "B", "whatToDo": "C", "citations": "n-01"}"#, "`citations` is not a list of note ids"),
            (#"{"who": "A", "why": "\#(String(repeating: "b", count: 1_201))", "whatToDo": "C"}"#,
             "`why` is longer than 1200 characters"),
        ]
        for (answer, reason) in cases {
            do {
                _ = try InsightText.parse(answer: answer)
                Issue.record("accepted \(answer)")
            } catch {
                #expect(error.reason == reason)
            }
        }
    }

    @Test func theCanonicalJSONHasSortedKeysWhateverTheOrderOfConstruction() throws {
        let json = String(decoding: try InsightFixtures.highValueActive.canonicalJSON(), as: UTF8.self)
        #expect(json == #"{"asOf":"2026-11-30","currency":"GBP","id":"high-value-active","metrics":[{"key":"customers","#
            + #""label":"Customers","unit":"count","value":240}],"name":"High-value active","source":"rule"}"#)
    }
}
