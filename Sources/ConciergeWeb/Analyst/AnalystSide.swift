import Analytics
import ConciergeCore
import Foundation
import Hummingbird

/// What the analyst routes share: the desk (absent until the composition root wires one), the per-user throttle and
/// the checks every analyst request passes.
struct AnalystSide: Sendable {
    /// The body of the 503 when no desk is wired: `ErrorCopy` and the API's error body turn it into words.
    static let notConfigured = "analyst-desk-not-configured"

    let configuredDesk: (any AnalystDesk)?
    let throttle: AnalystThrottle

    /// The desk, or a 503 saying the analyst side is not configured (after sign-in and role checks have passed).
    func desk() throws -> any AnalystDesk {
        guard let configuredDesk else { throw HTTPError(.serviceUnavailable, message: Self.notConfigured) }
        return configuredDesk
    }

    /// A 429 with `Retry-After` when `user` has refreshed too often this window; counts the refresh otherwise.
    func admitRefresh(_ user: User) async throws {
        if let until = try await throttle.admitRefresh(userID: user.id) {
            throw HTTPError(.tooManyRequests, headers: [.retryAfter: throttle.retryAfter(until)])
        }
    }

    /// Segment slugs and pseudonymous customer ids: letters, digits, `-` and `_`, at most 128. Anything else (an
    /// e-mail, a name, a path) is answered like an unknown id before the desk is asked, so the analyst side can never
    /// be used to look a person up by their contact details.
    static func isWellFormedID(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.count <= 128
            && id.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_") }
    }

    /// The path parameter `id`, or a 404 when it is not a well-formed id.
    static func id(_ context: WebContext) throws -> String {
        let id = try context.parameters.require("id")
        guard isWellFormedID(id) else { throw HTTPError(.notFound) }
        return id
    }
}
