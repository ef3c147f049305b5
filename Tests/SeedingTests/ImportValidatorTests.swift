import ConciergeCore
import Foundation
import Seeding
import Testing

@Suite("Import validation")
struct ImportValidatorTests {
    private func file(_ json: String) throws -> ImportFile {
        try CanonicalJSON.decoder().decode(ImportFile.self, from: Data(json.utf8))
    }

    @Test func aCleanFileHasNoProblems() throws {
        let input = try file(#"{"users": [{"id": "u1", "email": "a@example.com", "name": "A"}]}"#)
        #expect(ImportValidator().problems(in: input).isEmpty)
    }

    @Test func duplicateEmailsInTheFileNameBothRecords() throws {
        let input = try file("""
            {"users": [{"id": "u1", "email": "a@example.com", "name": "A"},
                       {"id": "u2", "email": " A@Example.COM", "name": "B"}]}
            """)
        #expect(ImportValidator().problems(in: input).map(\.description)
                == ["users[1] (u2): email duplicates users[0]"])
    }

    @Test func anEmailTakenInTheStoreByAnotherUserIsAProblemButTheSameUserIsNot() throws {
        let input = try file(#"{"users": [{"id": "u1", "email": "a@example.com", "name": "A"}]}"#)
        #expect(ImportValidator(existingEmailOwners: ["a@example.com": "u9"]).problems(in: input).count == 1)
        #expect(ImportValidator(existingEmailOwners: ["a@example.com": "u1"]).problems(in: input).isEmpty)
    }

    @Test func badRecordsAreEachNamed() throws {
        let input = try file("""
            {"users": [{"id": "u1", "email": "not-an-email", "name": " ", "timeZone": "Mars/Olympus"}],
             "orders": [{"id": "ORD-123", "userID": "ghost", "storeID": "nowhere", "lines": [], "totalMinor": 5,
                         "currency": "GBP", "status": "placed", "fulfilment": "pickup",
                         "placedAt": "2026-11-20T10:00:00Z"}],
             "coupons": [{"code": "BAD", "ownerID": "ghost", "scope": {"kind": "store", "value": "nowhere"},
                          "discount": {"kind": "percent", "value": 150}, "minimumSpendMinor": 0,
                          "validFrom": "2026-11-20T00:00:00Z", "validUntil": "2026-11-19T00:00:00Z",
                          "uses": 0, "summary": "x"}]}
            """)
        let problems = ImportValidator().problems(in: input).map(\.description)
        #expect(problems.contains("users[0] (u1): email is not a valid address"))
        #expect(problems.contains("users[0] (u1): name is empty"))
        #expect(problems.contains("users[0] (u1): unknown time zone"))
        #expect(problems.contains("orders[0] (ORD-123): id must be ORD- followed by 8 of A-Z and 0-9"))
        #expect(problems.contains("orders[0] (ORD-123): userID refers to no user"))
        #expect(problems.contains("orders[0] (ORD-123): total does not match lines"))
        #expect(problems.contains("coupons[0] (BAD): percent must be 1...100"))
        #expect(problems.contains("coupons[0] (BAD): validUntil is not after validFrom"))
        #expect(problems.contains("coupons[0] (BAD): scope refers to no store"))
    }

    @Test(arguments: ["a@b.co", "first.last+tag@sub.example.org"])
    func plausibleEmails(email: String) { #expect(EmailAddress.isPlausible(email)) }

    @Test(arguments: ["", "a", "a@b", "@b.com", "a@.com", "a b@c.com", "a@b.com.", "<a@b.com>"])
    func implausibleEmails(email: String) { #expect(!EmailAddress.isPlausible(email)) }
}

@Suite("Dietary rules")
struct DietaryRulesTests {
    @Test func eachNeedRulesOutWhatItMust() {
        #expect(DietaryRules.allows([.vegan, .hot], for: [.vegan]))
        #expect(!DietaryRules.allows([.dairy, .vegetarian], for: [.vegan]))
        #expect(DietaryRules.allows([.dairy, .vegetarian], for: [.vegetarian]))
        #expect(!DietaryRules.allows([.containsNuts, .vegan], for: [.nutAllergy]))
        #expect(!DietaryRules.allows([.gluten], for: [.glutenFree]))
        #expect(!DietaryRules.allows([.dairy], for: [.dairyFree]))
        #expect(DietaryRules.allows([], for: []))
    }
}
