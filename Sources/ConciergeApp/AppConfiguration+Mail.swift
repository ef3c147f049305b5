import ConciergeCore
import Foundation

extension AppConfiguration {
    /// `SMTP_HOST` turns mail on (password reset by e-mail); without it the site says reset by mail is not available.
    /// With it, `SMTP_FROM` and `PUBLIC_URL` are required; `SMTP_PORT` defaults to 587 with `SMTP_TLS=starttls`
    /// (`none` only for a relay on the same host, `tls` for port 465). `SMTP_USERNAME` and `SMTP_PASSWORD` go
    /// together; the password is never printed.
    static func mailSettings(_ reader: inout EnvironmentReader) -> MailSettings? {
        guard let host = reader.string("SMTP_HOST") else { return nil }
        let from = reader.string("SMTP_FROM")
        let publicURL = reader.string("PUBLIC_URL")
        let securityName = reader.string("SMTP_TLS")?.lowercased() ?? "starttls"
        let security = MailSettings.Security(rawValue: securityName)
        let port = reader.int("SMTP_PORT", default: security == .tls ? 465 : 587, in: 1...65_535)
        let username = reader.string("SMTP_USERNAME")
        let password = reader.string("SMTP_PASSWORD")
        if from == nil { reader.problems.append("SMTP_FROM is required when SMTP_HOST is set") }
        if publicURL.map({ !($0.hasPrefix("https://") || $0.hasPrefix("http://")) }) ?? true {
            reader.problems.append("PUBLIC_URL (http:// or https://, where shoppers reach the site) is required when "
                + "SMTP_HOST is set: reset links point there")
        }
        if security == nil { reader.problems.append("SMTP_TLS must be one of none, starttls, tls") }
        if (username == nil) != (password == nil) {
            reader.problems.append("SMTP_USERNAME and SMTP_PASSWORD must be set together")
        }
        guard let from, let publicURL, let security else { return nil }
        return MailSettings(host: host, port: port, from: from, username: username, password: password,
                            security: security, publicURL: publicURL)
    }

    /// The start-up line about mail (no password, no user name).
    var mailSummary: String {
        guard let mail else { return "mail: off (no password reset by e-mail)" }
        return "mail: smtp \(mail.host):\(mail.port) (\(mail.security.rawValue)), links to \(mail.publicURL)"
    }
}
