import Foundation

/// Great-circle distances on a spherical Earth.
///
/// The sphere uses the IUGG mean radius, 6,371,008.8 m. Against the WGS-84 ellipsoid the error is at most about
/// 0.5 %, far below what matters for "which shop is nearest" and "how long is the walk".
public enum Earth {
    /// IUGG mean Earth radius R₁ in metres.
    public static let meanRadiusMeters = 6_371_008.8

    /// Haversine distance in metres between two coordinates.
    ///
    /// The haversine form stays accurate for tiny distances (a few metres), where the spherical law of cosines
    /// loses precision; `min(1, …)` guards against rounding pushing `asin` out of its domain for antipodes.
    public static func distance(_ from: Coordinate, _ to: Coordinate) -> Double {
        let phi1 = from.latitude * .pi / 180
        let phi2 = to.latitude * .pi / 180
        let deltaPhi = phi2 - phi1
        let deltaLambda = (to.longitude - from.longitude) * .pi / 180
        let sinHalfPhi = sin(deltaPhi / 2)
        let sinHalfLambda = sin(deltaLambda / 2)
        let a = sinHalfPhi * sinHalfPhi + cos(phi1) * cos(phi2) * sinHalfLambda * sinHalfLambda
        return 2 * meanRadiusMeters * asin(min(1, a.squareRoot()))
    }

    /// A distance as people say it: "60 m" (nearest 10 m below 1 km), "1.2 km" (below 10 km), "14 km".
    public static func readable(meters: Double) -> String {
        guard meters.isFinite, meters >= 0 else { return "unknown distance" }
        if meters < 995 { return "\(Int((meters / 10).rounded()) * 10) m" }
        if meters < 9_950 {
            let tenths = Int((meters / 100).rounded())
            return "\(tenths / 10).\(tenths % 10) km"
        }
        return "\(Int((meters / 1_000).rounded())) km"
    }

    /// The squared straight-line (chord) distance on the unit sphere that corresponds to a great-circle distance.
    ///
    /// The chord grows monotonically with the arc, so comparing chords orders points exactly as comparing
    /// great-circle distances does, without a trigonometric call per candidate.
    static func chordSquared(forMeters meters: Double) -> Double {
        guard meters.isFinite else { return .infinity }
        let angle = min(max(meters, 0) / meanRadiusMeters, .pi)
        let chord = 2 * sin(angle / 2)
        return chord * chord
    }
}

extension Coordinate {
    /// Great-circle (haversine) distance in metres to `other`.
    public func distance(to other: Coordinate) -> Double { Earth.distance(self, other) }

    /// The point on the unit sphere: x towards (0°, 0°), y towards (0°, 90°E), z towards the North Pole.
    ///
    /// Working in 3-D makes the antimeridian and the poles ordinary places for the spatial index.
    var unitVector: (x: Double, y: Double, z: Double) {
        let phi = latitude * .pi / 180
        let lambda = longitude * .pi / 180
        let cosPhi = cos(phi)
        return (cosPhi * cos(lambda), cosPhi * sin(lambda), sin(phi))
    }
}

/// A walking speed used to turn a distance into minutes on foot.
///
/// The standard pace is 4.8 km/h, i.e. 80 m per minute: a common planning figure for an unhurried adult walk.
/// Distances are straight-line, so real routes take somewhat longer; callers say "about N minutes".
public struct WalkingPace: Hashable, Sendable {
    /// Metres covered per minute.
    public let metersPerMinute: Double

    /// 4.8 km/h = 80 m/min.
    public static let standard = WalkingPace(kilometersPerHour: 4.8)

    public init(metersPerMinute: Double) {
        precondition(metersPerMinute > 0, "walking pace must be positive")
        self.metersPerMinute = metersPerMinute
    }

    public init(kilometersPerHour: Double) {
        self.init(metersPerMinute: kilometersPerHour * 1000 / 60)
    }

    /// Whole minutes to walk `meters`, rounded up so "3 minutes" is never an underestimate; 0 m is 0 minutes.
    public func minutes(forMeters meters: Double) -> Int {
        guard meters > 0 else { return 0 }
        guard meters.isFinite else { return Int.max }
        return Int((meters / metersPerMinute).rounded(.up))
    }
}
