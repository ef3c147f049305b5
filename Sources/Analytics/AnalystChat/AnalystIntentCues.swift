/// Cue phrases per intent with weights: evidence that is added up, never a first-match rule (the trap of the
/// reference chatbots). Weights: 3 says the intent on its own ("prioritise", "compare", "why"), 2–2.5 nearly so,
/// 1–1.5 leans, below 1 only breaks ties. A word written `=word` must be spelled exactly (no plural folding).
/// Written from the tune split of set A; the holdout and set B are only scored.
enum AnalystIntentCues {
    static let table: [AnalystIntent: [(String, Double)]] = [
        .prioritise: [
            ("prioritise", 3), ("priority", 3), ("priorities", 3), ("focus", 2.5), ("first", 1),
            ("most important", 2.5),
            ("matter most", 2.5), ("matters most", 2.5), ("biggest opportunity", 3), ("most value", 2),
            ("value at risk", 2.5), ("go after", 2), ("bang for", 3), ("rank", 2.5), ("ranked", 2.5),
            ("put first", 2), ("bet", 1.5), ("protect revenue", 1.5), ("which one would", 1), ("most urgent", 2.5),
            ("where should", 1.5), ("which segment should", 1.5), ("act on", 1.5), ("work on", 1),
            ("most to lose", 2), ("could lose", 1.5), ("must", 0.5), ("most at stake", 2.5),
        ],
        .compare: [
            ("compare", 3), ("comparison", 3), ("vs", 3), ("versus", 3), ("side by side", 3), ("differ", 3),
            ("difference", 3), ("different", 1.5), ("delta", 2.5), ("contrast", 3), ("which is bigger", 2),
            ("which one is more", 2), ("who spends more", 2), ("against", 1.5), ("which is more", 2),
            ("which has more", 2), ("or", 0.3),
        ],
        .explain: [
            ("why", 3), ("how come", 3), ("reason", 3), ("explain", 3), ("what explains", 3), ("driving", 2.5),
            ("driver", 2.5), ("whats behind", 3), ("drives", 2), ("behind", 2), ("root cause", 3), ("cause", 2),
            ("understand why", 3),
            ("whats going on", 2), ("walk me through", 1.5), ("what makes", 1.5), ("so low", 1), ("so high", 1),
            ("so much", 0.5),
        ],
        .total: [
            ("total", 1.5), ("sum of", 1.5), ("overall", 1), ("altogether", 1), ("across all", 1), ("whole base", 1),
            ("chain wide", 1), ("all customers", 1), ("our customers", 0.5), ("do we have", 1),
        ],
        .campaign: [
            ("send", 3), ("campaign", 3), ("win back", 3), ("win them back", 3), ("play", 2.5), ("offer", 2),
            ("re engage", 3), ("reengage", 3), ("email", 2), ("message", 2), ("discount", 2), ("voucher", 2),
            ("next best action", 3), ("action", 2.5), ("what should we do", 3), ("what can we do", 3),
            ("what to do", 3), ("turn", 1), ("propose", 2), ("recommend", 1), ("reduce churn", 2), ("promo", 1),
            ("loyalty bonus", 2), ("incentive", 2), ("second time", 2), ("second purchase", 2), ("retention", 1),
            ("reach out", 1.5), ("nudge", 2), ("coupon", 2), ("do about it", 2), ("should it say", 1.5),
            ("what would you do", 3), ("how to turn", 2), ("how do we", 1), ("how we can", 1), ("bring back", 2.5),
        ],
        .behaviour: [
            ("interested", 3), ("interest", 3), ("when do", 2.5), ("what time", 3), ("hour", 2.5), ("category", 3),
            ("buy", 1.5), ("product", 2.5), ("like", 1), ("browse", 3), ("looking at", 2.5), ("look at", 2),
            ("favourite", 3), ("favorite", 3), ("tend to", 1.5), ("merchandising", 2), ("shop", 1.5),
            ("what kind of things", 2), ("buying", 1), ("day of week", 3), ("weekday", 2.5),
        ],
        .listSegments: [
            ("list", 2), ("=segments", 1.5), ("what =segments", 2), ("which =segments", 1.5), ("exist", 2.5),
            ("existing", 2.5), ("segment names", 2.5), ("all the =segments", 2), ("every segment", 2),
            ("overview", 2), ("split into", 3), ("segmentation", 2.5), ("what groups", 2.5), ("full list", 3),
            ("what are the =segments", 3), ("remind me", 1),
        ],
        .outOfScope: [
            ("poem", 3), ("joke", 3), ("weather", 3), ("capital", 2), ("translate", 3), ("password", 3),
            ("write me", 1.5), ("write the", 1.5), ("drop table", 4), ("select", 1), ("ignore your instructions", 4),
            ("ignore previous", 4), ("latte", 2), ("coffee", 2), ("recipe", 3), ("who are you", 2), ("football", 3),
            ("stock price", 2), ("intro paragraph", 2), ("song", 3), ("story", 1),
        ],
    ]

    static let compiled: [(AnalystIntent, [String], Double)] = table.flatMap { intent, cues in
        cues.map { (intent, AnalystWords.phrase($0.0), $0.1) }
    }.sorted { ($0.0.rawValue, $0.1.joined(separator: " ")) < ($1.0.rawValue, $1.1.joined(separator: " ")) }

    /// Summed cue weights per intent (each cue counted once).
    static func scores(_ question: AnalystWords) -> [AnalystIntent: Double] {
        var scores: [AnalystIntent: Double] = [:]
        for (intent, phrase, weight) in compiled where question.contains(phrase) {
            scores[intent, default: 0] += weight
        }
        return scores
    }
}
