import Foundation

/// The menu item a shopper asked about, answered from its own tags at the nearest shop that sells it.
enum AskedItemFinder {
    /// Tags that name an allergen the recipe contains, in the words answers use.
    static let allergenTags: [(ItemTag, String)] = [
        (.containsNuts, "nuts"), (.dairy, "dairy"), (.gluten, "gluten"), (.egg, "egg"), (.soy, "soy"),
        (.sesame, "sesame"),
    ]

    static func find(_ name: String?, near shops: [NearbyShop]) -> AskedItem? {
        guard let name, name.first?.isUppercase == true else { return nil }
        for nearby in shops.sorted(by: { ($0.isOpen ? 0 : 1, $0.distanceMeters) < ($1.isOpen ? 0 : 1, $1.distanceMeters) }) {
            guard let item = nearby.shop.menu.first(where: { $0.name == name }) else { continue }
            return AskedItem(
                name: item.name, shop: nearby.shop.name, price: Money.format(item.priceMinor, currency: nearby.shop.currency),
                contains: allergenTags.filter { item.tags.contains($0.0) }.map(\.1),
                suits: item.tags.contains(.vegan) ? ["vegan", "vegetarian"] : item.tags.contains(.vegetarian) ? ["vegetarian"] : [],
                caffeine: item.tags.contains(.caffeine) ? true : nil,
                served: item.tags.contains(.hot) ? "hot" : item.tags.contains(.cold) ? "cold" : nil,
                seasonal: item.tags.contains(.seasonal) ? true : nil)
        }
        return AskedItem(name: name, shop: nil, price: nil, contains: [], suits: [])
    }
}
