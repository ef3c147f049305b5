/// What the concierge says when a shopper wants a person: only routes that exist.
enum HandoffAnswers {
    static func answer(_ context: PromptContext) -> [String] {
        ["I understand you'd like to talk to a person.",
         "Customer Care answers on \(context.care.phone) (\(context.care.hours)) and at \(context.care.email)."]
    }
}
