import Foundation

/// One plain-text e-mail. Its body may hold a secret (a reset link): it is never logged.
public struct MailMessage: Sendable, Equatable {
    public var to: String
    public var subject: String
    public var body: String
    /// The `Date` header: from the injected clock, like every time the site writes.
    public var date: Date

    public init(to: String, subject: String, body: String, date: Date) {
        self.to = to
        self.subject = subject
        self.body = body
        self.date = date
    }
}

/// Sends mail (SMTP in production: `CurlSMTPMailer`). Throws when the relay refused or could not be reached.
public protocol Mailer: Sendable {
    func send(_ message: MailMessage) async throws
}

/// How mail leaves the site (`SMTP_HOST`, `SMTP_PORT`, `SMTP_FROM`, `SMTP_USERNAME`, `SMTP_PASSWORD`, `SMTP_TLS`) and
/// where links in it point (`PUBLIC_URL`: never the request's `Host` header, which a visitor can set to send a
/// victim's reset link to their own server).
public struct MailSettings: Sendable, Equatable {
    /// `none` only for a relay on the same host (or a test peer); `starttls` upgrades port 587; `tls` is port 465.
    public enum Security: String, Sendable, Equatable, CaseIterable {
        case none, starttls, tls
    }

    public var host: String
    public var port: Int
    public var from: String
    public var username: String?
    /// A secret: never printed.
    public var password: String?
    public var security: Security
    /// The site's address as shoppers reach it, without a trailing slash (`https://concierge.example.com`).
    public var publicURL: String
    /// The whole exchange with the relay, connection included.
    public var timeout: Duration

    public init(host: String, port: Int, from: String, username: String? = nil, password: String? = nil,
                security: Security, publicURL: String, timeout: Duration = .seconds(15)) {
        self.host = host
        self.port = port
        self.from = from
        self.username = username
        self.password = password
        self.security = security
        self.publicURL = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        self.timeout = timeout
    }
}
