import ConciergeCore
import Foundation
import Testing

@Suite("Hand-off trigger and Customer Care replies")
struct HandoffTriggerTests {
    static let asks = HandoffSignal(asksForPerson: true, frustrated: false)
    static let upset = HandoffSignal(asksForPerson: false, frustrated: true)
    static let calm = HandoffSignal(asksForPerson: false, frustrated: false)

    @Test func askingForAPersonIsEnoughOnItsOwn() {
        #expect(HandoffTrigger.reason(current: Self.asks, earlier: []) == .asked)
        #expect(HandoffTrigger.reason(current: Self.asks, earlier: [Self.upset]) == .asked)
    }

    @Test func frustrationNeedsTwoMessagesThatCount() {
        #expect(HandoffTrigger.reason(current: Self.upset, earlier: []) == nil)
        #expect(HandoffTrigger.reason(current: Self.upset, earlier: [Self.calm, Self.calm]) == nil)
        #expect(HandoffTrigger.reason(current: Self.upset, earlier: [Self.calm, Self.upset]) == .frustration)
        #expect(HandoffTrigger.reason(current: Self.upset, earlier: [Self.asks]) == .frustration)
    }

    /// Old frustration does not pass a calm question on.
    @Test func aCalmMessageNeverTriggers() {
        #expect(HandoffTrigger.reason(current: Self.calm, earlier: [Self.upset, Self.upset, Self.asks]) == nil)
    }

    @Test(arguments: [
        ("This is useless", true), ("RIDICULOUS.", true), ("you're not   helping!", true),
        ("it's the third time I ask", true), ("third-time lucky?", true), ("where is my order?", false),
        ("uselessness", false), ("not helpful at all", false), ("helping hand", false), ("", false),
    ])
    func frustrationPhrasesAreWholeWords(text: String, expected: Bool) {
        #expect(HandoffTrigger.showsFrustration(text) == expected, "\(text)")
    }

    @Test func timesAreTodayOrDatedAndTheReplyTimeIsWorkingDays() {
        let now = Date(timeIntervalSince1970: 1_795_273_200)  // Sat 21 Nov 2026 15:00 UTC
        #expect(HandoffWording.when(now.addingTimeInterval(-3_600), now: now, timeZone: "Europe/London") == "14:00")
        #expect(HandoffWording.when(now.addingTimeInterval(-86_400), now: now, timeZone: "Europe/London")
                == "Fri 20 Nov 15:00")
        #expect(HandoffWording.replyWithin(workingDays: 2) == "2 working days")
        #expect(HandoffWording.replyWithin(workingDays: 1) == "1 working day")
    }

    @Test(arguments: [
        ("  Hello, we have refunded your order.\n\nBest, Sam  ", "Hello, we have refunded your order.\n\nBest, Sam"),
        ("Tabs\tand\r\nline breaks are fine", "Tabs\tand\r\nline breaks are fine"),
    ])
    func aReplyIsTrimmedAndKeepsItsLineBreaks(text: String, expected: String) throws {
        #expect(try CustomerCareDesk.validated(text) == expected)
    }

    @Test func emptyOverlongAndControlCharacterRepliesAreRefused() {
        #expect(throws: CareReplyError.empty) { try CustomerCareDesk.validated(" \n\t ") }
        #expect(throws: CareReplyError.tooLong(limit: 2_000)) {
            try CustomerCareDesk.validated(String(repeating: "a", count: 2_001))
        }
        for text in ["bell \u{07}", "nul \u{00} byte", "escape \u{1B}[31m", "del \u{7F}", "c1 \u{85} next line",
                     "reversed \u{202E}txet", "isolate \u{2066}x\u{2069}"] {
            #expect(throws: CareReplyError.controlCharacters, "\(text.debugDescription)") {
                try CustomerCareDesk.validated(text)
            }
        }
    }
}
