import Analytics
import ArgumentParser
import ConciergeApp
import ConciergeCore
import Foundation
import Seeding

/// `concierge-bench analytics-segmentation`: the whole segmentation run (features, k range, bootstrap, feature
/// drop, windows, gate, traits) on the synthetic seed generated in memory, timed, with the ARI against the planted
/// archetypes. Budget: 10,000 customers in under 30 s on a release build. `--users 500` is the demo seed.
struct AnalyticsSegmentationBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analytics-segmentation",
        abstract: "Time the segmentation run on the synthetic seed and compare it with the planted archetypes."
    )

    @Option(help: "Synthetic shoppers to generate (the demo seed has 500).")
    var users: Int = 10_000

    @Option(name: .customLong("as-of"), help: "As-of date of the data and the run.")
    var asOf: String = "2026-12-01"

    @Option(help: "Seed of the data and of the run.")
    var seed: UInt64 = 42

    @Option(name: .customLong("k-min"), help: "Smallest k.")
    var kMin: Int = SegmentationConfiguration().kMin

    @Option(name: .customLong("k-max"), help: "Largest k.")
    var kMax: Int = SegmentationConfiguration().kMax

    @Option(help: "The repository's Seeds directory.")
    var seeds: String = "Seeds"

    func run() throws {
        guard let day = CalendarDay(iso: asOf) else { throw ValidationError("--as-of must be YYYY-MM-DD") }
        let midnight = Date(timeIntervalSince1970: Double(day.daysSinceEpoch) * 86_400)
        let catalog = try SeedCatalogLoader.load(seedsDirectory: seeds)
        var clock = ContinuousClock.now
        let data = try SyntheticDataGenerator(catalog: catalog, seed: seed, asOf: midnight)
            .generate(userCount: users).dataSet
        let generated = Self.lap(&clock)
        let pseudonyms = CustomerPseudonyms(key: nil)
        let input = SegmentationInputs.make(
            shopperIDs: data.users.filter { $0.role == .shopper }.map(\.id), orders: data.orders,
            events: data.events, shops: data.shops, pseudonyms: pseudonyms)
        let converted = Self.lap(&clock)
        let configuration = SegmentationConfiguration(kMin: kMin, kMax: kMax, seed: seed)
        let result = try SegmentationRun(configuration: configuration).run(input, asOf: day)
        let ran = Self.lap(&clock)
        print(SegmentationText.render(result))
        let truth = SegmentationGroundTruth.measure(result, users: data.users,
                                                    archetypes: SegmentationGroundTruth.distinctArchetypes,
                                                    pseudonyms: pseudonyms)
        print(String(format: "ARI vs the planted archetypes (%d customers): %.4f", truth.customers, truth.ari))
        for archetype in truth.crossTable.keys.sorted() {
            let row = truth.crossTable[archetype]!.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }
            print("  \(archetype) → cluster:customers \(row.joined(separator: " "))")
        }
        print(String(format: "%d shoppers, %d orders; generate %.2f s, inputs %.2f s, segmentation run %.2f s",
                     users, data.orders.count, generated, converted, ran))
    }

    private static func lap(_ start: inout ContinuousClock.Instant) -> Double {
        let now = ContinuousClock.now
        let elapsed = now - start
        start = now
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }
}
