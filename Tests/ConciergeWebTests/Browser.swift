import Foundation
import Hummingbird
import HummingbirdTesting
import Synchronization

@testable import ConciergeWeb

/// A minimal browser over the in-memory router: keeps cookies like a browser would (set, replace, expire), posts
/// url-encoded forms, and finds CSRF tokens in pages. Several browsers can share one client (victim, attacker).
final class Browser: Sendable {
    let client: any TestClientProtocol
    /// The address this browser's requests come from (the world trusts `X-Forwarded-For`).
    let address: String
    private let jar = Mutex<[String: String]>([:])

    init(_ client: any TestClientProtocol, address: String = "203.0.113.10") {
        self.client = client
        self.address = address
    }

    /// Another browser on the same server (a different person or device).
    func another(address: String = "198.51.100.20") -> Browser { Browser(client, address: address) }

    /// A browser with no cookies at this one's address: someone signing up again from the same network, since a
    /// signup signs its browser in (and a signed-in browser is sent from `/signup` to the chat).
    func anonymous() -> Browser { Browser(client, address: address) }

    var cookies: [String: String] { jar.withLock { $0 } }

    func setCookie(_ name: String, _ value: String?) { jar.withLock { $0[name] = value } }

    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> Page {
        try await send(uri, method: .get, headers: headers, body: nil)
    }

    func post(_ uri: String, _ fields: [(String, String)], headers: HTTPFields = [:]) async throws -> Page {
        var headers = headers
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await send(uri, method: .post, headers: headers, body: ByteBuffer(string: FormBody.encode(fields)))
    }

    /// Posts raw bytes (oversized or invalid bodies).
    func post(_ uri: String, raw: [UInt8], contentType: String = "application/x-www-form-urlencoded") async throws -> Page {
        try await send(uri, method: .post, headers: [.contentType: contentType], body: ByteBuffer(bytes: raw))
    }

    /// Fetches `page` and posts `fields` with the CSRF token found on it.
    func submit(on page: String, to action: String, _ fields: [(String, String)], headers: HTTPFields = [:])
        async throws -> Page
    {
        let form = try await get(page)
        return try await post(action, [("csrf", try form.csrf())] + fields, headers: headers)
    }

    func logIn(_ email: String, _ password: String) async throws -> Page {
        try await submit(on: "/login", to: "/login", [("email", email), ("password", password)])
    }

    func send(_ uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?) async throws -> Page {
        var headers = headers
        headers[.forwardedFor] = address
        let cookieHeader = cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        if !cookieHeader.isEmpty { headers[.cookie] = cookieHeader }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        let page = Page(status: response.status, headers: response.headers, body: String(buffer: response.body))
        for cookie in page.setCookies {
            jar.withLock { $0[cookie.name] = cookie.expired ? nil : cookie.value }
        }
        return page
    }
}

/// A response as a test reads it.
struct Page: Sendable {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let body: String

    var location: String? { headers[.location] }

    struct SetCookie: Sendable {
        let name: String
        let value: String
        let attributes: [String]
        /// Deleted by the browser: `Max-Age=0`, an empty value, or an `Expires` that is not in the future.
        var expired: Bool {
            if value.isEmpty || attributes.contains(where: { $0.lowercased() == "max-age=0" }) { return true }
            guard let expires = attributes.first(where: { $0.lowercased().hasPrefix("expires=") }) else { return false }
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
            return formatter.date(from: String(expires.dropFirst("expires=".count))).map { $0 <= Date() } ?? false
        }

        func has(_ attribute: String) -> Bool { attributes.contains { $0.lowercased() == attribute.lowercased() } }
    }

    var setCookies: [SetCookie] {
        headers[values: .setCookie].compactMap { line in
            let parts = line.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let pair = parts.first, let equals = pair.firstIndex(of: "=") else { return nil }
            return SetCookie(name: String(pair[..<equals]), value: String(pair[pair.index(after: equals)...]),
                             attributes: Array(parts.dropFirst()))
        }
    }

    func cookie(_ name: String) -> SetCookie? { setCookies.last { $0.name == name } }

    /// The value of the first hidden `csrf` field.
    func csrf() throws -> String {
        guard let range = body.range(of: #"name="csrf" value="[^"]*""#, options: .regularExpression) else {
            throw BrowserError.noCSRFField
        }
        return String(body[range].dropFirst(#"name="csrf" value=""#.count).dropLast())
    }

    /// The value of the first `name="…"` input or the text of the first textarea with that name.
    func field(_ name: String) -> String? {
        let pattern = #"name="\#(name)"[^>]*value="([^"]*)""#
        guard let regex = try? NSRegularExpression(pattern: pattern),
            let match = regex.firstMatch(in: body, range: NSRange(body.startIndex..., in: body)),
            let range = Range(match.range(at: 1), in: body)
        else { return nil }
        return String(body[range])
    }

    /// The value of the first `name="…"` attribute anywhere in the body (`data-conversation`, say).
    func attribute(_ name: String) -> String? {
        guard let start = body.range(of: name + "=\"") else { return nil }
        return body[start.upperBound...].split(separator: "\"", maxSplits: 1).first.map(String.init)
    }

    func contains(_ text: String) -> Bool { body.contains(text) }
}

enum BrowserError: Error { case noCSRFField }

enum FormBody {
    private static let unreserved = CharacterSet(charactersIn:
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._*")

    static func encode(_ fields: [(String, String)]) -> String {
        fields.map { escape($0.0) + "=" + escape($0.1) }.joined(separator: "&")
    }

    static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }
}
