import Foundation

/// "right now" → `now`; "at 9 tonight" → `21:00`; "tomorrow at 8am" → `tomorrow 08:00`; "on Sunday" → `sunday`.
enum TimeSlotReader {
    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    /// The same days in Spanish (accents folded), in the same order.
    private static let spanishWeekdays = ["lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo"]
    private static let nowPhrases = ["now", "right now", "rn", "at the moment", "currently", "atm", "ahora", "abhi",
                                     "still open", "open yet", "this minute", "maintenant", "abhi khula"]
    /// A bare "now" is a time asked about only next to whether something is open or ready ("is Lakeside open now?");
    /// in "give me my money back NOW" or "I'm heading to the office now" it is urgency or narration. "Right now", "at
    /// the moment" always name the time.
    private static let availability = ["open", "opened", "close", "closed", "closing", "closes", "ready", "available",
                                       "serving", "abierto", "abierta", "abiertos", "abren", "cierran", "khula", "khuli",
                                       "khulega", "band", "still", "working", "staffed", "busy", "queue", "ouvert",
                                       "doing business", "trading"]
    private static let evening = ["tonight", "pm", "evening", "p m", "noche", "raat", "night"]

    static func read(_ message: MessageWords, text: String = "") -> String? {
        let clock = clockTime(message, text: text)
        let tomorrow = message.containsAny(["tomorrow", "tmrw", "tmr", "tomorow", "2moro", "manana"])
            || hinglishTomorrow(message)
        if tomorrow { return clock.map { "tomorrow " + $0 } ?? "tomorrow" }
        if let clock { return clock }
        if let day = weekday(message) { return day }
        if message.containsAny(["just now", "are now", "you now", "now on", "from now"]) { return nil }
        if message.containsAny(nowPhrases.filter { $0 != "now" }) { return "now" }
        return message.contains(phrase: "now") && message.containsAny(availability) ? "now" : nil
    }

    /// Hinglish "kal" is tomorrow or yesterday: tomorrow when it asks whether a shop opens ("kal subah kitne baje
    /// khulta hai"), yesterday when it tells what happened ("kal wala order nahi aaya").
    private static func hinglishTomorrow(_ message: MessageWords) -> Bool {
        guard message.set.contains("kal") else { return false }
        if message.containsAny(["kal wala", "kal wali", "kal ka", "kal ki"]) { return false }
        let past: Set<String> = ["tha", "thi", "the", "aaya", "aayi", "gaya", "gayi", "kiya", "mila", "mili", "diya"]
        return message.set.isDisjoint(with: past) && message.containsAny(availability + ["khulta", "khulti", "kitne baje"])
    }

    /// A day named, also in the plural ("on Sundays") or in Spanish ("los domingos").
    private static func weekday(_ message: MessageWords) -> String? {
        for (index, day) in weekdays.enumerated() {
            let spanish = spanishWeekdays[index]
            if message.containsAny([day, day + "s", spanish, spanish + "s"]) { return day }
        }
        return nil
    }

