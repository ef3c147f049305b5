import ConciergeCore
import Foundation
import GRDB

/// Hand-off requests. Every write is one transaction on GRDB's serial writer, so "read the open one, else insert"
/// cannot interleave with another call.
extension SQLiteConciergeStore {
    public func openHandoff(_ request: HandoffRequest) async throws -> HandoffOpening {
        var request = request
        request.status = .open
        request.answeredAt = nil
        request.answeredBy = nil
        return try await database.mappedWrite { [request] db in
            if let open = try HandoffRequest.openOne(userID: request.userID, conversationID: request.conversationID)
                .fetchOne(db)
            {
                return HandoffOpening(request: open, isNew: false)
            }
            try request.insert(db)
            return HandoffOpening(request: request, isNew: true)
        }
    }

    public func openHandoffs(limit: Int) async throws -> [HandoffRequest] {
        try await database.mappedRead { db in
            try HandoffRequest.filter(Column("status") == HandoffStatus.open.rawValue)
                .order(Column("createdAt"), Column("id"))
                .limit(max(0, limit))
                .fetchAll(db)
        }
    }

    public func handoff(id: String) async throws -> HandoffRequest? {
        guard SQLText.areBindable(id) else { return nil }
        return try await database.mappedRead { db in try HandoffRequest.fetchOne(db, key: id) }
    }

    public func handoff(userID: String, conversationID: String) async throws -> HandoffRequest? {
        guard SQLText.areBindable(userID, conversationID) else { return nil }
        return try await database.mappedRead { db in
            try HandoffRequest.filter(Column("userID") == userID && Column("conversationID") == conversationID)
                .order(Column("createdAt").desc, Column("id").desc)
                .fetchOne(db)
        }
    }

    @discardableResult
    public func markHandoffAnswered(id: String, by staffID: String, at: Date) async throws -> Bool {
        try await database.mappedWrite { db in
            try HandoffRequest.filter(Column("id") == id && Column("status") == HandoffStatus.open.rawValue)
                .updateAll(db, Column("status").set(to: HandoffStatus.answered.rawValue),
                           Column("answeredAt").set(to: at), Column("answeredBy").set(to: staffID)) > 0
        }
    }
}

extension HandoffRequest {
    /// The open request of one conversation (at most one: `handoffs_one_open_per_conversation`).
    static func openOne(userID: String, conversationID: String) -> QueryInterfaceRequest<HandoffRequest> {
        filter(Column("userID") == userID && Column("conversationID") == conversationID
               && Column("status") == HandoffStatus.open.rawValue)
    }
}
