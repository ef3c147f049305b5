import CCurl
import Synchronization

/// What libcurl's callbacks collect during one transfer: the status line, the two retry headers and, for a 2xx
/// response only, the body up to a size cap. Error bodies are never kept: providers echo prompts in them.
///
/// `@unchecked Sendable`: everything but `cancelled` is touched only by the pool thread running the transfer
/// (through the callbacks, then copied into `CurlTransfer.End` after `perform` returns); `cancelled` is atomic
/// because the task's cancellation handler sets it from another thread.
final class CurlResponseSink: @unchecked Sendable {
    let limit: Int
    private(set) var status = 0
    private(set) var body: [UInt8] = []
    /// True once a 2xx body grew beyond `limit`: the transfer is aborted and the attempt is malformed.
    private(set) var overflowed = false
    private(set) var retryAfter: String?
    private(set) var retryAfterMilliseconds: String?
    private let cancelled = Atomic<Bool>(false)
    /// For a streamed attempt: reads the 2xx body as server-sent events instead of keeping it.
    let stream: CurlStreamReader?
    private var streamedBytes = 0

    init(limit: Int, stream: CurlStreamReader? = nil) {
        self.limit = limit
        self.stream = stream
    }

    /// Asks the running (or queued) transfer to stop; the progress callback aborts it within a moment.
    func cancel() {
        cancelled.store(true, ordering: .relaxed)
    }

    var isCancelled: Bool { cancelled.load(ordering: .relaxed) }

    /// Keeps 2xx body bytes; false (abort) beyond the cap.
    fileprivate func receive(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard (200...299).contains(status) else { return true }  // read and dropped
        if let stream {
            streamedBytes += bytes.count
            guard streamedBytes <= limit else {
                overflowed = true
                return false
            }
            return stream.receive(bytes)
        }
        guard body.count + bytes.count <= limit else {
            overflowed = true
            return false
        }
        body.append(contentsOf: bytes)
        return true
    }

    /// One header line. A status line starts a new header block (an interim `100 Continue`, say), so it resets
    /// what the previous block said.
    fileprivate func header(_ bytes: UnsafeRawBufferPointer) {
        let line = String(decoding: bytes, as: UTF8.self)
        if line.hasPrefix("HTTP/") {
            status = line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
            retryAfter = nil
            retryAfterMilliseconds = nil
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = line[..<colon].lowercased()
        let value = String(line[line.index(after: colon)...]).trimmingWhitespace()
        switch name {
        case "retry-after": retryAfter = value
        case "retry-after-ms": retryAfterMilliseconds = value
        default: break
        }
    }

    /// The user data pointer for the callbacks; valid while the caller keeps this sink alive.
    var callbackContext: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    fileprivate static func from(_ context: UnsafeMutableRawPointer?) -> CurlResponseSink? {
        context.map { Unmanaged<CurlResponseSink>.fromOpaque($0).takeUnretainedValue() }
    }
}

/// `CURLOPT_WRITEFUNCTION`: returning less than it was given makes libcurl fail with `CURLE_WRITE_ERROR`.
let curlWriteCallback: curl_write_callback = { data, size, count, context in
    let length = size * count
    guard let sink = CurlResponseSink.from(context) else { return 0 }
    return sink.receive(UnsafeRawBufferPointer(start: data, count: length)) ? length : 0
}

/// `CURLOPT_HEADERFUNCTION`: one complete header line per call, CRLF included.
let curlHeaderCallback: curl_write_callback = { data, size, count, context in
    let length = size * count
    CurlResponseSink.from(context)?.header(UnsafeRawBufferPointer(start: data, count: length))
    return length
}

/// `CURLOPT_XFERINFOFUNCTION`: non-zero aborts the transfer with `CURLE_ABORTED_BY_CALLBACK`. libcurl calls it
/// about once a second even while nothing arrives, so a cancelled attempt ends within a second.
let curlProgressCallback: curl_xferinfo_callback = { context, _, _, _, _ in
    CurlResponseSink.from(context)?.isCancelled == true ? 1 : 0
}

extension String {
    func trimmingWhitespace() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
