import ConciergeCore
import ConciergeWeb
import Foundation

/// Every setting of the application, read once from the environment (and a `.env` file) into typed values.
///
/// Defaults suit development: the embedded SQLite store, the mock LLM, no secrets needed. `validate` names every
/// bad key at once; `summary` prints the configuration with secrets redacted.
public struct AppConfiguration: Sendable, Equatable {
    public enum StoreKind: Sendable, Equatable {
        case sqlite(path: String)
        case mongo(uri: String, database: String)
    }

    public var store: StoreKind
    public var llmBaseURL: String
    public var llmAPIKey: String?
    public var llmModel: String
    public var llmMock: Bool
    public var llmTimeoutMilliseconds: Int
    public var llmMaxAttempts: Int
    public var llmDeadlineMilliseconds: Int
    /// The mock model's pause between streamed pieces (`MOCK_STREAM_DELAY_MS`, default 30): small, but enough for
    /// the demo and the browser tests to see an answer stream in.
    public var mockStreamDelayMilliseconds: Int
    /// What the configured model costs per 1,000 tokens (`LLM_PRICE_PER_1K_PROMPT_TOKENS`,
    /// `LLM_PRICE_PER_1K_COMPLETION_TOKENS`, default 0, in `LLM_PRICE_CURRENCY`, default USD). The mock is free
    /// whatever they say (`usagePricing`).
    public var llmPricing: ModelPricing
    public var dailyMessageLimit: Int
    public var bcryptCost: Int
    public var host: String
    public var port: Int
    public var templatesDirectory: String
    public var publicDirectory: String
    public var seedsDirectory: String
    /// The sentence-embedding model for hybrid retrieval (`EMBEDDING_MODEL_DIR`, default where `script/bootstrap`
    /// unpacks it); `nil` (`off`) for lexical retrieval by choice.
    public var embeddingModelDirectory: String?
    /// A TLS-terminating reverse proxy of ours is in front (`TRUST_FORWARDED_HEADERS`, or `serve --behind-proxy`).
    public var trustForwardedHeaders: Bool
    /// How long traces and messages are kept (`TRACE_RETENTION_DAYS`, default 30; `MESSAGE_RETENTION_DAYS`,
    /// default 90, what the privacy notice promises for chat messages).
    public var retention: RetentionPolicy
    /// Signups accepted per client address (`SIGNUP_LIMIT_PER_ADDRESS`, default 5) per `SIGNUP_ADDRESS_WINDOW_HOURS`
    /// (default 24), and from everyone (`SIGNUP_LIMIT_GLOBAL`, default 100) per `SIGNUP_GLOBAL_WINDOW_MINUTES` (60).
    public var signupLimitPerAddress: Int
    public var signupAddressWindowHours: Int
    public var signupLimitGlobal: Int
    public var signupGlobalWindowMinutes: Int
    /// Analyst API requests per user a minute (`ANALYST_API_REQUESTS_PER_MINUTE`, default 60) and insight refreshes per
    /// user an hour (`ANALYST_REFRESHES_PER_HOUR`, default 10; each is a model call).
    public var analystRequestsPerMinute: Int
    public var analystRefreshesPerHour: Int
    /// Milliseconds a connection may take to send a request head (`HTTP_HEADER_TIMEOUT_MS`, default 10,000) and may
    /// stay idle (`HTTP_IDLE_TIMEOUT_MS`, default 60,000).
    public var headerTimeoutMilliseconds: Int
    public var idleTimeoutMilliseconds: Int
    /// The key that signs the login and signup forms' CSRF tokens (`FORM_SIGNING_KEY`, at least 32 bytes in base64),
    /// the same on every instance behind one address; `nil` for a random key per process. A secret: never printed.
    public var formSigningKey: Data?
    /// The key of the pseudonyms that stand for user ids in analytics output (`ANALYTICS_PSEUDONYM_KEY`, at least 32
    /// bytes in base64); `nil` for the development key (pseudonyms are then stable but guessable). A secret: never
    /// printed.
    public var analyticsPseudonymKey: Data?
    /// Outgoing mail (`SMTP_*`, `PUBLIC_URL`); `nil` when `SMTP_HOST` is not set. See `mailSettings`.
    public var mail: MailSettings?

    /// The analyst side's per-user limits (`AnalystThrottle`).
    public var analystLimits: AnalystLimits {
        AnalystLimits(requestsPerWindow: analystRequestsPerMinute, requestWindow: 60,
                      refreshesPerWindow: analystRefreshesPerHour, refreshWindow: 3_600)
    }

