import ConciergeApp
import ConciergeCore
import Foundation
import Testing
import TestSupport

@Suite("Configuration")
struct ConfigurationTests {
    @Test func defaultsRunOnTheEmbeddedStoreWithTheMockLLM() throws {
        let configuration = try AppConfiguration(environment: [:])
        #expect(configuration.store == .sqlite(path: "data/concierge.sqlite"))
        #expect(configuration.llmMock)
        #expect(configuration.dailyMessageLimit == 30)
        #expect(configuration.bcryptCost == 12)
    }

    @Test func mongoIsChosenByItsURIAndCredentialsAreNeverPrinted() throws {
        let configuration = try AppConfiguration(environment: [
            "MONGODB_URI": "mongodb://app:s3cret@db.internal:27017", "LLM_API_KEY": "sk-live-123", "LLM_MOCK": "off",
        ])
        #expect(configuration.store == .mongo(uri: "mongodb://app:s3cret@db.internal:27017", database: "concierge"))
        #expect(configuration.llmMock == false)
        let printed = configuration.summary.joined(separator: "\n")
        #expect(!printed.contains("s3cret") && !printed.contains("sk-live-123"))
        #expect(printed.contains("mongodb://***@db.internal:27017"))
    }

    /// Several instances behind one address share the form key, or a form from one fails its CSRF check on another.
    @Test func theFormSigningKeyIsReadButNeverPrinted() throws {
        let key = Data((0..<32).map { UInt8($0 * 7 % 251) }).base64EncodedString()
        let configuration = try AppConfiguration(environment: ["FORM_SIGNING_KEY": key])
        #expect(configuration.formSigningKey?.count == 32)
        let printed = configuration.summary.joined(separator: "\n")
        #expect(printed.contains("form signing key: set") && !printed.contains(key))
        #expect(try AppConfiguration(environment: [:]).summary.contains("form signing key: random per process"))
        #expect(throws: ConfigurationError(problems: ["FORM_SIGNING_KEY must be at least 32 random bytes in base64"])) {
            try AppConfiguration(environment: ["FORM_SIGNING_KEY": "c2hvcnQ="])
        }
    }

    /// Analytics pseudonyms are keyed: the key is read, never printed, and a short one is refused.
    @Test func theAnalyticsPseudonymKeyIsReadButNeverPrinted() throws {
        let key = Data((0..<32).map { UInt8($0 * 11 % 251) }).base64EncodedString()
        let configuration = try AppConfiguration(environment: ["ANALYTICS_PSEUDONYM_KEY": key])
        #expect(configuration.analyticsPseudonymKey?.count == 32)
        let printed = configuration.summary.joined(separator: "\n")
        #expect(printed.contains("analytics pseudonym key: set") && !printed.contains(key))
        #expect(try AppConfiguration(environment: [:]).summary.contains("analytics pseudonym key: development key"))
        #expect(throws: ConfigurationError(
            problems: ["ANALYTICS_PSEUDONYM_KEY must be at least 32 random bytes in base64"])) {
            try AppConfiguration(environment: ["ANALYTICS_PSEUDONYM_KEY": "c2hvcnQ="])
        }
    }

    @Test func everyBadKeyIsNamedAtOnce() {
        #expect(throws: ConfigurationError(problems: [
            "LLM_MAX_ATTEMPTS must be a whole number in 1...10", "DAILY_MESSAGE_LIMIT must be a whole number in 1...100000",
            "PORT must be a whole number in 0...65535", "LLM_API_KEY is required when LLM_MOCK is off",
        ])) {
            try AppConfiguration(environment: ["LLM_MAX_ATTEMPTS": "0", "DAILY_MESSAGE_LIMIT": "lots", "PORT": "99999",
                                               "LLM_MOCK": "false"])
        }
    }
}

@Suite("Configuration: retention")
struct RetentionConfigurationTests {
    /// The default keeps the privacy notice's promise ("Chat messages | 90 days, then deleted"): read from the
    /// policy itself, so changing one without the other fails here.
    @Test func theDefaultMessageRetentionIsWhatThePrivacyNoticePromises() throws {
        let notice = try String(contentsOf: RepositoryPaths.seeds.appendingPathComponent("policies/privacy.md"),
                                encoding: .utf8)
        let row = try #require(notice.split(separator: "\n").first { $0.hasPrefix("| Chat messages |") })
        let promised = try #require(Int(row.split(separator: "|")[1].split(separator: " ")[0]))
        let configuration = try AppConfiguration(environment: [:])
        #expect(configuration.retention.messageDays == promised)
        #expect(configuration.retention.traceDays == 30)
    }

    @Test func windowsAreConfigurableAndBadValuesAreNamed() throws {
        let configuration = try AppConfiguration(environment: ["TRACE_RETENTION_DAYS": "7", "MESSAGE_RETENTION_DAYS": "30"])
        #expect(configuration.retention == RetentionPolicy(traceDays: 7, messageDays: 30))
        #expect(throws: ConfigurationError(problems: ["TRACE_RETENTION_DAYS must be a whole number in 1...3650"])) {
            try AppConfiguration(environment: ["TRACE_RETENTION_DAYS": "0"])
        }
    }
}
