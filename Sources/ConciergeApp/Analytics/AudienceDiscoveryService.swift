import Analytics
import ConciergeCore
import ConciergeWeb
import Foundation

/// The web's audience port: parses the request (refusing with the reason before anything runs), reads the store,
/// runs the three stages and encodes the result. The as-of date defaults to today (UTC) from the injected clock.
public struct AudienceDiscoveryService: AudienceDiscoveryPort {
    public typealias Store = AudienceReadStore & UserStore & AudienceAuditStore
    let store: any Store
    let discovery: AudienceDiscovery
    let clock: any WallClock
    let ids: any IdentifierSource
    /// Where each discovery's model usage goes (issue 16); nil records nothing (tests of the stages alone).
    let usage: ModelUsageRecorder?

    public init(store: any Store, discovery: AudienceDiscovery, clock: any WallClock,
                ids: any IdentifierSource = RandomIdentifierSource(), usage: ModelUsageRecorder? = nil) {
        self.store = store
        self.discovery = discovery
        self.clock = clock
        self.ids = ids
        self.usage = usage
    }

    public func discover(requestBody: Data, by user: User) async throws -> AudienceDiscoveryReply {
        guard user.role.mayUseAnalytics else { return .forbidden("analysts only") }
        switch try await run(requestBody) {
        case .failure(let refusal): return .refused(refusal.reason)
        case .success(let result): return .found(try Self.encoder.encode(result))
        }
    }

    public func export(requestBody: Data, by user: User, format: String, contacts: String?) async throws
        -> AudienceDiscoveryReply
    {
        guard let format = AudienceExporter.Format(rawValue: format) else { return .refused("format must be csv or json") }
        let channel = contacts.flatMap(AudienceChannel.init(rawValue:))
        if contacts != nil && channel == nil { return .refused("contacts must be email or sms") }
        // Checked before anything runs; the exporter checks again before it reads a contact.
        guard user.role.mayUseAnalytics, channel == nil || user.role.mayExportContacts else {
            return .forbidden(channel == nil ? "analysts only" : "real contacts need the admin role")
        }
        switch try await run(requestBody) {
        case .failure(let refusal): return .refused(refusal.reason)
        case .success(let result):
            let exporter = AudienceExporter(store: store, pseudonyms: discovery.pseudonyms, clock: clock, ids: ids)
            return .found(try await exporter.export(result, by: user, contacts: channel, format: format).body)
        }
    }

    /// Parses (refusing with the reason before anything runs) and discovers.
    private func run(_ body: Data) async throws -> Result<AudienceResult, AudienceFilterError> {
        // Categories come from the menus, so a misspelt category is refused instead of quietly matching nobody.
        let categories = Set(try await store.allShops().flatMap { $0.menu.map(\.category) })
        let request: AudienceRequest
        do {
            request = try AudienceRequest.parse(body, categories: categories)
        } catch {
            return .failure(error)
        }
        var result = try await discovery.discover(store, filter: request.filter, intent: request.intent,
                                                  limit: request.limit,
                                                  asOf: request.asOf ?? FeatureInputs.utcDay(clock.now()))
        // Every discovery that ran is recorded, also one that asked no model: a `none` row with zero tokens and
        // cost says discoveries happened and cost nothing, where a missing row would say nothing at all.
        if let usage {
            let recorded = await usage.record(.audienceDiscovery, model: ModelUsageRecorder.noModel, usage: .zero)
            result.usage = AudienceModelUsage(recorded)
        }
        return .success(result)
    }

    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
