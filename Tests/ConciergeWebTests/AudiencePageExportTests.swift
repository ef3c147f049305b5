import ConciergeCore
import Foundation
import Hummingbird
import Testing

@testable import ConciergeWeb

/// The builder's export forms: the API's exporter and audit behind a form post, with the API's role rule.
@Suite("Audience builder page: exports, contacts for admins only, each audited")
struct AudiencePageExportTests {
    static let path = AudiencePageTests.path
    static let exportPath = AudiencePageTests.exportPath

    @Test func onlyAdminsAreOfferedTheContactsExport() async throws {
        try await WebWorld.run(AudiencePageTests.options) { _, browser in
            let analyst = try await AnalystWorld.signedIn(.analyst, from: browser)
            let analystPage = try await AudiencePageTests.submit(analyst, AudiencePageTests.fields)
            #expect(analystPage.contains(#"id="export-masked""#) && !analystPage.contains(#"id="export-contacts""#))
            #expect(!analystPage.contains("with e-mail contacts"))
            let admin = try await AnalystWorld.signedIn(.admin, from: browser)
            let adminPage = try await AudiencePageTests.submit(admin, AudiencePageTests.fields)
            #expect(adminPage.contains(#"id="export-masked""#) && adminPage.contains(#"id="export-contacts""#))
            #expect(adminPage.contains(#"<input type="hidden" name="contacts" value="email">"#))
        }
    }

    @Test func anAnalystsMaskedExportIsAFileAndAnAuditRecord() async throws {
        try await WebWorld.run(AudiencePageTests.options) { world, browser in
            let analyst = try await AnalystWorld.signedIn(.analyst, from: browser)
            let file = try await analyst.submit(on: Self.path, to: Self.exportPath,
                                                [("format", "csv")] + AudiencePageTests.fields)
            #expect(file.status == .ok && file.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(file.headers[.contentDisposition] == #"attachment; filename="audience.csv""#)
            #expect(file.body.hasPrefix("customer,score,reasons,email_masked,phone_masked"))
            #expect(!file.body.contains("@example.com"))
            let audits = try await world.store.audienceAudits(limit: 10)
            #expect(audits.count == 1 && audits.first?.kind == .masked)
            #expect(audits.first?.filter == #"{"all":[{"consent":"email"}]}"# && audits.first?.count == 3)
            #expect(audits.first?.intent == "evening cold drinks")
        }
    }

    @Test func contactsNeedTheAdminRoleAndAreAuditedWhenGiven() async throws {
        try await WebWorld.run(AudiencePageTests.options) { world, browser in
            let analyst = try await AnalystWorld.signedIn(.analyst, from: browser)
            let refused = try await analyst.submit(on: Self.path, to: Self.exportPath,
                                                   [("format", "csv"), ("contacts", "email")] + AudiencePageTests.fields)
            #expect(refused.status == .forbidden)
            #expect(try await world.store.audienceAudits(limit: 10).isEmpty, "refused before anything ran")
            let admin = try await AnalystWorld.signedIn(.admin, from: browser)
            let file = try await admin.submit(on: Self.path, to: Self.exportPath,
                                              [("format", "json"), ("contacts", "email")] + AudiencePageTests.fields)
            #expect(file.status == .ok && file.headers[.contentType] == "application/json" && file.body.contains("@"))
            let audits = try await world.store.audienceAudits(limit: 10)
            #expect(audits.map(\.kind) == [.contacts])
            let unknown = try await admin.submit(on: Self.path, to: Self.exportPath,
                                                 [("format", "xml")] + AudiencePageTests.fields)
            #expect(unknown.status == .unprocessableContent && unknown.contains("format must be csv or json"))
        }
    }
}
