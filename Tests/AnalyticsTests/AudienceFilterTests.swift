import Analytics
import Foundation
import Testing

@Suite("Audience filter: the allow-listed schema")
struct AudienceFilterTests {
    static let categories: Set<String> = ["bakery", "cold-drinks", "hot-drinks"]

    static func parse(_ json: String) throws(AudienceFilterError) -> AudienceFilter {
        try AudienceFilter.parse(Data(json.utf8), categories: categories)
    }

    static func reason(_ json: String) -> String? {
        do {
            _ = try parse(json)
            return nil
        } catch {
            return error.reason
        }
    }

    @Test("every allowed clause parses to its typed value, and the canonical JSON reads back the same")
    func everyClause() throws {
        let filter = try Self.parse("""
            {"all": [{"purchased": {"category": "cold-drinks", "withinDays": 30}},
                     {"netValueAtLeast": {"amount": 20.5, "currency": "GBP"}},
                     {"churnBand": ["active", "cooling"]}, {"valueTier": "high"}, {"premiumShareAtLeast": 0.5},
                     {"city": "London"}, {"country": ["GB", "IE"]}, {"consent": "email"},
                     {"lastSeenWithinDays": 14}]}
            """)
        #expect(filter.clauses == [
            .purchased(category: "cold-drinks", withinDays: 30), .netValueAtLeast(amount: 20.5, currency: "GBP"),
            .churnBand([.active, .cooling]), .valueTier([.high]), .premiumShareAtLeast(0.5), .city(["London"]),
            .country(["GB", "IE"]), .consent(.email), .lastSeenWithinDays(14),
        ])
        #expect(filter.storeClauses.map(\.field) == ["city", "country", "consent", "lastSeenWithinDays"])
        #expect(filter.featureClauses.map(\.field)
            == ["purchased", "netValueAtLeast", "churnBand", "valueTier", "premiumShareAtLeast"])
        #expect(try Self.parse(filter.canonicalJSON) == filter)
        #expect(try Self.parse(#"{"all": []}"#).clauses.isEmpty)
    }

    @Test("unknown fields and operators, wrong types and out-of-range values are refused with a precise reason",
          arguments: [
            (#"{"all": [{"archetype": "loyal-high-spender"}]}"#, "clause 1: unknown field \"archetype\""),
            (#"{"all": [{"city": "London"}, {"sql": "DROP TABLE users"}]}"#, "clause 2: unknown field \"sql\""),
            (#"{"all": [{"city": {"$ne": null}}]}"#, "clause 1: city must be a text or a list"),
            (#"{"any": []}"#, "unknown top-level field \"any\""),
            (#"{"all": [], "limit": 5}"#, "unknown top-level field \"limit\""),
            (#"{"all": {"city": "London"}}"#, "\"all\" must be a list"),
            (#"{"all": [{"city": "London", "consent": "email"}]}"#, "exactly one field"),
            (#"{"all": [{"purchased": {"category": "cold-drinks", "withinDays": 30, "op": "gt"}}]}"#,
             "clause 1: unknown field \"op\" in purchased"),
            (#"{"all": [{"purchased": {"category": "cold-drinks"}}]}"#, "purchased.withinDays is missing"),
            (#"{"all": [{"purchased": {"category": "caviar", "withinDays": 30}}]}"#, "unknown category \"caviar\""),
            (#"{"all": [{"purchased": {"category": "bakery", "withinDays": 1.5}}]}"#, "whole number of days"),
            (#"{"all": [{"lastSeenWithinDays": 0}]}"#, "whole number of days from 1 to 3650"),
            (#"{"all": [{"lastSeenWithinDays": "14"}]}"#, "lastSeenWithinDays must be a whole number"),
            (#"{"all": [{"netValueAtLeast": 20}]}"#, "netValueAtLeast must be an object"),
            (#"{"all": [{"netValueAtLeast": {"amount": -1, "currency": "GBP"}}]}"#, "amount must be a number"),
            (#"{"all": [{"netValueAtLeast": {"amount": 5, "currency": "gbp"}}]}"#, "3 capital letters"),
            (#"{"all": [{"churnBand": ["active", "dormant"]}]}"#, "churnBand must be one of: active, cooling"),
            (#"{"all": [{"consent": "post"}]}"#, "consent must be one of: email, sms"),
            (#"{"all": [{"premiumShareAtLeast": 2}]}"#, "from 0 to 1"),
            (#"{"all": [{"country": "GBR"}]}"#, "country must be 2 capital letters"),
            (#"{"all": [{"city": []}]}"#, "city must be a text or a list of 1 to 50"),
            (#"{"all": [{"city": "Lon\u0000don"}]}"#, "city must be a non-empty text"),
            (#"[{"city": "London"}]"#, "must be a JSON object"),
            ("SELECT * FROM users", "not valid JSON"),
          ])
    func refusals(json: String, expected: String) {
        let reason = Self.reason(json)
        #expect(reason?.contains(expected) == true, "\(reason ?? "accepted")")
    }

    @Test("a huge document is refused before it is read, and a long key is clipped in the reason")
    func sizes() {
        let huge = #"{"all": [{"city": ""# + String(repeating: "x", count: 20_000) + #""}]}"#
        #expect(Self.reason(huge)?.contains("larger than 16384 bytes") == true)
        let long = String(repeating: "k", count: 90)
        let reason = Self.reason(#"{"all": [{""# + long + #"": 1}]}"#) ?? ""
        #expect(reason.contains(String(repeating: "k", count: 40) + "…") && !reason.contains(long))
    }
}
