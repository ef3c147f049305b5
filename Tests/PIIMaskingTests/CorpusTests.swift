import PIIMasking
import PIIMaskingEval
import Testing

@Suite("Corpus and scorer")
struct CorpusTests {
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

    /// Issue 13 on its own: lower-case addresses, slash and mixed-separator phones, cards after "account:", and
    /// their look-alikes.
    @Test func chatSpellingsMeetTheTargets() {
        let report = Scorer.score(CorpusGenerator(seed: 13, family: .chat).messages(2500))
        for score in report.types {
            #expect(score.recall >= 0.98, "\(score.type.rawValue) recall \(score.recall)")
            #expect(score.precision >= 0.99, "\(score.type.rawValue) precision \(score.precision)")
        }
        #expect(Set(report.types.map(\.type)).isSuperset(of: [.phone, .address, .card]))
        #expect(report.falsePositiveRate <= 0.01)
    }

    /// The corpus `script/pii-corpus` wrote with seed 1 (its tuning set; seed 2 stays held out).
    @Test func independentCorpusMeetsTheTargets() throws {
        let messages = try IndependentCorpus.load("independent-seed1.jsonl")
        #expect(messages.count == 1500)
        let report = Scorer.score(messages)
        for score in report.types {
            #expect(score.recall >= 0.98, "\(score.type.rawValue) recall \(score.recall)")
            #expect(score.precision >= 0.99, "\(score.type.rawValue) precision \(score.precision)")
        }
        #expect(report.types.count == 7)  // every type but NAME (no profiles)
        #expect(report.falsePositiveRate <= 0.01)
    }
}
