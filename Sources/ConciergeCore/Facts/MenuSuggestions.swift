import Foundation

/// Dietary needs for this turn: the profile's, plus the diets and allergens the message names (the understanding
/// step's `diet` slot, so one word list decides what a message says about diets).
enum DietaryNeeds {
    /// A diet word that is part of the item's own name ("is the gluten-free brownie safe for me?") names the item,
    /// not a need of the shopper's.
    static func of(_ user: User, named: [DietTerm], besides item: String? = nil) -> [DietaryFlag] {
        var needs = Set(user.preferences.dietary)
        let itemWords = Set(MessageWords.fold(item ?? ""))
        for term in named where !itemWords.contains(term.rawValue) {
            switch term {
            case .nuts: needs.insert(.nutAllergy)
            case .vegan: needs.insert(.vegan)
            case .vegetarian: needs.insert(.vegetarian)
            case .dairy: needs.insert(.dairyFree)
            case .gluten: needs.insert(.glutenFree)
            case .egg, .soy, .sesame, .halal, .caffeine: break  // no profile flag (yet): answered per item from its tags
            }
        }
        return needs.sorted()
    }
}

/// Menu items that fit the need of the moment and what the shopper described (`MenuWish`), and never break a dietary
/// rule, from the nearest open shop.
enum MenuSuggestions {
    static func pick(for intent: Intent, needs: [DietaryFlag], user: User, near shops: [NearbyShop],
                     limit: Int, wish: MenuWish = MenuWish()) -> [ItemFacts] {
        // Food and a drink wanted: one filter for both found nothing. Each is picked by its own kinds (the feeling of
        // the moment does not narrow either: "hungry" would leave no drink), then one of each in turn.
        if let pair = wish.pair {
            let food = pick(for: .menu, needs: needs, user: user, near: shops, limit: limit, wish: pair.food)
            let drink = pick(for: .menu, needs: needs, user: user, near: shops, limit: limit, wish: pair.drink)
            let inTurn = (0..<max(food.count, drink.count)).flatMap { index in
                [food.dropFirst(index).first, drink.dropFirst(index).first].compactMap { $0 }
            }
            return Array(inTurn.prefix(limit))
        }
        guard let shop = shop(near: shops) else { return [] }
        let fits = shop.menu.filter {
            DietaryRules.allows($0.tags, for: needs) && matches($0, intent: intent, user: user, wish: wish)
                && wish.allows($0, in: shop)
        }
        let favourites = Set(user.preferences.favouriteItems)
        let ranked = fits.sorted { lhs, rhs in
            let l = favourites.contains(lhs.sku) && !wish.cheapest
            let r = favourites.contains(rhs.sku) && !wish.cheapest
            return l != r ? l : (lhs.priceMinor, lhs.sku) < (rhs.priceMinor, rhs.sku)
        }
        return ranked.prefix(limit).map { facts($0, shop: shop) }
    }

    /// The menu suggestions and asked-for items are read from: the nearest open shop within reach, else the nearest.
    static func shop(near shops: [NearbyShop]) -> Shop? {
        (shops.first { $0.isOpen && $0.isWithinRadius } ?? shops.first)?.shop
    }

    static func facts(_ item: MenuItem, shop: Shop) -> ItemFacts {
        ItemFacts(name: item.name, price: Money.format(item.priceMinor, currency: shop.currency), shop: shop.name,
                  tags: item.tags.map(\.rawValue))
    }

    private static func matches(_ item: MenuItem, intent: Intent, user: User, wish: MenuWish) -> Bool {
        switch intent {
        case .comfortCold: item.tags.contains(.hot)
        case .comfortThirsty: item.category == "cold-drinks"
        case .comfortHungry: ["bakery", "food", "hot-food"].contains(item.category)
        // "Tired, but no caffeine please": the caffeine asked about decides, not the feeling.
        case .comfortTired where wish.caffeine == nil: item.tags.contains(.caffeine)
        // A greeting that describes what they want ("hi, anything sweet?") is steered by that, not the usual.
        case .greeting where wish.kinds.isEmpty:
            user.preferences.temperature == .cold ? item.category == "cold-drinks" : item.category == "hot-drinks"
        default: item.category != "merchandise"
        }
    }
}

extension MenuWish {
    /// Whether an item fits the kinds, caffeine and price asked for. A cap given in another currency than the menu's
    /// is not applied (the answer says so) rather than compared across currencies.
    func allows(_ item: MenuItem, in shop: Shop) -> Bool {
        guard kinds.allSatisfy({ $0.fits(item) }), !notKinds.contains(where: { $0.fits(item) }) else { return false }
        switch caffeine {
        case .avoid?: if item.tags.contains(.caffeine) { return false }
        case .want?: if !item.tags.contains(.caffeine) { return false }
        case nil: break
        }
        if let cap = priceCap, cap.currency == nil || cap.currency == shop.currency, item.priceMinor > cap.minor {
            return false
        }
        return !cheap || item.priceTier == .budget
    }
}

/// Coupon terms in words: "15% off", "hot drinks", "until 30 Nov", "minimum spend £10.00".
