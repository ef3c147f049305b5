import Analytics
@testable import ConciergeApp
import ConciergeCore
import Foundation
import SQLiteStore
import Testing
import TestSupport

struct FixedClock: WallClock {
    var instant: Date
    func now() -> Date { instant }
}

/// Ids `aud_1`, `aud_2`, … in order.
final class CountingIDs: IdentifierSource, @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    func make(_ prefix: String) -> String {
        lock.withLock {
            next += 1
            return "\(prefix)\(next)"
        }
    }
}

@Suite("Audience export: masked for analysts, contacts for admins with consent, always audited")
struct AudienceExportTests {
    static let at = Date(timeIntervalSince1970: 1_795_222_800)

    static func run(_ body: (SQLiteConciergeStore, AudienceResult, AudienceExporter) async throws -> Void)
        async throws
    {
        try await AudienceDiscoveryTests.withSeededStore { store in
            let pseudonyms = CustomerPseudonyms(key: nil)
            let discovery = AudienceDiscovery(embeddings: EmbeddingCache(HashingEmbedder()), pseudonyms: pseudonyms)
            let result = try await discovery.discover(store, filter: AudienceFilter(clauses: []), intent: "coffee",
                                                      limit: 500, asOf: AudienceDiscoveryTests.asOf)
            let exporter = AudienceExporter(store: store, pseudonyms: pseudonyms, clock: FixedClock(instant: Self.at),
                                            ids: CountingIDs())
            try await body(store, result, exporter)
        }
    }

    static func staff(_ role: Role) -> User {
        User(id: "usr_staff_\(role.rawValue)", email: "\(role.rawValue)@example.com", role: role, name: "Staff",
             timeZone: "UTC", createdAt: at)
    }

    @Test("an analyst's file has pseudonyms and masked contacts only, and is audited")
    func masked() async throws {
        try await Self.run { store, result, exporter in
            let export = try await exporter.export(result, by: Self.staff(.analyst), contacts: nil, format: .csv)
            let text = String(decoding: export.body, as: UTF8.self)
            let lines = text.split(separator: "\r\n")
            #expect(lines.first == "customer,score,reasons,email_masked,phone_masked")
            #expect(lines.count == result.members.count + 1 && export.count == result.members.count)
            for user in try await store.exportAll().users {
                #expect(!text.contains(user.email) && !text.contains(user.id) && !text.contains(user.name))
                if let phone = user.phone { #expect(!text.contains(phone)) }
            }
            #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("c_") && $0.contains("***@") })
            #expect(try await store.audienceAudits(limit: 5) == [export.audit])
            #expect(export.audit == AudienceAuditRecord(id: "aud_1", actorID: "usr_staff_analyst", at: Self.at,
                                                        kind: .masked, channel: nil, filter: #"{"all":[]}"#,
                                                        intent: "coffee", count: result.members.count))
        }
    }

    @Test("real contacts need the admin role; an admin's e-mail file holds only those who consented")
    func contacts() async throws {
        try await Self.run { store, result, exporter in
            await #expect(throws: AudienceExporter.Refusal.notAllowed) {
                _ = try await exporter.export(result, by: Self.staff(.analyst), contacts: .email, format: .json)
            }
            await #expect(throws: AudienceExporter.Refusal.notAllowed) {
                _ = try await exporter.export(result, by: Self.staff(.reviewer), contacts: nil, format: .json)
            }
            #expect(try await store.audienceAudits(limit: 5).isEmpty)  // refused: nothing written, nothing audited
            let export = try await exporter.export(result, by: Self.staff(.admin), contacts: .email, format: .json)
            let users = try await store.exportAll().users.filter { $0.role == .shopper }
            let consenting = users.filter(\.consent.email)
            #expect(export.count == consenting.count && export.withoutConsent == users.count - consenting.count)
            #expect(export.count > 0 && export.withoutConsent > 0)
            let text = String(decoding: export.body, as: UTF8.self)
            for user in users { #expect(text.contains("\"\(user.email)\"") == user.consent.email) }
            let audit = try await store.audienceAudits(limit: 5)
            #expect(audit.count == 1 && audit[0].kind == .contacts && audit[0].channel == "email")
            #expect(audit[0].count == consenting.count && audit[0].actorID == "usr_staff_admin")
        }
    }

    @Test("CSV cells are quoted when needed and formulas are defused")
    func csvCells() {
        #expect(AudienceCSV.cell("plain") == "plain")
        #expect(AudienceCSV.cell("a, b") == "\"a, b\"")
        #expect(AudienceCSV.cell("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(AudienceCSV.cell("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(AudienceCSV.cell("@SUM(A1)") == "'@SUM(A1)")
        #expect(ContactMask.email("jane.doe@example.com") == "j***@e***.com")
        #expect(ContactMask.phone("+44 20 7946 0958") == "***58")
    }
}
