/// Anything with a place on the map. The domain's shops conform in ConciergeCore; Geo knows no shop type.
public protocol Locatable {
    var coordinate: Coordinate { get }
}

/// One element found near a point, with its real great-circle distance.
public struct Neighbor<Element> {
    public var element: Element
    /// Position of `element` in the array the index was built from.
    public var index: Int
    /// Haversine distance from the query origin, in metres.
    public var distanceMeters: Double
    /// Whether the element lies within the radius that was asked for.
    public var isWithinRadius: Bool

    public init(element: Element, index: Int, distanceMeters: Double, isWithinRadius: Bool) {
        self.element = element
        self.index = index
        self.distanceMeters = distanceMeters
        self.isWithinRadius = isWithinRadius
    }

    /// Minutes on foot at `pace` (straight line, rounded up).
    public func walkingMinutes(at pace: WalkingPace = .standard) -> Int {
        pace.minutes(forMeters: distanceMeters)
    }
}

extension Neighbor: Sendable where Element: Sendable {}
extension Neighbor: Equatable where Element: Equatable {}

/// What to look for: up to `count` elements within `radiusMeters` of `origin`.
public struct NearestQuery: Hashable, Sendable {
    public var origin: Coordinate
    public var count: Int
    public var radiusMeters: Double
    /// How many elements to return anyway, beyond the radius, when none lies within it (0 to disable).
    public var fallbackCount: Int

    public init(origin: Coordinate, count: Int, radiusMeters: Double, fallbackCount: Int = 1) {
        self.origin = origin
        self.count = count
        self.radiusMeters = radiusMeters
        self.fallbackCount = fallbackCount
    }
}

/// An honest answer: the elements within the radius or, when there are none, the nearest ones anyway with their
/// real distances and `isOutOfRange` set, so the caller can say "the nearest is 14 km away".
public struct NearestResult<Element> {
    public var neighbors: [Neighbor<Element>]
    public var radiusMeters: Double
    /// True when nothing matched within the radius and `neighbors` holds the fallback beyond it.
    public var isOutOfRange: Bool

    public init(neighbors: [Neighbor<Element>], radiusMeters: Double, isOutOfRange: Bool) {
        self.neighbors = neighbors
        self.radiusMeters = radiusMeters
        self.isOutOfRange = isOutOfRange
    }
}

extension NearestResult: Sendable where Element: Sendable {}
extension NearestResult: Equatable where Element: Equatable {}

/// Nearest-k search over any elements with a coordinate, through a 3-D k-d tree on the unit sphere.
///
/// Candidates are compared by exact chord length (monotonic in great-circle distance) and the reported
/// distances are haversine metres, so results equal a brute-force scan's. Elements with invalid coordinates are
/// left out of the index (counted in `skippedCount`). Distance ties go to the lower input position.
public struct SpatialIndex<Element> {
    /// The elements as given, in their original order.
    public let elements: [Element]
    /// How many elements had an invalid coordinate and are never returned.
    public let skippedCount: Int
    let coordinates: [Coordinate]
    let tree: KDTree

    /// Builds the index; O(n log n).
    public init(_ elements: [Element], coordinate: (Element) -> Coordinate) {
        precondition(elements.count < Int(Int32.max), "SpatialIndex holds at most 2^31 - 1 elements")
        let coordinates = elements.map(coordinate)
        var points: [KDPoint] = []
        points.reserveCapacity(coordinates.count)
        for (position, point) in coordinates.enumerated() where point.isValid {
            let vector = point.unitVector
            points.append(KDPoint(x: vector.x, y: vector.y, z: vector.z, index: Int32(position)))
        }
        self.elements = elements
        self.coordinates = coordinates
        self.skippedCount = coordinates.count - points.count
        self.tree = KDTree(points: points)
    }

    /// Number of elements given (including skipped ones).
    public var count: Int { elements.count }

    /// Up to `count` elements within `radiusMeters` of `origin` that satisfy `include`, nearest first.
    /// Returns nothing for an invalid origin or a non-positive count.
    public func nearest(
        to origin: Coordinate, count: Int, withinMeters radiusMeters: Double = .infinity,
        where include: (Element) -> Bool = { _ in true }
    ) -> [Neighbor<Element>] {
        let capacity = min(count, tree.points.count)
        guard origin.isValid, capacity > 0, radiusMeters >= 0 else { return [] }
        // A hair of slack on the chord bound; membership is then decided on haversine metres, as brute force does.
        let bound = Earth.chordSquared(forMeters: radiusMeters) * (1 + 1e-9) + 1e-18
        var candidates = NearestCandidates(capacity: capacity, radiusChordSquared: bound)
        tree.search(origin.unitVector, into: &candidates) { include(elements[Int($0)]) }
        return candidates.entries.compactMap { entry in
            let position = Int(entry.index)
            let meters = Earth.distance(origin, coordinates[position])
            guard meters <= radiusMeters else { return nil }
            return Neighbor(element: elements[position], index: position, distanceMeters: meters, isWithinRadius: true)
        }
    }

    /// Runs `query`; when nothing within the radius satisfies `include`, returns the `fallbackCount` nearest
    /// beyond it, marked out of range.
    public func search(_ query: NearestQuery, where include: (Element) -> Bool = { _ in true }) -> NearestResult<
        Element
    > {
        let inside = nearest(to: query.origin, count: query.count, withinMeters: query.radiusMeters, where: include)
        guard inside.isEmpty, query.fallbackCount > 0 else {
            return NearestResult(neighbors: inside, radiusMeters: query.radiusMeters, isOutOfRange: false)
        }
        let beyond = nearest(to: query.origin, count: query.fallbackCount, where: include).map { neighbor in
            var marked = neighbor
            marked.isWithinRadius = neighbor.distanceMeters <= query.radiusMeters
            return marked
        }
        return NearestResult(neighbors: beyond, radiusMeters: query.radiusMeters, isOutOfRange: !beyond.isEmpty)
    }

    /// The same answer as `nearest(to:count:withinMeters:where:)` by scanning every element: the reference the
    /// tests and the benchmark check the index against. O(n) per query.
    public func bruteForceNearest(
        to origin: Coordinate, count: Int, withinMeters radiusMeters: Double = .infinity,
        where include: (Element) -> Bool = { _ in true }
    ) -> [Neighbor<Element>] {
        guard origin.isValid, count > 0, radiusMeters >= 0 else { return [] }
        var found: [(meters: Double, position: Int)] = []
        for (position, point) in coordinates.enumerated() where point.isValid {
            let meters = Earth.distance(origin, point)
            if meters <= radiusMeters && include(elements[position]) { found.append((meters, position)) }
        }
        found.sort { ($0.meters, $0.position) < ($1.meters, $1.position) }
        return found.prefix(count).map {
            Neighbor(
                element: elements[$0.position], index: $0.position, distanceMeters: $0.meters, isWithinRadius: true)
        }
    }
}

extension SpatialIndex: Sendable where Element: Sendable {}

extension SpatialIndex where Element: Locatable {
    /// Builds the index from each element's own coordinate.
    public init(_ elements: [Element]) {
        self.init(elements, coordinate: \.coordinate)
    }
}
