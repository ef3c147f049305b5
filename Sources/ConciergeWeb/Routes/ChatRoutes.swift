import ConciergeCore
import ConciergeViews
import Foundation
import Hummingbird

/// `GET /chat` and `POST /chat`: the conversation page, and one turn (post-redirect-get for plain forms, an HTML
/// fragment for the page's script).
struct ChatRoutes<Store: ChatStore & UsageStore & HandoffStore>: Sendable {
    let loader: ChatPageLoader<Store>
    let chat: any ChatResponder
    let views: PageRenderer
    let metrics: WebMetrics
    let preferences: BrowserPreferences

    func register(on router: some RouterMethods<WebContext>) {
        router.get("/chat", use: page)
        router.post("/chat", use: send)
        router.post("/chat/stream", use: sendStreamed)  // ChatStreamRoute.swift
    }

    /// A plain (script-less) chat post that meets a store outage gets its text back on the 503 page, in a form that
    /// sends it again with the same turn key (so it cannot be stored twice): nothing the shopper typed is lost.
    static var resendable: ResendableRoute { ResendableRoute(path: "/chat", form: ChatForm.self) }

    func page(_ request: Request, context: WebContext) async throws -> Response {
        let signedIn = try context.signedIn()
        let selection = ConversationSelection(query: request.uri.queryParameters.get("c"))
        var input = try await loader.input(for: signedIn, selection: selection, place: preferences.place(request),
                                           debug: preferences.debug(request, user: signedIn.user))
        input.locationChanged = request.uri.queryParameters.get("located") == "1"
        return .html(try views.render(ChatPage(input)))
    }

    func send(_ request: Request, context: WebContext) async throws -> Response {
        let signedIn = try context.signedIn()
        let form = try await request.decode(as: ChatForm.self, context: context)
        let conversation = try await loader.ownedConversation(form.conversation, user: signedIn.user)
        // A key this session's pages did not hand out is refused before anything is stored (docs/web.md, turn keys).
        if let key = form.turn, !key.isEmpty, !TurnKeys.isIssued(key, csrfToken: signedIn.session.csrfToken) {
            return try await refused(.malformedTurnKey, form: form, conversation: conversation, request: request,
                                     signedIn: signedIn)
        }
        let place = preferences.place(request)
        do {
            let turn = try await chat.respond(ChatInput(userID: signedIn.user.id, conversationID: conversation,
                                                        text: form.message, location: place?.coordinate,
                                                        turnKey: form.turn.flatMap { $0.isEmpty ? nil : $0 }))
            if !turn.isReplay { metrics.record(turn) }
            guard request.wantsFragment else {
                return .seeOther(ChatLocation.path(conversation: turn.conversationID, fragment: "latest"))
            }
            return try await fragment(turn, request: request, signedIn: signedIn)
        } catch let error as ChatError {
            return try await refused(error, form: form, conversation: conversation, request: request, signedIn: signedIn)
        }
    }

    private func fragment(_ turn: ChatTurn, request: Request, signedIn: SignedIn) async throws -> Response {
        .html(try await fragmentHTML(turn, request: request, signedIn: signedIn))
    }

    /// The turn's `ol.turn` fragment: both messages, the quota, the next turn key and any hand-off status.
    func fragmentHTML(_ turn: ChatTurn, request: Request, signedIn: SignedIn) async throws -> String {
        let user = signedIn.user
        let handoff = try await loader.handoffNotice(user: user, conversationID: turn.conversationID)
        let fragment = TurnFragment(messages: [turn.shopperMessage, turn.reply], user: user, quota: turn.quota,
                                    showTraces: preferences.debug(request, user: user),
                                    nextTurnKey: loader.newTurnKey(for: signedIn.session), handoff: handoff,
                                    csrf: signedIn.session.csrfToken)
        return try views.fragment(fragment, template: "turn")
    }

    /// 422 (400 for a forged turn key, 409 for a double submit) with the message kept in the text area (or, for
    /// the script, the reason as plain text).
    private func refused(_ error: ChatError, form: ChatForm, conversation: String?, request: Request,
                         signedIn: SignedIn) async throws -> Response {
        let reason = Self.reason(error, text: form.message)
        let status = Self.status(error)
        if request.wantsFragment { return .text(reason, status: status) }
        var input = try await loader.input(for: signedIn, selection: conversation.map { .specific($0) } ?? .new,
                                           place: preferences.place(request), debug: preferences.debug(request, user: signedIn.user))
        // The text as typed, less the control characters nobody can see or mean (all of them when they were refused).
        input.draft = ControlCharacters.removed(from: form.message, allowingLineBreaks: true)
        input.error = reason
        return .html(try views.render(ChatPage(input)), status: status)
    }

    static func status(_ error: ChatError) -> HTTPResponse.Status {
        switch error {
        case .malformedTurnKey: .badRequest
        case .turnInProgress: .conflict
        case .emptyMessage, .messageTooLong, .controlCharacters, .unknownUser: .unprocessableContent
        }
    }

    static func reason(_ error: ChatError, text: String) -> String {
        switch error {
        case .emptyMessage: "Type a message first."
        case .messageTooLong(let limit):
            "Messages can be at most \(limit.formatted()) characters; this one has \(text.count.formatted()). Shorten it and send again."
        case .controlCharacters:
            "The message contains control characters (invisible codes such as NUL) and was not sent. Retype it, or paste it as plain text, and send again."
        case .unknownUser: "Your account could not be found. Please log in again."
        case .malformedTurnKey:
            "This form could not be read: it was not one this site gave you. Reload the page and send your message "
                + "again."
        case .turnInProgress: "This message is already being answered. Reload the page in a moment to see the answer."
        }
    }
}

extension ChatForm: ResendableForm {
    var resend: ResendForm? {
        guard let csrf else { return nil }
        return ResendForm(
            action: "/chat", hidden: [("csrf", csrf), ("conversation", conversation ?? ""), ("turn", turn ?? "")],
            textName: "message", text: ControlCharacters.removed(from: message, allowingLineBreaks: true),
            label: "Your message was not answered. Here it is, to send again (it will not be stored twice):")
    }
}
