@testable import ConciergeCore
import Testing

/// The complaint rule (a complaint is the main concern wherever it appears, unless the message is plainly a question
/// with a passing remark) and what a complaint is about, read by fixed word lists.
@Suite("Complaints: which ask leads, and what the complaint is about")
struct ComplaintCareTests {
    let understanding = ShopperUnderstanding(vocabulary: .empty)

    @Test(arguments: [
        "my croissant was stale yesterday, also is lakeside open now?",
        "is lakeside open now? my croissant yesterday was stale",
        "the barista was rude to me, is the shop open tomorrow?",
        "the table was dirty",
        "I waited 20 minutes at soho",
    ])
    func aComplaintLeadsWhereverItAppears(_ message: String) {
        #expect(understanding.read(message).primary == .complaint, "\(message)")
    }

    @Test(arguments: [
        "is lakeside open now? the music was a bit loud last time but no big deal",
        "is the cafe open now? the queue was long but never mind",
    ])
    func aPassingRemarkLeavesTheQuestionFirst(_ message: String) {
        #expect(understanding.read(message).primary == .openNow, "\(message)")
    }

    @Test func theRuleItself() {
        let question = MessageWords("is it open? the croissant was stale")
        #expect(ComplaintLead.leads(question, text: "is it open? the croissant was stale", complaintCue: true))
        // A question that sounds unhappy but names nothing gone wrong stays the question it asks.
        #expect(!ComplaintLead.leads(question, text: "is it open? the croissant was stale", complaintCue: false))
        let statement = MessageWords("my croissant was stale")
        #expect(ComplaintLead.leads(statement, text: "my croissant was stale", complaintCue: false))
        let passing = MessageWords("is it open? it was a bit slow but no big deal")
        #expect(!ComplaintLead.leads(passing, text: "is it open? it was a bit slow but no big deal", complaintCue: true))
    }

    @Test(arguments: [
        ("the barista was rude to me", ComplaintKind.staff, "was rude to you" as String?, nil as String?),
        ("el camarero fue muy grosero conmigo", .staff, "was rude to you", nil),
        ("I waited 20 minutes at soho this morning", .wait, nil, "this morning"),
        ("the toilets at night owl were filthy", .cleanliness, "the toilets", nil),
        ("the table was dirty", .cleanliness, "the table", nil),
        ("the music at lakeside was way too loud", .surroundings, "the music", nil),
        ("it was freezing cold inside night owl yesterday", .surroundings, "the temperature inside", "yesterday"),
        ("nowhere to sit at soho this morning", .surroundings, "finding a seat", "this morning"),
        ("I left my umbrella at lakeside yesterday", .lostProperty, "umbrella", "yesterday"),
        ("dejé mi paraguas en lakeside ayer", .lostProperty, "umbrella", "yesterday"),
        ("mera phone lakeside pe reh gaya", .lostProperty, "phone", nil),
        ("my croissant was stale yday", .quality, "stale", "yesterday"),
        ("mi café de ayer llegó frío", .quality, "cold", "yesterday"),
    ])
    func whatTheComplaintIsAbout(_ message: String, kind: ComplaintKind, what: String?, when: String?) {
        let facts = ComplaintReader.read(message, shopNamed: false)
        #expect(facts == ComplaintFacts(kind: kind, what: what, when: when), "\(message)")
    }

    @Test func losingIsLostPropertyOnlyInAShop() {
        // "I lost my card" may be anywhere (a gift card, a bank card); with a shop named it is lost property.
        #expect(ComplaintReader.read("I lost my card", shopNamed: false) == nil)
        #expect(ComplaintReader.read("I lost my card at lakeside", shopNamed: true)?.kind == .lostProperty)
    }

    @Test func aMessageWithNothingOfTheKindHasNoReading() {
        #expect(ComplaintReader.read("the app keeps logging me out", shopNamed: false) == nil)
        #expect(ComplaintReader.read("where is my order?", shopNamed: false) == nil)
    }

    @Test func aPhoneLeftBehindIsNotAWishToBePhoned() {
        #expect(!understanding.read("mera phone lakeside pe reh gaya").contains(.handoff))
        #expect(!understanding.read("I left my phone at the cafe").contains(.handoff))
    }
}
