import ConciergeCore
import Foundation
import Hummingbird
import Testing
import TestSupport

@testable import ConciergeWeb

/// Issue 13, item 7: fullwidth letters, a Cyrillic `а`, a zero-width space, and one accented address in NFC and NFD
/// each made a new account. Addresses are now compared in NFKC, case folded, at signup and at login; invisible
/// format characters and mixed alphabets are refused with a reason.
@Suite("Look-alike e-mails: one address, one account")
struct LookalikeEmailTests {
    static func signup(_ email: String) -> [(String, String)] {
        [("name", "Lena Lookalike"), ("email", email), ("password", "a kettle of oolong"), ("city", "London"),
         ("temperature", "hot")]
    }

    /// A fullwidth, upper-case spelling of Ava's address is Ava's address: no second account, and it logs her in.
    @Test func fullwidthLettersAreTheSameAddress() async throws {
        try await WebWorld.run { world, browser in
            let before = try await world.store.counts()[.users]
            let ava = try await world.user("ava@example.com")
            let page = try await browser.submit(on: "/signup", to: "/signup", Self.signup("ＡＶＡ@ｅｘａｍｐｌｅ.ｃｏｍ"))
            #expect(page.status == .seeOther && page.location == "/login?notice=taken", "a taken e-mail")
            #expect(try await world.store.counts()[.users] == before, "no second account")
            #expect(try await world.user("ava@example.com") == ava, "Ava's account is untouched")
            let login = try await browser.logIn("ＡＶＡ@ｅｘａｍｐｌｅ.ｃｏｍ", "cocoa-by-the-lake")
            #expect(login.status == .seeOther && login.location == "/chat")
        }
    }

    /// `é` precomposed (NFC) and `e` + U+0301 (NFD) are one letter.
    @Test func nfcAndNfdSpellingsAreTheSameAddress() async throws {
        try await WebWorld.run { world, browser in
            let before = try await world.store.counts()[.users]
            let composed = "\u{E9}lise@example.com"
            let decomposed = "e\u{301}lise@example.com"
            #expect(composed.unicodeScalars.count != decomposed.unicodeScalars.count)
            _ = try await browser.submit(on: "/signup", to: "/signup", Self.signup(composed))
            let second = try await browser.another().submit(on: "/signup", to: "/signup", Self.signup(decomposed))
            #expect(second.status == .seeOther)
            #expect(try await world.store.counts()[.users] == before + 1, "one account for both spellings")
            let login = try await browser.another(address: "192.0.2.7").logIn(decomposed, "a kettle of oolong")
            #expect(login.location == "/chat")
        }
    }

    /// A Cyrillic `а` (U+0430) among Latin letters, and a zero-width space: refused with a reason, nothing created.
    @Test(arguments: [
        ("\u{430}va@example.com", "mixes letters of different alphabets"),
        ("a\u{200B}va@example.com", "invisible formatting characters"),
        ("ava\u{00AD}@example.com", "invisible formatting characters"),
        ("ava@ex\u{430}mple.com", "domain of the e-mail address mixes"),
    ])
    func lookalikesAreRefusedAtSignupWithAReason(email: String, reason: String) async throws {
        try await WebWorld.run { world, browser in
            let before = try await world.store.counts()[.users]
            let page = try await browser.submit(on: "/signup", to: "/signup", Self.signup(email))
            #expect(page.status == .unprocessableContent)
            #expect(page.contains(reason))
            #expect(page.field("name") == "Lena Lookalike", "the rest of the form is kept")
            #expect(!page.body.unicodeScalars.contains { $0.properties.generalCategory == .format },
                    "no invisible character is shown again")
            #expect(try await world.store.counts()[.users] == before)
        }
    }

    @Test(arguments: ["\u{430}va@example.com", "a\u{200B}va@example.com"])
    func lookalikesAreRefusedAtLoginBeforeTheThrottle(email: String) async throws {
        try await WebWorld.run { _, browser in
            for _ in 1...6 {
                let page = try await browser.logIn(email, "cocoa-by-the-lake")
                #expect(page.status == .unprocessableContent)
                #expect(page.contains("alphabets") != page.contains("invisible"), "one reason, the right one")
            }
            #expect(try await browser.logIn("ava@example.com", "cocoa-by-the-lake").location == "/chat",
                    "refused attempts are not guesses at Ava's account")
        }
    }

    /// Names in one alphabet, and the combinations written together (Latin with kana and Han), are fine.
    @Test(arguments: ["\u{438}\u{432}\u{430}\u{43D}@example.com", "\u{3084}\u{307E}\u{3060}taro@example.jp",
                      "Zo\u{EB}@example.com"])
    func singleScriptAddressesAreAccepted(email: String) async throws {
        try await WebWorld.run { world, browser in
            let page = try await browser.submit(on: "/signup", to: "/signup", Self.signup(email))
            #expect(page.status == .seeOther)
            #expect(try await world.store.user(email: email) != nil)
        }
    }

    @Test func normalisationIsNFKCCaseFolded() {
        #expect(EmailAddress.normalized(" Stra\u{DF}E@Example.COM ") == "strasse@example.com")
        #expect(EmailAddress.normalized("ＡＶＡ@ｅｘａｍｐｌｅ.com") == "ava@example.com")
        #expect(EmailAddress.normalized("E\u{301}LISE@x.org") == EmailAddress.normalized("\u{E9}lise@x.org"))
        #expect(EmailAddress.lookalikeProblem("p\u{3BF}st@example.com") == .mixedScriptLocalPart, "a Greek omicron")
        #expect(EmailAddress.lookalikeProblem("ava+1@example.com") == nil)
    }
}