    /// A clock time, made 24-hour with what the message says around it ("9 tonight", "9pm", "21:30", "at 7").
    private static func clockTime(_ message: MessageWords, text: String) -> String? {
        // A price ("£7.50") is not a time.
        let written = text.range(of: #"(?<![£$€₹\d.,])\b\d{1,2}[:.]\d{2}\b"#, options: .regularExpression) != nil
        if message.contains(phrase: "midnight") { return "00:00" }
        if message.containsAny(["noon", "midday"]) { return "12:00" }
        let words = message.words
        for (index, word) in words.enumerated() {
            var hour: Int?
            var minute = 0
            var attachedSuffix = ""
            let digits = word.prefix { $0.isNumber }
            guard !digits.isEmpty, digits.count <= 2, let value = Int(digits) else { continue }
            attachedSuffix = String(word.dropFirst(digits.count))
            if attachedSuffix.isEmpty, index + 1 < words.count, written || text.isEmpty {
                // "21:30" folds to "21 30", "9.45pm" to "9 45pm".
                let next = words[index + 1]
                let suffix = String(next.dropFirst(2))
                if next.prefix(2).allSatisfy(\.isNumber), let m = Int(next.prefix(2)), (0..<60).contains(m),
                    ["", "am", "pm"].contains(suffix) {
                    minute = m
                    attachedSuffix = suffix
                }
            }
            if ["am", "pm", "h", ""].contains(attachedSuffix) { hour = value } else { continue }
            let before = index > 0 ? words[index - 1] : ""
            let after = words.dropFirst(index + 1).prefix(minute > 0 ? 3 : 2).joined(separator: " ")
            let isTime = attachedSuffix == "am" || attachedSuffix == "pm" || minute > 0
                || ["at", "by", "around", "till", "until", "before", "after", "las", "baje"].contains(before)
                || after.hasPrefix("pm") || after.hasPrefix("am") || after.hasPrefix("tonight") || after.hasPrefix("oclock")
                || after.hasPrefix("baje") || after.hasPrefix("in the")
            let unit = words.dropFirst(index + 1).first ?? ""
            if ["hour", "hours", "hr", "hrs", "min", "mins", "minutes", "minute", "days", "day", "degrees", "x", "people"].contains(unit), minute == 0 {
                continue
            }
            guard isTime, var h = hour, (0...23).contains(h) else { continue }
            let context = attachedSuffix + " " + after
            if h < 12, evening.contains(where: { context.contains($0) }) || message.contains(phrase: "tonight") {
                h += 12
            } else if (1...6).contains(h), attachedSuffix != "am", !after.hasPrefix("am"), !message.containsAny(["morning", "manana", "subah"]) {
                // Shops open in the morning: a bare 5:30 is the afternoon.
                h += 12
            } else if (7...11).contains(h), ["till", "until", "til"].contains(before), attachedSuffix.isEmpty,
                !after.hasPrefix("am"), !message.containsAny(["morning", "manana", "subah"]) {
                // "Open till 9" is a closing time: the evening.
                h += 12
            } else if h == 12, attachedSuffix == "am" || after.hasPrefix("am") {
                h = 0
            }
            return String(format: "%02d:%02d", h, minute)
        }
        return nil
    }
}

/// How the shopper feels, when it is not neutral. Frustration (with us or the chat) outranks a complaint about a
/// product, which outranks thanks: "thanks for nothing" is not gratitude.
enum SentimentReader {
    private static let frustration = ["useless", "ridiculous", "not helping", "not helpful", "unhelpful", "stupid",
                                      "waste of time", "third time", "3rd time", "again and again", "fed up", "wtf",
                                      "annoyed", "frustrated", "frustrating", "unacceptable", "pathetic",
                                      "seriously", "thanks for nothing", "isnt helping", "not helping at all", "this is a joke", "what a joke", "are you even", "you dont understand",
                                      "not listening", "already told you", "asked twice", "keep asking", "bakwas",
                                      "pointless", "hopeless", "furious", "angry", "sick of", "inutil"]
    private static let complaint = ["lukewarm", "stale", "burnt", "burned", "wrong", "missing", "rude", "spilled",
                                    "spilt", "leaked", "leaking", "terrible", "awful", "disgusting", "not happy",
                                    "disappointed", "disappointing", "never arrived", "soggy", "watery", "bitter",
                                    "cold when", "was cold", "arrived cold", "tasted", "tastes", "gross", "hair",
                                    "undercooked", "raw", "mouldy", "moldy", "complain", "complaint", "bad service",
                                    "broken", "damaged", "poor", "inedible", "sour", "late again", "declined", "twice", "two times", "do baar",
                                    "dos veces", "cobraron", "never showed up", "never turned up", "never came", "didnt come through",
                                    "didnt go thru", "didnt go through", "not come through", "still nothing", "chipped", "dry as",
                                    "only got", "charged for", "charged me", "pani jaisa", "bekaar", "is late", "was late",
                                    "minutes late", "mins late", "min late", "orders late", "so late", "very late",
                                    "running late", "una hora", "rota", "roto", "basically milk", "cold", "colder",
                                    "queja", "llego frio", "llego fria", "esta frio", "thanda tha", "twise", "kharab", "ganda", "charged twice",
                                    "double charged", "overcharged", "not what i ordered", "you forgot", "forgot the", "they forgot", "forgotten",
                                    "payment failed", "failed payment", "didnt work", "not working", "wont go through",
                                    "unfriendly", "grosero", "grosera", "dirty", "filthy", "sucio", "sucia", "waited",
                                    "took forever", "long wait"]
    private static let thanks = ["thanks", "thank you", "thank u", "thx", "ty", "cheers", "ta", "appreciate it",
                                 "appreciated", "gracias", "shukriya", "dhanyavad", "dhanyavaad", "thankyou", "tysm", "merci", "danke",
                                 "thnx", "thanx", "thnks", "bye", "goodbye", "thats all i needed"]

    static func read(_ text: String, _ message: MessageWords) -> Sentiment? {
        if message.containsAny(frustration) || shouts(text) { return .frustration }
        if message.containsAny(complaint.filter { $0 != "cold" && $0 != "colder" }) { return .complaint }
        // "cold" is a complaint about a thing that should be hot ("coffee was cold"), not about the weather.
        if message.containsAny(["was cold", "were cold", "is cold", "came cold", "arrived cold", "went cold", "cold when", "was colder"]) {
            return .complaint
        }
        if message.containsAny(thanks) { return .thanks }
        return nil
    }

