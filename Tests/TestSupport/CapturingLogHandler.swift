import Foundation
import Logging

/// Every line the loggers of one test emitted, for privacy assertions ("no captured line holds the key, the
/// e-mail or the message"). Make one per test and inject `logger(label:)` into the code under test; no global
/// `LoggingSystem.bootstrap`, so parallel tests never see each other's lines.
///
/// `@unchecked Sendable`: `stored` is touched only under `lock`.
public final class LogCapture: @unchecked Sendable {
    /// One captured line, fully rendered to strings.
    public struct Entry: Hashable, Sendable {
        public var label: String
        public var level: Logger.Level
        public var message: String
        /// Handler, provider and call-site metadata merged, values rendered with `description`.
        public var metadata: [String: String]
        /// The description of an error passed to the log call, if any.
        public var error: String?
        public var source: String

        /// The whole entry as one line: what a text log handler would have written.
        public var line: String {
            let pairs = metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            return "\(label) \(level) \(message) \(pairs)" + (error.map { " error=\($0)" } ?? "")
        }
    }

    private let lock = NSLock()
    private var stored: [Entry] = []

    public init() {}

    /// A logger writing into this capture, at `level` (everything by default).
    public func logger(label: String = "test", level: Logger.Level = .trace) -> Logger {
        var logger = Logger(label: label) { label in CapturingLogHandler(label: label, capture: self) }
        logger.logLevel = level
        return logger
    }

    /// Every entry so far, in order.
    public var entries: [Entry] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }

    /// Every entry as one rendered line.
    public var lines: [String] { entries.map(\.line) }

    /// The lines that contain `needle` anywhere (label, message, metadata keys and values, error).
    public func lines(containing needle: String) -> [String] {
        lines.filter { $0.contains(needle) }
    }

    fileprivate func append(_ entry: Entry) {
        lock.lock()
        defer { lock.unlock() }
        stored.append(entry)
    }
}

/// The `LogHandler` behind `LogCapture.logger(label:level:)`.
public struct CapturingLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    public var logLevel: Logger.Level = .trace
    private let label: String
    private let capture: LogCapture

    public init(label: String, capture: LogCapture) {
        self.label = label
        self.capture = capture
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        merged.merge(metadataProvider?.get() ?? [:]) { _, provided in provided }
        merged.merge(event.metadata ?? [:]) { _, explicit in explicit }
        capture.append(
            LogCapture.Entry(
                label: label, level: event.level, message: event.message.description,
                metadata: merged.mapValues(\.description), error: event.error.map { "\($0)" },
                source: event.source))
    }
}
