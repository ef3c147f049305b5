/// The cue phrases behind the rule half of `ShopperUnderstanding`, with weights. A weight of 1 or more decides on
/// its own; smaller weights need company ("open" alone is weak, "open now" is not). Cues are folded words (see
/// `MessageWords`), and include the Spanish and Hinglish that shoppers of this chain write.
enum IntentCues {
    struct Cue: Sendable {
        var phrase: String
        var weight: Double
    }

    static func cues(for intent: Intent) -> [Cue] {
        table[intent] ?? []
    }

    private static func strong(_ phrases: String...) -> [Cue] { phrases.map { Cue(phrase: $0, weight: 1.5) } }
    private static func weak(_ phrases: String...) -> [Cue] { phrases.map { Cue(phrase: $0, weight: 0.6) } }
    /// Phrases that look like the intent's cues but mean something else ("a cold drink" is not "I'm cold").
    /// Question frames ("do you have…") that say a menu question is coming but should not lead over a specific ask.
    private static func frame(_ phrases: String...) -> [Cue] { phrases.map { Cue(phrase: $0, weight: 0.9) } }
    private static func not(_ phrases: String...) -> [Cue] { phrases.map { Cue(phrase: $0, weight: -1.5) } }

    private static let table: [Intent: [Cue]] = [
        .comfortCold: strong("freezing", "chilly", "frozen", "shivering", "warm up", "something warm", "warm me up",
                             "something hot", "hot drink", "im cold", "so cold", "its cold", "cold outside", "soaked",
                             "tengo frio", "thand lag", "thand hai", "bahut thand", "br", "brr", "brrr", "hace frio", "hace un frio", "numb",
                             "arctic", "brass monkeys", "calentito", "calientito", "frozen solid", "teeth chattering",
                             // Under the weather: something warm, not medicine (no health claims are made).
                             // ("cough" alone would also match "couch" and "dough", one letter away.)
                             "sore throat", "a cough", "my cough", "bad cough", "coughing", "under the weather",
                             "got a cold", "have a cold",
                             // Rain: something warm ("whats good for a rainy day").
                             "rainy day", "raining", "pouring down", "lluvia", "llueve", "baarish",
                             "caught a cold", "the flu", "gala kharab", "gala dukh", "resfriado", "dolor de garganta")
            + weak("cold", "warm", "winter", "rain", "raining", "pouring", "snow", "windy", "wet")
            + not("cold drink", "cold drinks", "something cold", "cold brew", "arrived cold", "was cold", "cold when",
                  "went cold", "stone cold", "cold coffee", "is cold", "were cold", "came cold"),
        .comfortThirsty: strong("kuch thanda", "thanda", "thandi", "thirsty", "boiling", "so hot", "im hot", "too hot", "cool down", "something cold",
                                "cold drink", "refreshing", "parched", "iced", "heatwave", "sweltering", "tengo sed",
                                "garmi", "pyaas", "pyas", "cool me down", "something cool", "thirst", "melting", "coldest",
                                "kuch thanda", "calor", "dying of thirst", "dry mouth", "drier", "ice cold")
            + weak("heat", "sunny", "hot outside", "sweating", "hot day", "cold")
            // "Thand hai" is the cold a shopper feels ("it's cold"), not a cold drink ("thanda").
            + not("thand hai", "thand lag", "thand lagi", "bahut thand"),
        .comfortHungry: frame("lunch", "breakfast", "brunch", "dinner")
            + strong("hungry", "starving", "snack", "peckish", "something to eat",
                               "quick bite", "grab and go", "quick to grab", "to grab", "famished", "tengo hambre",
                               "hambre", "bhook", "bhuk", "khana", "grab something", "filling",
                               "missed lunch", "skipped lunch", "stomach")
            + weak("eat", "bite", "food", "cake", "pastry", "quick", "grab", "train") + not("food allergy"),
        .comfortTired: strong("tired", "sleepy", "exhausted", "knackered", "need coffee", "caffeine fix", "wake up",
                              "pick me up", "energy", "need a coffee", "cansado", "cansada", "neend aa", "thak", "drained",
                              "long night", "no sleep", "zombie", "running on empty", "boost", "stay awake",
                              "falling asleep", "eyelids", "jet lag", "jet lagged", "keep me awake", "keep me upright",
                              "hours of sleep")
            + weak("coffee", "long day", "monday", "caffeine", "early"),
        .menu: frame("do you have", "do you sell", "do you do", "tienen", "hay", "milega", "milta hai")
            + strong("tell me about", "menu", "what do you have", "recommend", "suggest", "what comes in", "come in", "colours", "colors",
                      "difference between", "hw much", "how much", "whats the difference",
                      "whats good", "what should i get", "how much is", "how much does", "price of", "whats in",
                      "what is in", "sizes", "oat milk", "best seller", "whats new", "seasonal", "specials",
                      "coffee without milk", "black coffee", "coffee with no milk", "hot or cold", "served hot", "served cold",
                      // A kind of thing wanted ("anything sweet for under 3 quid"): read as off-topic on cues alone.
                      "anything sweet", "something sweet", "anything savoury", "something savoury", "anything savory",
                      "something savory", "a treat",
                      // The same in Hinglish and Spanish ("mujhe kuch meetha chahiye" was off-topic).
                      "kuch meetha", "meetha chahiye", "meetha kuch", "kuch meethi", "algo dulce",
                      // The strongest coffee is a question about the menu, not a feeling ("strongest" has no data
                      // of its own: `MenuKind.strong`).
                      "strongest coffee", "strongest drink")
            + weak("price", "cost", "options", "have", "sell", "drinks", "pastries", "cakes")
            + not("how much is delivery", "how much for delivery", "price of delivery")
            // "Gift card kitne ka milta hai": what a gift card is loaded with is the policy's, not a menu price.
            + not("gift card", "gift cards")
            // Comparing two items and asking whether a thing is sold, as shoppers type it ("diff b/w", "do u sell",
            // "milte hai", "¿venden…?", "diferencia entre").
            + strong("diff", "diffrence", "vs", "versus", "diferencia", "do u sell", "do u have", "do u hav", "u sell",
                     "venden", "milte hai", "milte", "bechte", "take home",
                     // Which of two items costs less is a question about their prices, not about deals.
                     "which is cheaper", "whats cheaper", "what is cheaper", "which one is cheaper", "more expensive",
                     "which costs less", "costs less",
                     // A drink wanted, in Spanish ("quiero un cafe sin leche"): "cafe" is the drink here, not the shop.
                     // The price, in Hinglish ("kitne ka hai?", "iska rate kya hai").
                     "kitne ka", "kitne ki", "kitne ke", "kitna ka", "rate kya", "price kya", "daam",
                     "quiero un cafe", "cafe sin", "cafe con", "sin leche", "con leche", "quiero un te",
                     "me pones"),
        .offers: strong("offer", "offers", "deal", "deals", "discount", "discounts", "coupon", "coupons", "promo",
                        "voucher", "vouchers", "promotion", "promotions", "sale", "cheaper", "code", "codes",
                        "descuento", "descuentos", "oferta", "ofertas", "cupon", "cupones", "promo code", "freebie",
                        "anything free", "money off", "percent off", "off on")
            + not("which is cheaper", "whats cheaper", "what is cheaper", "which one is cheaper")
            + weak("save", "free", "savings", "apply", "use that one", "that code"),
        .orderStatus: strong("where is my", "wheres my", "wher is my", "wer is my", "is my ordr", "wheres my ordr", "tracking", "track", "delivered", "arrive",
                             "eta", "where is it", "wheres it", "left the shop", "in transit", "package", "parcel", "my stuff", "still waiting", "not here yet",
                             "not arrived", "hasnt arrived", "on its way", "is it ready", "ready yet",
                             "order status", "kahan hai", "kab aayega", "kab aayegi", "kab tak",
                             "donde esta", "no ha llegado", "llega", "courier", "rider", "driver")
            + weak("order", "how long", "waiting", "late", "delivery", "ready", "pedido", "status", "my order", "arrived", "mi pedido"),
        .orderChange: strong("change my order", "change the address", "change address", "change my address",
                             "wrong address", "cancel my order", "cancel", "cancel it", "add to my order",
                             "change the time", "pickup time", "modify", "edit my order", "update my address",
                             "different address", "deliver to", "change it", "swap", "switch", "instead of",
                             "remove", "cancelar", "cambiar", "address change", "new address", "change pickup",
                             "collect it later", "collect later", "cancle", "change my delivery", "change the delivery",
                             "delivery time", "chnage", "stop the order", "stop my order",
                             "schedule my order", "switch my pickup", "adress", "make it", "galti se",
                             // Changing what is in an order, or where it goes, in the shopper's words.
                             "to my order", "in my order", "edit", "by mistake", "no longer want", "dont send",
                             "do not send", "move it to", "go there instead", "fix it", "change karna", "cancel karna",
                             "anadir", "a mi pedido", "wrong flat number", "wrong postcode")
            + weak("change", "address", "update", "add") + not("address of")
            // The account's own details, not where an order goes.
            + not("email address", "email adress", "change my email", "update my email", "my phone number",
                  "change my name", "my details", "account details", "date of birth"),
        .refund: strong("refund", "refunds", "refunded", "money back", "return", "returns", "exchange", "reimburse",
                        "compensation", "paisa wapas", "paise wapas", "reembolso", "devolucion", "devolver",
                        "credit back", "get my money", "replacement", "replace it", "remake", "dosh back", "mony back",
                        "my money", "store credit", "refund me",
                        // A drink made again is a replacement ("can I get another one free?").
                        "another one free", "free replacement", "make it again", "make another", "remade", "redo it")
            + weak("back", "credit", "return it"),
        .complaint: strong("lukewarm", "stale", "burnt", "rude", "spilled", "spilt", "leaked", "leaking", "disgusting",
                           "not happy", "disappointed", "soggy", "watery", "wrong drink", "wrong item", "wrong order",
                           "missing", "was cold", "arrived cold", "cold when", "went cold", "stone cold", "complain",
                           "complaint", "tasted", "tastes", "hair in", "undercooked", "mouldy", "moldy", "forgot",
                           "not what i ordered", "queja", "kharab", "bad service", "terrible", "awful", "gross",
                           "inedible", "bitter", "sour", "came cold", "minutes late", "mins late", "never turned up",
                           "never showed up", "only got", "chipped", "pani jaisa", "bekaar", "tapa rota", "llego frio", "is cold", "were cold", "cold coffee", "squashed",
                           "crushed", "damaged", "broken", "never arrived", "rubbish",
                           // Something that never came with the order.
                           "came without", "arrived without", "delivered without", "left out",
                           // Made otherwise than asked.
                           "but i asked for", "but i ordered",
                           // A drink made too weak or too strong.
                           "too weak", "was weak", "so weak", "too strong", "barely warm", "not hot enough",
                           "ice nahi tha", "had no ice", "came with no ice", "wrong milk", "had dairy", "dairy milk in",
                           "normal milk in", "regular milk in",
                           // Service in a shop: staff, a wait, cleanliness.
                           "unfriendly", "grosero", "grosera", "dirty", "filthy", "sucio", "sucia", "waited",
                           "took forever", "long wait")
            + weak("bad", "wrong", "poor", "horrible", "cold", "late")
            // Cold coffee wanted, not one that came cold: "cold coffee hai kya bina nuts ke?".
            + not("cold coffee hai", "cold coffee milega", "cold coffee milegi", "any cold coffee", "a cold coffee",
                  "cold coffee please", "cold coffee without", "want cold coffee", "want a cold coffee",
                  "is there cold coffee", "do you have cold coffee", "you have cold coffee", "ek cold coffee",
                  "cold coffee kitne", "cold coffee kitna", "cold coffee kitni", "cold coffee ka", "cold coffee ki",
                  "cold coffee price", "cold coffee cost", "much is cold coffee", "much is the cold coffee"),
        .payment: strong("charged twice", "double charged", "charged me twice", "card declined", "declined",
                         "payment", "payments", "pay with", "pay by", "paid", "apple pay", "google pay", "cash",
                         "contactless", "transaction", "billing", "overcharged", "charged", "upi", "paytm",
                         "pending charge", "cobraron", "cobro", "pago", "bank", "amex", "visa", "mastercard",
                         "split the bill", "payment failed", "pay", "chraged", "debit card", "credit card", "two times", "do baar", "dos veces",
                         // Asking whether a way to pay is taken, in the shopper's words.
                         "paypal", "klarna", "gpay", "take card", "take cards", "accept card", "accept cards",
                         "aceptan tarjeta", "aceptan tarjetas", "con tarjeta", "pagar con", "card chalega")
            + not("in charge")
            + weak("card", "money", "bill"),
        .receipt: strong("receipt", "receipts", "invoice", "invoices", "vat", "proof of purchase", "expense",
                         "expenses", "recibo", "factura", "bill copy", "tax invoice", "gst", "invioce", "recipt", "reciept",
                         "proof of purchase")
            + weak("bill", "copy"),
        // How busy a shop is: the answer says it can't see that, then its hours.
        .openNow: strong("busy right now", "busy now", "is it busy", "how busy", "crowded", "open now", "still open", "opening hours", "opening times", "closing time", "when do you close",
                         "when do you open", "open late", "open today", "open tomorrow", "hours", "what time",
                         "are you open", "is it open", "open on", "open at", "close at", "closes", "opens",
                         "abierta", "abierto", "horario", "khula", "khuli", "band hai", "open till", "open until", "open til", "open untill",
                         "shut", "doing business", "open for business", "ouvert", "band hota", "kitne baje")
            + not("hours of sleep", "hour lecture", "hours sleep", "hours ago", "an hour", "hours late")
            + weak("open", "close", "closed", "closing", "tonight", "late"),
        .nearest: strong("nearest", "closest", "near me", "nearby", "around here", "directions", "how far",
                         "which shop", "which store", "where is the shop", "where is the store", "find a shop",
                         "find a store", "near", "close to", "cerca", "mas cercana", "paas", "nazdeek", "nearest one",
                         "walking distance", "get there", "address of", "location", "locations", "where are you", "walk to",
                         "one of yours", "near here", "shop in", "store in", "wher is")
            // "wher is my ordr" asks where an order is, not a shop. "Aapke paas … hai?" is "do you have…?".
            + not("wher is my", "wer is my", "aapke paas", "apke paas", "aap ke paas", "tumhare paas")
            + weak("store", "shop", "cafe", "walk", "branch", "place", "somewhere"),
        .loyalty: not("gift card") + strong("points", "loyalty", "rewards", "reward", "stamps", "balance", "puntos",
                         "membership", "tier", "redeem", "club", "regular", "free drink")
            + weak("member", "earn"),
        .dietary: strong("can i eat", "can i have the", "safe for me", "ok for me", "okay for me", "is it safe", "vegan", "vegetarian", "dairy", "lactose", "nut", "nuts", "allergy", "allergic", "allergen",
                         "allergens", "gluten", "coeliac", "celiac", "plant based", "halal", "kosher", "jain", "ingredients", "egg",
                         "eggs", "soy", "soya", "sesame", "peanut", "peanuts", "intolerant", "intolerance",
                         "alergia", "alergico", "sin gluten", "vegano", "vegana", "safe for", "contain", "contains",
                         "eggless", "calories", "sugar free", "keto", "decaf", "dairy free", "nut free",
                         "descafeinado", "descafeinada", "decaffeinated", "caffeine free", "without caffeine",
                         // What is in an item is its recipe: "what's in the Caramel Frappé?", "how much caffeine".
                         "whats in", "what is in", "what goes in", "made with", "how much caffeine", "caffeine in",
                         "how much sugar")
            + weak("milk", "safe", "free from", "veg"),
        .policyQuestion: strong("how long do you keep", "chat history", "chat messages", "my messages", "store my", "keep my data", "delete my data", "policy", "policies", "terms", "privacy", "my data", "gift card", "gift cards",
                                "accessibility", "wheelchair", "am i allowed", "dogs", "dog", "pets", "password",
                                "account", "log in", "login", "delete my", "reusable cup", "sustainab", "recycl",
                                "delivery area", "deliver to my area", "do you deliver", "delivery fee", "do you do delivery",
                                "change my email", "update my email", "new email address", "change my phone number",
                                "update my phone number", "change my name", "update my details", "change my details",
                                "change my date of birth", "account details",
                                "do u do delivery", "do you do deliveries", "is there delivery", "offer delivery",
                                "do you guys deliver", "do u deliver", "do yall deliver", "you guys deliver",
                                "can you deliver to", "deliver in my area", "deliver here", "deliver out to",
                                // Ordering ahead in general, not changing an order already placed.
                                "schedule an order", "schedule a delivery", "schedule delivery", "order ahead",
                                "pre order", "preorder", "order in advance", "order for tomorrow", "order for later",
                                "delivery charge", "minimum order", "how much is delivery", "how much for delivery",
                                "delivery cost", "cost of delivery", "price of delivery", "charge for delivery", "wifi", "toilet", "toilets", "parking", "jobs",
                                "gdpr", "click and collect", "franchise",
                                // How the chain works, in words no policy title uses.
                                "fairtrade", "fair trade", "ethically", "sourced", "thermos", "flask", "own cup",
                                "high chair", "high chairs", "baby changing", "laptop", "plastic", "straws", "vacancies",
                                "apply for a job", "reset link", "cuenta", "mi cuenta", "perro", "tarjetas regalo",
                                "are you a bot", "are you a robot", "are you human", "unsold", "food waste",
                                // How delivery works in general, not where one order is.
                                "delivery usually", "delivery normally", "delivery hoti",
                                "hacen entregas", "what happens if im not in", "deliver late", "delivery stop",
                                // Account tasks, done on the account page.
                                "two step", "2 step", "2fa", "two factor", "authenticator", "verification",
                                "download my data", "log out everywhere", "sign out everywhere")
            + weak("rules", "allowed", "how do i", "can i", "how does"),
        .handoff: strong("human", "real person", "a person", "agent", "speak to", "talk to", "manager",
                         "customer service", "customer care", "call me", "call back", "callback", "representative",
                         "escalate", "someone", "somebody", "staff member", "supervisor", "live chat", "persona",
                         "hablar con", "insaan", "kisi se baat", "baat karni", "ring me", "phone me",
                         "contact you", "contact someone", "get in touch", "tlk to", "persn", "in charge", "put me through",
                         "human being", "not a bot", "instead of a bot")
            + weak("call", "phone", "complain")
            // A phone left behind in a shop is lost property, not a wish to be phoned.
            + not("left my phone", "lost my phone", "forgot my phone", "reh gaya", "reh gayi", "chhut gaya")
            // Someone described ("good for someone who can't…", "a gift for somebody") is not a person asked for.
            + not("for someone", "for somebody", "someone who", "somebody who"),
        .ruleOverride: strong("ignore previous", "ignore all", "ignore your", "disregard", "system prompt",
                              "your instructions", "you are now", "developer mode", "jailbreak", "pretend you",
                              "act as", "reveal", "print your prompt", "override", "forget your", "new instructions",
                              "admin mode", "debug mode", "other customers", "another customer", "sudo",
                              "your rules", "repeat the text above", "hidden prompt", "ur rules", "ignor", "ur promt", "your promt",
                              "your prompt", "the prompt", "ur prompt", "show prompt",
                              "bhool jao", "repeat everything", "above this line", "word for word", "hidden instructions",
                              "im the developer", "user system", "disable your", "admin password", "pretend youre",
                              "no questions asked", "pretend", "to every order", "to all orders", "approve a full"),
        .offTopic: strong("weather", "netflix", "bitcoin", "stock tips", "stocks", "prime minister", "capital of",
                          "capitol", "homework", "cover letter", "joke", "sunset", "dentist", "dentists", "pub",
                          "football", "movie", "router", "president", "election", "poem", "algebra", "translate"),
        .greeting: strong("hello", "hi", "hey", "hiya", "good morning", "good evening", "good afternoon", "hola",
                          "namaste", "yo", "howdy", "buenos dias", "buenas"),
        .thanks: strong("thanks", "thank you", "thank u", "thx", "ty", "cheers", "ta", "gracias", "shukriya",
                        "dhanyavad", "appreciate", "thankyou", "tysm", "bye", "goodbye", "see ya", "see you",
                        "thats all", "perfect thanks", "great thanks", "all good", "got it", "adios", "thnx", "thanx",
                        "dhanyavaad", "im off")
            + weak("great", "perfect", "awesome", "brilliant", "lovely", "ok", "okay", "cool", "nice"),
    ]
}
