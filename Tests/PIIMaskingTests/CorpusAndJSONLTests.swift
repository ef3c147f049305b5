import PIIMasking
import PIIMaskingEval
import Testing

@Suite("Corpus, scorer and JSONL")
struct CorpusAndJSONLTests {
    @Test func generatorIsDeterministic() {
        let a = CorpusGenerator(seed: 99).messages(300)
        let b = CorpusGenerator(seed: 99).messages(300)
        #expect(a.map(\.text) == b.map(\.text))
        #expect(a.map(\.spans) == b.map(\.spans))
        #expect(a.map(\.text) != CorpusGenerator(seed: 100).messages(300).map(\.text))
    }

    @Test func labelledSpansPointAtWholeValues() {
        for message in CorpusGenerator(seed: 3).messages(500) {
            let bytes = Array(message.text.utf8)
            for span in message.spans {
                #expect(span.utf8Range.upperBound <= bytes.count)
                #expect(bytes[span.utf8Range.lowerBound] != UInt8(ascii: " "))
            }
        }
    }

    @Test(arguments: [UInt64(2026), 7])
    func generatedCorpusMeetsTheTargets(seed: UInt64) {
        let report = Scorer.score(CorpusGenerator(seed: seed).messages(4000))
        for score in report.types {
            #expect(score.recall >= 0.98, "\(score.type.rawValue) recall \(score.recall)")
            #expect(score.precision >= 0.99, "\(score.type.rawValue) precision \(score.precision)")
        }
        #expect(report.types.count == PIIType.allCases.count)
        #expect(report.falsePositiveRate <= 0.01)
        for negative in report.negatives { #expect(negative.total > 0) }
    }

    @Test func jsonlEchoesIdsWithTheirJSONType() {
        #expect(
            JSONLMasker.process(line: #"{"id": 7, "text": "mail a@b.com"}"#)
                == #"{"id":7,"masked":"mail <EMAIL_1>"}"#)
        #expect(JSONLMasker.process(line: #"{"text": "x", "id": "m-1"}"#) == #"{"id":"m-1","masked":"x"}"#)
        #expect(JSONLMasker.process(line: #"{"id": 7.50, "text": "x"}"#) == #"{"id":7.50,"masked":"x"}"#)
        #expect(JSONLMasker.process(line: #"{"id": null, "text": "x"}"#) == #"{"id":null,"masked":"x"}"#)
    }

    @Test func jsonlEscapesAndUnescapes() {
        let line = #"{"id":1,"text":"line\none \"q\" \u00e9 \ud83d\ude00 tab\t 07700 900123"}"#
        #expect(JSONLMasker.process(line: line) == #"{"id":1,"masked":"line\none \"q\" é 😀 tab\t <PHONE_1>"}"#)
    }

    @Test func jsonlEachLineIsItsOwnConversation() {
        let first = JSONLMasker.process(line: #"{"id":1,"text":"b@b.com"}"#)
        let second = JSONLMasker.process(line: #"{"id":2,"text":"a@a.com b@b.com"}"#)
        #expect(first == #"{"id":1,"masked":"<EMAIL_1>"}"#)
        #expect(second == #"{"id":2,"masked":"<EMAIL_1> <EMAIL_2>"}"#)
    }

    @Test func jsonlProfileAndAllowList() {
        let line =
            #"{"id":1,"text":"I'm Jane Doe, store 020 7946 0000","profile":{"name":"Jane Doe"},"#
            + #""allow":{"phones":["+44 20 7946 0000"]}}"#
        #expect(JSONLMasker.process(line: line) == #"{"id":1,"masked":"I'm <NAME_1>, store 020 7946 0000"}"#)
    }

    @Test(arguments: [
        "", "   ", "not json", "[1,2]", #"{"id": 3}"#, #"{"id": 3, "text": 5}"#, #"{"id":1,"text":"x""#,
        #"{"id":1,"text":"x"} trailing"#, #"{"text":"\ud800"}"#,
    ])
    func jsonlBadLinesYieldAnErrorObject(_ line: String) {
        let output = JSONLMasker.process(line: line)
        if line.contains(#"\ud800"#) {
            #expect(output == #"{"id":null,"masked":"\#u{FFFD}"}"#)
        } else {
            #expect(output.hasPrefix(#"{"id":"#))
            #expect(output.contains(#""error":"#))
        }
    }
}
