import Foundation
import Hummingbird

extension Response {
    /// An HTML document or fragment.
    static func html(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        let buffer = ByteBuffer(string: html)
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                        body: ResponseBody(byteBuffer: buffer))
    }

    /// Plain text, for probes and for the script's error messages.
    static func text(_ text: String, status: HTTPResponse.Status = .ok,
                     contentType: String = "text/plain; charset=utf-8") -> Response {
        Response(status: status, headers: [.contentType: contentType], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// 303 See Other: after a form post, the browser follows with a GET (post-redirect-get).
    static func seeOther(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}

extension Request {
    /// The page's script asks for HTML fragments instead of redirects.
    var wantsFragment: Bool { headers[.requestedWith]?.lowercased() == "fetch" }
}

/// The cookies the site sets besides the session: all HttpOnly, SameSite=Lax, whole-site, `Secure` over TLS.
struct CookieJar: Sendable {
    static let place = "concierge_place"
    static let debug = "concierge_debug"
    let secure: Bool

    func make(_ name: String, _ value: String, maxAge: Int = Int(SessionLifetime.seconds)) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    func expired(_ name: String) -> Cookie { make(name, "", maxAge: 0) }
}

/// `/chat` or `/chat?c=ID`, with an optional fragment.
enum ChatLocation {
    /// `located`: right after a location change, landing on the location panel, which confirms it.
    static func path(conversation: String?, fragment: String? = nil, located: Bool = false) -> String {
        var components = URLComponents()
        components.path = "/chat"
        var query: [URLQueryItem] = []
        if let conversation, !conversation.isEmpty { query.append(URLQueryItem(name: "c", value: conversation)) }
        if located { query.append(URLQueryItem(name: "located", value: "1")) }
        if !query.isEmpty { components.queryItems = query }
        components.fragment = located ? "location-feedback" : fragment
        return components.string ?? "/chat"
    }
}
