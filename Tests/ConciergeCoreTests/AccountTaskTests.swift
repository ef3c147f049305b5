@testable import ConciergeCore
import Testing

/// Which account tasks a message asks about: each needs its object and its verb, so a privacy question that only
/// names "my data", or a forgotten password (the login page resets it), is not sent to the account page.
@Suite("Account tasks read from the message")
struct AccountTaskTests {
    @Test(arguments: [
        ("delete my account pls", [AccountTask.deleteAccount]),
        ("quiero borrar mi cuenta", [.deleteAccount]),
        ("how do I change my password?", [.changePassword]),
        ("can i download my data", [.downloadData]),
        ("turn on two-step verification", [.twoStep]),
        ("log out everywhere please", [.logOutEverywhere]),
        ("change my password and then close my account", [.deleteAccount, .changePassword]),
        ("how long do you keep my data?", []),
        ("I forgot my password, can you reset it?", []),
        ("cancel my order", []),
        // The verb must govern the account, not another thing the message names.
        ("can you cancel the order on my account", []),
        ("remove my card from my account", []),
        ("delete the coupon from my account", []),
        ("mera account delete karo", [.deleteAccount]),
        ("please close my whole account", [.deleteAccount]),
        ("can I get a copy of my data", [.downloadData]),
        ("log me out everywhere", [.logOutEverywhere]),
        ("I forgot my password and want a new one", []),
    ])
    func readsTheTasksAsked(_ message: String, _ expected: [AccountTask]) {
        #expect(AccountTask.asked(in: message) == expected, "\(message)")
    }

    @Test func everyTaskNamesTheAccountPageAndItsButton() {
        for task in AccountTask.allCases {
            let facts = AccountTaskFacts(task)
            #expect(facts.page == AccountPage.path && facts.how.contains("(\(AccountPage.path))"))
            #expect(facts.how.contains(facts.section) || task == .changePassword, "\(task)")
            #expect(!facts.how.localizedCaseInsensitiveContains("app "), "\(task): the website has no app")
        }
    }
}
