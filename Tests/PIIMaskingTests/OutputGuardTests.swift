import PIIMasking
import Testing

@Suite("Output guard")
struct OutputGuardTests {
    @Test func keepsTheShoppersOwnValuesAndIssuedPlaceholders() {
        var session = MaskingSession(profile: MaskingProfile(name: "Jane Doe"))
        _ = session.mask("I'm Jane Doe, jane@x.com")
        let report = OutputGuard().review("Hi <NAME_1>, we'll email <EMAIL_1> (jane@x.com).", session: session)
        #expect(report.isClean)
        #expect(report.text == "Hi <NAME_1>, we'll email <EMAIL_1> (jane@x.com).")
    }

    @Test func removesOtherPeoplesDataAndUnknownPlaceholders() {
        var session = MaskingSession()
        _ = session.mask("my email is jane@x.com")
        let answer = "Contact <EMAIL_1> or bob@y.com, call +44 7700 900999, card <CARD_3>, <PERSON_1>."
        let report = OutputGuard().review(answer, session: session)
        #expect(report.text == "Contact <EMAIL_1> or [removed], call [removed], card [removed], [removed].")
        #expect(report.removedPII == [.init(type: .email, count: 1), .init(type: .phone, count: 1)])
        #expect(report.unknownPlaceholders == ["<CARD_3>"])
        #expect(report.foreignPlaceholderCount == 1)
        #expect(!report.summary.contains("bob"))
        #expect(!report.summary.contains("7700"))
    }

    @Test func allowListedStoreNumbersStay() {
        let session = MaskingSession()
        let guardrail = OutputGuard(allowList: AllowList(phones: ["+44 20 7946 0000"]))
        let report = guardrail.review("Lakeside: 020 7946 0000, open until 22:00.", session: session)
        #expect(report.isClean)
    }

    /// A value quoted word for word from what the chain publishes (the policy passages the model was given) is no
    /// one's data; the same kind of value from anywhere else is still removed.
    @Test func valuesQuotedFromPublishedTextStay() {
        let session = MaskingSession()
        let policy = "Every order number starts with `ORD-` and eight letters and digits, for example `ORD-7K2M9QXA`."
        let answer = "Order numbers look like ORD-7K2M9QXA; yours is not ORD-ZZ99ZZ99."
        let report = OutputGuard().review(answer, session: session, published: [policy])
        #expect(report.text == "Order numbers look like ORD-7K2M9QXA; yours is not [removed].")
        #expect(OutputGuard().review(answer, session: session).text.hasPrefix("Order numbers look like [removed]"))
    }

    @Test func anotherConversationsPlaceholdersAreUnknownHere() {
        var other = MaskingSession()
        _ = other.mask("a@b.com c@d.com")
        var mine = MaskingSession()
        _ = mine.mask("e@f.com")
        let report = OutputGuard(replacement: "").review("<EMAIL_1> <EMAIL_2>", session: mine)
        #expect(report.text == "<EMAIL_1> ")
        #expect(report.unknownPlaceholders == ["<EMAIL_2>"])
    }
}

@Suite("Detector sharing")
struct DetectorSharingTests {
    /// A chain-wide allow-list is prepared once; another profile or extra allowed values reuse it.
    @Test func aSharedAllowListBehavesLikeOneBuiltForTheProfile() {
        let stores = PIIDetector(allowList: AllowList(phones: ["+44 20 7946 0101"]))
        let profile = MaskingProfile(name: "Ava Thompson", phone: "+44 7700 900123")
        let text = "Ava Thompson here, call +44 7700 900123 or the cafe on 020 7946 0101"
        let shared = stores.with(profile: profile).matches(in: text)
        let fresh = PIIDetector(profile: profile, allowList: AllowList(phones: ["+44 20 7946 0101"])).matches(in: text)
        #expect(shared == fresh)
        #expect(shared.map(\.type) == [.name, .phone])
        let widened = PIIDetector(profile: profile).allowing(AllowList(phones: ["+44 20 7946 0101"]))
        #expect(widened.matches(in: text) == fresh)
    }
}
