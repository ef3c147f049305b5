import Foundation
import Testing
import TestSupport

/// The policies are quoted to shoppers on this website, which has no app and no order buttons: every route a policy
/// names must be one the site (`/chat`, `/orders`, `/offers`, `/account`) or a shop has.
@Suite("Policy texts name only routes this website or a shop has")
struct PolicyRoutesTests {
    /// App screens and buttons the chain's texts once named; none exists here (the order page says Customer Care
    /// cancels and changes orders, `OrderWording`).
    static let missingRoutes = [
        "in the app", "the app", "our app", "app wallet", "app order", "**Settings**", "**Cancel order**",
        "**Edit order**", "**Report a problem**", "**Missing points**", "**Download VAT invoice**", "**Find an order**",
        "**Check balance**", "**Personal details**",
    ]

    /// Each policy's lines, headings included: a heading is quoted to the shopper as a citation.
    static func lines() throws -> [(name: String, line: String)] {
        let folder = RepositoryPaths.seeds.appendingPathComponent("policies")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }.sorted()
        #expect(files.count >= 19, "the policies folder moved or lost documents")
        return try files.flatMap { file in
            try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                .split(separator: "\n").map { (file, String($0)) }
        }
    }

    @Test func noPolicySendsTheShopperToAnAppOrAButtonTheSiteLacks() throws {
        for (name, line) in try Self.lines() {
            for route in Self.missingRoutes {
                #expect(!line.localizedCaseInsensitiveContains(route), "\(name) names \(route): \(line)")
            }
        }
    }
}
