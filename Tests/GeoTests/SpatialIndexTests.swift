import SeededRandom
import Testing

@testable import Geo

struct Shop: Locatable, Equatable, Sendable {
    var name: String
    var coordinate: Coordinate
}

@Suite("Spatial index")
struct SpatialIndexTests {
    /// Points clustered where spherical geometry is awkward (antimeridian, both poles) plus a city cluster.
    static func awkwardPoints(count: Int, seed: UInt64) -> [Coordinate] {
        var random = SplitMix64(seed: seed)
        let centres = [(0.0, 179.95), (89.7, 0.0), (-89.8, 120.0), (51.5, -0.12), (-36.85, 174.76)]
        return (0..<count).map { i in
            let centre = centres[i % centres.count]
            let lat = min(90, max(-90, centre.0 + Double.random(in: -0.4...0.4, using: &random)))
            var lon = centre.1 + Double.random(in: -0.4...0.4, using: &random)
            if lon > 180 { lon -= 360 }
            if lon < -180 { lon += 360 }
            return Coordinate(latitude: lat, longitude: lon)
        }
    }

    @Test("same answers as brute force near the antimeridian, the poles and in a city")
    func matchesBruteForce() {
        let points = Self.awkwardPoints(count: 3_000, seed: 42)
        let index = SpatialIndex(points) { $0 }
        var random = SplitMix64(seed: 7)
        let queries = Self.awkwardPoints(count: 200, seed: 99)
        for query in queries {
            let k = [1, 5, 20].randomElement(using: &random)!
            let radius = [500.0, 10_000, 200_000, .infinity].randomElement(using: &random)!
            let filter: (Coordinate) -> Bool = { $0.latitude.truncatingRemainder(dividingBy: 0.01) > 0.003 }
            for include in [{ (_: Coordinate) in true }, filter] {
                let fast = index.nearest(to: query, count: k, withinMeters: radius, where: include)
                let slow = index.bruteForceNearest(to: query, count: k, withinMeters: radius, where: include)
                #expect(fast.map(\.index) == slow.map(\.index))
                #expect(zip(fast, slow).allSatisfy { $0.distanceMeters == $1.distanceMeters })
            }
        }
    }

    @Test("the nearest shop can be across the antimeridian")
    func acrossAntimeridian() {
        let shops = [
            Shop(name: "east", coordinate: .init(latitude: -16.5, longitude: -179.99)),
            Shop(name: "west", coordinate: .init(latitude: -16.5, longitude: 179.5)),
        ]
        let found = SpatialIndex(shops).nearest(to: .init(latitude: -16.5, longitude: 179.999), count: 2)
        #expect(found.map(\.element.name) == ["east", "west"])
        #expect(abs(found[0].distanceMeters - 1_172.776) < 0.01)
    }

    @Test("near the pole, longitude does not mislead")
    func nearPole() {
        let shops = [
            Shop(name: "same meridian, far", coordinate: .init(latitude: 89.0, longitude: 10)),
            Shop(name: "opposite meridian, near", coordinate: .init(latitude: 89.95, longitude: -170)),
        ]
        let found = SpatialIndex(shops).nearest(to: .init(latitude: 89.95, longitude: 10), count: 1)
        #expect(found.first?.element.name == "opposite meridian, near")
        #expect(abs((found.first?.distanceMeters ?? 0) - 11_119.5) < 1)
    }

    @Test("radius, k and ties by input order")
    func radiusAndTies() {
        let here = Coordinate(latitude: 51.5, longitude: -0.12)
        let shops = [
            Shop(name: "b", coordinate: .init(latitude: 51.501, longitude: -0.12)),
            Shop(name: "a", coordinate: .init(latitude: 51.501, longitude: -0.12)),
            Shop(name: "far", coordinate: .init(latitude: 51.6, longitude: -0.12)),
        ]
        let index = SpatialIndex(shops)
        #expect(index.nearest(to: here, count: 5, withinMeters: 1_000).map(\.element.name) == ["b", "a"])
        #expect(index.nearest(to: here, count: 1, withinMeters: 1_000).map(\.element.name) == ["b"])
        #expect(index.nearest(to: here, count: 5).map(\.element.name) == ["b", "a", "far"])
        #expect(index.nearest(to: here, count: 5, where: { $0.name != "b" }).map(\.element.name) == ["a", "far"])
    }

    @Test("nothing within the radius: the nearest anyway, honestly out of range")
    func honestFallback() {
        let shops = [Shop(name: "Lakeside", coordinate: .init(latitude: 51.626, longitude: -0.12))]
        let index = SpatialIndex(shops)
        let result = index.search(
            NearestQuery(
                origin: .init(latitude: 51.5, longitude: -0.12), count: 5,
                radiusMeters: 2_000))
        #expect(result.isOutOfRange)
        #expect(result.neighbors.count == 1)
        #expect(result.neighbors[0].isWithinRadius == false)
        #expect(abs(result.neighbors[0].distanceMeters - 14_010.6) < 1)
        #expect(result.neighbors[0].walkingMinutes() == 176)

        let inRange = index.search(
            NearestQuery(
                origin: .init(latitude: 51.62, longitude: -0.12), count: 5,
                radiusMeters: 2_000))
        #expect(!inRange.isOutOfRange)
        #expect(inRange.neighbors.allSatisfy { $0.isWithinRadius })

        let none = index.search(
            NearestQuery(
                origin: .init(latitude: 51.5, longitude: -0.12), count: 5,
                radiusMeters: 2_000, fallbackCount: 0))
        #expect(none.neighbors.isEmpty && !none.isOutOfRange)
    }

    @Test("invalid coordinates are skipped; bad queries return nothing")
    func invalidInput() {
        let shops = [
            Shop(name: "broken", coordinate: .init(latitude: 123, longitude: 0)),
            Shop(name: "ok", coordinate: .init(latitude: 1, longitude: 1)),
        ]
        let index = SpatialIndex(shops)
        #expect(index.skippedCount == 1)
        #expect(index.nearest(to: .init(latitude: 1, longitude: 1), count: 5).map(\.element.name) == ["ok"])
        #expect(index.nearest(to: .init(latitude: .nan, longitude: 0), count: 5).isEmpty)
        #expect(index.nearest(to: .init(latitude: 1, longitude: 1), count: 0).isEmpty)
        #expect(SpatialIndex([Shop]()).nearest(to: .init(latitude: 0, longitude: 0), count: 3).isEmpty)
    }

    @Test("build is deterministic for equal input, including many duplicates")
    func duplicates() {
        let points =
            Array(repeating: Coordinate(latitude: 10, longitude: 10), count: 100)
            + Self.awkwardPoints(count: 100, seed: 3)
        let index = SpatialIndex(points) { $0 }
        let found = index.nearest(to: .init(latitude: 10, longitude: 10), count: 10)
        #expect(found.map(\.index) == Array(0..<10))
        #expect(found.allSatisfy { $0.distanceMeters == 0 })
    }
}

@Suite("Spatial index limits")
struct SpatialIndexLimitTests {
    @Test("asking for more neighbours than there are returns them all")
    func hugeCount() {
        let index = SpatialIndex([Coordinate(latitude: 1, longitude: 1), Coordinate(latitude: 2, longitude: 2)]) { $0 }
        #expect(index.nearest(to: .init(latitude: 0, longitude: 0), count: .max).map(\.index) == [0, 1])
        #expect(index.bruteForceNearest(to: .init(latitude: 0, longitude: 0), count: .max).map(\.index) == [0, 1])
    }
}
