import Foundation

/// What a shopper names a deal for ("any deals on cold drinks", "coupons for muffins", "koi offer cold drinks pe"),
/// and which coupons fit it, judged by the coupon's own words: its summary, what it applies to, and the names,
/// category and tags of the menu items it covers at its shop. Only words of the chain's menus count as named, so
/// "any deals today?" names nothing.
struct CouponFit: Sendable {
    /// The menu words named, plural-folded ("cold", "drink").
    let words: Set<String>
    /// The same words as the shopper typed them, in order ("cold drinks"), for saying that nothing fits.
    let written: String

    /// Words that ask for a deal; the thing it should be for stands just after (or just before) one of them.
    private static let dealWords = ["deal", "deals", "offer", "offers", "coupon", "coupons", "discount", "discounts",
                                    "code", "codes", "promo", "promos", "voucher", "vouchers", "descuento",
                                    "descuentos", "oferta", "ofertas", "cupon", "cupones"]

    /// `nil` when the message names nothing of the menu next to a deal word. A follow-up about the coupons just
    /// given ("which one is best for a latte?") needs no deal word: any word of it may name the thing.
    static func asked(in message: String, menus: [Shop], followingOffers: Bool = false) -> CouponFit? {
        let words = MessageWords.fold(message)
        let menuWords = Set(menus.flatMap { $0.menu.flatMap(itemWords) })
        var named: [String] = []
        var meant: Set<String> = []
        let dealAt = words.indices.filter { isDealWord(words[$0]) }
        // "Which coupon is best for a latte": the thing may stand six words after the deal word, but not past a
        // word that starts another ask ("any deals today? also is the flat white vegan").
        let windows: [[String]] = dealAt.isEmpty ? (followingOffers ? [words] : [])
            : dealAt.map { index in
                Array(words[max(0, index - 2)..<index])
                    + words.dropFirst(index + 1).prefix(6).prefix { !Self.nextAsk.contains($0) }
            }
        for around in windows {
            for candidate in around where !named.contains(candidate) {
                guard let standsFor = Self.menuWords(for: candidate, on: menuWords) else { continue }
                named.append(candidate)
                meant.formUnion(standsFor)
            }
        }
        guard !named.isEmpty else { return nil }
        return CouponFit(words: meant, written: named.joined(separator: " "))
    }

    private static let nextAsk: Set<String> = ["also", "btw", "but", "aur", "tambien"]

    /// Words of item names that say nothing of the thing ("Oat Porridge with Berries"): "a coupon with my points"
    /// named no porridge, and was told "None of your coupons is for with".
    private static let functionWords: Set<String> = ["with", "and", "the", "of", "for", "a", "an", "on", "in", "my"]

    /// The menu's words a word of the message stands for: itself when the menus use it ("muffins"), else the range
    /// of a kind of thing no item is named for ("pastries" → bakery, as `MenuLookup` reads it); `nil` for neither.
    private static func menuWords(for word: String, on menuWords: Set<String>) -> Set<String>? {
        guard !functionWords.contains(word) else { return nil }
        if menuWords.contains(fold(word)) { return [fold(word)] }
        guard let range = MenuLookup.unlistedThings[ItemClaims.singular(word)] else { return nil }
        let words = Set(MessageWords.fold(range).map(fold))
        return words.isSubset(of: menuWords) ? words : nil
    }

    /// How many of the named words the coupon's own words hold (0: it is not for what was named).
    func score(_ eligible: EligibleCoupon, at shop: Shop) -> Int {
        let coupon = eligible.coupon
        let described = coupon.summary + " " + CouponDescriber.scope(coupon.scope, shop: shop)
        var own = MessageWords.fold(described).map(Self.fold)
        // A coupon for everything covers every item, but is not "for" any of them.
        if [.category, .item].contains(coupon.scope.kind) {
            own += shop.menu.filter { eligible.appliesTo.contains($0.sku) }.flatMap(Self.itemWords)
        }
        return words.intersection(own).count
    }

    /// How many of the items a coupon covers hold every named word: of two coupons for a whole counter, "a latte"
    /// fits the hot drinks' (three lattes) before the cold drinks' (one iced latte).
    func itemsNamed(_ eligible: EligibleCoupon, at shop: Shop) -> Int {
        guard [.category, .item].contains(eligible.coupon.scope.kind) else { return 0 }
        return shop.menu.filter { eligible.appliesTo.contains($0.sku) && words.isSubset(of: Self.itemWords($0)) }.count
    }

    /// Narrower coupons first when two fit equally: one for the item itself before one for its whole counter.
    static func breadth(_ scope: CouponScope) -> Int {
        switch scope.kind {
        case .item: 0
        case .category: 1
        case .shop: 2
        case .everything: 3
        }
    }

    private static func isDealWord(_ word: String) -> Bool {
        dealWords.contains(word)
            || (word.count >= 5 && dealWords.contains { $0.count >= 5 && EditDistance.isAtMostOne(word, $0) })
    }

    /// An item's words, with the range it belongs to ("food" for the bakery, "drink" for a hot or cold drink), so a
    /// deal asked "on food" meets the bakery coupon, as `MenuKind.food` reads the menu.
    private static func itemWords(_ item: MenuItem) -> [String] {
        let described = item.name + " " + item.category + " " + item.tags.map(\.rawValue).joined(separator: " ")
        let range = MenuKind.foodCategories.contains(item.category) ? ["food"]
            : MenuKind.drinkCategories.contains(item.category) ? ["drink"] : []
        return MessageWords.fold(described).map(fold) + range
    }

    /// "drinks" meets "drink", "muffins" meets "muffin", "sandwiches" meets "sandwich".
    private static func fold(_ word: String) -> String {
        if word.hasSuffix("ches") || word.hasSuffix("shes") { return String(word.dropLast(2)) }
        return word.count >= 4 && word.hasSuffix("s") && !word.hasSuffix("ss") ? String(word.dropLast()) : word
    }
}
