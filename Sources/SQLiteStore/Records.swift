import ConciergeCore
import GRDB
import Retrieval

// GRDB conformances for the domain types. They live here, in the adapter, so the core stays free of I/O.
// No other module may add these conformances (Swift allows it within one package). Every record refuses a text
// with a NUL before it is written (`NULCheckedRecord`, see `SQLText`).

extension User: FetchableRecord, PersistableRecord, NULCheckedRecord {
    public static var databaseTableName: String { DataCollection.users.rawValue }
}

extension Shop: FetchableRecord, PersistableRecord, NULCheckedRecord {
    public static var databaseTableName: String { DataCollection.stores.rawValue }
}

extension Order: FetchableRecord, PersistableRecord, NULCheckedRecord {
    public static var databaseTableName: String { DataCollection.orders.rawValue }
}

extension Coupon: FetchableRecord, PersistableRecord, NULCheckedRecord {
    public static var databaseTableName: String { DataCollection.coupons.rawValue }
}

extension Event: FetchableRecord, PersistableRecord, NULCheckedRecord {
    public static var databaseTableName: String { DataCollection.events.rawValue }
}

extension ChatMessage: FetchableRecord, PersistableRecord, NULCheckedRecord {
    public static var databaseTableName: String { DataCollection.messages.rawValue }
}

extension HandoffRequest: FetchableRecord, PersistableRecord, NULCheckedRecord {
    public static var databaseTableName: String { DataCollection.handoffs.rawValue }
}

extension Session: FetchableRecord, PersistableRecord, NULCheckedRecord {
    public static var databaseTableName: String { DataCollection.sessions.rawValue }
}

extension DailyUsage: FetchableRecord, PersistableRecord, NULCheckedRecord {
    public static var databaseTableName: String { DataCollection.usage.rawValue }
}

/// Policy chunks are stored whole as JSON (`body`) beside the keys they are listed by, so the retrieval
/// module can grow the chunk type without a migration here.
struct PolicyChunkRow: Codable, FetchableRecord, PersistableRecord, NULCheckedRecord {
    static let databaseTableName = DataCollection.policyChunks.rawValue

    var id: String
    var document: String
    var position: Int
    var body: PolicyChunk

    init(_ chunk: PolicyChunk) {
        id = chunk.id
        document = chunk.document
        position = chunk.position
        body = chunk
    }
}
