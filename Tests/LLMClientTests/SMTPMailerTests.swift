import ConciergeCore
import CurlLLM
import Foundation
import Testing
import TestSupport

/// The libcurl SMTP mailer against a real SMTP server (`SMTPTestPeer`: aiosmtpd on 127.0.0.1).
@Suite("SMTP mailer over libcurl")
struct SMTPMailerTests {
    static func settings(port: Int) -> MailSettings {
        MailSettings(host: "127.0.0.1", port: port, from: "concierge@brambleandbean.test", security: .none,
                     publicURL: "https://concierge.test", timeout: .seconds(5))
    }

    @Test func aMessageArrivesWholeWithItsHeadersAndUTF8Body() async throws {
        let peer = try await SMTPTestPeer.launch()
        let mailer = CurlSMTPMailer(settings: Self.settings(port: peer.port))
        let body = "Hello Zoë,\n\n.a line that starts with a dot\nLink: https://concierge.test/reset-password?token=abc\n"
        try await mailer.send(MailMessage(to: "zoe@example.com", subject: "Reset\r\nBcc: evil@example.com",
                                          body: body, date: Date(timeIntervalSince1970: 1_795_000_000)))
        let mail = try await peer.waitForMessages(1)
        #expect(mail.count == 1 && mail[0].recipients == ["zoe@example.com"])
        #expect(mail[0].header("To") == "zoe@example.com" && mail[0].header("From") == "concierge@brambleandbean.test")
        #expect(mail[0].header("Subject") == "ResetBcc: evil@example.com", "a line break cannot add a header")
        #expect(mail[0].header("Bcc") == nil)
        #expect(mail[0].header("Date") == "Wed, 18 Nov 2026 11:06:40 +0000")
        #expect(mail[0].body == body, "dot-stuffing undone by the server, UTF-8 intact")
    }

    @Test func aRefusedRecipientOrAnAbsentServerIsAnError() async throws {
        let peer = try await SMTPTestPeer.launch()
        let mailer = CurlSMTPMailer(settings: Self.settings(port: peer.port))
        let message = MailMessage(to: "refused@example.com", subject: "Hi", body: "x", date: Date(timeIntervalSince1970: 0))
        await #expect(throws: MailError.self) { try await mailer.send(message) }
        #expect(try peer.messages().isEmpty)
        let closed = CurlSMTPMailer(settings: Self.settings(port: 1))
        await #expect(throws: MailError.self) {
            try await closed.send(MailMessage(to: "a@example.com", subject: "Hi", body: "x", date: Date(timeIntervalSince1970: 0)))
        }
    }
}
