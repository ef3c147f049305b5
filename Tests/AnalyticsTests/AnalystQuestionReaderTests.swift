import Analytics
import Testing

/// The reader's rules on their own: numbers are never segment ids, everyday words are segments only when used as
/// names, ids of any segment the snapshots list are recognised.
@Suite("Analyst question reader: names, numbers and follow-ups")
struct AnalystQuestionReaderTests {
    static let reader = AnalystQuestionReader(snapshots: AnalystFixtures.snapshots)

    @Test("a number is never a segment; a numbered reference is flagged for a question back")
    func numbersAreNotIDs() {
        let numbered = Self.reader.read("how many customers are in segment 3")
        #expect(numbered.segments.isEmpty)
        #expect(numbered.unresolvedReference == "segment 3")
        #expect(Self.reader.read("top 3 segments by CLV in 2024").segments.isEmpty)
        #expect(Self.reader.read("what do the VIPs buy").unresolvedReference == "vips")
    }

    @Test("an ML segment is found by its id and by its name, with no code change")
    func mlSegments() {
        let cluster = SegmentSnapshot(id: "ml-run7-2", name: "Weekend brunchers", source: .ml, asOf: "2026-11-30",
                                      currency: "GBP", metrics: [])
        let reader = AnalystQuestionReader(snapshots: AnalystFixtures.snapshots + [cluster])
        #expect(reader.read("size of ml-run7-2").segments == ["ml-run7-2"])
        #expect(reader.read("what do weekend brunchers buy").segments == ["ml-run7-2"])
    }

    @Test("everyday words are segments only when used as names")
    func everydayWords() {
        #expect(Self.reader.read("we lost money on the spring promo").segments.isEmpty)
        #expect(Self.reader.read("interests of lost").segments == ["rfm-lost"])
        #expect(Self.reader.read("and the other one?").segments.isEmpty)
        #expect(Self.reader.read("which is bigger, Lost or Others").segments == ["rfm-lost", "rfm-others"])
        #expect(Self.reader.read("contrast high-value-active with other").segments == ["high-value-active", "other"])
    }

    @Test("the longest name wins: at-risk churn is the rule segment, at risk the RFM one")
    func longestName() {
        #expect(Self.reader.read("AOV at-risk-churn").segments == ["at-risk-churn"])
        #expect(Self.reader.read("size of at risk").segments == ["rfm-at-risk"])
        #expect(Self.reader.read("which group has the most value at risk").segments.isEmpty)
        #expect(Self.reader.read("cant lose them versus champions frequency").segments
                == ["rfm-cant-lose-them", "rfm-champions"])
    }

    @Test("close readings ask instead of guessing, naming the two")
    func clarify() {
        let reading = Self.reader.read("champions")
        #expect(reading.clarify == nil || reading.clarify?.count == 2)
        let vague = Self.reader.read("loyal customers or champions?")
        #expect(vague.intent == .compare)
        let tie = Self.reader.read("send or compare")
        #expect(tie.clarify == [.compare, .campaign])
        let answer = AnalystAnswerer(snapshots: AnalystFixtures.snapshots).answer(tie)
        #expect(answer.kind == .clarification)
        #expect(answer.text == "Do you mean a comparison of segments or what to send or do for a segment?")
    }

    @Test("the same question reads the same every time")
    func deterministic() {
        let question = "whats driving the low p alive in can't lose them"
        #expect(Set((0..<5).map { _ in Self.reader.read(question) }).count == 1)
    }
}
