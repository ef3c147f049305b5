import Analytics
import ConciergeCore
import ConciergeWeb
import Foundation

/// The web's audience port: parses the request (refusing with the reason before anything runs), reads the store,
/// runs the three stages and encodes the result. The as-of date defaults to today (UTC) from the injected clock.
public struct AudienceDiscoveryService: AudienceDiscoveryPort {
    let store: any AudienceReadStore
    let discovery: AudienceDiscovery
    let clock: any WallClock

    public init(store: any AudienceReadStore, discovery: AudienceDiscovery, clock: any WallClock) {
        self.store = store
        self.discovery = discovery
        self.clock = clock
    }

    public func discover(requestBody: Data, by user: User) async throws -> AudienceDiscoveryReply {
        guard user.role.mayUseAnalytics else { return .refused("analysts only") }
        // Categories come from the menus, so a misspelt category is refused instead of quietly matching nobody.
        let categories = Set(try await store.allShops().flatMap { $0.menu.map(\.category) })
        let request: AudienceRequest
        do {
            request = try AudienceRequest.parse(requestBody, categories: categories)
        } catch {
            return .refused(error.reason)
        }
        let result = try await discovery.discover(store, filter: request.filter, intent: request.intent,
                                                  limit: request.limit,
                                                  asOf: request.asOf ?? FeatureInputs.utcDay(clock.now()))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return .found(try encoder.encode(result))
    }
}
