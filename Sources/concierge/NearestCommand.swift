import ArgumentParser
import ConciergeApp
import ConciergeCore
import Foundation
import Geo

struct NearestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nearest", abstract: "Nearest shops to a point, with distance, walking time and opening status.")

    // `.unconditional` so that negative values ("--lon -0.1585") are read as values, not as flags.
    @Option(parsing: .unconditional, help: "Latitude in decimal degrees.") var lat: Double
    @Option(parsing: .unconditional, help: "Longitude in decimal degrees.") var lon: Double
    @Option(help: "Instant to evaluate opening hours at (ISO 8601). Default: now.") var at: String?
    @Flag(help: "Only shops open at that instant.") var openNow = false
    @Option(help: "Only shops with a menu tag or category (hot, vegan, bakery...) or an amenity.") var tag: String?
    @Option(help: "How many shops.") var top = 5
    @Option(help: "Search radius in metres.") var radius = 10_000.0

    func validate() throws {
        guard Coordinate(latitude: lat, longitude: lon).isValid else { throw ValidationError("--lat/--lon out of range") }
        guard top > 0 else { throw ValidationError("--top must be positive") }
    }

    func run() async throws {
        let instant = try at.map(Self.parseInstant) ?? Date()
        let configuration = try CommandSupport.configuration()
        let shops = try await CommandSupport.withStore(configuration) { try await $0.allShops() }
        let found = ShopFinder(shops: shops).nearest(
            to: Coordinate(latitude: lat, longitude: lon), at: instant, count: top, radiusMeters: radius,
            filter: .init(openNow: openNow, tag: tag))
        if found.isEmpty { print("no shop matches") }
        if let first = found.first, !first.isWithinRadius {
            print("nothing within \(Int(radius)) m; the nearest match is \(Int(first.distanceMeters)) m away")
        }
        for shop in found {
            print("\(shop.shop.name) (\(shop.shop.id))  \(Int(shop.distanceMeters.rounded())) m, "
                + "\(shop.walkingMinutes) min walk  \(shop.status)")
        }
    }

    static func parseInstant(_ text: String) throws -> Date {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        guard let date = formatter.date(from: text) else { throw ValidationError("--at must be ISO 8601, e.g. 2026-11-21T18:30:00Z") }
        return date
    }
}
