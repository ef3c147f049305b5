import Analytics
import ConciergeCore
import Foundation

/// An audience file: CSV or JSON, masked (pseudonymous ids, masked contacts: analysts and admins) or with real
/// contacts for one channel (admins only; only customers who consented to that channel). Every export writes an
/// audit record first: a file that exists was audited.
public struct AudienceExporter: Sendable {
    public enum Format: String, Sendable, CaseIterable { case csv, json }

    public enum Refusal: Error, Equatable, Sendable {
        /// Real contacts need `Role.mayExportContacts`; the masked file needs `mayUseAnalytics`.
        case notAllowed
    }

    public struct Export: Sendable {
        public var body: Data
        public var count: Int
        /// Members left out because they did not consent to the channel (contacts exports only).
        public var withoutConsent: Int
        public var audit: AudienceAuditRecord
    }

    /// One line of the file.
    struct Row: Codable, Hashable {
        var customer: String
        var score: Double
        var reasons: String
        var email: String?
        var phone: String?
        var name: String?
    }

    let store: any (UserStore & AnalyticsReadStore & AudienceAuditStore)
    let pseudonyms: CustomerPseudonyms
    let clock: any WallClock
    let ids: any IdentifierSource

    public init(store: any (UserStore & AnalyticsReadStore & AudienceAuditStore), pseudonyms: CustomerPseudonyms,
                clock: any WallClock, ids: any IdentifierSource) {
        self.store = store
        self.pseudonyms = pseudonyms
        self.clock = clock
        self.ids = ids
    }

    /// `contacts` nil is the masked file; a channel asks for real contacts on it.
    public func export(_ result: AudienceResult, by actor: User, contacts channel: AudienceChannel?,
                       format: Format) async throws -> Export {
        guard actor.role.mayUseAnalytics, channel == nil || actor.role.mayExportContacts else {
            throw Refusal.notAllowed
        }
        // Pseudonyms are one-way: the ids behind the members are found by pseudonymising every shopper id.
        var userIDs: [String: String] = [:]
        for id in try await store.shopperIDs() { userIDs[pseudonyms.pseudonym(id)] = id }
        var rows: [Row] = []
        var withoutConsent = 0
        for member in result.members {
            guard let id = userIDs[member.customer], let user = try await store.user(id: id) else { continue }
            let reasons = (member.matchedClauses + member.topFacts).joined(separator: "; ")
            var row = Row(customer: member.customer, score: member.score, reasons: reasons)
            switch channel {
            case nil:
                row.email = ContactMask.email(user.email)
                row.phone = user.phone.map(ContactMask.phone)
            case .email?:
                guard user.consent.email else { withoutConsent += 1; continue }
                row.email = user.email
                row.name = user.name
            case .sms?:
                guard user.consent.sms, let phone = user.phone else { withoutConsent += 1; continue }
                row.phone = phone
                row.name = user.name
            }
            rows.append(row)
        }
        let audit = AudienceAuditRecord(id: ids.make("aud_"), actorID: actor.id, at: clock.now(),
                                        kind: channel == nil ? .masked : .contacts, channel: channel?.rawValue,
                                        filter: result.filter, intent: result.intent, count: rows.count)
        try await store.appendAudienceAudit(audit)
        let body = format == .csv ? AudienceCSV.render(rows, contacts: channel) : try Self.json(rows)
        return Export(body: body, count: rows.count, withoutConsent: withoutConsent, audit: audit)
    }

    static func json(_ rows: [Row]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(rows)
    }
}

/// Contact details an analyst may see: enough to recognise a domain or check a list, not to write to anyone.
enum ContactMask {
    /// `jane.doe@example.com` → `j***@e***.com`.
    static func email(_ address: String) -> String {
        let parts = address.split(separator: "@", maxSplits: 1)
        guard parts.count == 2, let first = parts[0].first, let domainFirst = parts[1].first else { return "***" }
        let tld = parts[1].lastIndex(of: ".").map { String(parts[1][$0...]) } ?? ""
        return "\(first)***@\(domainFirst)***\(tld)"
    }

    /// `+44 20 7946 0958` → `***58`.
    static func phone(_ number: String) -> String {
        "***" + String(number.filter(\.isNumber).suffix(2))
    }
}

/// RFC 4180 CSV with a guard against formula injection: a cell starting with `=`, `+`, `-`, `@` (or a tab or
/// carriage return) is prefixed with `'` so a spreadsheet shows it instead of running it.
enum AudienceCSV {
    static func render(_ rows: [AudienceExporter.Row], contacts: AudienceChannel?) -> Data {
        var header = ["customer", "score", "reasons"]
        switch contacts {
        case nil: header += ["email_masked", "phone_masked"]
        case .email?: header += ["name", "email"]
        case .sms?: header += ["name", "phone"]
        }
        var lines = [header.joined(separator: ",")]
        for row in rows {
            var cells = [row.customer, String(format: "%.4f", row.score), row.reasons]
            switch contacts {
            case nil: cells += [row.email ?? "", row.phone ?? ""]
            case .email?: cells += [row.name ?? "", row.email ?? ""]
            case .sms?: cells += [row.name ?? "", row.phone ?? ""]
            }
            lines.append(cells.map(cell).joined(separator: ","))
        }
        return Data((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    static func cell(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
