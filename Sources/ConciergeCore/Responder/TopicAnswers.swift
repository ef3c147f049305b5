import Foundation

enum ComfortAnswers {
    static func answer(_ intent: Intent, _ context: PromptContext) -> [String] {
        var parts = ShopAnswers.nearest(context)
        guard let item = context.suggestions.first else { return parts }
        let fit = switch intent {
        case .comfortCold: "should warm you up"
        case .comfortThirsty: "will cool you down"
        case .comfortHungry: "will keep you going"
        default: "will give you a lift"
        }
        parts.append("\(item.name) (\(item.price)) \(fit)\(ItemAnswers.dietNote(item, context)).")
        // "Something to eat and a cold drink": the second thing wanted is the second suggestion.
        if context.menu?.twoThings == true, context.suggestions.count > 1 {
            let other = context.suggestions[1]
            let note = ItemAnswers.dietNote(other, context).replacingOccurrences(of: " and is ", with: ", which is ")
            parts.append("To go with it: \(other.name) (\(other.price))\(note).")
        }
        if let coupon = context.coupons.first { parts.append(OfferAnswers.sentence(coupon)) }
        if ItemAnswers.hasAllergy(context) { parts.append(ItemAnswers.confirmWithStaff) }
        return parts
    }
}

/// Items asked about, answered from their own tags. Nothing is ever called "free from" an allergen: a recipe that
/// does not list one is said to not list it, and every allergy answer ends by asking the shopper to confirm with
/// staff (the allergens policy: shared kitchens, no guarantees).
enum ItemAnswers {
    static let confirmWithStaff = "Our kitchens handle common allergens, so please confirm with staff before you order."

    static func menu(_ context: PromptContext) -> [String] {
        if let item = context.item {
            guard let shop = item.shop, let price = item.price else {
                return ["I can't find \(item.name) on the menus of the shops near you."]
            }
            return ["\(item.name) is \(price) at \(shop)."] + (context.slots.diet.isEmpty ? [] : dietary(context))
        }
        // "What's on the menu, anything vegan?": the suggestions already fit the diet named; say so, as a dietary
        // answer does, instead of listing them as if any would do.
        if !context.slots.diet.isEmpty { return dietary(context) }
        // "Do you have oat milk?": whether we do, not a list of suggestions.
        if context.offering != nil { return OfferingAnswers.sentences(context) }
        guard let first = context.suggestions.first else {
            return ["I can't see a menu near you yet; set your location and I'll show what's on."]
        }
        let names = context.suggestions.map { "\($0.name) (\($0.price))" }.joined(separator: ", ")
        return ["At \(first.shop) you could try \(names)."]
    }

    static func dietary(_ context: PromptContext) -> [String] {
        // What the message names (not words of the item's own name: "gluten-free brownie"), plus the allergies and
        // diets on file: "is it safe for me?" is about the shopper's own.
        let asked = needs(context)
        if let item = context.item {
            guard item.shop != nil else {
                return ["I can't find \(item.name) on the menus near you, so I can't check it.", confirmWithStaff]
            }
            var parts: [String] = []
            // "Cold brew mein kitna caffeine hai?", "is the cold brew decaf?": whether it has caffeine, asked in so
            // many words (not a diet on file).
            if context.slots.diet.contains("caffeine") {
                parts.append(item.caffeine == true
                    ? "\(item.name) has caffeine; the menu doesn't say how much."
                    : "\(item.name) doesn't list caffeine in its recipe.")
            }
            let allergens = asked.filter { ["nuts", "dairy", "gluten", "egg", "soy", "sesame"].contains($0) }
            let present = allergens.filter(item.contains.contains)
            let absent = allergens.filter { !item.contains.contains($0) }
            if !present.isEmpty { parts.append("\(item.name) contains \(list(present, joinedBy: "and")).") }
            if !absent.isEmpty { parts.append("\(item.name) doesn't list \(list(absent)) in its recipe.") }
            if allergens.isEmpty, !item.contains.isEmpty {
                parts.append("\(item.name) lists \(list(item.contains, joinedBy: "and")) in its recipe.")
            }
            for diet in asked where ["vegan", "vegetarian"].contains(diet) {
                // "Is there soup today and is it vegan?": the item by name when no sentence before has named it.
                let subject = parts.isEmpty ? "\(item.name)\(item.price.map { " (\($0))" } ?? "") at \(item.shop ?? "")" : "It"
                parts.append(item.suits.contains(diet) ? "\(subject) is \(diet)." : "\(subject) isn't \(diet).")
            }
            if parts.isEmpty {
                let listed = item.contains.isEmpty ? "no common allergens" : list(item.contains, joinedBy: "and")
                parts.append("\(item.name) lists \(listed) in its recipe.")
            }
            return parts + [confirmWithStaff]
        }
        // "…and do they do decaf?": the policy's sentence on decaf answers it, whatever else fits.
        if asked.contains("caffeine"), let decaf = context.menu?.policy, context.menu?.caffeine == "avoid" {
            return [decaf] + (hasAllergy(context) ? [confirmWithStaff] : [])
        }
        let names = context.suggestions.map { "\($0.name) (\($0.price))" }
        // Caffeine named without saying which way ("caffeine?") is no diet to fit; avoiding it is `MenuAnswers`'.
        let diets = asked.filter { $0 != "caffeine" }
        let what = diets.isEmpty ? "" : " for " + list(diets.map(describe), joinedBy: "and")
        var parts: [String] = names.isEmpty
            ? ["I couldn't find an item on the nearest menu that fits\(what)."]
            : ["At \(context.suggestions[0].shop), \(names.joined(separator: ", ")) fit\(what)."]
        // The policy only when it answers more than the diet word itself (not the serving temperature).
        parts += PolicyAnswers.cite(context, limit: 1, answering: context.slots.diet.joined(separator: " ") + " allergy allergen",
                                    minimumOverlap: 1, websiteOnly: true)
        return parts + [confirmWithStaff]
    }

