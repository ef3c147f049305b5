import Foundation

/// A minimal HTTP/1.1 client for control calls to test servers on 127.0.0.1: one request per connection,
/// `Connection: close`, the whole response read to EOF.
///
/// Not `URLSession`: on Linux FoundationNetworking leaks a few libcurl objects per request, which buries real
/// leaks when tests run under `--sanitize=address`; and a test helper should not share libcurl with the code
/// under test. Blocking socket calls run on a dedicated thread, never on a Swift concurrency thread.
public enum LoopbackHTTP {
    /// A status code and body.
    public struct Response: Sendable {
        public var status: Int
        public var body: Data
    }

    /// Sends `method path` with `body` to `127.0.0.1:port`; gives up after `timeout` seconds of silence.
    public static func request(
        _ method: String, port: Int, path: String, body: Data = Data(), timeout: Int = 10
    ) async throws -> Response {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(
                    with: Result {
                        try exchange(method, port: port, path: path, body: body, timeout: timeout)
                    })
            }
            thread.name = "loopback-http"
            thread.start()
        }
    }

    private static func exchange(
        _ method: String, port: Int, path: String, body: Data, timeout: Int
    ) throws -> Response {
        let descriptor = try open(port: port, timeout: timeout)
        defer { close(descriptor) }
        let head =
            "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Type: application/json\r\n"
            + "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        try write(Data(head.utf8) + body, to: descriptor)
        return try parse(readToEnd(descriptor))
    }

    private static func open(port: Int, timeout: Int) throws -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw LoopbackHTTPError.failed("socket") }
        var limit = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = in_addr_t(0x7F00_0001).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            let error = LoopbackHTTPError.failed("connect")
            close(descriptor)
            throw error
        }
        return descriptor
    }

    private static func write(_ data: Data, to descriptor: Int32) throws {
        try data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let sent = send(descriptor, bytes.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
                if sent < 0, errno == EINTR { continue }
                guard sent > 0 else { throw LoopbackHTTPError.failed("send") }
                offset += sent
            }
        }
    }

    private static func readToEnd(_ descriptor: Int32) throws -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw LoopbackHTTPError.failed("recv") }
            if count == 0 { return data }
            data.append(contentsOf: buffer[0..<count])
        }
    }

    /// Status line and body; the server sends `Content-Length` bodies and closes, so the body is what follows
    /// the blank line.
    private static func parse(_ data: Data) throws -> Response {
        guard let split = data.firstRange(of: Data("\r\n\r\n".utf8)) else { throw LoopbackHTTPError.malformed }
        let statusLine = String(decoding: data[..<split.lowerBound], as: UTF8.self).prefix { $0 != "\r" }
        guard let status = statusLine.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else {
            throw LoopbackHTTPError.malformed
        }
        return Response(status: status, body: Data(data[split.upperBound...]))
    }
}

/// A loopback control call failed.
public enum LoopbackHTTPError: Error, CustomStringConvertible {
    /// A socket call failed (or timed out: `EAGAIN`).
    case io(step: String, errno: Int32)
    /// The response had no status line or header end.
    case malformed

    /// The failure of `step`, with the current `errno`.
    static func failed(_ step: String) -> LoopbackHTTPError { .io(step: step, errno: errno) }

    public var description: String {
        switch self {
        case .io(let step, let code): "loopback HTTP call failed at \(step) (errno \(code))"
        case .malformed: "loopback HTTP response without a status line"
        }
    }
}
