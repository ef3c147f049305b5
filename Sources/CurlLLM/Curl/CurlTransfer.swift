import BlockingThreads
import CCurl
import Foundation

/// Everything one blocking transfer needs, built on the caller's task and performed on a pool thread.
struct CurlTransfer: Sendable {
    /// How a transfer ended: libcurl's code, the HTTP status (0 without a response) and what the sink kept.
    struct End: Sendable {
        let code: CURLcode
        let status: Int
        var body: [UInt8] = []
        var overflowed = false
        var retryAfter: String?
        var retryAfterMilliseconds: String?
        /// What a streamed attempt read (nil for an ordinary one).
        var stream: ChatCompletionsStreamDecoder?
    }

    let endpoint: Redacted<String>
    let authorization: Redacted<String>?
    let userAgent: String
    let body: Data
    let connectTimeout: Duration
    /// The attempt's end on the monotonic clock: time spent queueing for a thread is taken off the timeout.
    let deadline: ContinuousClock.Instant
    /// The body asks for `"stream": true`: the response is read as server-sent events.
    var isStreaming = false

    private static let empty: StaticString = ""

    /// Runs the transfer to its end. Blocks: call on a pool thread only. The easy handle and header list are
    /// created and freed inside this call.
    func perform(into sink: CurlResponseSink) -> End {
        assert(BlockingThreadPool.isCurrentThreadAPoolThread, "curl_easy_perform blocks: run it on a BlockingThreadPool")
        if sink.isCancelled { return End(code: CURLE_ABORTED_BY_CALLBACK, status: 0) }
        let left = ContinuousClock.now.duration(to: deadline).wholeMilliseconds
        guard left >= 1 else { return End(code: CURLE_OPERATION_TIMEDOUT, status: 0) }  // all of it spent queued
        do {
            var easy = try CurlEasy()
            try configureRequest(&easy, timeoutMilliseconds: left)
            try configureCallbacks(easy, sink: sink)
            return try withExtendedLifetime(sink) {
                try body.withUnsafeBytes { bytes in
                    // CURLOPT_POSTFIELDS does not copy: the bytes stay valid until perform returns, in this closure.
                    try easy.set(CURLOPT_POSTFIELDSIZE, bytes.count)
                    // Never a null pointer: libcurl would then read the body from stdin.
                    let start = bytes.baseAddress ?? UnsafeRawPointer(Self.empty.utf8Start)
                    try easy.set(CURLOPT_POSTFIELDS, pointer: start)
                    let code = easy.perform()
                    return End(
                        code: code, status: easy.responseCode(), body: sink.body, overflowed: sink.overflowed,
                        retryAfter: sink.retryAfter, retryAfterMilliseconds: sink.retryAfterMilliseconds,
                        stream: sink.stream?.decoder)
                }
            }
        } catch let error as CurlSetupError {
            return End(code: error.code, status: 0)
        } catch {
            return End(code: CURLE_FAILED_INIT, status: 0)
        }
    }

    /// Method, URL, headers and the limits. `CURLOPT_VERBOSE` is never set: it would print the key to stderr.
    private func configureRequest(_ easy: inout CurlEasy, timeoutMilliseconds: Int) throws {
        try easy.set(CURLOPT_URL, endpoint.value)
        try easy.set(CURLOPT_PROTOCOLS_STR, "http,https")
        try easy.set(CURLOPT_FOLLOWLOCATION, 0)
        try easy.set(CURLOPT_NOSIGNAL, 1)
        try easy.set(CURLOPT_TIMEOUT_MS, timeoutMilliseconds)
        try easy.set(CURLOPT_CONNECTTIMEOUT_MS, min(timeoutMilliseconds, max(1, connectTimeout.wholeMilliseconds)))
        try easy.set(CURLOPT_POST, 1)
        try easy.set(CURLOPT_USERAGENT, userAgent)
        try easy.set(CURLOPT_ACCEPT_ENCODING, "")  // any encoding libcurl decodes; the size cap counts decoded bytes
        // "Expect:" turns off libcurl's `Expect: 100-continue` for bodies over 1 KiB, a wasted round trip.
        let accept = isStreaming ? "Accept: text/event-stream" : "Accept: application/json"
        var headers = ["Content-Type: application/json", accept, "Expect:"]
        if let authorization { headers.append(authorization.value) }
        try easy.setHeaders(headers)
    }

    private func configureCallbacks(_ easy: borrowing CurlEasy, sink: CurlResponseSink) throws {
        try easy.set(CURLOPT_WRITEFUNCTION, callback: curlWriteCallback)
        try easy.set(CURLOPT_WRITEDATA, pointer: sink.callbackContext)
        try easy.set(CURLOPT_HEADERFUNCTION, callback: curlHeaderCallback)
        try easy.set(CURLOPT_HEADERDATA, pointer: sink.callbackContext)
        try easy.set(CURLOPT_NOPROGRESS, 0)
        try easy.setProgress(callback: curlProgressCallback)
        try easy.set(CURLOPT_XFERINFODATA, pointer: sink.callbackContext)
    }
}
