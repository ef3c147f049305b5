import Foundation

/// Complaints answered as a Customer Care agent would: an apology that names what happened (the item, the order,
/// the shop, when), then what the chain does about that kind of problem according to its policies, with the real
/// route to a person. Every fact is from the context (`ComplaintFacts`, `CareFacts`, the orders), so the answer
/// passes the grounding check; the offer of a person is the hand-off the chat really makes.
enum ComplaintAnswers {
    static func answer(_ context: PromptContext) -> [String] {
        if context.complaint?.kind == .allergen { return allergen(context) }
        guard let complaint = context.complaint, complaint.kind.isAboutAVisit else { return quality(context) }
        return complaint.kind == .lostProperty ? lostProperty(context, complaint) : visit(context, complaint)
    }

    /// Food or a drink: sorry for what was wrong with it; then, if it was an order, its reporting window; otherwise
    /// the window for deliveries and where a shop purchase goes; then the policy's passage on reporting.
    static func quality(_ context: PromptContext) -> [String] {
        var parts = [apology(context)]
        if let missing = OrderAnswers.notFound(context) { return parts + [missing] }
        let window = context.care.reportFreshProblemsWithin
        let named = context.slots.order != nil || context.orderLookup?.found == true
        // "Refund on my last order, the chai was too sweet" when that order had no chai: said, and the order's
        // windows are not given as if they were about it.
        // Only an item named whole ("Chai Latte"): a word for a kind ("coffee") may be any line of it.
        if named, let order = NextStepPlanner.focus(context), let item = context.slots.item, item.first?.isUppercase == true,
            !order.items.localizedCaseInsensitiveContains(item) {
            parts.append("I can't see a \(item) in \(order.id) (\(order.items)).")
            if !window.isEmpty {
                parts.append("Problems with fresh food or drinks from a delivery can be reported within \(window) of "
                    + "delivery; for something bought in a shop, the team there can help.")
            }
        } else if named, let order = NextStepPlanner.focus(context) {
            if order.status == "delivered", !window.isEmpty {
                parts.append("Problems with fresh food or drinks can be reported within \(window) of delivery or "
                    + "collection, and we put them right with a refund or a replacement.")
            }
            parts += order.status == "delivered" ? OrderAnswers.refundWindow(order)
                : Array(OrderAnswers.status(context).prefix(1))
            // "A refund for yesterday's order, the muffin was dry" about an order still shown as on its way: its
            // status, and what the chain does about food that was not right all the same.
            if order.status != "delivered", !window.isEmpty, context.complaint?.kind == .quality {
                parts.append("Problems with fresh food or drinks can be reported within \(window) of delivery or "
                    + "collection, and we put them right with a refund or a replacement.")
            }
        } else if !window.isEmpty, context.slots.item != nil || context.complaint?.kind == .quality {
            // No order of theirs named, but food or drink: the window that applies to any delivery, and where a shop
            // purchase goes. (Not for a login problem: "the app keeps logging me out" got it.)
            parts.append("Problems with fresh food or drinks from a delivery can be reported within \(window) of "
                + "delivery; for something bought in a shop, the team there can help.")
        }
        // The passage on reporting a problem, not the first one retrieved: with another ask in the message ("…also is
        // Lakeside open now?") the first is often about that ask.
        // Of those, the first naming what was wrong ("missing"), else the first retrieved. (Ranked by how many of
        // the words each shares, "how long to report a missing item?" got the damaged-items passage.) A passage on
        // wrong or missing items ("tell us within 48 hours": two of the words) is quoted for those; for food that was
        // dry or cold it takes three.
        // Something damaged on the way ("my muffin was squashed") likewise: its passage ("report it within 48 hours")
        // is about how to report, in few of the words.
        let wrongOrMissing = ["wrong", "missing", "squashed", "crushed", "spilled", "damaged", "broken"]
            .contains(context.complaint?.what ?? "wrong")
        let loose = PolicyAnswers.cite(context, limit: context.policies.count, answering: reportingWords,
                                       minimumOverlap: 2)
        let reporting = wrongOrMissing ? loose
            : PolicyAnswers.cite(context, limit: context.policies.count, answering: reportingWords, minimumOverlap: 3)
        let what = PolicyExcerpt.contentWords(context.complaint?.what ?? "")
        // By the passage's own words, not its source: "[… > Damaged or missing items > Wrong item received]" names
        // "missing" too.
        let naming = Set(PolicyAnswers.cite(context, limit: context.policies.count, answering: what.joined(separator: " "),
                                            minimumOverlap: 1))
        // A drink that was not right ("my cold brew was watery"), with no order named: the promise to make it again
        // is what to do about it (the passage on milk and ice only shared its words).
        let promise = named || !isDrink(context.slots.item) ? nil : drinkPromise(context)
        let best = promise ?? reporting.first(where: naming.contains) ?? reporting.first
        // No passage on reporting among those retrieved: the best one retrieved, as before, unless it is one on
        // another kind of problem (a wrong item's "tell us within 48 hours" for a dry muffin would mislead).
        return parts + (best.map { [$0] } ?? PolicyAnswers.cite(context, limit: 1).filter { !loose.contains($0) })
    }

