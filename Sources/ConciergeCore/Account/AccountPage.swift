import Foundation

/// The signed-in account page of this website, served by `ConciergeWeb`'s `AccountPageRoutes`: changing the
/// password, two-step verification, downloading one's data and deleting the account are done there. The chat links to
/// it (`AnswerAction.account`) because it cannot do these things itself.
public enum AccountPage {
    public static let path = "/account"
}
