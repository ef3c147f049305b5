import BlockingThreads
import CCurl
import ConciergeCore
import Foundation

/// One SMTP submission: envelope (`MAIL FROM`, `RCPT TO`) and the RFC 5322 message, which libcurl reads through
/// `CURLOPT_READFUNCTION` and dot-stuffs itself. Its own easy handle and recipient list, freed on every path out of
/// `perform` (the HTTP transfer's `CurlEasy` owns a header list only).
struct SMTPTransfer: Sendable {
    let settings: MailSettings
    let message: MailMessage

    /// Blocks until the relay has accepted or refused the message: call on a pool thread only.
    func perform() -> CURLcode {
        assert(BlockingThreadPool.isCurrentThreadAPoolThread, "curl_easy_perform blocks: run it on a BlockingThreadPool")
        guard LibCurl.isInitialized, let handle = curl_easy_init() else { return CURLE_FAILED_INIT }
        var recipients: UnsafeMutablePointer<curl_slist>?
        defer {
            curl_easy_cleanup(handle)  // first: it still points at the recipient list
            curl_slist_free_all(recipients)
        }
        // An address with a line break or angle brackets could smuggle an SMTP command: removed (none is valid).
        recipients = curl_slist_append(nil, "<\(message.to.filter { !$0.isNewline && $0 != "<" && $0 != ">" })>")
        guard let recipients else { return CURLE_OUT_OF_MEMORY }
        let source = MailSource(Array(rendered().utf8))
        return withExtendedLifetime(source) {
            let context = Unmanaged.passUnretained(source).toOpaque()
            let setup = [
                concierge_curl_setopt_string(handle, CURLOPT_URL, url),
                concierge_curl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "smtp,smtps"),
                concierge_curl_setopt_long(handle, CURLOPT_USE_SSL,
                                           settings.security == .starttls ? Int(CURLUSESSL_ALL.rawValue) : 0),
                concierge_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1),
                concierge_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, settings.timeout.wholeMilliseconds),
                concierge_curl_setopt_string(handle, CURLOPT_MAIL_FROM, "<\(settings.from)>"),
                concierge_curl_setopt_slist(handle, CURLOPT_MAIL_RCPT, recipients),
                concierge_curl_setopt_long(handle, CURLOPT_UPLOAD, 1),
                // libcurl's read callback has the write callback's C type (buffer, size, count, user data).
                concierge_curl_setopt_write_callback(handle, CURLOPT_READFUNCTION, smtpReadCallback),
                concierge_curl_setopt_pointer(handle, CURLOPT_READDATA, context),
            ] + credentials(handle)
            if let failed = setup.first(where: { $0 != CURLE_OK }) { return failed }
            return curl_easy_perform(handle)
        }
    }

    private var url: String {
        (settings.security == .tls ? "smtps://" : "smtp://") + "\(settings.host):\(settings.port)"
    }

    private func credentials(_ handle: UnsafeMutableRawPointer) -> [CURLcode] {
        guard let username = settings.username, let password = settings.password else { return [] }
        return [concierge_curl_setopt_string(handle, CURLOPT_USERNAME, username),
                concierge_curl_setopt_string(handle, CURLOPT_PASSWORD, password)]
    }

    /// Headers and body with CRLF line ends. Header values come from the site (a fixed subject, a stored address),
    /// and line breaks are removed from them anyway, so no value can add a header.
    func rendered() -> String {
        func header(_ value: String) -> String { value.filter { !$0.isNewline } }
        // The last line gets its CRLF below; a body ending in a line break must not gain an empty line.
        let body = message.body.hasSuffix("\n") ? String(message.body.dropLast()) : message.body
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        let lines = [
            "From: \(header(settings.from))", "To: \(header(message.to))", "Subject: \(header(message.subject))",
            "Date: \(formatter.string(from: message.date))", "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", "",
        ] + body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}

/// The bytes libcurl reads, and how far it has read. Touched only by the pool thread running the transfer.
private final class MailSource: @unchecked Sendable {
    let bytes: [UInt8]
    var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }
}

/// Copies the next part of the message into libcurl's buffer; 0 ends the upload.
private let smtpReadCallback: curl_write_callback = { buffer, size, count, context in
    guard let buffer, let context else { return 0 }
    let source = Unmanaged<MailSource>.fromOpaque(context).takeUnretainedValue()
    let room = size * count
    let chunk = min(room, source.bytes.count - source.offset)
    guard chunk > 0 else { return 0 }
    source.bytes.withUnsafeBufferPointer { all in
        UnsafeMutableRawPointer(buffer).copyMemory(from: all.baseAddress! + source.offset, byteCount: chunk)
    }
    source.offset += chunk
    return chunk
}
