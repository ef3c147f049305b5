import ArgumentParser
import ConciergeCore
import Foundation
import Geo
import SeededRandom

/// `concierge-bench nearest`: nearest-k within a radius through `SpatialIndex` versus a brute-force scan, on
/// synthetic shops clustered around real cities (seeded, so every run sees the same map).
struct NearestBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nearest",
        abstract: "Benchmark nearest-k shop search (k-d tree vs brute force) on synthetic shops."
    )

    @Option(name: .customLong("stores"), parsing: .upToNextOption, help: "Shop counts to run.")
    var shopCounts: [Int] = [10_000, 1_000_000]

    @Option(help: "Indexed queries per store count.")
    var queries: Int = 20_000

    @Option(help: "Queries also answered by brute force (and checked for identical answers).")
    var bruteQueries: Int = 300

    @Option(help: "Neighbours per query.")
    var k: Int = 5

    @Option(help: "Search radius in metres.")
    var radius: Double = 10_000

    @Option(help: "Random seed.")
    var seed: UInt64 = 42

    func run() throws {
        print("nearest-\(k) within \(Int(radius)) m, seed \(seed); times per query")
        for count in shopCounts {
            try runOnce(shopCount: count)
        }
    }

    private func runOnce(shopCount: Int) throws {
        var random = SplitMix64(seed: seed)
        let shops = SyntheticMap.shops(count: shopCount, using: &random)
        let origins = SyntheticMap.queries(count: max(queries, bruteQueries), using: &random)

        let buildStart = ContinuousClock.now
        let index = SpatialIndex(shops) { $0 }
        let buildTime = ContinuousClock.now - buildStart

        let indexed = timeIndexed(index, Array(origins.prefix(queries)))
        let brute = timeBruteForce(index, Array(origins.prefix(bruteQueries)))
        let found = String(format: "%.2f", Double(indexed.found) / Double(max(1, indexed.timings.count)))
        print(
            """
            stores \(shopCount): build \(Stats.format(buildTime)); \
            index median \(Stats.format(Stats.percentile(indexed.timings, 0.5))) \
            p95 \(Stats.format(Stats.percentile(indexed.timings, 0.95))) over \(indexed.timings.count) queries \
            (avg \(found) found, \(indexed.outOfRange) out of range); \
            brute force median \(Stats.format(Stats.percentile(brute.timings, 0.5))) \
            p95 \(Stats.format(Stats.percentile(brute.timings, 0.95))) over \(brute.timings.count) queries; \
            speed-up ×\(Stats.ratio(Stats.percentile(brute.timings, 0.5), Stats.percentile(indexed.timings, 0.5))); \
            answers identical: \(brute.mismatches == 0 ? "yes" : "NO, \(brute.mismatches) differ")
            """)
        if brute.mismatches > 0 { throw ExitCode.failure }
    }

    /// Times the honest search (nearest within the radius, else the nearest beyond it) per query.
    private func timeIndexed(_ index: SpatialIndex<Coordinate>, _ origins: [Coordinate])
        -> (timings: [Duration], found: Int, outOfRange: Int)
    {
        var timings: [Duration] = []
        var found = 0
        var outOfRange = 0
        for origin in origins {
            let start = ContinuousClock.now
            let result = index.search(NearestQuery(origin: origin, count: k, radiusMeters: radius))
            timings.append(ContinuousClock.now - start)
            found += result.neighbors.count
            if result.isOutOfRange { outOfRange += 1 }
        }
        return (timings, found, outOfRange)
    }

    /// Times the brute-force scan per query and counts answers that differ from the index's.
    private func timeBruteForce(_ index: SpatialIndex<Coordinate>, _ origins: [Coordinate])
        -> (timings: [Duration], mismatches: Int)
    {
        var timings: [Duration] = []
        var mismatches = 0
        for origin in origins {
            let start = ContinuousClock.now
            let slow = index.bruteForceNearest(to: origin, count: k, withinMeters: radius)
            timings.append(ContinuousClock.now - start)
            let fast = index.nearest(to: origin, count: k, withinMeters: radius)
            if fast.map(\.index) != slow.map(\.index) || fast.map(\.distanceMeters) != slow.map(\.distanceMeters) {
                mismatches += 1
            }
        }
        return (timings, mismatches)
    }
}

