// A public initialiser for the whole debug trace, so that tests and other modules can build one directly instead of
// decoding JSON. The entry types (`TraceChunk`, `TraceShop`, `TraceGuard`, `TraceTiming`) declare theirs in their
// bodies: an extension may not redeclare a struct's synthesised memberwise initialiser.

extension TurnTrace {
    /// A trace with every field given; a field left out stays empty (`nil`, or no notes), as in a stored trace
    /// that predates it.
    public init(
        intent: String? = nil, maskedPrompt: String? = nil, notes: [String] = [], answerSource: String? = nil,
        intentScores: [IntentReading.Score]? = nil, chunks: [TraceChunk]? = nil, shops: [TraceShop]? = nil,
        coupons: TraceCoupons? = nil, attempts: [LLMAttempt]? = nil, guardVerdict: TraceGuard? = nil,
        timings: [TraceTiming]? = nil, handoffSummary: String? = nil
    ) {
        self.init(intent: intent, maskedPrompt: maskedPrompt, notes: notes)
        self.answerSource = answerSource
        self.intentScores = intentScores
        self.chunks = chunks
        self.shops = shops
        self.coupons = coupons
        self.attempts = attempts
        self.guardVerdict = guardVerdict
        self.timings = timings
        self.handoffSummary = handoffSummary
    }
}
