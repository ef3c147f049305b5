import Analytics
import ConciergeCore

/// The analyst side as the web sees it: the one port behind every page and endpoint under `/admin`. The composition
/// root adapts the segment workbench (snapshots and customer rows from the store for an as-of date) and the insight
/// service (writer, groundedness check, versioned store) to it; web tests use a fake holding fixed data.
///
/// Everything it returns is keyed by pseudonymous customer ids and holds aggregates or behaviour only: no name,
/// e-mail, phone or address reaches the analyst pages or the API.
///
/// Metric keys the overview reads from each `SegmentSnapshot` (a missing one shows as "—"): `customers` (count),
/// `netValueTotal` (money), `meanDaysSinceLast` (days) and `atRiskShare` (share of the segment whose last purchase
/// was 91–180 days ago).
public protocol AnalystDesk: Sendable {
    /// Every segment on the current as-of date, the chain as a whole, churn bands, CLV distribution, value model.
    func overview() async throws -> AnalystOverview
    /// One segment and its newest insight; `nil` for an unknown id.
    func segment(id: String) async throws -> AnalystSegmentDetail?
    /// Every insight version of a segment, newest first; empty when none was written yet. Callers check the segment
    /// exists first (`segment(id:)`).
    func insights(segmentID: String) async throws -> [SegmentInsight]
    /// Writes a new insight version for the segment from its current snapshot and returns it. `requestedBy` is the
    /// analyst's user id, for the insight store's record. Throws `AnalystDeskError.unknownSegment` for an unknown id.
    func refreshInsight(segmentID: String, requestedBy: String) async throws -> SegmentInsight
    /// One customer's card by pseudonymous id; `nil` for an unknown id (and for anything that is not such an id).
    func customer(id: String) async throws -> AnalystCustomerCard?
    /// The analyst chat: reads, answers, checks and stores one question of `analystID`'s, in `conversationID` (one of
    /// theirs, `an_…`) or a new conversation when `nil`. Throws `AnalystDeskError` for a question that cannot be
    /// asked (empty, too long, control characters) or a conversation that is not theirs. With a `turnKey`, asking
    /// again is one turn, not two: the stored answer comes back, or a stored question is answered without being
    /// stored again (`TurnKey`); the same key still being answered is `AnalystDeskError.turnInProgress`.
    func ask(_ question: String, conversationID: String?, analystID: String, turnKey: TurnKey?) async throws
        -> AnalystChatTurn
    /// The analyst's chat conversations and the turns of the selected one; `nil` when `selection` names a
    /// conversation that is not one of theirs.
    func chat(analystID: String, selection: AnalystChatSelection) async throws -> AnalystChatView?
}

/// Which analyst conversation the chat page shows.
public enum AnalystChatSelection: Equatable, Sendable {
    /// The most recently active one (none yet: a new one).
    case latest
    case new
    case specific(String)

    /// `?c=` of the page: absent → latest, `new` → new, anything else → that id.
    public init(query: String?) {
        switch query {
        case nil, "": self = .latest
        case "new": self = .new
        case let id?: self = .specific(id)
        }
    }
}

/// The analyst chat's limits.
public enum AnalystChatLimits {
    /// Characters in one question: a question, not a pasted report (the reader works on short text).
    public static let questionLength = 1_000
}

/// What the desk may refuse with besides store and model failures.
public enum AnalystDeskError: Error, Equatable, Sendable {
    case unknownSegment
    /// The analyst chat's refusals of a question (422 on the page, with the text kept).
    case emptyQuestion
    case questionTooLong(limit: Int)
    case controlCharacters
    /// A conversation id that is not one of the analyst's analyst conversations (404).
    case unknownConversation
    /// The same turn key while its first send is still being answered (409: a double submit).
    case turnInProgress
}
