import Analytics
import ConciergeCore
import Foundation

/// `admin-chat.mustache`: the analyst chat. Each turn is the (masked) question and the answer, with its groundedness
/// badge, the unsupported sentences if any, the facts used and a link to each segment it names; the analyst's
/// conversations beside it; a plain form (post-redirect-get, no script).
public struct AnalystChatPage: Page {
    public static let template = "admin-chat"
    public let title = "Analyst chat · Analyst"
    public let navigation: Navigation?
    let csrf: String
    /// The key the form sends with the question, so that sending it again is the same turn.
    let turnKey: String
    let conversationID: String
    let turns: [TurnView]
    let conversations: [ConversationLink]
    /// Mustache reads stored properties only (it reflects with `Mirror`), so the "any?" flags are stored too.
    let hasConversations: Bool
    let maximumLength: Int
    /// The refused question, as typed (less control characters), and why.
    let draft: String
    let error: String?

    struct TurnView: Sendable {
        let id: String
        let anchor: String?
        let question: String
        let askedAt: String
        let answer: String
        let kind: String
        let badge: String?
        let badgeClass: String
        let checked: String
        let unsupported: [AnalystSegmentPage.UnsupportedSentence]
        let facts: [FactView]
        let segments: [SegmentLink]
        let producer: String
        let fallbackReason: String?
        let hasUnsupported: Bool
        let hasFacts: Bool
        let hasSegments: Bool
    }

    struct FactView: Sendable {
        let segment: String
        let metric: String
    }

    struct SegmentLink: Sendable {
        let name: String
        let href: String
    }

    struct ConversationLink: Sendable {
        let href: String
        let label: String
        let isCurrent: Bool
    }

    /// - Parameters:
    ///   - segments: every segment on the desk's as-of date, to name the facts' segments and link them.
    public init(analyst: User, csrf: String, turnKey: String, chat: AnalystChatView, segments: [SegmentSnapshot],
                maximumLength: Int, draft: String = "", error: String? = nil) {
        navigation = Navigation(analyst: analyst, csrf: csrf)
        self.csrf = csrf
        self.turnKey = turnKey
        conversationID = chat.conversationID ?? ""
        let names = Dictionary(segments.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        turns = chat.turns.enumerated().map { index, turn in
            Self.view(turn, isLatest: index == chat.turns.count - 1, segments: names)
        }
        conversations = chat.conversations.map {
            ConversationLink(href: AnalystLinks.chat(conversation: $0.id), label: $0.lastQuestion,
                             isCurrent: $0.id == chat.conversationID)
        }
        hasConversations = !conversations.isEmpty
        self.maximumLength = maximumLength
        self.draft = draft
        self.error = error
    }

    static func view(_ turn: AnalystChatTurn, isLatest: Bool, segments: [String: SegmentSnapshot]) -> TurnView {
        let record = turn.record
        let report = record?.groundedness
        let badge = report.map { AnalystFormat.groundedness($0.score) }
        let checked = report.map {
            "\($0.sentences.count { $0.supported }) of \($0.sentences.count) sentences supported"
        }
        let facts = (record?.facts ?? []).map { fact in
            let snapshot = segments[fact.segmentID]
            return FactView(segment: snapshot?.name ?? fact.segmentID,
                            metric: snapshot?.metric(fact.metricKey)?.label ?? fact.metricKey)
        }
        // Segments the answer used or is about, each linked once; the chain-wide snapshot has no page.
        var ids: [String] = []
        for id in (record?.facts.map(\.segmentID) ?? []) + (record?.context.segments ?? [])
        where !ids.contains(id) && id != SegmentSnapshots.allCustomersID && segments[id] != nil {
            ids.append(id)
        }
        let unsupported = (report?.unsupported ?? []).map {
            AnalystSegmentPage.UnsupportedSentence(text: $0.text, problems: $0.problems)
        }
        let links = ids.compactMap { id in
            segments[id].map { SegmentLink(name: $0.name, href: AnalystLinks.segment(id)) }
        }
        return TurnView(
            id: turn.questionID, anchor: isLatest ? "latest" : nil, question: turn.question, askedAt: turn.askedAt,
            answer: turn.answer.isEmpty ? "No answer was stored for this question." : turn.answer,
            kind: record?.kind.rawValue ?? "answer", badge: badge?.text, badgeClass: badge?.cssClass ?? "",
            checked: checked ?? "The check's record has expired with the answer's trace.",
            unsupported: unsupported, facts: facts, segments: links, producer: record?.producer ?? "—",
            fallbackReason: record?.fallbackReason, hasUnsupported: !unsupported.isEmpty, hasFacts: !facts.isEmpty,
            hasSegments: !links.isEmpty)
    }
}
