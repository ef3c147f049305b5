import Foundation
import SentenceEmbedding
import Testing

/// `SentenceEmbedder` against the Python reference (sentence-transformers over PyTorch and the Rust tokenizer):
/// the same token ids exactly, and vectors with a cosine of at least 0.999 for every fixture sentence.
@Suite("SentenceEmbedding against the reference")
struct SentenceEmbeddingTests {
    static let minimumCosine = 0.999

    @Test("token ids equal the Hugging Face tokenizer's for every fixture sentence")
    func tokenIDsMatchReference() throws {
        let embedder = try ReferenceModel.embedder()
        let fixture = try ReferenceFixture.load()
        #expect(fixture.sentences.count >= 60)
        #expect(fixture.maxSeqLength == embedder.maxTokens)
        for sentence in fixture.sentences {
            #expect(embedder.tokenIDs(sentence.text) == sentence.tokenIDs, "\(sentence.text.debugDescription)")
        }
    }

    @Test("every fixture vector matches the reference (cosine ≥ 0.999), embedded as one batch")
    func vectorsMatchReferenceInOneBatch() async throws {
        let embedder = try ReferenceModel.embedder()
        let fixture = try ReferenceFixture.load()
        let vectors = try await embedder.embed(fixture.sentences.map(\.text))
        #expect(vectors.count == fixture.sentences.count)
        var lowest = (cosine: 1.0, text: "")
        for (sentence, vector) in zip(fixture.sentences, vectors) {
            #expect(vector.count == embedder.dimensions)
            let cosine = ReferenceModel.cosine(vector, sentence.embedding)
            #expect(cosine >= Self.minimumCosine, "cosine \(cosine) for \(sentence.text.debugDescription)")
            if cosine < lowest.cosine { lowest = (cosine, sentence.text) }
        }
        print("SentenceEmbedding: lowest cosine \(lowest.cosine) over \(vectors.count) sentences")
    }

    @Test("one text at a time gives the same vectors as the packed batch")
    func singleTextsMatchBatch() async throws {
        let embedder = try ReferenceModel.embedder()
        let fixture = try ReferenceFixture.load()
        let sample = Array(fixture.sentences.prefix(12)) + Array(fixture.sentences.suffix(3))
        let batch = try await embedder.embed(sample.map(\.text))
        for (sentence, batched) in zip(sample, batch) {
            let single = try await embedder.embed([sentence.text])[0]
            #expect(ReferenceModel.cosine(single, batched) > 0.999_999, "\(sentence.text.prefix(40))")
            #expect(ReferenceModel.cosine(single, sentence.embedding) >= Self.minimumCosine)
        }
    }

    @Test("vectors are unit length, in input order, and repeated texts agree")
    func unitVectorsInOrder() async throws {
        let embedder = try ReferenceModel.embedder()
        #expect(embedder.dimensions == 384)
        #expect(embedder.modelID == "all-MiniLM-L6-v2")
        #expect(try await embedder.embed([]).isEmpty)
        let texts = ["Do you have oat milk?", "My order never arrived.", "Do you have oat milk?"]
        let vectors = try await embedder.embed(texts)
        #expect(vectors.count == 3)
        #expect(vectors[0] == vectors[2])
        for vector in vectors {
            let length = vector.reduce(0) { $0 + Double($1) * Double($1) }.squareRoot()
            #expect(abs(length - 1) < 1e-5)
        }
        // A second call is served from the cache and must be identical.
        #expect(try await embedder.embed([texts[1]]) == [vectors[1]])
        // Meaning, not spelling: a paraphrase is closer than an unrelated question.
        let related = try await embedder.embed(["Can I get a refund?", "I want my money back", "Is the shop open?"])
        #expect(ReferenceModel.cosine(related[0], related[1]) > ReferenceModel.cosine(related[0], related[2]))
    }

    @Test("a megabyte of text is truncated to 256 tokens without a crash")
    func megabyteTexts() async throws {
        let embedder = try ReferenceModel.embedder()
        let fixture = try ReferenceFixture.load()
        let policy = try #require(
            fixture.sentences.first { $0.text.hasPrefix("Returns and refunds.") && $0.tokenIDs.count == 256 })
        let megabyte = 1 << 20
        let long = String(repeating: policy.text + " ", count: megabyte / policy.text.utf8.count + 1)
        let texts = [
            long,
            String(repeating: "a", count: megabyte),  // one word far beyond 100 characters: [UNK]
            String(repeating: "é", count: megabyte / 2),  // the NFD path, one long word
            String(repeating: "x.", count: megabyte / 2),  // punctuation every other character
            String(repeating: "\u{0}", count: megabyte),  // all removed by the normalizer
        ]
        // No time limit here (a debug build on a shared machine says little); `concierge-bench embed` times it.
        let vectors = try await embedder.embed(texts)
        #expect(embedder.tokenIDs(long) == policy.tokenIDs)
        #expect(ReferenceModel.cosine(vectors[0], policy.embedding) >= Self.minimumCosine)
        #expect(embedder.tokenIDs(texts[1]) == [101, 100, 102])
        #expect(embedder.tokenIDs(texts[3]).count == 256)
        #expect(embedder.tokenIDs(texts[4]) == [101, 102])
        for vector in vectors {
            #expect(vector.count == 384 && vector.allSatisfy(\.isFinite))
        }
    }
}
