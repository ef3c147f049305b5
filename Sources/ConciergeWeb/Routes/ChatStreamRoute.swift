import ConciergeCore
import Foundation
import Hummingbird
import Logging

/// `POST /chat/stream`: one turn for the page's script, answered as server-sent events.
///
/// The same form, session CSRF guard, turn-key check and refusals as `POST /chat`: anything refused before the
/// message is stored is an ordinary response with the same status and plain-text reason, so the script shows it
/// exactly as for `POST /chat`. Once stored, the answer is `text/event-stream`:
///
///     event: accepted   data: the conversation id
///     event: delta      data: more of the answer (guarded, un-masked text; `data:` lines join with a line break)
///     event: replace    data: the whole answer so far, replacing what was shown
///     event: done       data: the turn's `ol.turn` fragment, the one `POST /chat` answers the script with
///     event: error      data: a message for the shopper (the detail goes to the log only)
extension ChatRoutes {
    func sendStreamed(_ request: Request, context: WebContext) async throws -> Response {
        let signedIn = try context.signedIn()
        let form = try await request.decode(as: ChatForm.self, context: context)
        let conversation = try await loader.ownedConversation(form.conversation, user: signedIn.user)
        if let key = form.turn, !key.isEmpty, !TurnKeys.isIssued(key, csrfToken: signedIn.session.csrfToken) {
            return .text(Self.reason(.malformedTurnKey, text: form.message), status: Self.status(.malformedTurnKey))
        }
        let events = ChatEventReader(chat.stream(ChatInput(
            userID: signedIn.user.id, conversationID: conversation, text: form.message,
            location: preferences.place(request)?.coordinate, turnKey: form.turn.flatMap { $0.isEmpty ? nil : $0 })))
        let first: ChatStreamEvent?
        do {
            first = try await events.next()
        } catch let error as ChatError {
            return .text(Self.reason(error, text: form.message), status: Self.status(error))
        }
        let body = streamBody(first: first, then: events, request: request, signedIn: signedIn, logger: context.logger)
        return Response(status: .ok, headers: ChatStream.headers, body: body)
    }

    /// Writes each event as it comes; a failure after the message was stored ends with an `error` event.
    private func streamBody(first: ChatStreamEvent?, then events: ChatEventReader, request: Request,
                            signedIn: SignedIn, logger: Logger) -> ResponseBody {
        ResponseBody { writer in
            var event = first
            do {
                while let current = event {
                    try await writer.write(ByteBuffer(string: try await encode(current, request: request,
                                                                               signedIn: signedIn)))
                    event = try await events.next()
                }
            } catch {
                logger.error("chat stream failed after the message was stored", metadata: ["error": "\(type(of: error))"])
                try await writer.write(ByteBuffer(string: ServerSentEvent.encode(name: "error", data: ChatStream.failure)))
            }
            try await writer.finish(nil)
        }
    }

    private func encode(_ event: ChatStreamEvent, request: Request, signedIn: SignedIn) async throws -> String {
        switch event {
        case .accepted(let conversationID): return ServerSentEvent.encode(name: "accepted", data: conversationID)
        case .delta(let text): return ServerSentEvent.encode(name: "delta", data: text)
        case .replace(let text): return ServerSentEvent.encode(name: "replace", data: text)
        case .done(let turn):
            if !turn.isReplay { metrics.record(turn) }
            return ServerSentEvent.encode(name: "done", data: try await fragmentHTML(turn, request: request,
                                                                                     signedIn: signedIn))
        }
    }
}

/// What `POST /chat/stream` answers with besides the turn's events.
enum ChatStream {
    /// What the shopper reads when a stored message could not be answered to the end.
    static let failure =
        "Something went wrong while answering. Your message is saved: reload the page in a moment to see the answer."

    /// `no-transform` and `X-Accel-Buffering: no` keep proxies from holding the events back until the end.
    static var headers: HTTPFields {
        var headers: HTTPFields = [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store, no-transform"]
        if let buffering = HTTPFields.Element.Name("X-Accel-Buffering") { headers[buffering] = "no" }
        return headers
    }
}

/// One `text/event-stream` event: every line of `data` on its own `data:` line (a reader joins them with LF).
enum ServerSentEvent {
    static func encode(name: String, data: String) -> String {
        let normalized = data.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let lines = normalized.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)\n" }
        return "event: \(name)\n" + lines.joined() + "\n"
    }
}

/// Reads a turn's events from the handler (the first one, to answer a refusal with its status) and then from the
/// response body's writer.
///
/// `@unchecked Sendable`: the iterator is used by one task at a time, in sequence (the handler, then the body).
final class ChatEventReader: @unchecked Sendable {
    private var iterator: AsyncThrowingStream<ChatStreamEvent, any Error>.AsyncIterator

    init(_ stream: AsyncThrowingStream<ChatStreamEvent, any Error>) {
        iterator = stream.makeAsyncIterator()
    }

    func next() async throws -> ChatStreamEvent? {
        try await iterator.next()
    }
}
