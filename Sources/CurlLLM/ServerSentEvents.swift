/// An incremental `text/event-stream` reader (WHATWG HTML, "Server-sent events", parsing an event stream),
/// keeping only what chat-completions streams use: the `data` field of each event.
///
/// Bytes go in as libcurl delivers them, split anywhere (inside a line, a `data:` prefix, a CRLF pair or a UTF-8
/// sequence); an event comes out only once its blank line has arrived, so nothing half-received is ever decoded.
/// Text is decoded per whole event, which is why a split UTF-8 sequence is harmless. Lines end in LF, CRLF or CR.
/// Comments (`: keep-alive`) and the `event`, `id` and `retry` fields are skipped.
struct ServerSentEventParser {
    /// An event (its lines so far) grew beyond `maxEventBytes`: a broken or hostile server, never a real chunk.
    struct EventTooLarge: Error {}

    let maxEventBytes: Int
    private var line: [UInt8] = []
    private var data: [UInt8] = []
    private var hasData = false
    /// The previous byte was a CR: an LF right after it belongs to the same line end.
    private var afterCR = false

    init(maxEventBytes: Int = 256 * 1024) {
        self.maxEventBytes = maxEventBytes
    }

    /// The `data` of every event completed by `bytes`, in order.
    mutating func feed(_ bytes: some Sequence<UInt8>) throws(EventTooLarge) -> [String] {
        var events: [String] = []
        for byte in bytes {
            if afterCR {
                afterCR = false
                if byte == 0x0A { continue }
            }
            switch byte {
            case 0x0D:
                afterCR = true
                if let event = endLine() { events.append(event) }
            case 0x0A:
                if let event = endLine() { events.append(event) }
            default:
                line.append(byte)
                guard line.count + data.count <= maxEventBytes else { throw EventTooLarge() }
            }
        }
        return events
    }

    /// Ends the current line; a blank line dispatches the event, if it had data.
    private mutating func endLine() -> String? {
        defer { line.removeAll(keepingCapacity: true) }
        if line.isEmpty {
            guard hasData else { return nil }
            defer {
                data.removeAll(keepingCapacity: true)
                hasData = false
            }
            return String(decoding: data, as: UTF8.self)
        }
        guard line[0] != UInt8(ascii: ":") else { return nil }
        let colon = line.firstIndex(of: UInt8(ascii: ":")) ?? line.endIndex
        guard line[..<colon].elementsEqual("data".utf8) else { return nil }
        var value = colon < line.endIndex ? line[(colon + 1)...] : []
        if value.first == UInt8(ascii: " ") { value = value.dropFirst() }
        if hasData { data.append(0x0A) }
        data.append(contentsOf: value)
        hasData = true
        return nil
    }
}
