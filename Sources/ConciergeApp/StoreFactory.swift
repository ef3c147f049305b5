import ConciergeCore
import Foundation
import MongoStore
import SQLiteStore

/// Opens the store the configuration names: MongoDB when `MONGODB_URI` is set, the embedded SQLite file otherwise.
public enum StoreFactory {
    public static func open(_ configuration: AppConfiguration) async throws -> any ConciergeStore {
        switch configuration.store {
        case .sqlite(let path):
            return try SQLiteConciergeStore(path: path)
        case .mongo(let uri, let database):
            return try await MongoConciergeStore.connect(uri: uri, database: database)
        }
    }
}