    /// Mostly capitals over a real sentence ("WHERE IS MY ORDER") reads as frustration.
    private static func shouts(_ text: String) -> Bool {
        let letters = text.unicodeScalars.filter { CharacterSet.letters.contains($0) }
        guard letters.count >= 12 else { return false }
        let upper = letters.filter { CharacterSet.uppercaseLetters.contains($0) }.count
        return Double(upper) / Double(letters.count) > 0.7
    }
}

/// A cheap guess at the language from function words: enough to know a message is Spanish or Hinglish (and to
/// read its cues), not a language identifier.
enum LanguageGuess {
    private static let spanish: Set<String> = [
        "el", "los", "las", "que", "por", "para", "mi", "mis", "es", "esta", "estan", "donde", "tienda", "pedido",
        "quiero", "tengo", "hola", "gracias", "puedo", "como", "cuando", "hay", "una", "con", "sin", "del", "tiene",
        "tienen", "abierta", "abierto", "cerca", "necesito", "mas", "muy", "pero", "porque", "hoy", "ayer", "manana",
        "cafe", "leche", "frio", "hambre", "cuanto", "cuesta", "reembolso", "cupon", "descuento", "puntos", "ustedes",
        "usted", "favor", "senor", "llego", "todavia", "aun", "nada", "algo", "bebida", "comida", "recibo", "factura",
        "veganas", "veganos", "opciones", "cobraron", "dos", "veces", "mismo", "hace", "calor", "frio", "tomar", "paso",
        "hora", "quisiera", "podria", "dime", "cual", "calentito", "ya", "tapa", "rota", "algun", "alguna",
        "y", "aceptan", "tarjeta", "tarjetas", "regalo", "caducan", "hacen", "entregas", "entrega", "horario", "bebidas",
        "frias", "servicio", "mal", "ignora", "tus", "dame", "gratis", "cierran", "vegano", "vegana", "lleva", "cambiar",
        "direccion", "pagar", "salio", "mucha", "mucho", "cafeina", "cansado", "cansada", "cansadisima", "magdalena",
        "frutos", "secos", "credito", "holaa", "buenas", "buenos", "dias", "tardes", "noches",
    ]
    private static let hinglish: Set<String> = [
        "hai", "kya", "mera", "meri", "mujhe", "kahan", "kab", "nahi", "nahin", "bhi", "karo", "kar", "chahiye", "kuch",
        "bhai", "yaar", "aap", "hain", "tha", "thi", "gaya", "gayi", "wala", "wali", "abhi", "raha", "rahi", "ka",
        "ki", "ke", "se", "mein", "bhook", "bhuk", "thand", "paisa", "paise", "jaldi", "accha", "acha", "theek", "haan",
        "kaise", "kitne", "kitna", "kyun", "kyu", "batao", "bata", "dena", "do", "lagi", "lag", "khana", "peena",
        "wapas", "milega", "milegi", "aaya", "aayi", "pe", "koi", "kisi", "baat", "hum", "humko", "apna", "apni",
        "mere", "bhej", "bhejo", "diya", "ye", "yeh", "bilkul", "pani", "jaisa", "bekaar", "apne", "saare", "bhool",
        "jao", "ji", "dhanyavaad", "baje", "hota", "namaste", "bahut", "thanda", "garmi", "aaj", "kal", "bataiye",
        "chahta", "chahti", "hoon", "hu", "tum", "aur", "lekin", "matlab", "kitni", "kaisa", "kaun", "kyunki",
        "kisko", "karte", "ho", "karun", "karna", "sabse", "nazdeek", "kaunsa", "chalega", "aayega", "tak", "hua",
        "neend", "bura", "haal", "ek", "liye", "wahan", "yahan", "kaha", "kab", "bhejna",
    ]
    private static let otherLanguages: Set<String> = [
        "je", "les", "est", "bonjour", "merci", "ich", "und", "nicht", "danke", "bitte", "ist", "wo", "ou", "avec",
        "habt", "ihr", "fur", "den", "der", "das", "hallo", "ouvert", "maintenant", "vous", "nous", "pour", "avez",
        "haben", "sie", "wie", "oder", "mit", "ein", "eine", "obrigado", "voce",
    ]
    /// Words that are ordinary English too and must not tip the balance alone.
    private static let sharedWithEnglish: Set<String> = ["do", "hai", "he", "me", "no", "a", "pe", "es", "mas", "con", "ka", "se",
                                                                 "ya", "die", "den", "hu", "ye", "sie", "ji", "mit", "ein",
                                                                 "ho", "ek", "mal", "y"]

    static func of(_ message: MessageWords, text: String = "") -> MessageLanguage? {
        if isMostlyNonLatin(message) { return .other }
        // Only Spanish opens a question or an exclamation upside down.
        if text.contains("¿") || text.contains("¡") { return .es }
        let words = message.words
        let es = words.filter { spanish.contains($0) && !sharedWithEnglish.contains($0) }.count
        let hi = words.filter { hinglish.contains($0) && !sharedWithEnglish.contains($0) }.count
            + words.filter { $0 == "hai" }.count
        let other = words.filter { otherLanguages.contains($0) }.count
        let best = max(es, hi, other)
        guard best >= 2 || (best == 1 && words.count <= 3) else { return nil }
        if es == best { return .es }
        if hi == best { return .hinglish }
        return .other
    }

    private static func isMostlyNonLatin(_ message: MessageWords) -> Bool {
        let scalars = message.words.joined().unicodeScalars.filter { CharacterSet.letters.contains($0) }
        guard scalars.count >= 4 else { return false }
        return scalars.filter { $0.value > 0x024F }.count * 2 > scalars.count
    }
}
