import Analytics
import ConciergeCore
import Foundation
import Hummingbird

/// `POST /admin/api/chat`: one analyst chat question as JSON (`{"question": …, "conversationID": …}`), answered
/// with the stored `AnalystChatTurn`. Behind `AnalystAPIGuard` like every API endpoint (CSRF header, request limit).
enum AnalystChatAPI {
    struct Question: Decodable, Sendable {
        var question: String
        /// An `an_…` conversation of the analyst's; absent or empty for a new one.
        var conversationID: String?
        /// An idempotency key the client chooses (8–64 letters, digits, `_`, `-`): the same key again returns the
        /// same turn instead of asking twice. Keys are per analyst, so one cannot reach another's messages.
        var turnKey: String?
    }

    /// Bodies larger than a question could be are refused before decoding.
    static let maximumBody = 16 * 1_024

    static func ask(_ desk: any AnalystDesk, _ request: Request, context: WebContext) async throws -> Response {
        let signedIn = try context.signedIn()
        let body = try await request.body.collect(upTo: maximumBody)
        guard let question = try? JSONDecoder().decode(Question.self, from: Data(buffer: body)) else {
            throw HTTPError(.badRequest)
        }
        let conversation = question.conversationID.flatMap { $0.isEmpty ? nil : $0 }
        do {
            let turnKey = try question.turnKey.map { raw throws(ChatError) in try TurnKey(validating: raw) }
            let turn = try await desk.ask(question.question, conversationID: conversation,
                                          analystID: signedIn.user.id, turnKey: turnKey)
            return try AnalystJSON.response(turn)
        } catch is ChatError {
            throw HTTPError(.badRequest)
        } catch AnalystDeskError.unknownConversation {
            throw HTTPError(.notFound)
        } catch AnalystDeskError.turnInProgress {
            throw HTTPError(.conflict)
        } catch is AnalystDeskError {
            throw HTTPError(.unprocessableContent)
        }
    }
}
