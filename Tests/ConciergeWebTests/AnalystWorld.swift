import Foundation
import Hummingbird
import Testing

@testable import ConciergeWeb

/// The analyst side's test vocabulary: who logs in, which pages and endpoints there are, and what must never show.
enum AnalystWorld {
    enum Person: String, CaseIterable, Sendable {
        case shopper, reviewer, analyst, admin

        var login: (email: String, password: String) {
            switch self {
            case .shopper: ("ava@example.com", "cocoa-by-the-lake")
            case .reviewer: ("reviewer@example.com", "review-every-answer")
            case .analyst: ("analyst@example.com", "read-the-segments")
            case .admin: ("admin@example.com", "keys-to-the-cafe")
            }
        }

        var mayUseAnalytics: Bool { self == .analyst || self == .admin }

        /// Each person browses from their own address, so login throttles never mix.
        var address: String {
            switch self {
            case .shopper: "198.51.100.61"
            case .reviewer: "198.51.100.62"
            case .analyst: "198.51.100.63"
            case .admin: "198.51.100.64"
            }
        }
    }

    static let segment = "high-value-active"
    static let customer = "cus_017f3a"
    static let pages = ["/admin", "/admin/segments/\(segment)", "/admin/customers/\(customer)"]
    /// Every `GET` endpoint with a known id.
    static let apiReads = ["/admin/api/segments", "/admin/api/segments/\(segment)",
                           "/admin/api/segments/\(segment)/insights", "/admin/api/customers/\(customer)/features"]
    static let refresh = "/admin/api/segments/\(segment)/refresh-insight"

    /// Every demo persona's name and e-mail (`Seeds/catalog/personas.json`), and their user ids: none may appear on
    /// an analyst page or in the API's JSON. (The header greets the signed-in analyst by first name only.)
    static let personal = [
        "Ava Thompson", "ava@example.com", "Raj Patel", "raj.patel@example.com", "Noah Miller",
        "noah.miller@example.com", "Rita Reviewer", "reviewer@example.com", "Nia Analyst", "analyst@example.com",
        "Ada Admin", "admin@example.com", "usr_demo", "@example.com",
    ]

    /// A world with `desk` behind `/admin`; `nil` means no analyst side at all (503).
    static func world(desk: (any AnalystDesk)? = InMemoryAnalystDesk()) -> WebWorld.Options {
        var options = WebWorld.Options()
        options.analystDesk = desk
        options.withoutAnalystDesk = desk == nil
        return options
    }

    /// A browser signed in as `person`, on its own address.
    static func signedIn(_ person: Person, from browser: Browser) async throws -> Browser {
        let session = browser.another(address: person.address)
        let login = try await session.logIn(person.login.email, person.login.password)
        try #require(login.status == .seeOther, "login as \(person)")
        return session
    }

    /// The session's CSRF token, read from a page's logout form.
    static func csrf(_ browser: Browser) async throws -> String { try await browser.get("/chat").csrf() }

    static func postJSON(_ browser: Browser, _ uri: String, token: String?, headers: HTTPFields = [:])
        async throws -> Page
    {
        var headers = headers
        if let token { headers[AnalystAPIGuard.csrfHeader] = token }
        return try await browser.send(uri, method: .post, headers: headers, body: nil)
    }

    /// The API's error code in a response body (`{"error": …}`).
    static func errorCode(_ page: Page) -> String? { (try? JSONValue.parse(page.body))?["error"]?.string }
}
