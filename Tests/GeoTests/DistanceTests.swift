import Testing

@testable import Geo

/// Expected values were computed by hand from the haversine formula with R = 6,371,008.8 m (Python, double
/// precision) and agree with published great-circle figures to within the sphere's ~0.5 % error.
@Suite("Haversine distances")
struct DistanceTests {
    static let cityPairs: [(String, Coordinate, Coordinate, Double)] = [
        (
            "London–Paris", .init(latitude: 51.5074, longitude: -0.1278), .init(latitude: 48.8566, longitude: 2.3522),
            343_556.535
        ),
        (
            "New York–Los Angeles", .init(latitude: 40.7128, longitude: -74.0060),
            .init(latitude: 34.0522, longitude: -118.2437), 3_935_751.691
        ),
        (
            "Sydney–Melbourne", .init(latitude: -33.8688, longitude: 151.2093),
            .init(latitude: -37.8136, longitude: 144.9631), 713_428.466
        ),
        (
            "Tokyo–London", .init(latitude: 35.6762, longitude: 139.6503), .init(latitude: 51.5074, longitude: -0.1278),
            9_558_574.574
        ),
        (
            "Heathrow–JFK", .init(latitude: 51.4700, longitude: -0.4543), .init(latitude: 40.6413, longitude: -73.7781),
            5_540_018.970
        ),
    ]

    @Test("known city pairs", arguments: 0..<cityPairs.count)
    func cityPair(_ index: Int) {
        let (_, from, to, expected) = Self.cityPairs[index]
        #expect(abs(from.distance(to: to) - expected) < 0.01)
        // Symmetric.
        #expect(abs(to.distance(to: from) - expected) < 0.01)
    }

    @Test("across the antimeridian: short way round, not round the world")
    func antimeridian() {
        let west = Coordinate(latitude: 0, longitude: 179.9)
        let east = Coordinate(latitude: 0, longitude: -179.9)
        #expect(abs(west.distance(to: east) - 22_239.016) < 0.01)
        let suva = Coordinate(latitude: -18.1416, longitude: 178.4419)
        let apia = Coordinate(latitude: -13.8333, longitude: -171.7667)
        #expect(abs(suva.distance(to: apia) - 1_150_703.566) < 0.01)
    }

    @Test("near and at the poles")
    func poles() {
        // 0.1° from the pole on opposite meridians: 0.2° of arc over the top.
        #expect(
            abs(
                Coordinate(latitude: 89.9, longitude: 0).distance(to: .init(latitude: 89.9, longitude: 180))
                    - 22_239.016) < 0.01)
        #expect(
            abs(
                Coordinate(latitude: 89.99, longitude: 45).distance(to: .init(latitude: 89.99, longitude: -135))
                    - 2_223.902) < 0.01)
        #expect(
            abs(
                Coordinate(latitude: -89.5, longitude: 10).distance(to: .init(latitude: -89.5, longitude: -170))
                    - 111_195.080) < 0.01)
        // Every longitude is the same point at the pole.
        #expect(Coordinate(latitude: 90, longitude: 0).distance(to: .init(latitude: 90, longitude: 123)) < 1e-6)
    }

    @Test("exact fractions of a great circle")
    func greatCircleFractions() {
        let origin = Coordinate(latitude: 0, longitude: 0)
        let radius = Earth.meanRadiusMeters
        #expect(abs(origin.distance(to: .init(latitude: 0, longitude: 1)) - radius * .pi / 180) < 1e-6)
        #expect(abs(origin.distance(to: .init(latitude: 90, longitude: 0)) - radius * .pi / 2) < 1e-6)
        #expect(abs(origin.distance(to: .init(latitude: 0, longitude: 180)) - radius * .pi) < 1e-6)
        #expect(origin.distance(to: origin) == 0)
    }

    @Test("a few metres stay accurate")
    func smallDistances() {
        // 0.00001° of latitude ≈ 1.112 m.
        let a = Coordinate(latitude: 51.5, longitude: -0.12)
        let b = Coordinate(latitude: 51.50001, longitude: -0.12)
        #expect(abs(a.distance(to: b) - 1.11195) < 0.0001)
    }

    @Test("walking time at 4.8 km/h, rounded up")
    func walking() {
        #expect(WalkingPace.standard.metersPerMinute == 80)
        #expect(WalkingPace.standard.minutes(forMeters: 0) == 0)
        #expect(WalkingPace.standard.minutes(forMeters: 1) == 1)
        #expect(WalkingPace.standard.minutes(forMeters: 80) == 1)
        #expect(WalkingPace.standard.minutes(forMeters: 81) == 2)
        #expect(WalkingPace.standard.minutes(forMeters: 1_000) == 13)
        #expect(WalkingPace(kilometersPerHour: 6).minutes(forMeters: 1_000) == 10)
    }

    @Test("coordinate validity")
    func validity() {
        #expect(Coordinate(latitude: 90, longitude: -180).isValid)
        #expect(!Coordinate(latitude: 90.0001, longitude: 0).isValid)
        #expect(!Coordinate(latitude: .nan, longitude: 0).isValid)
    }
}

@Suite("Readable distances")
struct ReadableDistanceTests {
    @Test("metres to the nearest 10 below 1 km, one decimal below 10 km, whole km beyond")
    func readable() {
        #expect(Earth.readable(meters: 0) == "0 m")
        #expect(Earth.readable(meters: 57) == "60 m")
        #expect(Earth.readable(meters: 994) == "990 m")
        #expect(Earth.readable(meters: 996) == "1.0 km")
        #expect(Earth.readable(meters: 1_249) == "1.2 km")
        #expect(Earth.readable(meters: 9_949) == "9.9 km")
        #expect(Earth.readable(meters: 14_010.6) == "14 km")
        #expect(Earth.readable(meters: .infinity) == "unknown distance")
    }
}