    /// Words of drinks' names and of the drinks shoppers name ("my coffee", "the matcha").
    static let drinkWords: Set<String> = ["latte", "tea", "brew", "espresso", "white", "cappuccino", "chocolate",
                                          "lemonade", "smoothie", "frappe", "coffee", "drink", "matcha", "chai",
                                          "americano", "mocha", "cortado", "macchiato", "juice", "cocoa"]

    static func isDrink(_ item: String?) -> Bool {
        guard let item else { return false }
        return !Set(MessageWords.fold(item)).isDisjoint(with: drinkWords)
    }

    /// The retrieved passage that promises a drink made again ("…we will remake it free of charge"), cited.
    static func drinkPromise(_ context: PromptContext) -> String? {
        context.policies.first { policy in
            let words = PolicyExcerpt.contentWords(policy.excerpt)
            return words.contains("drink") && !words.isDisjoint(with: ["remake", "remade", "replace", "replacement"])
        }.map { "\($0.excerpt) [\($0.source)]" }
    }

    /// Words of the policies' passages on what to do when something was wrong.
    static let reportingWords = "report problem hours photo quality replacement refund wrong missing damaged"

    /// "I'm sorry your Oat Flat White yesterday was lukewarm": the item (or the order) and what was wrong, as said.
    static func apology(_ context: PromptContext) -> String {
        let complaint = context.complaint?.kind == .quality ? context.complaint : nil
        let pointed = context.slots.order != nil && context.orderLookup?.found == true
        guard let subject = context.slots.item.map({ "your \($0)" }) ?? (pointed ? "your order" : nil) else {
            return "I'm sorry about that — that's not how it should be."
        }
        let when = complaint?.when.map { " \($0)" } ?? ""
        // "Gave me banana bread instead of the vegan one": what came, and what was ordered.
        if let ordered = complaint?.insteadOf, let got = context.slots.item, got.first?.isUppercase == true, got != ordered {
            return "I'm sorry you got the \(got)\(when) instead of your \(ordered) — that's not how it should be."
        }
        guard let what = complaint?.what else {
            return "I'm sorry about \(subject)\(when) — that's not how it should be."
        }
        let verb = isPlural(subject) ? "were" : "was"
        return "I'm sorry \(subject)\(when) \(verb) \(what) — that's not how it should be."
    }

    /// Service during a visit: sorry for what happened, the policy (Customer Care passes it to the shop's manager),
    /// and the person offered, with Customer Care's own routes.
    static func visit(_ context: PromptContext, _ complaint: ComplaintFacts) -> [String] {
        let at = context.slots.shop.map { " at \($0)" } ?? ""
        let when = complaint.when.map { " \($0)" } ?? ""
        let sorry = switch complaint.kind {
        case .staff: "I'm sorry a member of our team \(complaint.what ?? "let you down")\(at)\(when) — that's not "
            + "how anyone should be treated."
        case .wait: "I'm sorry you had such a long wait\(at)\(when) — that's not the service we want to give."
        case .surroundings: "I'm sorry \(complaint.what ?? "the shop")\(at)\(when) spoiled your visit — that's not how "
            + "it should be."
        default: cleanliness(complaint.what ?? "the shop", at: at, when: when)
        }
        let care = context.care
        // "The croissant was stale and the staff ignored me": the food is answered too, in a sentence of its own.
        var food: [String] = []
        if let wrong = complaint.foodToo, let item = context.slots.item {
            let window = care.reportFreshProblemsWithin
            food = ["Your \(item) should not have been \(wrong) either: for something bought in a shop, the team there "
                + "can put it right" + (window.isEmpty ? "." : "; from a delivery, report it within \(window).")]
        }
        return [sorry] + food + [
                "Customer Care passes every report about a visit to the shop's manager, who follows it up with the "
                    + "team.",
                "If you'd like, I can pass this conversation to Customer Care; a person replies here within "
                    + "\(care.replyWithin). You can also call \(care.phone) or e-mail \(care.email) (\(care.hours))."]
    }

