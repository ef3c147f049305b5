import ConciergeApp
import ConciergeCore
import Foundation
import Testing
import TestSupport

/// The numbers the concierge decides with must be the numbers the policies promise.
@Suite("Rules file and policy documents agree")
struct RulesConsistencyTests {
    static func policy(_ name: String) throws -> String {
        try String(contentsOf: RepositoryPaths.seeds.appendingPathComponent("policies/\(name).md"), encoding: .utf8)
    }

    @Test func theShippedRulesFileIsTheStandardOne() throws {
        let rules = try ConciergeRuntime.loadRules(RepositoryPaths.seeds.appendingPathComponent("rules.json"))
        #expect(rules == .standard)
    }

    @Test func everyWindowAndRateIsStatedInThePolicies() throws {
        let rules = ConciergeRules.standard
        let returns = try Self.policy("returns-and-refunds")
        #expect(returns.contains("\(rules.packagedReturnDays) days of delivery"))
        #expect(returns.contains("within \(rules.freshIssueReportHours) hours"))
        #expect(returns.contains("\(rules.lateDeliveryGraceMinutes) minutes after the latest estimated time"))
        let loyalty = try Self.policy("loyalty-rewards")
        #expect(loyalty.contains("\(rules.pointsEarnedPerCurrencyUnit) points for every £1"))
        #expect(loyalty.contains("\(rules.pointsPerCurrencyUnitOfValue) points are worth £1"))
        #expect(loyalty.contains("blocks of \(rules.pointsSpendBlock)"))
        let cancellations = try Self.policy("cancellations-and-changes")
        #expect(rules.cancellableStatuses == [.placed] && cancellations.contains("while its status is **placed**"))
        #expect(returns.contains(rules.chain.name))
    }

    /// What the hand-off answer and the chat page promise is what the contact policy says.
    @Test func theCustomerCarePromiseIsTheContactPolicys() throws {
        let rules = ConciergeRules.standard
        let contact = try Self.policy("contact-and-complaints")
        #expect(contact.contains("We reply to emails and messages within **\(rules.chain.careReplyWorkingDays) working days**"))
        #expect(contact.contains("**\(rules.chain.carePhone)**"))
        // Every country's number is the one its shoppers are given; the policy lists each.
        for phone in rules.chain.carePhones.values.sorted() { #expect(contact.contains("**\(phone)**"), "\(phone)") }
        #expect(contact.contains("email **\(rules.chain.careEmail)**"))
        #expect(contact.contains("available **\(rules.chain.careHours)**"))
        #expect(contact.contains("for **\(rules.lostPropertyKeptDays) days**"))
    }
}
