import ConciergeCore
import ConciergeViews
import Foundation
import Hummingbird
import HummingbirdAuth

/// `GET /care`, `GET /care/{id}` and `POST /care/{id}/reply`: the Customer Care inbox. Reviewers and admins only: the
/// group's authorization policy answers 403 to shoppers before a handler runs (and the sign-in requirement sends
/// anyone logged out to the login page first). Every text on these pages is masked (`CustomerCareDesk`).
struct CareRoutes: Sendable {
    let desk: CustomerCareDesk
    let views: PageRenderer

    func register(on router: some RouterMethods<WebContext>) {
        let care = router.group(RouterPath(CareLinks.inbox))
            .add(middleware: AuthorizationPolicyMiddleware(
                ClosureAuthorizationPolicy<SignedIn> { identity, _ in identity.user.role.mayAnswerCustomerCare },
                context: WebContext.self))
        care.get(use: inbox)
        care.get("{id}", use: request)
        care.post("{id}/reply", use: reply)
    }

    func inbox(_ request: Request, context: WebContext) async throws -> Response {
        let signedIn = try context.signedIn()
        let requests = try await desk.inbox()
        return .html(try views.render(CareInboxPage(staff: signedIn.user, csrf: signedIn.session.csrfToken,
                                                    requests: requests)))
    }

    func request(_ request: Request, context: WebContext) async throws -> Response {
        let signedIn = try context.signedIn()
        guard let transcript = try await desk.transcript(id: try context.parameters.require("id")) else {
            throw HTTPError(.notFound)
        }
        return .html(try views.render(CareRequestPage(staff: signedIn.user, csrf: signedIn.session.csrfToken,
                                                      transcript: transcript)))
    }

    /// Post-redirect-get back to the request, where the reply now shows; a refused reply is the page again with
    /// the text kept and the reason (422).
    func reply(_ request: Request, context: WebContext) async throws -> Response {
        let signedIn = try context.signedIn()
        let id = try context.parameters.require("id")
        let form = try await request.decode(as: CareReplyForm.self, context: context)
        do {
            guard try await desk.reply(to: id, from: signedIn.user, text: form.message) != nil else {
                throw HTTPError(.notFound)
            }
            context.logger.info("customer care replied to a hand-off", metadata: ["handoff": "\(id)"])
            return .seeOther(CareLinks.request(id))
        } catch let error as CareReplyError {
            guard error != .notAllowed, let transcript = try await desk.transcript(id: id) else {
                throw HTTPError(error == .notAllowed ? .forbidden : .notFound)
            }
            let draft = ControlCharacters.removed(from: form.message, allowingLineBreaks: true)
            let page = CareRequestPage(staff: signedIn.user, csrf: signedIn.session.csrfToken, transcript: transcript,
                                       draft: draft, error: Self.reason(error, text: form.message))
            return .html(try views.render(page), status: .unprocessableContent)
        }
    }

    static func reason(_ error: CareReplyError, text: String) -> String {
        switch error {
        case .empty: "Type a reply first."
        case .tooLong(let limit):
            "Replies can be at most \(limit.formatted()) characters; this one has \(text.count.formatted()). Shorten it and send again."
        case .controlCharacters:
            "The reply contains control characters or invisible text-direction marks. Remove them (retyping the text is the surest way) and send again."
        case .notAllowed: "Your account cannot reply for Customer Care."
        }
    }
}

/// A Customer Care reply. The CSRF field is checked by `FormGuardMiddleware` before the route runs.
struct CareReplyForm: Decodable, Sendable, TypedFields {
    var message: String
    /// `CustomerCareDesk.validated` refuses control characters (other than line breaks and tabs) with a 422.
    static let typedFields: Set<String> = ["message"]
}
