import Foundation

/// What one shopper message says about wanting a person. Today `asksForPerson` is the intent classifier's
/// `handoff` and `frustrated` a phrase check (`HandoffTrigger.showsFrustration`); a better understanding step can fill
/// both without changing the decision.
public struct HandoffSignal: Hashable, Sendable {
    public var asksForPerson: Bool
    public var frustrated: Bool

    public init(asksForPerson: Bool, frustrated: Bool) {
        self.asksForPerson = asksForPerson
        self.frustrated = frustrated
    }

    /// Whether the message counts towards "repeated frustration".
    public var counts: Bool { asksForPerson || frustrated }
}

/// When a conversation goes to Customer Care: pure, so that it is tested on its own and fed by any understanding step.
public enum HandoffTrigger {
    /// Clear signs of frustration, matched case-insensitively as whole words.
    public static let frustrationPhrases = ["useless", "ridiculous", "not helping", "third time"]

    /// Why this turn passes the conversation to Customer Care, or `nil`.
    ///
    /// - Parameters:
    ///   - current: this turn's message. Only a message that itself counts can trigger: frustration from long ago
    ///     does not re-open a hand-off on an unrelated question.
    ///   - earlier: the conversation's earlier shopper messages.
    /// - Returns: `.asked` when the message asks for a person; `.frustration` when it shows frustration and an
    ///   earlier message asked for a person or showed frustration too (two or more messages in all).
    public static func reason(current: HandoffSignal, earlier: [HandoffSignal]) -> HandoffReason? {
        if current.asksForPerson { return .asked }
        guard current.frustrated, earlier.contains(where: \.counts) else { return nil }
        return .frustration
    }

    /// Whether `text` asks how to reach Customer Care ("customer service phone number?", "customer care ka number do",
    /// "how do I contact you") without asking for a person to talk to or to call back: the number and the e-mail
    /// address answer it, and no hand-off is opened that nobody asked for.
    public static func asksOnlyForContactRoutes(_ text: String) -> Bool {
        let words = MessageWords(text)
        return routeWords.contains { words.contains(phrase: $0) } && !personWords.contains { words.contains(phrase: $0) }
    }

    static let routeWords = ["number", "phone", "email", "e mail", "mail id", "contact", "reach you", "reach u",
                             "get in touch", "helpline", "hotline", "numero", "teléfono", "telefono", "correo"]
    static let personWords = ["talk", "speak", "call me", "call back", "callback", "ring me", "phone me", "contact me",
                              "email me", "mail me", "text me", "message me", "reach me", "get back to me", "person",
                              "human", "agent",
                              "someone", "somebody", "anyone", "manager", "representative", "baat", "insaan", "persona",
                              "hablar", "llamen", "llamar"]

    /// Whether `text` contains one of `frustrationPhrases` as whole words ("useless", "NOT   helping"; not
    /// "uselessness").
    public static func showsFrustration(_ text: String) -> Bool {
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "'" })
        let normalised = " " + words.joined(separator: " ") + " "
        return frustrationPhrases.contains { normalised.contains(" " + $0 + " ") }
    }
}

/// How hand-off times and promises are written, the same in answers and on pages.
public enum HandoffWording {
    /// "15:02" when `date` is on the same local day as `now`, else "Fri 20 Nov 15:02".
    public static func when(_ date: Date, now: Date, timeZone: String) -> String {
        let clock = LocalTimeFormatter(timeZoneIdentifier: timeZone)
        let sameDay = LocalDay.string(for: date, timeZone: timeZone) == LocalDay.string(for: now, timeZone: timeZone)
        return sameDay ? clock.time(date) : clock.moment(date)
    }

    /// "2 working days", "1 working day".
    public static func replyWithin(workingDays: Int) -> String {
        "\(workingDays) working day\(workingDays == 1 ? "" : "s")"
    }
}
