import BlockingThreads
import CCurl
import ConciergeCore
import Foundation
import Logging

/// Sends mail over SMTP with libcurl: one connection per message, on the curl thread pool (never on a Swift
/// concurrency thread). Logs static text and libcurl's code only: never the recipient, the subject or the body
/// (a reset link is a password for an hour).
public struct CurlSMTPMailer: Mailer, CustomStringConvertible, CustomReflectable {
    private let settings: MailSettings
    private let logger: Logger

    public init(settings: MailSettings, logger: Logger = Logger(label: "concierge.mail")) {
        self.settings = settings
        self.logger = logger
        _ = LibCurl.isInitialized  // here, in the composition root, not on a pool thread
    }

    public var description: String { "CurlSMTPMailer" }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }

    public func send(_ message: MailMessage) async throws {
        let transfer = SMTPTransfer(settings: settings, message: message)
        let started = ContinuousClock.now
        let code = try await BlockingThreadPool.curlTransfers.run { transfer.perform() }
        let milliseconds = started.duration(to: .now).wholeMilliseconds
        guard code == CURLE_OK else {
            logger.warning("mail not sent", metadata: ["curl.code": "\(code.rawValue)", "ms": "\(milliseconds)"])
            throw MailError.notSent(code: Int(code.rawValue))
        }
        logger.info("mail sent", metadata: ["ms": "\(milliseconds)"])
    }
}

/// Why a message did not leave: libcurl's code (a refused relay, a timeout, a rejected recipient).
public enum MailError: Error, Equatable {
    case notSent(code: Int)
}
