import Foundation

/// One audience export, as the audit trail keeps it: who, when, which filter and intent, what kind, how many.
/// No customer is named in it: the filter and the count say what left, the actor who took it.
public struct AudienceAuditRecord: Codable, Hashable, Sendable, Identifiable {
    public enum Kind: String, Codable, Hashable, Sendable, CaseIterable {
        /// Pseudonymous ids and masked contacts (analysts and admins).
        case masked
        /// Real contact details for one channel, consent honoured (admins only).
        case contacts
    }

    public var id: String
    /// The staff account that exported.
    public var actorID: String
    public var at: Date
    public var kind: Kind
    /// `email` or `sms` for a contacts export; nil for a masked one.
    public var channel: String?
    /// The filter as run (canonical JSON) and the intent text.
    public var filter: String
    public var intent: String
    /// Customers in the file.
    public var count: Int

    public init(id: String, actorID: String, at: Date, kind: Kind, channel: String?, filter: String, intent: String,
                count: Int) {
        self.id = id
        self.actorID = actorID
        self.at = at
        self.kind = kind
        self.channel = channel
        self.filter = filter
        self.intent = intent
        self.count = count
    }
}