    /// An allergen found or a reaction: safety first (the policy's sentence on a reaction), then how to report it; no
    /// window, no refund talk and nothing more to eat.
    static func allergen(_ context: PromptContext) -> [String] {
        let what = context.complaint?.what.flatMap { $0 == "a reaction" ? nil : $0 }
        let sorry = what.map { "I'm sorry — finding \($0) in something you're allergic to is serious." }
            ?? "I'm sorry — a reaction to something you ate with us is serious."
        let reaction = OfferedSentence.quote(naming: ["allergic", "reaction", "emergency"], in: context.policies)
        let report = OfferedSentence.quote(naming: ["allergen", "missing", "customer", "care"], in: context.policies)
        let care = context.care
        return [sorry] + [reaction, report].compactMap { $0 }
            + ["Customer Care can take the details on \(care.phone) or \(care.email) (\(care.hours)), or I can pass this "
                + "conversation to them; a person replies here within \(care.replyWithin)."]
    }

    /// "I'm sorry the toilets at Night Owl Coffee weren't clean".
    private static func cleanliness(_ thing: String, at: String, when: String) -> String {
        "I'm sorry \(thing)\(at)\(when) \(isPlural(thing) ? "weren't" : "wasn't") clean — that's not how it should be."
    }

    /// "toilets", "headphones", "keys" (the word lists' own plurals; "glass" is not one).
    private static func isPlural(_ thing: String) -> Bool { thing.hasSuffix("s") && !thing.hasSuffix("ss") }

    /// Something left behind: what the lost property policy says, where to ask, and Customer Care's routes.
    static func lostProperty(_ context: PromptContext, _ complaint: ComplaintFacts) -> [String] {
        let item = complaint.what ?? "belongings"
        let at = context.slots.shop.map { " at \($0)" } ?? ""
        let when = complaint.when.map { " \($0)" } ?? ""
        let counter = context.slots.shop ?? "the shop where you left it"
        let care = context.care
        let them = isPlural(item) ? "them" : "it"
        let sorry = "Sorry to hear you left your \(item) behind\(at)\(when) — I hope we can get \(them) back to you."
        return [sorry,
                "Our shops keep anything left behind for \(care.lostPropertyKeptFor): ask at the counter of "
                    + "\(counter), or contact Customer Care on \(care.phone) or \(care.email) (\(care.hours)) "
                    + "with the day and a description, and they will check with the shop for you."]
    }

    /// "…and where is my order?" next to a complaint: the order still to come, when it is not the one complained
    /// about (a complaint that names no order, "my cappuccino was cold, where is my order?", already gave its
    /// status), and not when the message names the complained-of order by its id: "ORD-… arrived cold" asks about no
    /// other order.
    /// Only when the shopper asks where an order is: "the flat white you delivered yesterday was cold" reads as
    /// about an order's status too, but asks nothing about the one still on its way.
    static func otherOrderStatus(_ context: PromptContext, message: String) -> [String] {
        let words = MessageWords(message)
        guard words.containsAny(["my order", "my delivery", "my other order", "mera order", "mi pedido"]),
            words.containsAny(["where", "wheres", "when", "status", "track", "kahan", "donde"]) else { return [] }
        let about = context.complaint?.kind.isAboutAVisit == true ? nil : NextStepPlanner.focus(context)?.id
        if let about, message.contains(about) { return [] }
        guard let order = context.orders.first(where: { OrderAnswers.pending.contains($0.status) && $0.id != about })
        else { return [] }
        var asked = context
        asked.orderLookup = OrderLookup(requested: order.id, found: true)
        return Array(OrderAnswers.status(asked).prefix(1))
    }

    /// The next step for a complaint about a visit: the person offered is the hand-off the chat makes.
    static func nextStep(_ context: PromptContext, _ complaint: ComplaintFacts) -> String {
        let shop = context.slots.shop ?? "the shop"
        return complaint.kind == .lostProperty
            ? "Next step: ask me to pass this to a person, and Customer Care will check with \(shop) for you."
            : "Next step: ask me to pass this to a person, and Customer Care will take it up with \(shop)."
    }
}
