import ConciergeCore
import Foundation
import GRDB

/// The analyst side's reads across every customer.
extension SQLiteConciergeStore {
    public func shopperIDs() async throws -> [String] {
        try await database.mappedRead { db in
            try String.fetchAll(db, sql: "SELECT id FROM users WHERE role = ? ORDER BY id",
                                arguments: [Role.shopper.rawValue])
        }
    }

    public func allOrders() async throws -> [Order] {
        try await database.mappedRead { db in try Order.order(Column("placedAt"), Column("id")).fetchAll(db) }
    }

    public func allEvents() async throws -> [Event] {
        try await database.mappedRead { db in try Event.order(Column("at"), Column("id")).fetchAll(db) }
    }
}
