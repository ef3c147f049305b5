import Foundation

/// Dietary needs for this turn: the profile's, plus the diets and allergens the message names (the understanding
/// step's `diet` slot, so one word list decides what a message says about diets).
enum DietaryNeeds {
    static func of(_ user: User, named: [DietTerm]) -> [DietaryFlag] {
        var needs = Set(user.preferences.dietary)
        for term in named {
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

/// Menu items that fit the need of the moment and never break a dietary rule, from the nearest open shop.
enum MenuSuggestions {
    static func pick(for intent: Intent, needs: [DietaryFlag], user: User, near shops: [NearbyShop],
                     limit: Int) -> [ItemFacts] {
        guard let shop = (shops.first { $0.isOpen && $0.isWithinRadius } ?? shops.first)?.shop else { return [] }
        let fits = shop.menu.filter { DietaryRules.allows($0.tags, for: needs) && matches($0, intent: intent, user: user) }
        let favourites = Set(user.preferences.favouriteItems)
        let ranked = fits.sorted { lhs, rhs in
            let l = favourites.contains(lhs.sku)
            let r = favourites.contains(rhs.sku)
            return l != r ? l : (lhs.priceMinor, lhs.sku) < (rhs.priceMinor, rhs.sku)
        }
        return ranked.prefix(limit).map { item in
            ItemFacts(name: item.name, price: Money.format(item.priceMinor, currency: shop.currency), shop: shop.name,
                      tags: item.tags.map(\.rawValue))
        }
    }

    private static func matches(_ item: MenuItem, intent: Intent, user: User) -> Bool {
        switch intent {
        case .comfortCold: item.tags.contains(.hot)
        case .comfortThirsty: item.category == "cold-drinks"
        case .comfortHungry: ["bakery", "food", "hot-food"].contains(item.category)
        case .comfortTired: item.tags.contains(.caffeine)
        case .greeting:
            user.preferences.temperature == .cold ? item.category == "cold-drinks" : item.category == "hot-drinks"
        default: item.category != "merchandise"
        }
    }
}

/// Coupon terms in words: "15% off", "hot drinks", "until 30 Nov", "minimum spend £10.00".
