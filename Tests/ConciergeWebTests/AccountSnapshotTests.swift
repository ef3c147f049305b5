import ConciergeCore
import ConciergeViews
import Foundation
import SnapshotTesting
import Testing
import TestSupport

@testable import ConciergeWeb

// Re-record after an intended template change (see PageSnapshotTests):
//     SNAPSHOT_TESTING_RECORD=all swift test --filter AccountSnapshotTests
@Suite("Page snapshots: account and password reset", .snapshots(record: .onlyWhenAsked, diffTool: "diff -u"))
struct AccountSnapshotTests {
    @Test func accountPageWithAPasswordProblem() async throws {
        let page = AccountSettingsPage(user: PageSnapshotTests.shopper(), csrf: "csrf-token", homeCity: "London",
                                       notice: .passwordChanged,
                                       problem: .password(["That is not your current password <b>x</b>."]),
                                       minimumPasswordLength: 10)
        let html = try await WebWorld.views().render(page)
        assertSnapshot(of: html, as: .html, named: "account")
        PageSnapshotTests.expectSafe(html)
        #expect(!html.contains("$2b$"), "never the hash")
    }

    @Test func accountPageWithADeletionProblem() async throws {
        let page = AccountSettingsPage(user: PageSnapshotTests.shopper(), csrf: "csrf-token", homeCity: nil,
                                       problem: .delete(AccountCopy.wrongPassword), minimumPasswordLength: 10)
        let html = try await WebWorld.views().render(page)
        assertSnapshot(of: html, as: .html, named: "account-delete-error")
        PageSnapshotTests.expectSafe(html)
    }

    @Test func forgotPasswordPages() async throws {
        let views = try await WebWorld.views()
        let form = try views.render(ForgotPasswordPage(csrf: "csrf-token", available: true,
                                                       email: PageSnapshotTests.xss, error: "Enter an e-mail."))
        assertSnapshot(of: form, as: .html, named: "forgot-form")
        PageSnapshotTests.expectSafe(form)
        assertSnapshot(of: try views.render(ForgotPasswordPage(csrf: "csrf-token", available: false)), as: .html,
                       named: "forgot-unavailable")
    }

    @Test func resetPasswordPage() async throws {
        let page = ResetPasswordPage(csrf: "csrf-token", token: "tok\"en", valid: true,
                                     errors: ["The password needs at least 10 characters."], minimumPasswordLength: 10)
        let html = try await WebWorld.views().render(page)
        assertSnapshot(of: html, as: .html, named: "reset")
        #expect(html.contains(#"value="tok&quot;en""#))
    }
}
