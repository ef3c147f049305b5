import ConciergeCore
import Foundation

/// Where the concierge thinks the shopper is, as the sidebar shows it.
public enum ShopperPlace: Sendable, Equatable {
    /// The profile's home location (`city` from the saved address, if any).
    case home(city: String?)
    /// A city centre picked from the list.
    case city(String)
    /// A place found by search (a shop, a postcode) or shared by the browser, named in words ("Near Fleet Street,
    /// London"): coordinates are never shown.
    case named(String)
    /// Nothing known: no home and nothing chosen.
    case unknown
}

/// A conversation in the sidebar list.
public struct ConversationSummary: Sendable, Equatable {
    /// The conversation id (`conv_…`).
    public var id: String
    /// The conversation's most recent message, as typed (shortened and escaped on the page).
    public var lastMessage: String
    /// When its latest message was written.
    public var lastActive: Date

    /// A summary from the conversation's latest messages.
    public init(id: String, lastMessage: String, lastActive: Date) {
        self.id = id
        self.lastMessage = lastMessage
        self.lastActive = lastActive
    }
}

/// Everything the chat page shows, gathered by the web layer from the stores.
public struct ChatPageInput: Sendable {
    /// The signed-in person (name, e-mail, preferences, points, role).
    public var user: User
    /// The session's CSRF token, put in every form of the page.
    public var csrf: String
    /// `nil` for a new conversation.
    public var conversationID: String?
    /// The most recent conversations, newest first.
    public var conversations: [ConversationSummary]
    /// The shown conversation, oldest first.
    public var messages: [ChatMessage]
    /// Today's usage for the usage bar.
    public var quota: QuotaStatus
    /// Where nearby shops are looked up from.
    public var place: ShopperPlace
    /// The names offered in the city select.
    public var cities: [String]
    /// The reviewer's per-page toggle. Traces are shown only when this is on *and* the user's role allows it.
    public var debugRequested: Bool
    /// What was typed when the message was refused (kept in the text area).
    public var draft: String
    /// Why the last message was refused, shown above the text area.
    public var error: String?
    /// Why the last location change was refused.
    public var locationError: String?
    /// What was typed in the place search when it was refused (kept in the box).
    public var locationTyped: String = ""
    /// Set right after the location changed: the page confirms it beside the form.
    public var locationChanged = false
    /// The longest message accepted, in characters (the text area's `maxlength`).
    public var maximumMessageLength: Int
    /// The chat form's turn key: sending this form twice is one turn (`ConciergeCore.TurnKey`).
    public var turnKey: String
    /// Set while the shown conversation waits for Customer Care.
    public var handoff: HandoffNotice?
    /// How many conversations the list shows at most (the page script keeps the live list to this length too).
    public var conversationLimit: Int

    /// Everything the page needs; `draft`, `error` and `locationError` are set after a refused form.
    public init(user: User, csrf: String, conversationID: String?, conversations: [ConversationSummary],
                messages: [ChatMessage], quota: QuotaStatus, place: ShopperPlace, cities: [String],
                debugRequested: Bool, draft: String = "", error: String? = nil, locationError: String? = nil,
                maximumMessageLength: Int, turnKey: String, handoff: HandoffNotice? = nil,
                conversationLimit: Int = 8) {
        self.user = user
        self.csrf = csrf
        self.conversationID = conversationID
        self.conversations = conversations
        self.messages = messages
        self.quota = quota
        self.place = place
        self.cities = cities
        self.debugRequested = debugRequested
        self.draft = draft
        self.error = error
        self.locationError = locationError
        self.maximumMessageLength = maximumMessageLength
        self.turnKey = turnKey
        self.handoff = handoff
        self.conversationLimit = conversationLimit
    }

    /// The role check lives here as well as in the routes: a trace never reaches a shopper's HTML.
    var showsTraces: Bool { debugRequested && user.role.maySeeDebugTrace }
}

/// `chat.mustache`.
public struct ChatPage: Page {
    public static let template = "chat"
    public let title = "Concierge"
    public let navigation: Navigation?
    let csrf: String
    let conversationID: String
    let conversations: [ConversationLink]
    let bubbles: [Bubble]
    let draft: String
    let error: String?
    let sidebar: Sidebar
    let debugToggle: DebugToggle?
    let maximumMessageLength: Int
    let turnKey: String
    let handoff: HandoffNotice?
    /// The allowance again, for the composer: disabled at the limit with the reset time beside it.
    let usage: UsageBar
    let quickReplies = QuickReplies.all
    let conversationLimit: Int

    /// Formats `input` for the template (times in the shopper's zone, payment numbers masked, traces only for
    /// roles that may see them).
    public init(_ input: ChatPageInput) {
        navigation = Navigation(name: input.user.name, csrf: input.csrf,
                                showsCareInbox: input.user.role.mayAnswerCustomerCare,
                                showsAnalystDesk: input.user.role.mayUseAnalytics)
        csrf = input.csrf
        conversationID = input.conversationID ?? ""
        let clock = LocalTimeFormatter(timeZoneIdentifier: input.user.timeZone)
        conversations = input.conversations.map {
            ConversationLink(summary: $0, current: $0.id == input.conversationID, clock: clock)
        }
        bubbles = Bubble.list(input.messages, clock: clock, showTraces: input.showsTraces,
                              forms: ActionLink.FormContext.unlessWaiting(input.handoff, csrf: input.csrf,
                                                                          conversationID: input.conversationID))
        draft = input.draft
        error = input.error
        sidebar = Sidebar(input, clock: clock)
        debugToggle = input.user.role.maySeeDebugTrace
            ? DebugToggle(on: input.debugRequested, conversationID: input.conversationID ?? "") : nil
        maximumMessageLength = input.maximumMessageLength
        turnKey = input.turnKey
        handoff = input.handoff
        usage = sidebar.usage
        conversationLimit = input.conversationLimit
    }
}