    /// The diets and allergens that matter for this message: what it names (not words of the item's own name:
    /// "gluten-free brownie"), then the allergies and diets on file.
    static func needs(_ context: PromptContext) -> [String] {
        let itemWords = Set(MessageWords.fold(context.item?.name ?? ""))
        var asked = context.slots.diet.filter { !itemWords.contains($0) }
        for need in context.shopper.dietary.map(Self.term) where !asked.contains(need) { asked.append(need) }
        return asked
    }

    /// Where the asked item goes against those needs: the allergens its recipe holds ("nuts" for an almond croissant
    /// asked about by a shopper with a nut allergy on file) and the diets it does not suit ("vegan").
    static func clashes(_ context: PromptContext) -> (allergens: [String], diets: [String]) {
        guard let item = context.item, item.shop != nil else { return ([], []) }
        let needs = needs(context)
        let allergens = needs.filter { ["nuts", "dairy", "gluten", "egg", "soy", "sesame"].contains($0) }
            .filter(item.contains.contains)
        let diets = needs.filter { ["vegan", "vegetarian"].contains($0) && !item.suits.contains($0) }
        return (allergens, diets)
    }

    /// "Is paneer sandwich veg?" for a shopper with a nut allergy: the one thing asked about is not listed and every
    /// item the answer offered in its place clashes, so none of them is the next step.
    static func askedThingClashes(_ context: PromptContext) -> (allergens: [String], diets: [String]) {
        guard let menu = context.menu, menu.asked.count == 1, let thing = menu.asked.first else { return ([], []) }
        let offered = thing.items + thing.alternatives
        guard !offered.isEmpty, offered.allSatisfy({ MenuAnswers.clash($0, context) != nil }) else { return ([], []) }
        let needs = needs(context)
        let allergens = AskedItemFinder.allergenTags.filter { tag in
            needs.contains(tag.1) && offered.contains { $0.tags.contains(tag.0.rawValue) }
        }.map(\.1)
        let diets = needs.filter { diet in
            ["vegan", "vegetarian"].contains(diet) && offered.contains { !$0.tags.contains(diet) && !$0.tags.contains("vegan") }
        }
        return (allergens, diets)
    }

    static func hasAllergy(_ context: PromptContext) -> Bool {
        context.shopper.dietary.contains { ["nut-allergy", "dairy-free", "gluten-free"].contains($0) }
    }

    /// "and is vegan" for diets an item really has; allergy needs are not turned into "free from" claims.
    static func dietNote(_ item: ItemFacts, _ context: PromptContext) -> String {
        let diets = context.shopper.dietary.filter { ["vegan", "vegetarian"].contains($0) && item.tags.contains($0) }
        return diets.isEmpty ? "" : " and is " + diets.joined(separator: ", ")
    }

    /// A profile's dietary flag as the diet term answers use.
    static func term(_ flag: String) -> String {
        switch flag {
        case "nut-allergy": "nuts"
        case "dairy-free": "dairy"
        case "gluten-free": "gluten"
        default: flag
        }
    }

    static func describe(_ term: String) -> String {
        switch term {
        case "nuts": "a nut allergy"
        case "dairy", "gluten", "egg", "soy", "sesame": "a \(term) allergy"
        default: "a \(term) diet"
        }
    }

    /// "nuts, dairy or gluten" for what is absent or avoided; "nuts, dairy and gluten" (`joinedBy: "and"`) for what
    /// a recipe holds: "contains nuts or dairy" would read as one of them.
    static func list(_ words: [String], joinedBy conjunction: String = "or") -> String {
        switch words.count {
        case 0: ""
        case 1: words[0]
        default: words.dropLast().joined(separator: ", ") + " \(conjunction) " + words.last!
        }
    }
}

