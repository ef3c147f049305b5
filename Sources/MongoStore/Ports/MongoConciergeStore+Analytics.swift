import ConciergeCore
import Foundation

/// The analyst side's reads across every customer.
extension MongoConciergeStore {
    /// Only the ids leave the server (a projection): names and e-mails are never read.
    public func shopperIDs() async throws -> [String] {
        let options = FindOptions(sort: ["_id": 1], projection: ["_id": 1])
        let documents = try await run("shopperIDs", .users) { connection in
            try connection.find(.users, ["role": .string(Role.shopper.rawValue)], options)
        }
        return try MongoDecoding.decodeAll(DocumentID.self, from: documents, in: .users).map(\.id)
    }

    public func allOrders() async throws -> [Order] {
        try await findAll(Order.self, [:], FindOptions(sort: ["placedAt": 1, "_id": 1]), "allOrders")
    }

    public func allEvents() async throws -> [Event] {
        try await findAll(Event.self, [:], FindOptions(sort: ["at": 1, "_id": 1]), "allEvents")
    }
}
