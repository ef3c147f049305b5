import Foundation

/// When a complaint is the shopper's main concern. A message that reports something gone wrong is about that,
/// whatever else it asks and in whichever order ("my croissant was stale yesterday, also is Lakeside open now?", "is
/// Lakeside open? my croissant yesterday was stale"): a Customer Care agent answers the complaint first. The one
/// exception is a plain question with a passing remark, which the shopper marks as such ("is Lakeside open? the music
/// was a bit loud last time but no big deal").
enum ComplaintLead {
    /// - Parameter complaintCue: whether the message names what went wrong in words of its own ("stale", "rude", a
    ///   complaint cue that `ComplaintReader` also reads): a question read as complaining by its tone alone ("why is
    ///   it so late?"), or by a word that is not about us ("cant login forgot pasword"), stays the question it asks.
    static func leads(_ message: MessageWords, text: String, complaintCue: Bool) -> Bool {
        let opening = message.words.first ?? ""
        let statement = !ShopperUnderstanding.questionWords.contains(opening) && !text.contains("?")
        if statement { return true }
        return complaintCue && !message.containsAny(passingRemarks)
    }

    /// How shoppers say a complaint next to their question does not matter.
    static let passingRemarks = ["no big deal", "not a big deal", "never mind", "nevermind", "not complaining",
                                 "just saying", "no worries", "its fine", "it was fine", "not a problem", "no problem",
                                 "but anyway", "but whatever", "koi baat nahi", "no pasa nada", "no importa"]
}