/// Shops around real city centres (80 %, Gaussian spread of 6 km) and anywhere on Earth (20 %, uniform by
/// area); queries mostly in cities, some in the middle of nowhere to exercise the out-of-range fallback.
private enum SyntheticMap {
    static let cities: [(Double, Double)] = [
        (51.5074, -0.1278), (48.8566, 2.3522), (52.5200, 13.4050), (40.4168, -3.7038), (41.9028, 12.4964),
        (53.4808, -2.2426), (55.9533, -3.1883), (59.3293, 18.0686), (60.1699, 24.9384), (64.1466, -21.9426),
        (40.7128, -74.0060), (34.0522, -118.2437), (41.8781, -87.6298), (49.2827, -123.1207), (19.4326, -99.1332),
        (-23.5505, -46.6333), (-34.6037, -58.3816), (-33.4489, -70.6693), (35.6762, 139.6503), (37.5665, 126.9780),
        (31.2304, 121.4737), (1.3521, 103.8198), (13.7563, 100.5018), (28.6139, 77.2090), (19.0760, 72.8777),
        (25.2048, 55.2708), (30.0444, 31.2357), (-1.2921, 36.8219), (6.5244, 3.3792), (-33.9249, 18.4241),
        (-33.8688, 151.2093), (-37.8136, 144.9631), (-36.8485, 174.7633), (-18.1416, 178.4419),
        (-13.8333, -171.7667), (64.8378, -147.7164), (78.2232, 15.6267), (-77.8419, 166.6863),
    ]

    static func shops(count: Int, using random: inout SplitMix64) -> [Coordinate] {
        (0..<count).map { _ in
            random.unit() < 0.8 ? nearCity(spreadMeters: 6_000, using: &random) : anywhere(using: &random)
        }
    }

    static func queries(count: Int, using random: inout SplitMix64) -> [Coordinate] {
        (0..<count).map { _ in
            random.unit() < 0.9 ? nearCity(spreadMeters: 8_000, using: &random) : anywhere(using: &random)
        }
    }

    private static func nearCity(spreadMeters: Double, using random: inout SplitMix64) -> Coordinate {
        let (lat, lon) = cities[Int(random.next() % UInt64(cities.count))]
        let degrees = spreadMeters / 111_195
        let north = random.gaussian() * degrees
        let east = random.gaussian() * degrees / max(0.05, cos(lat * .pi / 180))
        return Coordinate(latitude: min(90, max(-90, lat + north)), longitude: wrap(lon + east))
    }

    private static func anywhere(using random: inout SplitMix64) -> Coordinate {
        Coordinate(latitude: asin(2 * random.unit() - 1) * 180 / .pi, longitude: random.unit() * 360 - 180)
    }

    private static func wrap(_ longitude: Double) -> Double {
        var value = longitude.truncatingRemainder(dividingBy: 360)
        if value > 180 { value -= 360 }
        if value < -180 { value += 360 }
        return value
    }
}

extension SplitMix64 {
    /// Standard normal (Box–Muller).
    fileprivate mutating func gaussian() -> Double {
        let u = max(unit(), 0x1p-53)
        return (-2 * log(u)).squareRoot() * cos(2 * .pi * unit())
    }
}

/// Percentiles and formatting for benchmark timings.
private enum Stats {
    static func percentile(_ values: [Duration], _ fraction: Double) -> Duration {
        guard !values.isEmpty else { return .zero }
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * fraction + 0.5))]
    }

    static func seconds(_ duration: Duration) -> Double {
        duration.seconds
    }

    static func format(_ duration: Duration) -> String {
        let value = seconds(duration)
        if value >= 1 { return String(format: "%.2f s", value) }
        if value >= 1e-3 { return String(format: "%.2f ms", value * 1e3) }
        return String(format: "%.2f µs", value * 1e6)
    }

    static func ratio(_ slow: Duration, _ fast: Duration) -> String {
        let denominator = seconds(fast)
        return denominator > 0 ? String(format: "%.0f", seconds(slow) / denominator) : "∞"
    }
}
