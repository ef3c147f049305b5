import ConciergeCore
import Foundation

/// `care.mustache`: the Customer Care inbox, open hand-offs oldest first. Only masked text reaches it.
public struct CareInboxPage: Page {
    public static let template = "care"
    public let title = "Customer Care"
    public let navigation: Navigation?
    let requests: [Row]

    struct Row: Sendable {
        let href: String
        let when: String
        let timestamp: String
        let reason: String
        let summary: String
    }

    /// - Parameters:
    ///   - staff: the signed-in reviewer or admin (times are in their time zone).
    ///   - requests: the open requests, oldest first.
    public init(staff: User, csrf: String, requests: [HandoffRequest]) {
        navigation = Navigation(name: staff.name, csrf: csrf, showsCareInbox: true,
                                showsAnalystDesk: staff.role.mayUseAnalytics)
        let clock = LocalTimeFormatter(timeZoneIdentifier: staff.timeZone)
        self.requests = requests.map { request in
            Row(href: CareLinks.request(request.id), when: clock.stamp(request.createdAt),
                timestamp: LocalTimeFormatter.iso(request.createdAt), reason: CareLabels.reason(request.reason),
                summary: DisplayRedaction.redactPaymentNumbers(request.summary))
        }
    }
}

/// `care-request.mustache`: one hand-off, its masked conversation and the reply form.
public struct CareRequestPage: Page {
    public static let template = "care-request"
    public let title = "Customer Care request"
    public let navigation: Navigation?
    let csrf: String
    let action: String
    let when: String
    let reason: String
    let summary: String
    let answered: String?
    let lines: [Line]
    let draft: String
    let error: String?
    let maximumReplyLength: Int

    struct Line: Sendable {
        let id: String
        let kind: String
        let author: String
        let text: String
        let time: String
        let timestamp: String
    }

    /// - Parameters:
    ///   - draft: the refused reply, kept in the text area; `error` says why it was refused.
    public init(staff: User, csrf: String, transcript: CareTranscript, draft: String = "", error: String? = nil) {
        navigation = Navigation(name: staff.name, csrf: csrf, showsCareInbox: true,
                                showsAnalystDesk: staff.role.mayUseAnalytics)
        self.csrf = csrf
        let request = transcript.request
        action = CareLinks.reply(request.id)
        let clock = LocalTimeFormatter(timeZoneIdentifier: staff.timeZone)
        when = clock.stamp(request.createdAt)
        reason = CareLabels.reason(request.reason)
        summary = DisplayRedaction.redactPaymentNumbers(request.summary)
        answered = request.answeredAt.map { "Answered " + clock.stamp($0) }
        lines = transcript.lines.map { line in
            let (kind, author) = switch line.role {
            case .shopper: ("from-shopper", "Shopper")
            case .assistant: ("from-concierge", "Concierge")
            case .staff: ("from-care", "Customer Care")
            }
            return Line(id: line.id, kind: kind, author: author,
                        text: DisplayRedaction.redactPaymentNumbers(line.maskedText), time: clock.stamp(line.createdAt),
                        timestamp: LocalTimeFormatter.iso(line.createdAt))
        }
        self.draft = draft
        self.error = error
        maximumReplyLength = CustomerCareDesk.maximumReplyLength
    }
}

/// Paths of the Customer Care pages (ids are `care_` and URL-safe characters; encoded anyway).
public enum CareLinks {
    public static let inbox = "/care"

    public static func request(_ id: String) -> String { inbox + "/" + encoded(id) }

    public static func reply(_ id: String) -> String { request(id) + "/reply" }

    private static func encoded(_ id: String) -> String {
        let segment = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))
        return id.addingPercentEncoding(withAllowedCharacters: segment) ?? ""
    }
}

enum CareLabels {
    static func reason(_ reason: HandoffReason) -> String {
        switch reason {
        case .asked: "Asked for a person"
        case .frustration: "Repeated frustration"
        }
    }
}
