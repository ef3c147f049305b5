import Foundation

/// "Is Chelsea Roasters open on Christmas Day?": the shops' status today does not answer it; the policy's sentence
/// for that holiday does ("Christmas Day: all shops are closed."), quoted instead of the status. Found among the
/// passages retrieved, so a chain whose policy says nothing about a holiday gets nothing invented (and today's status
/// is said, as before). `ContextBuilder` keeps it in `PromptContext.holidayHours`, which the answer and the next
/// step both use.
enum HolidayHours {
    /// Phrases a shopper names a holiday by, longest first, with the words the policy's sentence must hold.
    private static let holidays: [(phrases: [String], words: [String])] = [
        (["christmas eve", "xmas eve"], ["christmas", "eve"]),
        (["new years eve", "new year eve", "nye"], ["new", "eve"]),
        (["christmas day", "xmas day", "christmas", "xmas", "25 december", "25th december", "dec 25", "navidad"],
         ["christmas", "day"]),
        (["bank holiday", "bank holidays", "bank hol"], ["bank", "holidays"]),
        (["boxing day"], ["boxing", "day"]),
        (["easter"], ["easter"]),
    ]

    static func sentence(_ context: PromptContext, message: String) -> String? {
        let words = MessageWords(message)
        guard let holiday = holidays.first(where: { words.containsAny($0.phrases) }) else { return nil }
        return OfferedSentence.quote(naming: holiday.words, in: context.policies)
    }
}
