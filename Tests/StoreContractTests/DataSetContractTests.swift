import ConciergeCore
import Foundation
import Testing
import TestSupport

@Suite("Store contract: whole data sets")
struct DataSetContractTests {
    @Test(arguments: Backend.allCases)
    func exportReturnsExactlyWhatWasWrittenInCanonicalOrder(backend: Backend) async throws {
        try await withStore(backend) { store in
            let data = Fixtures.sampleDataSet()
            try await store.upsert(data)
            #expect(try await store.exportAll() == data.canonical())
            #expect(try await store.counts() == data.counts)
        }
    }

    @Test(arguments: Backend.allCases)
    func upsertingTheSameDataTwiceChangesNothing(backend: Backend) async throws {
        try await withStore(backend) { store in
            let data = Fixtures.sampleDataSet()
            try await store.upsert(data)
            try await store.upsert(data)
            #expect(try await store.counts() == data.counts)
            #expect(try await store.exportAll() == data.canonical())
        }
    }

    @Test(arguments: Backend.allCases)
    func upsertReplacesRecordsWithTheSameKey(backend: Backend) async throws {
        try await withStore(backend) { store in
            var data = Fixtures.sampleDataSet()
            try await store.upsert(data)
            data.users[0].name = "Ava Renamed"
            data.orders[0].status = .refunded
            try await store.upsert(DataSet(users: [data.users[0]], orders: [data.orders[0]]))
            #expect(try await store.user(id: data.users[0].id)?.name == "Ava Renamed")
            #expect(try await store.order(id: data.orders[0].id)?.status == .refunded)
            #expect(try await store.counts() == data.counts)
        }
    }

    @Test(arguments: Backend.allCases)
    func failedUpsertLeavesTheStoreAsItWas(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.upsert(DataSet(users: [Fixtures.user("usr_ava", email: "ava@example.com")]))
            let before = try await store.exportAll()
            let clash = DataSet(
                users: [Fixtures.user("usr_new", email: "new@example.com"),
                        Fixtures.user("usr_thief", email: "ava@example.com")],
                shops: [Fixtures.shop("st_x", name: "X", latitude: 1, longitude: 1)])
            await #expect(throws: StoreError.duplicate(collection: .users, field: "email")) {
                try await store.upsert(clash)
            }
            #expect(try await store.exportAll() == before)
        }
    }

    @Test(arguments: Backend.allCases)
    func resetEmptiesEveryCollection(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.upsert(Fixtures.sampleDataSet())
            try await store.reset()
            #expect(try await store.counts().total == 0)
            #expect(try await store.exportAll() == DataSet())
            try await store.upsert(Fixtures.sampleDataSet())
            #expect(try await store.counts() == Fixtures.sampleDataSet().counts)
        }
    }

    @Test(arguments: Backend.allCases)
    func pingAnswers(backend: Backend) async throws {
        try await withStore(backend) { store in try await store.ping() }
    }
}
