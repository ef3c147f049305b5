import Foundation

/// Spanish words for what the menus and the policies name (both are English), so "¿tienen leche de almendra?" is
/// read as "almond milk" (`AskedOffering.english`) and the policies are searched for it (`gloss`).
enum SpanishMenuWords {
    static let english: [String: String] = [
        "leche": "milk", "almendra": "almond", "almendras": "almond", "avena": "oat", "soja": "soya",
        "coco": "coconut", "cafe": "coffee", "te": "tea", "pan": "bread", "descafeinado": "decaf", "hielo": "ice",
        "azucar": "sugar", "galletas": "cookies", "galleta": "cookie", "pastel": "cake", "pasteles": "cakes",
        "tarta": "cake", "bocadillo": "sandwich", "bocadillos": "sandwiches", "zumo": "juice", "jugo": "juice",
        "agua": "water", "sopa": "soup", "ensalada": "salad", "chocolate": "chocolate", "magdalena": "muffin",
        "magdalenas": "muffins", "vegano": "vegan", "vegana": "vegan", "veganos": "vegan", "veganas": "vegan",
    ]

    /// How a wish is put ("sin leche" → "without milk"), beside the menu's words, for `phrased`.
    static let joining: [String: String] = ["sin": "without", "con": "with", "caliente": "hot", "dulce": "sweet",
                                            "barato": "cheap", "algo": "something"]

    /// The message word for word in English where its words are menu or wish words, in order, the rest left out:
    /// "quiero un cafe sin leche" → "coffee without milk", for the wish reader (which reads English).
    static func phrased(_ text: String) -> String {
        MessageWords.fold(text).compactMap { english[$0] ?? joining[$0] }.joined(separator: " ")
    }

    /// The English words for the Spanish ones in `text`, for the lexical half of policy retrieval: "¿tienen leche de
    /// almendra?" → "milk almond". Empty when there are none.
    static func gloss(_ text: String) -> String {
        MessageWords.fold(text).compactMap { english[$0] }.joined(separator: " ")
    }
}