enum OfferAnswers {
    static func offers(_ context: PromptContext) -> [String] {
        // A code the shopper typed: theirs to use here, or said plainly that it is not (whoever else's it may be).
        if let typed = context.slots.couponCode {
            if let coupon = context.coupons.first(where: { $0.code == typed }) { return [sentence(coupon)] }
            let others = context.coupons.prefix(1).map(sentence)
            return ["I can't find \(typed) among the coupons you can use near you."] + others
        }
        guard !context.coupons.isEmpty else { return ["You have no coupons you can use right now."] }
        // "Any deals on cold drinks?": the coupons for that, and only those; if none is, said so before the others.
        // A coupon for everything is for that too: after the ones made for it, or said to cover it when none is
        // ("None of your coupons is for food" next to "$5.00 off everything" read as a contradiction).
        if let named = context.slots.dealFor {
            let fitting = context.coupons.filter { $0.fitsAsk == true }
            let wide = context.coupons.filter { $0.fitsAsk != true && $0.coversEverything }
            if fitting.isEmpty, !wide.isEmpty {
                let codes = ItemAnswers.list(wide.prefix(2).map(\.code), joinedBy: "and")
                let verb = wide.count == 1 ? "covers" : "cover"
                return ["None of your coupons is just for \(named), but \(codes) \(verb) everything."]
                    + wide.prefix(2).map(sentence)
            }
            if fitting.isEmpty {
                return ["None of your coupons is for \(named)."] + context.coupons.prefix(2).map(sentence)
            }
            return (fitting.prefix(2) + wide.prefix(max(0, 2 - fitting.count))).map(sentence)
        }
        // Two in full; the others named with what they give, so none the shopper holds goes unmentioned.
        let others = context.coupons.dropFirst(2).map { coupon in
            let place = coupon.validAt == "all our shops" ? "" : " at \(coupon.validAt)"
            return "\(coupon.code) (\(coupon.discount) \(coupon.appliesTo)\(place))"
        }
        return context.coupons.prefix(2).map(sentence)
            + (others.isEmpty ? [] : ["You also have \(ItemAnswers.list(others, joinedBy: "and"))."])
    }

    static func sentence(_ coupon: CouponFacts) -> String {
        let minimum = coupon.minimumSpend.map { " on orders of \($0) or more" } ?? ""
        let place = coupon.validAt == "all our shops" ? "" : " at \(coupon.validAt)"
        return "\(coupon.code) gives \(coupon.discount) \(coupon.appliesTo)\(minimum)\(place) until \(coupon.validUntil)."
    }
}

enum PolicyAnswers {
    static let unknown = "I don't know that one from our policies, and I'd rather not guess."

    /// Whether a cited passage comes from a section about what is not done ("… > Items we cannot take back"), read
    /// from the context's own policies, not from the cited string.
    static func citesAnExclusion(_ cited: String, in context: PromptContext) -> Bool {
        context.policies.contains { policy in
            guard let section = policy.source.split(separator: ">").last, cited.hasSuffix("[\(policy.source)]")
            else { return false }
            return !Set(MessageWords.fold(String(section))).isDisjoint(with: ["cannot", "cant", "not", "dont", "never"])
        }
    }

    static func answer(_ context: PromptContext, message: String = "") -> [String] {
        // Two questions asked, each with its own passage first (`PolicyQuery.twoQuestions`): both are answered.
        if PolicyQuery.twoQuestions(in: message) != nil, context.policies.count > 1,
            context.policies[0].source != context.policies[1].source {
            return cite(context, limit: 2)
        }
        // A document's opening paragraph ("We deliver coffee… from your nearest shop") says the chain does it; the
        // section after it from the same document says how ("within 5 km"), so both are quoted.
        if let first = context.policies.first, !first.source.contains(">"), context.policies.count > 1,
            context.policies[1].source.hasPrefix(first.source + " >") {
            return cite(context, limit: 2)
        }
        let cited = cite(context, limit: 1)
        return cited.isEmpty ? [unknown] : cited
    }

    /// The passage of the best policy section that answers the question, with its source. With `minimumOverlap`,
    /// only a passage sharing that many content words with `message` is quoted.
    /// With `websiteOnly`, sentences about the chain's app are left out (for a passage quoted as an extra, where
    /// the rest still says something); a passage that is only about the app is then not quoted.
    static func cite(_ context: PromptContext, limit: Int, answering message: String = "", minimumOverlap: Int = 0,
                     websiteOnly: Bool = false) -> [String] {
        let asked = PolicyExcerpt.contentWords(message)
        return context.policies.prefix(limit).compactMap { policy in
            let excerpt = websiteOnly ? Self.websiteOnly(policy.excerpt) : policy.excerpt
            guard !excerpt.isEmpty,
                PolicyExcerpt.contentWords(excerpt).intersection(asked).count >= minimumOverlap else { return nil }
            return "\(excerpt) [\(policy.source)]"
        }
    }

    /// The excerpt without its sentences about the chain's app ("You can filter the menu in the app…"): shoppers
    /// here use the website, which has no app, so such a sentence sends them nowhere.
    static func websiteOnly(_ excerpt: String) -> String {
        guard excerpt.localizedCaseInsensitiveContains("the app") else { return excerpt }
        let sentences = excerpt.split(separator: ". ", omittingEmptySubsequences: true).map(String.init)
        let kept = sentences.filter { !$0.localizedCaseInsensitiveContains("the app") }
        guard !kept.isEmpty else { return "" }
        let joined = kept.joined(separator: ". ")
        return joined.hasSuffix(".") ? joined : joined + "."
    }
}
