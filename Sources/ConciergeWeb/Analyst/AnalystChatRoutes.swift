import Analytics
import ConciergeCore
import ConciergeViews
import Foundation
import Hummingbird

/// `GET /admin/chat[?c=ID|new]` and `POST /admin/chat`: the analyst chat, registered inside the analyst pages' group
/// (logged out → login, shoppers and reviewers 403, the form guard checks the CSRF field). A question is a plain
/// form post answered with post-redirect-get, like the shopper chat without its script.
///
/// Each question counts against the analyst request limit (`AnalystLimits.requestsPerWindow`, shared with the API):
/// analysts have no shopper's daily message quota.
struct AnalystChatRoutes: Sendable {
    let side: AnalystSide
    let views: PageRenderer
    /// Turn keys for the form (`TurnKeys`, as on the shopper chat): a resent question is one turn, not two.
    let ids: any IdentifierSource

    func register(on group: some RouterMethods<WebContext>) {
        group.get("chat", use: page)
        group.post("chat", use: ask)
    }

    /// A question that meets a store outage gets its text back on the 503 page, in a form that asks it again.
    static var resendable: ResendableRoute { ResendableRoute(path: AnalystLinks.chat, form: AnalystChatForm.self) }

    func page(_ request: Request, context: WebContext) async throws -> Response {
        let signedIn = try context.signedIn()
        let selection = AnalystChatSelection(query: request.uri.queryParameters.get("c"))
        return try await render(signedIn, selection: selection)
    }

    func ask(_ request: Request, context: WebContext) async throws -> Response {
        let signedIn = try context.signedIn()
        let form = try await request.decode(as: AnalystChatForm.self, context: context)
        let desk = try side.desk()
        if let until = try await side.throttle.admitRequest(userID: signedIn.user.id) {
            throw HTTPError(.tooManyRequests, headers: [.retryAfter: side.throttle.retryAfter(until)])
        }
        let conversation = form.conversation.flatMap { $0.isEmpty ? nil : $0 }
        // A key this session's pages did not hand out is refused before anything is stored, as on the shopper chat.
        let key = form.turn.flatMap { $0.isEmpty ? nil : $0 }
        if let key, !TurnKeys.isIssued(key, csrfToken: signedIn.session.csrfToken) { throw HTTPError(.badRequest) }
        do {
            let turnKey = try key.map { raw throws(ChatError) in try TurnKey(validating: raw) }
            let turn = try await desk.ask(form.question, conversationID: conversation, analystID: signedIn.user.id,
                                          turnKey: turnKey)
            // Never the question: it is the analyst's text (masked or not, logs are a privacy surface).
            context.logger.info("analyst chat answered", metadata: ["kind": "\(turn.record?.kind.rawValue ?? "-")"])
            return .seeOther(AnalystLinks.chat(conversation: turn.conversationID, fragment: "latest"))
        } catch AnalystDeskError.unknownConversation {
            throw HTTPError(.notFound)
        } catch is ChatError {
            throw HTTPError(.badRequest)  // an issued key is always well-formed; this one was forged
        } catch let error as AnalystDeskError {
            // 422 with the question kept in the text area, less the control characters nobody can see or mean.
            return try await render(signedIn, selection: conversation.map { .specific($0) } ?? .new,
                                    draft: ControlCharacters.removed(from: form.question, allowingLineBreaks: true),
                                    error: Self.reason(error, text: form.question), status: .unprocessableContent)
        }
    }

    private func render(_ signedIn: SignedIn, selection: AnalystChatSelection, draft: String = "",
                        error: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let desk = try side.desk()
        guard let chat = try await desk.chat(analystID: signedIn.user.id, selection: selection) else {
            throw HTTPError(.notFound)
        }
        let overview = try await desk.overview()
        let page = AnalystChatPage(analyst: signedIn.user, csrf: signedIn.session.csrfToken,
                                   turnKey: TurnKeys.make(random: ids.make("turn_"), csrfToken: signedIn.session.csrfToken),
                                   chat: chat,
                                   segments: [overview.chain] + overview.segments,
                                   maximumLength: AnalystChatLimits.questionLength, draft: draft, error: error)
        return .html(try views.render(page), status: status)
    }

    static func reason(_ error: AnalystDeskError, text: String) -> String {
        switch error {
        case .questionTooLong(let limit):
            "Questions can be at most \(limit.formatted()) characters; this one has \(text.count.formatted()). "
                + "Shorten it and ask again."
        case .controlCharacters:
            "The question contains control characters (invisible codes such as NUL) and was not sent. Retype it, or "
                + "paste it as plain text, and ask again."
        case .turnInProgress:
            "This question is still being answered. Wait a moment and reload the page to see the answer."
        case .emptyQuestion, .unknownSegment, .unknownConversation: "Type a question first."
        }
    }
}

/// The analyst chat's form.
struct AnalystChatForm: Decodable, Sendable, TypedFields {
    /// The desk refuses control characters other than line breaks (`AnalystDeskError.controlCharacters`, 422).
    static let typedFields: Set<String> = ["question"]

    var question: String
    /// Checked by `FormGuardMiddleware` before the route runs.
    var csrf: String?
    var conversation: String?
    /// The page's turn key (`TurnKeys`); absent from old pages and scripts, which then get no resend protection.
    var turn: String?
}

extension AnalystChatForm: ResendableForm {
    var resend: ResendForm? {
        guard let csrf else { return nil }
        return ResendForm(
            action: AnalystLinks.chat,
            hidden: [("csrf", csrf), ("conversation", conversation ?? ""), ("turn", turn ?? "")],
            textName: "question", text: ControlCharacters.removed(from: question, allowingLineBreaks: true),
            label: "Your question was not answered. Here it is, to ask again:")
    }
}
