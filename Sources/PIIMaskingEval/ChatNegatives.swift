import SeededRandom

/// Look-alikes of the chat spellings (issue 13) that must stay in clear: slashes that are fractions or short
/// dates, walking times next to street-type words, pack sizes, years, lower-case order lines with street words.
enum ChatNegatives {
    static func value(_ kind: NegativeKind, _ rng: inout SplitMix64) -> String {
        switch kind {
        case .fraction:
            rng.pick([
                "3/4 cup", "1/2 price", "24/7", "4/5 stars", "10/10", "2/3 full", "1/4 lb", "12/05", "05/12", "3/11",
                "page 3/12", "16/9", "\(rng.int(1...12))/\(rng.int(1...28))", "1 1/2 cups", "365/24/7",
            ])
        case .walk:
            rng.pick([
                "5 min walk", "10 minute walk", "2 min drive", "15 mins walk", "3 minute walk", "20 min bus ride",
                "5 min walk away", "1 hour drive", "10 min stroll", "2 mile loop", "5 km trail", "3 hour park",
            ])
        case .size:
            rng.pick([
                "250g", "500 ml", "1.5 l", "12 oz", "size 10", "750ml", "2 kg", "3 x 250g", "16oz", "1 lb", "200 g",
                "pack of 6", "4 pack", "12\" pizza",
            ])
        case .year:
            rng.pick(["since 2019", "in 2024", "2023", "back in 1998", "the 2025 menu", "class of 2010", "2026"])
        case .orderLine:
            rng.pick([
                "2 rocky road brownies", "3 milky way bars", "2 park lane mugs", "a 12 oz flat white",
                "4 way adapters", "1 rocky road and 2 lattes", "2 abbey road vinyls", "6 cake pops",
                "3 oat milk lattes", "2 large hot chocolates", "2 fifth avenue totes", "1 high street gift card",
            ])
        default:
            NegativeValues.value(kind, &rng)
        }
    }
}
