import ConciergeCore
import Foundation
import Testing

/// The store implementations the contract suite runs against. Every contract test takes one as its argument,
/// so a new store is proven by adding a case here.
enum Backend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, mongo

    var testDescription: String { rawValue }

    /// A new, empty store of this kind (its own temporary file or its own database name).
    func makeFreshStore() async throws -> any ConciergeStore {
        switch self {
        case .sqlite: try await SQLiteHarness.makeShop()
        case .mongo: try await MongoHarness.makeShop()
        }
    }
}

/// Runs `body` with a fresh store and closes the store afterwards, also when `body` throws.
func withStore(_ backend: Backend, _ body: (any ConciergeStore) async throws -> Void) async throws {
    let store = try await backend.makeFreshStore()
    do {
        try await body(store)
    } catch {
        try await store.close()
        throw error
    }
    try await store.close()
}