    /// The signup throttle's limits (`SignupThrottle`).
    public var signupLimits: SignupLimits {
        SignupLimits(perAddress: signupLimitPerAddress, addressWindow: TimeInterval(signupAddressWindowHours) * 3_600,
                     global: signupLimitGlobal, globalWindow: TimeInterval(signupGlobalWindowMinutes) * 60)
    }

    /// The web server's connection timeouts.
    public var connectionTimeouts: ConnectionTimeouts {
        ConnectionTimeouts(headerRead: .milliseconds(headerTimeoutMilliseconds),
                           idle: .milliseconds(idleTimeoutMilliseconds))
    }

    /// Reads `environment` (usually the process environment merged over `.env`).
    public init(environment: [String: String]) throws {
        var reader = EnvironmentReader(environment)
        if let uri = reader.string("MONGODB_URI") {
            store = .mongo(uri: uri, database: reader.string("MONGODB_DATABASE") ?? "concierge")
        } else {
            store = .sqlite(path: reader.string("CONCIERGE_DB") ?? "data/concierge.sqlite")
        }
        llmBaseURL = reader.string("LLM_BASE_URL") ?? "https://api.openai.com/v1"
        llmAPIKey = reader.string("LLM_API_KEY")
        llmModel = reader.string("LLM_MODEL") ?? "gpt-4o-mini"
        llmMock = reader.bool("LLM_MOCK") ?? (llmAPIKey == nil)
        llmTimeoutMilliseconds = reader.int("LLM_TIMEOUT_MS", default: 15_000, in: 100...300_000)
        llmMaxAttempts = reader.int("LLM_MAX_ATTEMPTS", default: 3, in: 1...10)
        llmDeadlineMilliseconds = reader.int("LLM_DEADLINE_MS", default: 30_000, in: 100...600_000)
        mockStreamDelayMilliseconds = reader.int("MOCK_STREAM_DELAY_MS", default: 30, in: 0...5_000)
        llmPricing = reader.pricing()
        dailyMessageLimit = reader.int("DAILY_MESSAGE_LIMIT", default: 30, in: 1...100_000)
        bcryptCost = reader.int("BCRYPT_COST", default: 12, in: 4...16)
        host = reader.string("HOST") ?? "127.0.0.1"
        port = reader.int("PORT", default: 8080, in: 0...65_535)
        templatesDirectory = reader.string("TEMPLATES_DIR") ?? "Templates"
        publicDirectory = reader.string("PUBLIC_DIR") ?? "Public"
        seedsDirectory = reader.string("SEEDS_DIR") ?? "Seeds"
        trustForwardedHeaders = reader.bool("TRUST_FORWARDED_HEADERS") ?? false
        retention = RetentionPolicy(traceDays: reader.int("TRACE_RETENTION_DAYS", default: 30, in: 1...3_650),
                                    messageDays: reader.int("MESSAGE_RETENTION_DAYS", default: 90, in: 1...3_650))
        signupLimitPerAddress = reader.int("SIGNUP_LIMIT_PER_ADDRESS", default: 5, in: 1...1_000_000)
        signupAddressWindowHours = reader.int("SIGNUP_ADDRESS_WINDOW_HOURS", default: 24, in: 1...720)
        signupLimitGlobal = reader.int("SIGNUP_LIMIT_GLOBAL", default: 100, in: 1...10_000_000)
        signupGlobalWindowMinutes = reader.int("SIGNUP_GLOBAL_WINDOW_MINUTES", default: 60, in: 1...10_080)
        analystRequestsPerMinute = reader.int("ANALYST_API_REQUESTS_PER_MINUTE", default: 60, in: 1...100_000)
        analystRefreshesPerHour = reader.int("ANALYST_REFRESHES_PER_HOUR", default: 10, in: 1...10_000)
        headerTimeoutMilliseconds = reader.int("HTTP_HEADER_TIMEOUT_MS", default: 10_000, in: 50...600_000)
        idleTimeoutMilliseconds = reader.int("HTTP_IDLE_TIMEOUT_MS", default: 60_000, in: 50...3_600_000)
        formSigningKey = reader.string("FORM_SIGNING_KEY").flatMap { Data(base64Encoded: $0) }
        if reader.string("FORM_SIGNING_KEY") != nil, (formSigningKey?.count ?? 0) < 32 {
            reader.problems.append("FORM_SIGNING_KEY must be at least 32 random bytes in base64")
            formSigningKey = nil
        }
        analyticsPseudonymKey = reader.string("ANALYTICS_PSEUDONYM_KEY").flatMap { Data(base64Encoded: $0) }
        if reader.string("ANALYTICS_PSEUDONYM_KEY") != nil, (analyticsPseudonymKey?.count ?? 0) < 32 {
            reader.problems.append("ANALYTICS_PSEUDONYM_KEY must be at least 32 random bytes in base64")
            analyticsPseudonymKey = nil
        }
        mail = Self.mailSettings(&reader)
        let embeddingModel = reader.string("EMBEDDING_MODEL_DIR") ?? ".models/all-MiniLM-L6-v2"
        embeddingModelDirectory = ["off", "none"].contains(embeddingModel.lowercased()) ? nil : embeddingModel
        if !llmMock, llmAPIKey == nil { reader.problems.append("LLM_API_KEY is required when LLM_MOCK is off") }
        if !reader.problems.isEmpty { throw ConfigurationError(problems: reader.problems) }
    }

