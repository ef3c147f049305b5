import Foundation

/// What the answer says about a coupon it names — the discount, what it applies to, until when, where, the minimum
/// spend — must be that coupon's own facts: "WARM15 gives 2 for 1 on pastries" is false even when another coupon of
/// the context is a 2 for 1 on pastries.
enum CouponClaims {
    /// Product groups coupons are written for; one the answer ties to a coupon must be in that coupon's facts.
    static let groups = ["hot drink", "cold drink", "iced drink", "pastr", "cake", "sandwich", "breakfast", "lunch",
                         "food", "bean", "smoothie", "merch"]
    static let twoForOne = #"\b2 for 1\b|\bprice of 1\b|\bsecond (?:1 )?(?:is )?free\b|\bbogof\b|\bbuy 1\b.*\bget\b"#
    static let everywhere = #"\b(?:all|any|every)\s+(?:of\s+)?(?:our\s+)?(?:shops?|stores?|caf[eé]s?|branches|locations)\b|\beverywhere\b"#

    static func unsupported(in answer: String, context: PromptContext) -> Set<String> {
        guard !context.coupons.isEmpty else { return [] }
        var kinds = Set<String>()
        for sentence in ClaimText.sentences(answer) {
            for (coupon, region) in regions(of: sentence, coupons: context.coupons)
            where !agrees(ClaimText.normalised(region), with: coupon, shops: context.shops) {
                kinds.insert("coupon")
            }
        }
        return kinds
    }

    /// Each coupon named in the sentence with the words that describe it: from its code to the next code; the first
    /// code also takes the words before it ("Buy one pastry and get the second free with BAKE2FOR1").
    static func regions(of sentence: String, coupons: [CouponFacts]) -> [(CouponFacts, String)] {
        let found = coupons.compactMap { coupon in sentence.range(of: coupon.code).map { (coupon, $0) } }
            .sorted { $0.1.lowerBound < $1.1.lowerBound }
        return found.enumerated().map { index, item in
            let start = index == 0 ? sentence.startIndex : item.1.lowerBound
            let end = index + 1 < found.count ? found[index + 1].1.lowerBound : sentence.endIndex
            return (item.0, String(sentence[start..<end]).replacingOccurrences(of: item.0.code, with: " "))
        }
    }

    static func agrees(_ region: String, with coupon: CouponFacts, shops: [ShopFacts]) -> Bool {
        let own = ClaimText.normalised([coupon.summary, coupon.discount, coupon.appliesTo].joined(separator: " "))
        var rest = region
        let claims = QuantityReader().read(&rest)
        let ownFacts = QuantityFacts(facts: own + " " + coupon.validUntil + " " + (coupon.minimumSpend ?? ""), context: nil)
        for claim in claims {
            switch claim.value {
            case .percent, .date: if !ownFacts.supports(claim) { return false }
            case .price where ClaimText.contains(#"\b(?:spend|minimum|at least|over)\b"#, in: region):
                if !ownFacts.supports(claim) { return false }
            default: continue
            }
        }
        if ClaimText.contains(twoForOne, in: region) && !ClaimText.contains(twoForOne, in: own) { return false }
        if groups.contains(where: { region.contains($0) && !own.contains($0) }) { return false }
        if coupon.validAt != "all our shops" {
            if ClaimText.contains(everywhere, in: region) { return false }
            if shops.contains(where: { $0.name != coupon.validAt && region.contains($0.name.lowercased()) }) { return false }
        }
        return true
    }
}
