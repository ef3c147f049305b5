import Analytics
import ConciergeCore
import Foundation

/// Embeddings remembered per text. Profiles repeat across calls (and facts across customers), so each distinct text
/// is embedded once per process; the vectors depend only on the text and the model, which `modelID` pins.
public actor EmbeddingCache {
    private let embedder: any Embedder
    private var vectors: [String: [Float]] = [:]
    /// Texts actually sent to the model (a test checks the cache holds).
    public private(set) var embeddedCount = 0

    public init(_ embedder: any Embedder) {
        self.embedder = embedder
    }

    public var modelID: String { embedder.modelID }

    /// Vectors in the order of `texts`; only texts never seen are embedded, in one batch, in first-seen order.
    public func vectors(_ texts: [String]) async throws -> [[Float]] {
        var missing: [String] = []
        for text in texts where vectors[text] == nil && !missing.contains(text) { missing.append(text) }
        if !missing.isEmpty {
            let made = try await embedder.embed(missing)
            embeddedCount += missing.count
            for (text, vector) in zip(missing, made) { vectors[text] = vector }
        }
        return texts.map { vectors[$0] ?? [] }
    }
}

/// One ranked customer with the reasons it was chosen.
public struct AudienceMember: Codable, Hashable, Sendable {
    /// The pseudonymous id (never a user id).
    public var customer: String
    /// Cosine similarity of the profile to the intent, rounded to 4 decimals.
    public var score: Double
    /// Every filter clause, in words (each member met all of them).
    public var matchedClauses: [String]
    /// The profile facts closest to the intent, best first (at most 3).
    public var topFacts: [String]
    public var profile: String
}

/// Ranks candidates by the cosine between their behavioural profile and the marketer's intent.
public struct AudienceRanker: Sendable {
    public let cache: EmbeddingCache

    public init(cache: EmbeddingCache) {
        self.cache = cache
    }

    /// Every candidate, best first; equal scores by pseudonym (so the order never depends on input order).
    public func rank(_ candidates: [AudienceCustomer], intent: String, clauses: [String]) async throws
        -> [AudienceMember]
    {
        let profiles = candidates.map { AudienceProfile($0, browsing: $0.row.interests) }
        let intentVector = try await cache.vectors([intent])[0]
        let profileVectors = try await cache.vectors(profiles.map(\.text))
        let facts = Array(Set(profiles.flatMap(\.facts))).sorted()
        let factScores = Dictionary(uniqueKeysWithValues: zip(facts, try await cache.vectors(facts).map {
            Self.cosine($0, intentVector)
        }))
        let members = zip(candidates, zip(profiles, profileVectors)).map { customer, pair in
            let (profile, vector) = pair
            let top = profile.facts.sorted { (factScores[$0] ?? 0, $1) > (factScores[$1] ?? 0, $0) }.prefix(3)
            return AudienceMember(customer: customer.row.customer,
                                  score: (Self.cosine(vector, intentVector) * 10_000).rounded() / 10_000,
                                  matchedClauses: clauses, topFacts: Array(top), profile: profile.text)
        }
        return members.sorted { $0.score != $1.score ? $0.score > $1.score : $0.customer < $1.customer }
    }

    /// Dot product over the length of the shorter vector; the embedder's vectors are unit length, so this is the
    /// cosine. Summed in index order (deterministic).
    static func cosine(_ a: [Float], _ b: [Float]) -> Double {
        var sum = 0.0
        for index in 0..<min(a.count, b.count) { sum += Double(a[index]) * Double(b[index]) }
        return sum
    }
}
