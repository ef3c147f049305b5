import Foundation
import Geo

/// A store near the shopper, with everything decided in code: distance, walking time and whether it is open.
public struct NearbyStore: Hashable, Sendable {
    public var store: RetailStore
    public var distanceMeters: Double
    public var walkingMinutes: Int
    public var isWithinRadius: Bool
    public var isOpen: Bool
    /// "Open until 22:00", "Closes in 10 minutes", "Opens at 07:00 tomorrow".
    public var status: String
}

/// Nearest stores through a spatial index built once over the chain's stores, with opening status in each
/// store's own time zone at an injected instant.
public struct StoreFinder: Sendable {
    public struct Filter: Sendable {
        public var openNow: Bool
        /// Only stores whose menu has an item with this tag (`hot`, `vegan`...) or this category.
        public var tag: String?

        public init(openNow: Bool = false, tag: String? = nil) {
            self.openNow = openNow
            self.tag = tag
        }
    }

    private let index: SpatialIndex<RetailStore>
    public var pace: WalkingPace

    public init(stores: [RetailStore], pace: WalkingPace = .standard) {
        index = SpatialIndex(stores.sorted { $0.id < $1.id }) { $0.location }
        self.pace = pace
    }

    public var storeCount: Int { index.count }

    /// Up to `count` stores within `radiusMeters`, nearest first. When none qualifies inside the radius, the nearest
    /// qualifying store beyond it is returned with `isWithinRadius == false`, so the answer can be honest.
    public func nearest(to origin: Coordinate, at instant: Date, count: Int, radiusMeters: Double,
                        filter: Filter = Filter()) -> [NearbyStore] {
        let result = index.search(NearestQuery(origin: origin, count: count, radiusMeters: radiusMeters)) { store in
            Self.matches(store, filter: filter, at: instant)
        }
        return result.neighbors.map { neighbor in
            let status = Self.status(of: neighbor.element, at: instant)
            return NearbyStore(store: neighbor.element, distanceMeters: neighbor.distanceMeters,
                               walkingMinutes: neighbor.walkingMinutes(at: pace), isWithinRadius: neighbor.isWithinRadius,
                               isOpen: status.isOpen, status: status.summary)
        }
    }

    static func matches(_ store: RetailStore, filter: Filter, at instant: Date) -> Bool {
        if filter.openNow, !status(of: store, at: instant).isOpen { return false }
        guard let tag = filter.tag?.lowercased() else { return true }
        return store.menu.contains { $0.category == tag || $0.tags.contains { $0.rawValue == tag } }
            || store.amenities.contains(tag)
    }

    /// A store with an unknown time zone is treated as closed rather than guessed at.
    static func status(of store: RetailStore, at instant: Date) -> OpeningStatus {
        guard let zone = TimeZone(identifier: store.timeZone) else {
            return OpeningStatus(isOpen: false, closesAt: nil, opensAt: nil, minutesUntilClose: nil, minutesUntilOpen: nil)
        }
        return store.hours.status(at: instant, timeZone: zone)
    }
}
