import CMongoC
import Logging

/// libmongoc's process-wide state.
///
/// `mongoc_init` must run once before any other call and `mongoc_cleanup` only once no handle is left
/// anywhere in the process. A global's initialiser runs exactly once, thread-safely, so `initialise()` may be
/// called by every `connect`. Cleanup is deliberately never called: another store may still be open, and the
/// process releases everything at exit anyway.
enum LibMongoC {
    static func initialise() {
        _ = initialised
    }

    private static let initialised: Bool = {
        mongoc_init()
        mongoc_log_set_handler(forwardLibMongoCLog, nil)
        return true
    }()
}

/// Where libmongoc's own log lines go. Swift-log, not stderr, so that deployments see them.
private let libmongocLogger = Logger(label: "concierge.mongo.libmongoc")

/// Forwards warnings and errors only, with libmongoc's log domain and *without* its text: libmongoc messages
/// can quote server replies and documents, and logs must never hold personal data. The failures that matter
/// reach us anyway as `bson_error_t` values and are logged by the store with their domain and code.
private func forwardLibMongoCLog(
    level: mongoc_log_level_t, domain: UnsafePointer<CChar>?, message: UnsafePointer<CChar>?,
    userData: UnsafeMutableRawPointer?
) {
    let metadata: Logger.Metadata = ["libmongoc.domain": "\(domain.map { String(cString: $0) } ?? "?")"]
    switch level {
    case MONGOC_LOG_LEVEL_ERROR, MONGOC_LOG_LEVEL_CRITICAL:
        libmongocLogger.error("libmongoc reported an error", metadata: metadata)
    case MONGOC_LOG_LEVEL_WARNING:
        libmongocLogger.warning("libmongoc reported a warning", metadata: metadata)
    default:
        break  // message/info/debug/trace: noise for an application log
    }
}
