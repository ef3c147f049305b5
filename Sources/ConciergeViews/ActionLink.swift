import ConciergeCore
import Foundation

/// One action under an answer, as the bubble renders it: a link to one of the site's own pages, an external map
/// link, or (the hand-off) a small form that sends the request as a chat message, so it works without the page
/// script and is stored and answered like any other message.
struct ActionLink: Sendable {
    /// What the hand-off button's form needs from the page.
    struct FormContext: Sendable {
        let csrf: String
        let conversationID: String

        /// No "ask for a person" button while a request already waits for one (the status line says so).
        static func unlessWaiting(_ handoff: HandoffNotice?, csrf: String, conversationID: String?) -> FormContext? {
            guard handoff?.isWaiting != true, let conversationID, !conversationID.isEmpty else { return nil }
            return FormContext(csrf: csrf, conversationID: conversationID)
        }
    }

    struct HandoffForm: Sendable {
        let csrf: String
        let conversation: String
        let message: String
    }

    /// `order`, `offers`, `directions`, `handoff`, `account`: the class `action-…` and the tests' handle.
    let kind: String
    let label: String
    let href: String?
    /// Leaves the site (the map): `rel="noopener noreferrer"`, a new tab, and said so.
    let external: Bool
    let form: HandoffForm?

    /// What the hand-off button sends: the concierge reads it as asking for a person.
    static let handoffMessage = "Please pass this conversation to a person."

    /// `nil` when the action cannot be rendered safely here: an order id that is not well formed, a map link
    /// without an address, or a hand-off button without its form context.
    init?(_ action: AnswerAction, forms: FormContext?) {
        kind = action.kind.rawValue
        switch action.kind {
        case .order:
            guard let id = action.target, Order.isValidID(id) else { return nil }
            (label, href, external, form) = ("Open order \(id)", "/orders/\(id)", false, nil)
        case .offers:
            (label, href, external, form) = ("See your offers", "/offers", false, nil)
        case .directions:
            guard let place = action.place, !place.isEmpty else { return nil }
            (label, href, external, form) = ("Directions to \(action.name ?? "the shop")", MapLink.url(for: place), true, nil)
        case .account:
            (label, href, external, form) = ("Open your account page", AccountPage.path, false, nil)
        case .handoff:
            guard let forms else { return nil }
            let form = HandoffForm(csrf: forms.csrf, conversation: forms.conversationID, message: Self.handoffMessage)
            (label, href, external, self.form) = ("Pass this to a person", nil, false, form)
        }
    }
}