    /// The process environment over the values of a `.env` file in the working directory, if there is one.
    public static func fromProcess(dotEnvPath: String = ".env") throws -> AppConfiguration {
        var environment = DotEnv.parse(fileAt: dotEnvPath)
        environment.merge(ProcessInfo.processInfo.environment) { _, process in process }
        return try AppConfiguration(environment: environment)
    }

    /// Human-readable lines for start-up output; secrets and URI credentials are never printed.
    public var summary: [String] {
        let storeLine = switch store {
        case .sqlite(let path): "store: sqlite \(path)"
        case .mongo(let uri, let database): "store: mongodb \(Redaction.uri(uri)) database \(database)"
        }
        return [storeLine,
                "llm: " + (llmMock ? "mock" : "\(llmModel) at \(Redaction.uri(llmBaseURL)), key set"),
                "llm price per 1,000 tokens: " + pricingSummary,
                "embedding model: " + (embeddingModelDirectory ?? "off (lexical retrieval)"),
                "daily message limit: \(dailyMessageLimit)", "bcrypt cost: \(bcryptCost)",
                "form signing key: " + (formSigningKey == nil ? "random per process" : "set"),
                "analytics pseudonym key: " + (analyticsPseudonymKey == nil ? "development key" : "set"),
                "signups: \(signupLimitPerAddress) per address per \(signupAddressWindowHours) h, "
                    + "\(signupLimitGlobal) in all per \(signupGlobalWindowMinutes) min",
                "analyst limits: \(analystRequestsPerMinute) API requests a minute, "
                    + "\(analystRefreshesPerHour) insight refreshes an hour, per user",
                "listen: \(host):\(port)",
                "retention: traces \(retention.traceDays) days, messages \(retention.messageDays) days", mailSummary]
    }
}

public struct ConfigurationError: Error, Equatable, CustomStringConvertible {
    public var problems: [String]

    public init(problems: [String]) { self.problems = problems }

    public var description: String { "configuration: " + problems.joined(separator: "; ") }
}

/// Typed reads that collect every problem instead of stopping at the first.
struct EnvironmentReader {
    let environment: [String: String]
    var problems: [String] = []

    init(_ environment: [String: String]) { self.environment = environment }

    func string(_ key: String) -> String? {
        guard let value = environment[key]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }

    mutating func int(_ key: String, default fallback: Int, in range: ClosedRange<Int>) -> Int {
        guard let text = string(key) else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            problems.append("\(key) must be a whole number in \(range.lowerBound)...\(range.upperBound)")
            return fallback
        }
        return value
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let text = string(key)?.lowercased() else { return nil }
        switch text {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default:
            problems.append("\(key) must be true or false")
            return nil
        }
    }
}

/// Hides credentials in URIs: `mongodb://user:secret@host` → `mongodb://***@host`.
enum Redaction {
    static func uri(_ uri: String) -> String {
        guard let schemeEnd = uri.range(of: "://"), let at = uri.range(of: "@", range: schemeEnd.upperBound..<uri.endIndex)
        else { return uri }
        return String(uri[..<schemeEnd.upperBound]) + "***" + String(uri[at.lowerBound...])
    }
}

/// A minimal `.env` reader: `KEY=value` lines, `#` comments, optional quotes. Missing file means no values.
enum DotEnv {
    static func parse(fileAt path: String) -> [String: String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [:] }
        return parse(text)
    }

    static func parse(_ text: String) -> [String: String] {
        var values: [String: String] = [:]
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            guard !line.hasPrefix("#"), let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
                .replacingOccurrences(of: "export ", with: "")
            var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            if !key.isEmpty { values[key] = value }
        }
        return values
    }
}