/// The quick-reply chips under the conversation (issue 14): the three asks shoppers make most, one tap away. Each is
/// a submit button carrying its text as the message, so it works without the page script.
enum QuickReplies {
    static let all = ["Nearest open shop", "My offers", "Where's my order?"]
}

/// The HTML answered to the page's script after a turn: the new bubbles and the refreshed usage bar. The `ol.turn`
/// also carries, as data attributes, what the script needs to update the page around them: the conversation's list
/// entry (title, link, time) and the quota's state and reset time.
public struct TurnFragment: Sendable {
    let bubbles: [Bubble]
    let usage: UsageBar
    let conversationID: String
    /// The conversation's entry in the list, as the page would now render it.
    let conversation: ConversationLink
    /// The key the form sends with its next message.
    let nextTurnKey: String
    /// The conversation's open hand-off after the turn: the page script shows its status line.
    let handoff: HandoffNotice?

    /// The bubbles of `messages` (the turn's question and answer) and the usage after the turn.
    /// - Parameter csrf: the session's token, for the hand-off button under the answer (left out without it).
    public init(messages: [ChatMessage], user: User, quota: QuotaStatus, showTraces: Bool, nextTurnKey: String,
                handoff: HandoffNotice? = nil, csrf: String? = nil) {
        let clock = LocalTimeFormatter(timeZoneIdentifier: user.timeZone)
        bubbles = Bubble.list(messages, clock: clock, showTraces: showTraces && user.role.maySeeDebugTrace,
                              forms: csrf.flatMap { ActionLink.FormContext.unlessWaiting(
                                  handoff, csrf: $0, conversationID: messages.first?.conversationID) })
        usage = UsageBar(quota, clock: clock)
        conversationID = messages.first?.conversationID ?? ""
        let asked = messages.last { $0.role == .shopper } ?? messages.last
        conversation = ConversationLink(
            summary: ConversationSummary(id: conversationID, lastMessage: asked?.text ?? "",
                                         lastActive: messages.last?.createdAt ?? Date(timeIntervalSince1970: 0)),
            current: true, clock: clock)
        self.nextTurnKey = nextTurnKey
        self.handoff = handoff
    }
}

struct ConversationLink: Sendable {
    let id: String
    /// Opens at the conversation's newest message, with or without the page script (`#latest`, `Bubble.anchor`).
    let href: String
    let label: String
    let when: String
    let current: Bool

    init(summary: ConversationSummary, current: Bool, clock: LocalTimeFormatter) {
        var query = URLComponents()
        query.queryItems = [URLQueryItem(name: "c", value: summary.id)]
        id = summary.id
        href = "/chat" + (query.string ?? "") + "#latest"
        let words = summary.lastMessage.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        label = DisplayRedaction.redactPaymentNumbers(words.count > 40 ? String(words.prefix(40)) + "…" : words)
        when = clock.stamp(summary.lastActive)
        self.current = current
    }
}

/// The reviewer's switch for this page.
struct DebugToggle: Sendable {
    let on: Bool
    let conversationID: String
}

/// The status line of a conversation passed to Customer Care. Waiting: "Passed to Customer Care at 10:02 — a person
/// replies here within 2 working days" (the time promised when it was passed on). Answered: "Customer Care answered
/// at 11:15 — their reply is above."
public struct HandoffNotice: Sendable, Equatable {
    /// "at 10:02" today, "on Fri 20 Nov 10:02" before.
    let when: String
    let replyWithin: String
    let timestamp: String
    /// Set once a person has replied: "at 11:15" or "on Fri 20 Nov 11:15".
    let answered: String?
    /// `waiting` or `answered`, for the stylesheet and the page script.
    let state: String

    /// The notice for the conversation's latest request, waiting or answered.
    public init?(_ request: HandoffRequest, now: Date, timeZone: String) {
        let since = HandoffWording.when(request.createdAt, now: now, timeZone: timeZone)
        when = (since.contains(" ") ? "on " : "at ") + since
        replyWithin = HandoffWording.replyWithin(workingDays: request.promisedReplyWorkingDays)
        timestamp = LocalTimeFormatter.iso(request.createdAt)
        answered = request.isOpen ? nil : request.answeredAt.map { at in
            let words = HandoffWording.when(at, now: now, timeZone: timeZone)
            return (words.contains(" ") ? "on " : "at ") + words
        } ?? "already"
        state = request.isOpen ? "waiting" : "answered"
    }

    /// A hand-off is waiting for a person: the "ask for a person" button is not offered again.
    var isWaiting: Bool { answered == nil }
}
