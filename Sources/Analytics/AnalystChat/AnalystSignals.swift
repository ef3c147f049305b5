import Foundation

/// Two signals that are not cue sums: a request for a shopper's identity (refused whatever else is asked), and a
/// question leaning on the previous turn.
enum AnalystSignals {
    /// Words that ask for contact details or identity. "email" alone is not one ("a retention email" is a campaign);
    /// "address" only as a noun ("their address", not "how do we address churn").
    static let personalPhrases: [[String]] = ["phone", "phone number", "addresses", "email address", "email addresses",
        "emails of", "e mail address", "contact details", "personal data", "customer table", "full name",
        "full names", "their names", "customer names", "names and email", "date of birth", "home address",
        "mobile number"].map(AnalystWords.phrase)

    static func asksForPersonalData(_ text: String, _ question: AnalystWords) -> Bool {
        if personalPhrases.contains(where: question.contains) { return true }
        for index in question.words.indices.dropFirst() where question.words[index].text == "address" {
            if ["the", "their", "her", "his", "home", "postal", "email", "mailing", "street"]
                .contains(question.words[index - 1].text) { return true }
        }
        // A person's contact detail: "Ava's email", "Maria's phone".
        let possessive = try? NSRegularExpression(pattern: "\\b\\w+['’]s\\s+(e-?mail|phone|address|number)\\b",
                                                  options: [.caseInsensitive])
        let range = NSRange(text.startIndex..., in: text)
        return possessive?.firstMatch(in: text, range: range) != nil
    }

    static let smallTalkWords: Set<String> = ["hi", "hello", "hey", "thanks", "thank", "you", "cheers", "morning",
                                              "good", "afternoon", "evening", "ta", "great", "ok", "okay", "bye"]
    static let customerWords: Set<String> = ["segment", "customer", "group", "cohort", "churn", "clv", "value",
                                             "shopper", "buyer", "spender", "rfm", "cluster"]

    /// Nothing but greetings and thanks.
    static func isSmallTalk(_ question: AnalystWords) -> Bool {
        !question.words.isEmpty && question.words.allSatisfy { smallTalkWords.contains($0.text) }
    }

    /// Phrases asking how a figure moves over time ("is churn getting worse?", "has CLV gone up since last quarter?").
    /// The snapshots hold one as-of date, so an answer to such a question must say it shows no movement.
    static let changePhrases: [[String]] = [
        "getting worse", "getting better", "get worse", "get better", "trend", "trending", "over time", "rising",
        "falling", "increasing", "decreasing", "going up", "going down", "gone up", "gone down", "went up",
        "went down", "growing", "shrinking", "improving", "worsening", "since last", "than last", "compared to last",
        "month on month", "year on year", "changed", "change since",
    ].map(AnalystWords.phrase)

    static func asksAboutChange(_ question: AnalystWords) -> Bool {
        changePhrases.contains { question.contains($0) }
    }

    static func isAboutCustomers(_ question: AnalystWords) -> Bool {
        question.words.contains { customerWords.contains($0.stem) }
    }

    /// Words at the start that carry nothing ("ok", "right", "hmm").
    static let fillers: Set<String> = ["ok", "okay", "right", "hmm", "hm", "so", "well", "alright", "cool", "great",
                                       "thanks", "nice", "oh", "ah"]

    /// Words pointing back at what was just discussed.
    static let backReferences: Set<String> = ["their", "it", "them", "they", "that", "there", "those", "its", "these"]

    /// How strongly the question leans on the previous turn (0 when it does not), and which way.
    struct FollowUp: Sendable {
        var score: Double = 0
        /// "the other one", "the second one", "the first one".
        var pointsAtOther = false
        var pointsAtSecond = false
        var pointsAtFirst = false
        /// A bare "why?" / "why is that?".
        var bareWhy = false
        /// A short question with "it", "them", "their"… and no segment of its own.
        var pointsBack = false
    }

    static func followUp(_ question: AnalystWords, namesSegment: Bool) -> FollowUp {
        var result = FollowUp()
        var words = question.words.map(\.text)
        while let first = words.first, fillers.contains(first) { words.removeFirst() }
        let short = words.count <= 8
        let joined = " " + words.joined(separator: " ") + " "
        func has(_ phrase: String) -> Bool { joined.contains(" \(phrase) ") }
        if words.first == "and" && short { result.score += 2 }
        if joined.hasPrefix(" what about ") || joined.hasPrefix(" how about ") || joined.hasPrefix(" and what about ")
            || joined.hasPrefix(" and how about ") {
            result.score += 3
        } else if has("what about") || has("how about") {
            result.score += 2
        }
        if has("same for") || has("same thing for") { result.score += 3 }
        if has("same story") || has("that makes sense") { result.score += 1.5 }
        if words.last == "also" || words.last == "too", short { result.score += 1 }
        result.pointsAtOther = has("other one") || has("the other") && !namesSegment
        result.pointsAtSecond = has("second one") || has("the second") && !namesSegment
        result.pointsAtFirst = has("first one")
        if result.pointsAtOther || result.pointsAtSecond || result.pointsAtFirst { result.score += 3.5 }
        let bare: Set<[String]> = [["why"], ["why", "is", "that"], ["why", "so"], ["how", "come"], ["why", "though"],
                                   ["but", "why"], ["and", "why"], ["why", "is", "it"]]
        if bare.contains(words) { result.bareWhy = true; result.score += 5 }
        if !namesSegment, words.count <= 10, words.contains(where: backReferences.contains) {
            result.pointsBack = true
            result.score += 1
        }
        return result
    }
}
