/// The policies' own words for an ask, searched for too when the message shares none with them: "UPI chalega?" or
/// "kal mera order late aaya tha, refund milega?" was read as a payment or refund question, yet the retriever judged
/// every passage weak and the answer had no policy at all. The words are the retail vocabulary of the ask, not any
/// one chain's, and they are searched for lexically only (the message's vector would judge the passage weak again).
enum PolicyQuery {
    /// `trouble`: the message reports something gone wrong ("payment fail ho gaya but paisa kat gaya"), so the
    /// passage about what went wrong is searched for, not the ways to pay.
    static func words(for intent: Intent, trouble: Bool = false) -> String? {
        switch intent {
        case .payment where trouble: "failed declined payment charged twice pending"
        case .payment: "ways to pay payment accept"
        case .refund: "refund money back"
        case .orderStatus: "order tracking late delivery"
        case .orderChange: "change or cancel an order"
        case .receipt: "receipt invoice"
        case .loyalty: "loyalty points rewards"
        case .offers: "coupons promotions"
        case .dietary: "allergens dietary options"
        case .openNow: "opening hours"
        case .complaint: "problem with your order complaint"
        case .handoff: "contact customer care"
        default: nil
        }
    }

    /// The policies' words for a question the message's own words share too little with: whose a coupon is ("can my
    /// friend use my coupon?" names nothing of "Some coupons are personal: they are issued to your account").
    /// When a refund comes ("mera refund kab tak aayega?", "when will my refund come") names nothing of "We process an
    /// approved refund within 5 working days".
    /// A cup of one's own, for the discount the sustainability policy gives for it.
    static let ownCupWords = ["own cup", "reusable cup", "my cup", "keep cup", "keepcup", "bring a cup", "own mug",
                              "my mug", "apna cup"]

    static func words(forQuestion message: MessageWords, main: Intent) -> String? {
        if main == .offers && message.containsAny(CouponRuleAnswers.whoseWords) { return "personal coupons issued to your account" }
        // Points not added ("an order I forgot to log in for") name nothing of "Missing points".
        if main == .loyalty && message.containsAny(missingPoints) { return "points missing from a purchase claim" }
        // "Mera coupon kaam nahi kar raha" shares no word with "Why a coupon does not work".
        if main == .offers && message.containsAny(CouponRuleAnswers.troubleWords) { return "why a coupon does not work check" }
        // "How do I change my email adress": the account's details, not an order's ("Changing an order" shares the verb).
        if main == .policyQuestion && message.containsAny(["change", "changing", "update", "edit"])
            && message.containsAny(["email", "e mail", "phone number", "my name", "my details", "date of birth"]) {
            return "changing your details account page email address"
        }
        // "Does it work on delivery?" after a coupon: where coupons work, not the delivery fees.
        if main == .offers && message.containsAny(CouponRuleAnswers.channelWords) {
            return "coupons work on delivery and order ahead orders website till shops"
        }
        // "Can I bring my own cup and get a discount?": the policy's own discount, not the coupons.
        if main == .offers && message.containsAny(ownCupWords) { return "bring your own reusable cup off your drink" }
        // "Whens the gingerbread latte available till" shares only "available" with "while stocks last".
        if [.menu, .dietary].contains(main) && message.containsAny(ItemQuestionAnswers.untilWords) {
            return "seasonal drinks available while stocks last"
        }
        // "Delivery charge kitna hai" (how much is the delivery charge): its vector is far from the fee table's.
        // (Beside a refused rule override too: the fee is still asked.)
        if [.policyQuestion, .payment, .offers, .ruleOverride].contains(main), message.contains(phrase: "delivery"),
            message.containsAny(howMuchWords + ["charge", "charges", "fee", "fees"]) {
            return "delivery fees and minimum order fee"
        }
        // "Gift card kitne ka milta hai" (how much is a gift card): the amounts one can be loaded with.
        if main == .policyQuestion, message.containsAny(["gift card", "gift cards"]), message.containsAny(howMuchWords) {
            return "buying a gift card loaded with any amount"
        }
        // "Can I order for tomorrow morning?": a delivery scheduled ahead, not the hours after midnight.
        // (To collect it is ordering ahead: that policy's own words already find it.)
        if message.containsAny(orderAheadWords), !message.containsAny(["pickup", "pick up", "collect", "collection"]) {
            return "schedule a delivery for a later time days ahead slots"
        }
        // "I got charged the wrong amount": what was paid, and the difference refunded (not a wrong item received).
        if message.containsAny(["wrong amount", "charged more", "overcharged", "over charged", "charged too much",
                                "charged extra", "extra charge", "paid too much", "paid more", "charged me more"]) {
            return "charged the wrong amount refund the difference order total"
        }
        // "Can I use my points to pay for a gift card?": buying one, not paying with one.
        if message.contains(phrase: "gift card"), message.containsAny(["points", "coupon", "another gift card"]),
            message.containsAny(["pay for", "buy", "purchase", "get a gift card", "for a gift card"]) {
            return "buying a gift card cannot buy with loyalty points"
        }
        if main == .refund && OrderAnswers.asksWhenRefundComes(message) {
            return "approved refund within working days bank statement"
        }
        return nil
    }

