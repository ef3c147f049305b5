import ConciergeCore
import Foundation
import Retrieval
import Testing
import TestSupport

@Suite("Store contract: stores, orders, coupons, events, policies")
struct CustomerDataContractTests {
    @Test(arguments: Backend.allCases)
    func ordersAreTheUsersOwnNewestFirst(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.upsert(Fixtures.sampleDataSet())
            let avas = try await store.orders(userID: "usr_ava", limit: 10)
            #expect(avas.map(\.id) == ["ORD-AB12CD34", "ORD-7K2M9Q1Z"])
            #expect(try await store.orders(userID: "usr_ava", limit: 1).map(\.id) == ["ORD-AB12CD34"])
            #expect(try await store.orders(userID: "usr_nobody", limit: 10).isEmpty)
            #expect(try await store.order(id: "ORD-ZZ99YY88")?.userID == "usr_ben")
            #expect(try await store.order(id: "ORD-00000000") == nil)
        }
    }

    @Test(arguments: Backend.allCases)
    func collectionRefundAndPaymentSummaryRoundTripAndAShopKeepsItsRegion(backend: Backend) async throws {
        try await withStore(backend) { store in
            var order = Fixtures.order("ORD-PAY12345", user: "usr_ava", daysAgo: 2, status: .delivered)
            order.collectedAt = Fixtures.date(daysAgo: 2, hours: 1)
            order.cancelledAt = nil
            order.refund = OrderRefund(state: .paid, amountMinor: 380, updatedAt: Fixtures.date(daysAgo: 1))
            order.payment = try PaymentSummary(brand: "Mastercard", last4: "5100")
            var data = Fixtures.sampleDataSet()
            data.orders.append(order)
            data.shops[0].region = "London North"
            try await store.upsert(data)
            #expect(try await store.order(id: "ORD-PAY12345") == order)
            #expect(try await store.shop(id: data.shops[0].id)?.region == "London North")
            #expect(try await store.order(id: "ORD-AB12CD34")?.payment == nil)
        }
    }

    @Test(arguments: Backend.allCases)
    func ordersPlacedAtTheSameInstantAreOrderedById(backend: Backend) async throws {
        try await withStore(backend) { store in
            let orders = ["ORD-BBBBBBBB", "ORD-AAAAAAAA", "ORD-CCCCCCCC"].map {
                Fixtures.order($0, user: "usr_ava", daysAgo: 1, status: .delivered)
            }
            try await store.upsert(DataSet(orders: orders))
            let listed = try await store.orders(userID: "usr_ava", limit: 10)
            #expect(listed.map(\.id) == ["ORD-AAAAAAAA", "ORD-BBBBBBBB", "ORD-CCCCCCCC"])
        }
    }

    @Test(arguments: Backend.allCases)
    func couponsAreTheUsersOwnPlusEveryonesByCode(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.upsert(Fixtures.sampleDataSet())
            #expect(try await store.coupons(availableTo: "usr_ava", atShops: ["st_lakeside"]).map(\.code) == ["AVA10", "WARM15"])
            #expect(try await store.coupons(availableTo: "usr_ben", atShops: []).map(\.code) == ["BEN5", "WARM15"])
            #expect(try await store.coupon(code: "AVA10")?.scope == .shop("st_lakeside"))
            #expect(try await store.coupon(code: "NOPE") == nil)
        }
    }

    @Test(arguments: Backend.allCases)
    func couponsForSeveralShopsAreTheUnionOfEachShopsInOneQuery(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.upsert(DataSet(coupons: [
                Fixtures.coupon("HEREA1", owner: nil, scope: .shop("st_a")),
                Fixtures.coupon("HEREB2", owner: nil, scope: .shop("st_b")),
                Fixtures.coupon("FAR3", owner: nil, scope: .shop("st_far")),
                Fixtures.coupon("ALL4", owner: nil),
            ]))
            let both = try await store.coupons(availableTo: "usr_ava", atShops: ["st_a", "st_b"]).map(\.code)
            #expect(both == ["ALL4", "HEREA1", "HEREB2"])
            let a = try await store.coupons(availableTo: "usr_ava", atShops: ["st_a"]).map(\.code)
            let b = try await store.coupons(availableTo: "usr_ava", atShops: ["st_b"]).map(\.code)
            #expect(Set(both) == Set(a + b))
        }
    }

    /// Everyone's coupons scoped to another store are left out by the store itself; the shopper's own are all kept
    /// (the trace says why one for another store does not apply).
    @Test(arguments: Backend.allCases)
    func everyonesCouponsForOtherStoresAreLeftOutButTheShoppersOwnAreKept(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.upsert(DataSet(coupons: [
                Fixtures.coupon("ALL", owner: nil),
                Fixtures.coupon("LAKE", owner: nil, scope: .shop("st_lakeside")),
                Fixtures.coupon("ELSEWHERE", owner: nil, scope: .shop("st_elsewhere")),
                Fixtures.coupon("TEAS", owner: nil, scope: .category("tea")),
                Fixtures.coupon("AVAFAR", owner: "usr_ava", scope: .shop("st_elsewhere")),
                Fixtures.coupon("BENLAKE", owner: "usr_ben", scope: .shop("st_lakeside")),
            ]))
            #expect(try await store.coupons(availableTo: "usr_ava", atShops: ["st_lakeside"]).map(\.code)
                == ["ALL", "AVAFAR", "LAKE", "TEAS"])
            #expect(try await store.coupons(availableTo: "usr_ava", atShops: ["st_elsewhere"]).map(\.code)
                == ["ALL", "AVAFAR", "ELSEWHERE", "TEAS"])
            #expect(try await store.coupons(availableTo: "usr_ava", atShops: []).map(\.code) == ["ALL", "AVAFAR", "TEAS"])
        }
    }

    @Test(arguments: Backend.allCases)
    func storesAreListedByIdWithTheirHoursAndMenus(backend: Backend) async throws {
        try await withStore(backend) { store in
            let data = Fixtures.sampleDataSet()
            try await store.upsert(data)
            #expect(try await store.allShops() == data.shops.sorted { $0.id < $1.id })
            #expect(try await store.shop(id: "st_market")?.name == "Market Hall")
            #expect(try await store.shop(id: "st_none") == nil)
        }
    }

    @Test(arguments: Backend.allCases)
    func eventsComeInTimeOrder(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.upsert(Fixtures.sampleDataSet())
            #expect(try await store.events(userID: "usr_ava").map(\.id) == ["ev_1", "ev_2"])
            #expect(try await store.events(userID: "usr_ben").isEmpty)
        }
    }

    @Test(arguments: Backend.allCases)
    func replacingPoliciesDropsTheOldCorpus(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.replacePolicyChunks([Fixtures.chunk("old", 0, text: "old")])
            let fresh = [Fixtures.chunk("returns", 1, text: "b"), Fixtures.chunk("allergens", 0, text: "c"),
                         Fixtures.chunk("returns", 0, text: "a")]
            try await store.replacePolicyChunks(fresh)
            #expect(try await store.policyChunks().map(\.id) == ["allergens#0", "returns#0", "returns#1"])
        }
    }

    /// Embeddings computed at ingest come back bit for bit (floats that are not short decimals included), and a
    /// chunk without one stays without one.
    @Test(arguments: Backend.allCases)
    func chunkEmbeddingsRoundTripExactly(backend: Backend) async throws {
        try await withStore(backend) { store in
            var embedded = Fixtures.chunk("returns", 0, text: "Refunds within 14 days.")
            let vector: [Float] = (0..<384).map { Float(sin(Double($0) * 0.37)) / 19.6 }
            embedded.embedding = ChunkEmbedding(model: "all-MiniLM-L6-v2", vector: vector)
            let plain = Fixtures.chunk("returns", 1, text: "Cards.")
            try await store.replacePolicyChunks([embedded, plain])
            let stored = try await store.policyChunks()
            #expect(stored == [embedded, plain])
            #expect(stored.first?.embedding?.vector.map(\.bitPattern) == vector.map(\.bitPattern))
        }
    }
}
