import ConciergeCore
import ConciergeViews
import Foundation
import Hummingbird

/// Which conversation the chat page shows.
enum ConversationSelection: Equatable {
    /// The most recently active one (or a new one when there is none).
    case latest
    case new
    case specific(String)

    init(query: String?) {
        switch query {
        case nil, "": self = .latest
        case "new": self = .new
        case let id?: self = .specific(id)
        }
    }
}

/// Gathers everything the chat page shows from the stores. A conversation that is not the shopper's own is a
/// 404, exactly like one that does not exist.
struct ChatPageLoader<Store: ChatStore & UsageStore & HandoffStore>: Sendable {
    static var historyLimit: Int { 200 }
    static var listedConversations: Int { 8 }

    let store: Store
    let clock: any WallClock
    /// The chat service's limits, for the usage bar and the text area.
    let limits: ChatLimits
    let places: PlaceDirectory
    /// Turn keys for the chat form.
    let ids: any IdentifierSource

    /// A fresh key for the next message this session's form sends (`TurnKeys`).
    func newTurnKey(for session: WebSession) -> String {
        TurnKeys.make(random: ids.make("turn_"), csrfToken: session.csrfToken)
    }

    /// `nil` for a new conversation; the id when it is the user's; otherwise 404.
    func ownedConversation(_ id: String?, user: User) async throws -> String? {
        guard let id, !id.isEmpty else { return nil }
        guard try await shopperConversations(userID: user.id).contains(id) else { throw HTTPError(.notFound) }
        return id
    }

    /// The user's conversations of the shopper chat, most recent first: the analyst chat's (`an_…`, stored in the
    /// same store under the same user id) are neither listed nor reachable here.
    func shopperConversations(userID: String) async throws -> [String] {
        try await store.conversations(userID: userID).filter { !AnalystConversations.isAnalyst($0) }
    }

    func input(for signedIn: SignedIn, selection: ConversationSelection, place: PlaceChoice?, debug: Bool)
        async throws -> ChatPageInput
    {
        let user = signedIn.user
        let ids = try await shopperConversations(userID: user.id)
        let current: String? = switch selection {
        case .latest: ids.first
        case .new: nil
        case .specific(let id): ids.contains(id) ? id : nil
        }
        if case .specific = selection, current == nil { throw HTTPError(.notFound) }
        var messages: [ChatMessage] = []
        var handoff: HandoffNotice?
        if let current {
            messages = try await store.messages(userID: user.id, conversationID: current, limit: Self.historyLimit)
            handoff = try await handoffNotice(user: user, conversationID: current)
        }
        return ChatPageInput(
            user: user, csrf: signedIn.session.csrfToken, conversationID: current,
            conversations: try await summaries(ids.prefix(Self.listedConversations), userID: user.id),
            messages: messages, quota: try await QuotaGate(store: store, limit: limits.dailyMessages).peek(user: user, at: clock.now()),
            place: PlaceChoice.shopperPlace(place, user: user, places: places), cities: places.cities.names,
            debugRequested: debug,
            maximumMessageLength: limits.messageLength, turnKey: newTurnKey(for: signedIn.session), handoff: handoff,
            conversationLimit: Self.listedConversations)
    }

    /// The status line while this conversation of the user's waits for Customer Care.
    func handoffNotice(user: User, conversationID: String) async throws -> HandoffNotice? {
        guard let request = try await store.handoff(userID: user.id, conversationID: conversationID) else { return nil }
        return HandoffNotice(request, now: clock.now(), timeZone: user.timeZone)
    }

    /// Each listed conversation by the shopper's most recent question in it.
    private func summaries(_ ids: ArraySlice<String>, userID: String) async throws -> [ConversationSummary] {
        var summaries: [ConversationSummary] = []
        for id in ids {
            let recent = try await store.messages(userID: userID, conversationID: id, limit: 2)
            guard let last = recent.last, let asked = recent.last(where: { $0.role == .shopper }) ?? recent.last else {
                continue
            }
            summaries.append(ConversationSummary(id: id, lastMessage: asked.text, lastActive: last.createdAt))
        }
        return summaries
    }
}
