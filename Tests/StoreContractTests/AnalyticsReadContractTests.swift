import ConciergeCore
import Foundation
import Testing
import TestSupport

@Suite("Store contract: the analyst side's reads across every customer")
struct AnalyticsReadContractTests {
    @Test(arguments: Backend.allCases)
    func shopperIDsOrdersAndEventsOfEveryUserInOrder(backend: Backend) async throws {
        try await withStore(backend) { store in
            var data = Fixtures.sampleDataSet()
            data.users.append(Fixtures.user("usr_aaa", email: "aaa@example.com", name: "Aaa First"))
            // Same instant as another order: ties are broken by id.
            var twin = Fixtures.order("ORD-00000001", user: "usr_ben", daysAgo: 3, status: .cancelled)
            twin.placedAt = data.orders[0].placedAt
            data.orders.append(twin)
            try await store.upsert(data)
            #expect(try await store.shopperIDs() == ["usr_aaa", "usr_ava"])  // the reviewer is not a shopper
            let orders = try await store.allOrders()
            #expect(orders.map(\.id) == ["ORD-00000001", "ORD-7K2M9Q1Z", "ORD-ZZ99YY88", "ORD-AB12CD34"])
            #expect(orders.first == twin)
            #expect(try await store.allEvents() == data.events.sorted { ($0.at, $0.id) < ($1.at, $1.id) })
        }
    }

    @Test(arguments: Backend.allCases)
    func anEmptyStoreReadsAsNothing(backend: Backend) async throws {
        try await withStore(backend) { store in
            let ids = try await store.shopperIDs()
            let orders = try await store.allOrders()
            let events = try await store.allEvents()
            #expect(ids.isEmpty && orders.isEmpty && events.isEmpty)
        }
    }
}
