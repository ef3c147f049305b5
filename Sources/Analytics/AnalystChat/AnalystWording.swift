/// The fixed sentences of the analyst chat. None has a digit in it: the groundedness check would look for a metric
/// behind every number. Example questions and a name that is not a segment go in single quotes (‘…’): the check reads
/// a phrase in double quotes as a segment or metric name, and these are neither, so every fixed sentence passes it.
enum AnalystWording {
    static let personalData = "I can't give out a shopper's name, e-mail, phone or address: the analyst side works "
        + "with segments and pseudonymous ids only. Ask me for a segment's figures instead."

    static let outOfScope = "That is outside what I can help with here: I answer questions about customer segments, "
        + "their value, churn, behaviour and campaigns. Try ‘which segment should we prioritise?’."

    static let smallTalk = "Hello! Ask me about your customer segments: which to prioritise, how two compare, why a "
        + "figure is high, or what to send them."

    static let noHistory = "These figures describe one as-of date with no history, so they cannot say whether it is "
        + "rising or falling."

    static let notInSnapshots = "I can't answer that from the segment figures: they describe one as-of date (size, "
        + "net value, CLV, churn, order value, orders per customer, days since the last purchase, P(alive) and "
        + "interests), with no trends or individual customers. Try ‘which segment should we prioritise?’ or "
        + "‘compare Champions and At Risk’."

    /// Asks which segment, naming two real ones as examples. `reference` is what the question said instead
    /// ("segment 3", "vips"); a numbered one is not repeated, since its digit would be a number with no metric.
    static func whichSegment(examples: [SegmentSnapshot], reference: String? = nil) -> String {
        let names = examples.prefix(2).map { "\($0.name) (\($0.id))" }.joined(separator: " or ")
        let lead = switch reference {
        case let reference? where reference.contains(where: \.isNumber):
            "Segments go by name or id, not by number: which segment do you mean?"
        case let reference?: "There is no segment called ‘\(reference)’: which segment do you mean?"
        case nil: "Which segment do you mean?"
        }
        return names.isEmpty ? lead : lead + " For example \(names)."
    }

    /// "A, B and C".
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }
}
