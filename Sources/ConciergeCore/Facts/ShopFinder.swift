import Foundation
import Geo

/// A shop near the shopper, with everything decided in code: distance, walking time and whether it is open.
public struct NearbyShop: Hashable, Sendable {
    public var shop: Shop
    public var distanceMeters: Double
    public var walkingMinutes: Int
    public var isWithinRadius: Bool
    public var isOpen: Bool
    /// "Open until 22:00", "Closes in 10 minutes", "Opens at 07:00 tomorrow".
    public var status: String
    /// Minutes until it closes; `nil` when closed or open around the clock.
    public var minutesUntilClose: Int? = nil

    /// Open, but closing within `minutes`: too late to send someone there.
    public func closesWithin(minutes: Int) -> Bool {
        guard isOpen, let left = minutesUntilClose else { return false }
        return left <= minutes
    }

    /// Open and not about to close.
    public func isOpenFor(minutes: Int) -> Bool { isOpen && !closesWithin(minutes: minutes) }
}

/// Nearest shops through a spatial index built once over the chain's shops, with opening status in each
/// shop's own time zone at an injected instant.
public struct ShopFinder: Sendable {
    public struct Filter: Sendable {
        public var openNow: Bool
        /// Only shops whose menu has an item with this tag (`hot`, `vegan`...) or this category.
        public var tag: String?

        public init(openNow: Bool = false, tag: String? = nil) {
            self.openNow = openNow
            self.tag = tag
        }
    }

    private let index: SpatialIndex<Shop>
    public var pace: WalkingPace

    public init(shops: [Shop], pace: WalkingPace = .standard) {
        index = SpatialIndex(shops.sorted { $0.id < $1.id }) { $0.location }
        self.pace = pace
    }

    public var shopCount: Int { index.count }

    /// Up to `count` shops within `radiusMeters`, nearest first. When none qualifies inside the radius, the nearest
    /// qualifying shop beyond it is returned with `isWithinRadius == false`, so the answer can be honest.
    public func nearest(to origin: Coordinate, at instant: Date, count: Int, radiusMeters: Double,
                        filter: Filter = Filter()) -> [NearbyShop] {
        let result = index.search(NearestQuery(origin: origin, count: count, radiusMeters: radiusMeters)) { shop in
            Self.matches(shop, filter: filter, at: instant)
        }
        return result.neighbors.map { neighbor in
            let status = Self.status(of: neighbor.element, at: instant)
            return NearbyShop(shop: neighbor.element, distanceMeters: neighbor.distanceMeters,
                               walkingMinutes: neighbor.walkingMinutes(at: pace), isWithinRadius: neighbor.isWithinRadius,
                               isOpen: status.isOpen, status: status.summary,
                               minutesUntilClose: status.minutesUntilClose)
        }
    }

    /// One shop as a `NearbyShop` seen from `origin` (a shop the shopper named, wherever it is). Without an origin
    /// the distance is unknown: it is then treated as out of range, so no walk is suggested.
    public func describe(_ shop: Shop, from origin: Coordinate?, at instant: Date, radiusMeters: Double) -> NearbyShop {
        let status = Self.status(of: shop, at: instant)
        let meters = origin.map { Earth.distance($0, shop.location) } ?? .infinity
        return NearbyShop(shop: shop, distanceMeters: meters.isFinite ? meters : 0,
                          walkingMinutes: meters.isFinite ? pace.minutes(forMeters: meters) : 0,
                          isWithinRadius: meters <= radiusMeters, isOpen: status.isOpen, status: status.summary,
                          minutesUntilClose: status.minutesUntilClose)
    }

    /// The opening hours of `shop` on the local day `dayOffset` days from `instant` ("07:00–22:00"), or `nil` when
    /// it is closed that day; with the day's name.
    public static func hours(of shop: Shop, dayOffset: Int, from instant: Date) -> (day: String, hours: String?) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: shop.timeZone) ?? TimeZone(identifier: "UTC")!
        let day = calendar.date(byAdding: .day, value: dayOffset, to: instant) ?? instant
        let foundation = calendar.component(.weekday, from: day)  // 1 = Sunday
        let weekday = Weekday.allCases[(foundation + 5) % 7]  // ours start on Monday
        let name = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][(foundation + 5) % 7]
        let ranges = shop.hours.ranges.filter { $0.day == weekday }
        guard !ranges.isEmpty else { return (name, nil) }
        return (name, ranges.map { "\($0.opens)–\($0.closes)" }.joined(separator: ", "))
    }

    static func matches(_ shop: Shop, filter: Filter, at instant: Date) -> Bool {
        if filter.openNow, !status(of: shop, at: instant).isOpen { return false }
        guard let tag = filter.tag?.lowercased() else { return true }
        return shop.menu.contains { $0.category == tag || $0.tags.contains { $0.rawValue == tag } }
            || shop.amenities.contains(tag)
    }

    /// A shop with an unknown time zone is treated as closed rather than guessed at.
    static func status(of shop: Shop, at instant: Date) -> OpeningStatus {
        guard let zone = TimeZone(identifier: shop.timeZone) else {
            return OpeningStatus(isOpen: false, closesAt: nil, opensAt: nil, minutesUntilClose: nil, minutesUntilOpen: nil)
        }
        return shop.hours.status(at: instant, timeZone: zone)
    }
}
