import ConciergeApp
import ConciergeCore
import Foundation
import Testing

@Suite("Configuration: outgoing mail")
struct MailConfigurationTests {
    @Test func withoutSMTPHostMailIsOffAndSaidSo() throws {
        let configuration = try AppConfiguration(environment: [:])
        #expect(configuration.mail == nil)
        #expect(configuration.summary.contains("mail: off (no password reset by e-mail)"))
    }

    @Test func theRelayIsReadWithDefaultsAndThePasswordIsNeverPrinted() throws {
        let configuration = try AppConfiguration(environment: [
            "SMTP_HOST": "smtp.example.net", "SMTP_FROM": "concierge@example.net", "PUBLIC_URL": "https://shop.example/",
            "SMTP_USERNAME": "relay-user", "SMTP_PASSWORD": "relay-s3cret",
        ])
        #expect(configuration.mail == MailSettings(host: "smtp.example.net", port: 587, from: "concierge@example.net",
                                                   username: "relay-user", password: "relay-s3cret",
                                                   security: .starttls, publicURL: "https://shop.example"))
        let printed = configuration.summary.joined(separator: "\n")
        #expect(printed.contains("mail: smtp smtp.example.net:587 (starttls), links to https://shop.example"))
        #expect(!printed.contains("relay-s3cret") && !printed.contains("relay-user"))
    }

    @Test func aHostWithoutSenderOrSiteAddressFailsNamingEveryMissingKey() throws {
        let error = #expect(throws: ConfigurationError.self) {
            try AppConfiguration(environment: ["SMTP_HOST": "smtp.example.net", "SMTP_TLS": "maybe",
                                               "SMTP_USERNAME": "relay-user"])
        }
        let problems = error?.problems.joined(separator: "\n") ?? ""
        for key in ["SMTP_FROM", "PUBLIC_URL", "SMTP_TLS", "SMTP_PASSWORD"] { #expect(problems.contains(key), "\(key)") }
    }
}
