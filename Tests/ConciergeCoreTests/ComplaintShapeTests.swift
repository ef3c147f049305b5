@testable import ConciergeCore
import Testing

/// A complaint read from how it is put together, frustration from repeating oneself, and a report of something gone
/// wrong that asks after the order only when it says so — all without a model, so the rules are what is tested.
@Suite("Complaint shape and frustration cues")
struct ComplaintShapeTests {
    let understanding = ShopperUnderstanding(vocabulary: .empty)

    @Test(arguments: ["the toastie ws raw inside", "rider v rude today", "el muffin estaba duro",
                      "why was my sandwich soggy?", "chai ekdum thandi aayi", "soup cold"])
    func aThingToldInABadStateIsAReport(message: String) {
        #expect(ComplaintShape.reportedThing(in: MessageWords(message)) != nil, "\(message)")
    }

    @Test(arguments: ["I was so cold this morning", "is Lakeside open late?",
                      "will the croissant be stale by tomorrow?", "make that two flat whites",
                      "the coffee was not cold at all", "hungry and cold, soup?"])
    func aBadWordAboutNothingTheShopperGotIsNot(message: String) {
        #expect(ComplaintShape.reportedThing(in: MessageWords(message)) == nil, "\(message)")
    }

    /// A menu item named counts as the thing; a question about its state is not a report.
    @Test func aNamedItemIsTheThingButAQuestionAboutItIsNotAReport() {
        func thing(_ text: String, item: Set<String>) -> Int? {
            ComplaintShape.reportedThing(in: MessageWords(text), itemWords: item)
        }
        #expect(thing("the porridge was gluey and salty", item: ["porridge"]) == 1)
        #expect(thing("is the smoothie cold?", item: ["smoothie"]) == nil)
        #expect(thing("throat is so dry, water or something?", item: ["water"]) == nil)
    }

    @Test func theShapeAloneMakesAComplaintWithItsSentiment() {
        let reading = understanding.read("the toastie ws raw inside")
        #expect(reading.primary == .complaint && reading.slots.sentiment == .complaint)
        let cold = understanding.read("I'm so cold, anything warm nearby?")
        #expect(cold.primary == .comfortCold && cold.slots.sentiment == nil)
    }

    @Test func repeatingOneselfIsFrustration() {
        #expect(understanding.read("my latte was lukewarm again").slots.sentiment == .frustration)
        #expect(understanding.read("how many times do I have to ask where my order is").slots.sentiment == .frustration)
        #expect(understanding.read("my latte was lukewarm").slots.sentiment == .complaint)
        #expect(understanding.read("hi again").slots.sentiment == nil)
        #expect(understanding.read("card declined, can I try again with another card?").slots.sentiment == .complaint)
        #expect(understanding.read("my boss moved our meeting three times, any coupons today?").slots.sentiment == nil)
    }

    /// "It arrived 40 minutes late" reports; "where is it?" asks too.
    @Test func aReportAsksAfterTheOrderOnlyInWordsThatAsk() {
        #expect(understanding.read("my order arrived 40 minutes late").intents == [.complaint])
        #expect(understanding.read("the courier was rude and my tea was cold").intents == [.complaint])
        #expect(understanding.read("the courier was rude, where is my order?").contains(.orderStatus))
    }
}
