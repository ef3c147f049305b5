import Foundation

/// What a describing word means on this chain's menu, decided from the menu's own data: an item's category, its tags
/// and the words of its name. The mapping is small on purpose, so an answer can say what it went by (`rule`):
///
/// | kind | an item is it when |
/// |---|---|
/// | sweet | its name has a sweet word (chocolate, caramel, gingerbread, cinnamon, a fruit, muffin, brownie, bun…) |
/// | savoury | it is in the food or hot-food range and its name has no sweet word |
/// | filling | it is in the food or hot-food range (the meals) |
/// | light | it is not a meal (not food or hot-food) |
/// | breakfast | it is in the bakery range, or its name says breakfast or porridge |
/// | snack | it is in the bakery range |
/// | drink / food | its category is a drinks one / a food one (bakery, food, hot-food) |
/// | cold | it is a cold drink |
/// | seasonal | the menu tags it seasonal ("Christmas drinks", "anything festive") |
/// | hot | the menu tags it hot (a hot drink or hot food) |
/// | strong | a coffee with no milk in it (named espresso, americano, brew, ristretto or doppio) |
/// | black | the same coffees, asked for by the milk left out ("coffee without milk", "black coffee") |
///
/// What the data cannot tell (calories, nutrition, portion sizes) is not mapped at all: `MenuWish.unanswerable`.
enum MenuKind: String, CaseIterable, Codable, Hashable, Sendable {
    case sweet, light, savoury, filling, breakfast, snack, drink, food, coffee, cold, seasonal, strong, black, hot

    static let sweetNameWords: Set<String> = ["chocolate", "caramel", "gingerbread", "cinnamon", "berry", "berries",
                                              "blueberry", "banana", "brownie", "muffin", "bun", "lemonade", "smoothie",
                                              "frappe", "honey", "vanilla", "cookie", "cake"]
    /// Names of coffee drinks ("the cheapest coffee" is an Espresso, not a Still Water); not a tea or a chocolate
    /// named like one ("Chai Latte", "Matcha Latte").
    static let coffeeNameWords: Set<String> = ["espresso", "flat", "cappuccino", "latte", "brew", "frappe", "americano",
                                               "mocha", "macchiato", "cortado", "coffee"]
    static let notCoffeeNameWords: Set<String> = ["chai", "matcha", "tea", "chocolate"]
    /// Coffees that are all coffee: "the strongest coffee" is one of these, not a milk drink (the menu has no
    /// caffeine amounts, so strength is read as no milk).
    static let blackCoffeeNameWords: Set<String> = ["espresso", "americano", "brew", "ristretto", "doppio"]
    static let mealCategories: Set<String> = ["food", "hot-food"]
    static let foodCategories: Set<String> = ["bakery", "food", "hot-food"]
    static let drinkCategories: Set<String> = ["hot-drinks", "cold-drinks"]
    /// Kinds only a drink is, and kinds only food is: asked together ("something to eat and a cold drink"), they are
    /// two things wanted, not one item that is both.
    static let drinkKinds: Set<MenuKind> = [.drink, .coffee, .cold, .strong, .black]
    static let foodKinds: Set<MenuKind> = [.food, .filling, .savoury, .snack]

    func fits(_ item: MenuItem) -> Bool {
        let nameWords = Set(MessageWords.fold(item.name))
        let sweetName = !nameWords.isDisjoint(with: Self.sweetNameWords)
        return switch self {
        case .sweet: sweetName
        case .savoury: Self.mealCategories.contains(item.category) && !sweetName
        case .filling: Self.mealCategories.contains(item.category)
        case .light: !Self.mealCategories.contains(item.category)
        case .breakfast: item.category == "bakery" || !nameWords.isDisjoint(with: ["breakfast", "porridge"])
        case .snack: item.category == "bakery"
        case .drink: Self.drinkCategories.contains(item.category)
        case .food: Self.foodCategories.contains(item.category)
        case .coffee: Self.drinkCategories.contains(item.category) && !nameWords.isDisjoint(with: Self.coffeeNameWords)
            && nameWords.isDisjoint(with: Self.notCoffeeNameWords)
        case .cold: item.category == "cold-drinks"
        case .seasonal: item.tags.contains(.seasonal)
        case .strong, .black: MenuKind.coffee.fits(item) && !nameWords.isDisjoint(with: Self.blackCoffeeNameWords)
        case .hot: item.tags.contains(.hot)
        }
    }

    /// What the kind was taken to mean, in the answer's words.
    var rule: String {
        switch self {
        case .sweet: "sweet (named for chocolate, caramel, spice, fruit or a cake)"
        case .savoury: "savoury (from the food range, nothing named for fruit or chocolate)"
        case .filling: "filling (a meal from the food range)"
        case .light: "not a meal"
        case .breakfast: "for breakfast (from the bakery, or porridge and breakfast tea)"
        case .snack: "a snack (from the bakery)"
        case .drink: "drinks"
        case .food: "food"
        case .coffee: "coffee"
        case .cold: "cold drinks"
        case .seasonal: "from the seasonal menu"
        case .strong: "strong (coffee with no milk: the menu lists no caffeine amounts)"
        case .black: "coffee with no milk"
        case .hot: "hot"
        }
    }

    /// "not sweet": a kind the shopper ruled out.
    var notRule: String {
        switch self {
        case .light: "not light"
        case .filling: "not a meal"
        default: "not \(rawValue)"
        }
    }
}
