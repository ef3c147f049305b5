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

    /// The builder's typed fields (`AudienceBuilderForm.typedFields`) reach the schema, which refuses a control
    /// character next to the field with the form kept; in any other field the form decoder answers 400 first.
    @Test(arguments: ["\u{0}", "\u{7}"])
    func aControlCharacterIsRefusedByTheSchemaOrTheDecoderAndNothingRuns(control: String) async throws {
        try await WebWorld.run(AudiencePageTests.options) { world, browser in
            let analyst = try await AnalystWorld.signedIn(.analyst, from: browser)
            let typed = [("city", "Leeds" + control), ("country", "G" + control), ("intent", "cold" + control + "drinks")]
            let page = try await AudiencePageTests.submit(analyst, typed)
            #expect(page.status == .unprocessableContent)
            #expect(page.contains(#"id="error-city">city must be a non-empty text of at most 100 characters"#))
            #expect(page.contains(#"id="error-country">country must be 2 capital letters<"#))
            #expect(page.contains(#"id="error-intent">intent must be 1 to 500 characters without control characters<"#))
            #expect(page.contains(#"value="Leeds"#), "the form is kept")
            let untyped = try await AudiencePageTests.submit(analyst, [("withinDays", "7" + control), ("intent", "x")])
            #expect(untyped.status == .badRequest)
            #expect(try await world.store.audienceAudits(limit: 10).isEmpty)
        }
    }
}