    /// The policies' words for what went wrong with an order, as `ComplaintReader` names it ("missing"): "my delivery
    /// came without the coffee beans" shares more words with the packaging and returns passages than with the one
    /// on missing items.
    static func words(forProblem what: String) -> String? {
        switch what {
        case "missing": "missing item report"
        case "wrong": "wrong item received"
        case "spilled", "crushed", "squashed", "damaged": "damaged on arrival report"
        // An allergen found, or a reaction (`ComplaintKind.allergen`): what to do first.
        case "nuts", "peanuts", "sesame", "gluten", "dairy", "egg", "soy", "a reaction":
            "allergic reaction emergency services straight away"
        // States only a drink is in: the promise to make it again ("my cold brew was watery").
        case "watery", "weak", "lukewarm", "not hot enough", "bitter", "made without ice", "made with the wrong milk":
            "drink not right remake free of charge"
        default: nil
        }
    }

    /// A state denied, in the one word the policies' readers would use: "beans I didn't open" is "unopened" beans.
    /// Searched for as written, "open" met "Opened food … cannot be returned", the opposite of what was asked. A
    /// message with no such denial is returned as it was.
    static func negationsJoined(_ text: String) -> String {
        var words = MessageWords.fold(text)
        let original = words
        let negations: Set<String> = ["didnt", "havent", "hasnt", "not", "never", "wasnt", "werent"]
        // Past states only: "the shop is not open" and "can I not use my points" deny nothing about goods.
        let states = ["opened": "unopened", "used": "unused", "worn": "unworn"]
        for index in words.indices.dropFirst() where negations.contains(words[index - 1]) || (index >= 2
            && negations.contains(words[index - 2]) && ["been", "even", "yet"].contains(words[index - 1])) {
            let past = words[index] == "open" && words[index - 1] == "didnt" ? "opened" : words[index]
            guard let state = states[past] else { continue }
            words[index] = state
            // The denial is in the state's word now: "didn't open" → "unopened", "haven't even used" → "unused".
            let from = negations.contains(words[index - 1]) ? index - 1 : index - 2
            for denial in from..<index { words[denial] = "" }
        }
        return words == original ? text : words.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// "How much", in the shopper's words.
    static let howMuchWords = ["cost", "costs", "price", "how much", "kitna", "kitne", "kitni", "cuanto", "cuesta"]

    /// An order placed now for later: "can I order for tomorrow", "pre-order for Monday".
    static let orderAheadWords = ["order for tomorrow", "order for later", "order for next", "order for monday",
                                  "order for the morning", "order in advance", "advance order", "pre order", "preorder",
                                  "schedule an order", "schedule a delivery", "schedule my order", "schedule delivery",
                                  "order ahead for", "deliver tomorrow", "delivery tomorrow", "delivered tomorrow",
                                  "deliver it tomorrow", "delivery for tomorrow", "kal ke liye order"]

    /// Points that never came: forgotten, missing, not added.
    static let missingPoints = ["missing", "forgot", "forgotten", "didnt get", "didnt add", "not added", "never got",
                                "not showing", "havent got", "wasnt logged in", "not logged in", "without logging in",
                                "nahi mile", "nahi aaye"]

    /// Words that start a second ask in the same message ("…, also how long do refunds take").
    private static let clauseStarts = ["also", "and also", "plus", "btw", "by the way", "oh and", "another thing"]

    /// Two questions in one message, split where the second starts: "whats the minimum for delivery and how long does
    /// it take" → ("whats the minimum for delivery", "how long does it take delivery"). A second one that leans back
    /// ("it", "they", "that") gets the first one's content words, so it is searched for about the same thing. `nil`
    /// when there is one question, or a part too short to be one.
    static func twoQuestions(in text: String) -> (first: String, second: String)? {
        let words = MessageWords(text).words
        guard let split = words.indices.dropFirst(2).first(where: { index in
            words[index - 1] == "and" && secondQuestionStarts.contains(words[index])
        }) else { return nil }
        let first = Array(words[..<(split - 1)]), second = Array(words[split...])
        guard first.count >= 3, second.count >= 3 else { return nil }
        let leansBack = second.contains { ["it", "they", "them", "that", "those"].contains($0) }
        let subject = leansBack ? PolicyExcerpt.contentWords(first.joined(separator: " ")).sorted() : []
        return (first.joined(separator: " "), (second + subject).joined(separator: " "))
    }

    private static let secondQuestionStarts: Set<String> = [
        "how", "what", "whats", "when", "where", "which", "who", "why", "can", "could", "do", "does", "is", "are", "will",
        "would", "should", "kya", "kab", "kitna", "kitne",
    ]

    /// The last clause of a message with more than one ("my order was missing the beans, also how long do refunds
    /// take?" → "how long do refunds take"), when it has words enough to be an ask of its own; `nil` otherwise.
    static func lastClause(of text: String) -> String? {
        let sentences = text.split(whereSeparator: { ".?!;\n".contains($0) }).map { MessageWords(String($0)) }
            .filter { !$0.words.isEmpty }
        var last = sentences.last?.words ?? []
        var split = sentences.count > 1
        // Inside one sentence: from the last word that starts a second ask.
        let joined = " " + last.joined(separator: " ") + " "
        for start in clauseStarts {
            guard let range = joined.range(of: " \(start) ", options: .backwards) else { continue }
            let tail = joined[range.upperBound...].split(separator: " ").map(String.init)
            if !tail.isEmpty, tail.count < last.count { last = tail; split = true }
        }
        return split && last.count >= 3 ? last.joined(separator: " ") : nil
    }
}
