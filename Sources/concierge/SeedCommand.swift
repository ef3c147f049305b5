import ArgumentParser
import Bcrypt
import ConciergeApp
import ConciergeCore
import Foundation
import Seeding

struct SeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Fill the configured store with deterministic demo data, or import a JSON file.",
        discussion: """
            The same --seed and --as-of always give the same data. Without --reset, records are upserted by key, \
            so running the same seed again changes nothing.
            """
    )

    @Option(help: "Synthetic shoppers to generate (the demo personas come on top).")
    var users = 500

    @Option(help: "Random seed.")
    var seed: UInt64 = 42

    @Option(help: "Date the data is relative to (yyyy-MM-dd, UTC midnight). Default: today.")
    var asOf: String?

    @Flag(help: "Empty the store first.")
    var reset = false

    @Flag(help: "Do nothing when the store already holds users (for start-up scripts).")
    var ifEmpty = false

    @Option(help: "Import users, shops, orders and coupons from this JSON file instead of generating.")
    var from: String?

    func run() async throws {
        let configuration = try CommandSupport.configuration()
        let hasher = BcryptPasswordHasher(cost: configuration.bcryptCost)
        try await CommandSupport.withStore(configuration) { store in
            if let from {
                let counts = try await DataImporter(store: store, hasher: hasher, clock: SystemWallClock())
                    .importFile(atPath: from)
                print("imported: " + StatsFormatter.inline(counts))
                return
            }
            if ifEmpty, try await store.counts()[.users] > 0 {
                print("the store already holds data; not seeding (use --reset to start over)")
                return
            }
            let catalog = try SeedCatalogLoader.load(seedsDirectory: configuration.seedsDirectory)
            let options = SeedOptions(users: users, seed: seed, asOf: try AsOfDate.parse(asOf), reset: reset,
                                      policiesDirectory: configuration.seedsDirectory + "/policies")
            let generating = ProgressBar(label: "generating")
            let writing = ProgressBar(label: "writing   ")
            let embedder = try await CommandSupport.embedder(configuration)
            let report = try await SeedRunner(store: store, hasher: hasher, catalog: catalog, embedder: embedder)
                .run(options) { phase in
                switch phase {
                case .generating(let done, let total): generating.update(done: done, total: total)
                case .writing(let done, let total): writing.update(done: done, total: total)
                }
            }
            SeedReportPrinter.print(report, options: options)
        }
    }
}

enum AsOfDate {
    /// `yyyy-MM-dd` as UTC midnight; today's UTC midnight when absent.
    static func parse(_ text: String?) throws -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let text else { return calendar.startOfDay(for: Date()) }
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3,
            let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
        else { throw ValidationError("--as-of must be yyyy-MM-dd") }
        return date
    }

    static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: date)
    }
}

enum SeedReportPrinter {
    static func print(_ report: SeedReport, options: SeedOptions) {
        let counts = report.written
        Swift.print("seeded \(options.users) shoppers with seed \(options.seed) as of \(AsOfDate.format(options.asOf))")
        Swift.print("written: " + StatsFormatter.inline(counts))
        if let policies = report.policies {
            Swift.print("policies: \(policies.documents) documents as \(policies.chunks) chunks")
        }
        let users = Double(counts[.users]) / max(report.generateSeconds + report.writeSeconds, 1e-9)
        let orders = Double(counts[.orders]) / max(report.generateSeconds + report.writeSeconds, 1e-9)
        Swift.print(String(format: "time: generate %.2fs, hash demo passwords %.2fs, write %.2fs (%.0f users/s, %.0f orders/s)",
                           report.generateSeconds, report.hashSeconds, report.writeSeconds, users, orders))
        Swift.print("\ndemo accounts (passwords are stored only as bcrypt hashes):")
        for credential in report.credentials {
            Swift.print("  \(credential.role.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) "
                + "\(credential.email.padding(toLength: 26, withPad: " ", startingAt: 0)) \(credential.password)")
        }
    }
}
