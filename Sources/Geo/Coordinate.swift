/// A point on the WGS-84 ellipsoid, in decimal degrees.
///
/// Latitude is in [-90, 90] and longitude in [-180, 180]; `isValid` checks both so that callers can reject
/// bad input at the edge instead of computing nonsense distances.
public struct Coordinate: Codable, Hashable, Sendable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    public var isValid: Bool {
        latitude.isFinite && longitude.isFinite && (-90...90).contains(latitude) && (-180...180).contains(longitude)
    }
}
