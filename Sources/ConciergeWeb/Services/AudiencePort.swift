import ConciergeCore
import Foundation

/// What the audience API needs from the application: run a discovery request and say what came of it. The
/// composition root implements it (`ConciergeApp.AudienceDiscoveryService`); the web side only moves bytes, checks
/// who asks and renders the status.
public protocol AudienceDiscoveryPort: Sendable {
    /// The request body is the JSON document of docs/analytics.md ("Audiences"). A refusal means nothing ran.
    func discover(requestBody: Data, by user: User) async throws -> AudienceDiscoveryReply
    /// The same request, run and written as a file: `format` is `csv` or `json`; `contacts` nil is the masked file,
    /// `email` or `sms` real contacts for that channel (admins only, consent honoured). Every file is audited.
    func export(requestBody: Data, by user: User, format: String, contacts: String?) async throws
        -> AudienceDiscoveryReply
}

public enum AudienceDiscoveryReply: Sendable, Equatable {
    /// The JSON response body.
    case found(Data)
    /// Why the request or its filter was refused (safe to show: it names fields, never echoes values at length).
    case refused(String)
    /// The caller's role may not do this (403).
    case forbidden(String)
}
