/// Which menu tags a dietary need rules out. The one place this is decided; the concierge uses it too.
public enum DietaryRules {
    public static func allows(_ tags: [ItemTag], for needs: [DietaryFlag]) -> Bool {
        needs.allSatisfy { need in
            switch need {
            case .vegan: tags.contains(.vegan)
            case .vegetarian: tags.contains(.vegan) || tags.contains(.vegetarian)
            case .nutAllergy: !tags.contains(.containsNuts)
            case .dairyFree: !tags.contains(.dairy)
            case .glutenFree: !tags.contains(.gluten)
            }
        }
    }
}
