import ConciergeApp
import ConciergeCore
import Foundation
import Seeding
import SQLiteStore
import Testing
import TestSupport

@Suite("seed --from: importing a JSON file")
struct DataImporterTests {
    private func withImporter(_ body: (DataImporter, SQLiteConciergeStore) async throws -> Void) async throws {
        let directory = try RepositoryPaths.temporaryDirectory("import")
        let store = try SQLiteConciergeStore(path: directory.appendingPathComponent("s.sqlite").path)
        let importer = DataImporter(store: store, hasher: PlainTestHasher(), clock: FixedWallClock(Fixtures.asOf))
        do { try await body(importer, store) } catch { try await store.close(); throw error }
        try await store.close()
    }

    static let valid = """
        {"users": [{"id": "u1", "email": "Ana@Example.com", "name": "Ana", "password": "long enough pw"},
                   {"id": "u2", "email": "bo@example.com", "name": "Bo"}],
         "stores": [{"id": "s1", "name": "Corner", "address": {"line1": "1 A St", "city": "London",
                     "postcode": "N1 1AA", "country": "GB"}, "location": {"latitude": 51.5, "longitude": -0.1},
                     "timeZone": "Europe/London", "currency": "GBP", "phone": "+44 20 7946 0000",
                     "hours": {"ranges": [{"day": 1, "opens": "06:00", "closes": "01:00"}]}, "menu": [], "amenities": []}],
         "orders": [{"id": "ORD-ABCD1234", "userID": "u1", "storeID": "s1",
                     "lines": [{"sku": "X", "name": "X", "quantity": 2, "unitPriceMinor": 150}], "totalMinor": 300,
                     "currency": "GBP", "status": "delivered", "fulfilment": "pickup",
                     "placedAt": "2026-11-20T10:00:00Z"}],
         "coupons": [{"code": "corner10", "scope": {"kind": "store", "value": "s1"},
                      "discount": {"kind": "percent", "value": 10}, "minimumSpendMinor": 0,
                      "validFrom": "2026-11-01T00:00:00Z", "validUntil": "2026-12-01T00:00:00Z", "uses": 0,
                      "summary": "10% off at Corner"}]}
        """

    /// Issue 13: a NUL (or another control character) in any record field is refused before anything is written;
    /// the SQLite binding would have stored `ana@example.com\0x` as `ana@example.com`.
    @Test(arguments: [
        (#""email": "Ana@Example.com""#, #""email": "Ana@Example.com\u0000x""#, "users[0] (u1): email"),
        (#""name": "Bo""#, #""name": "B\u001bo""#, "users[1] (u2): name"),
        (#""line1": "1 A St""#, #""line1": "1 A St\u0085""#, "stores[0] (s1): address.line1"),
        (#""sku": "X""#, #""sku": "X\u0000""#, "orders[0] (ORD-ABCD1234): lines[0].sku"),
        (#""summary": "10% off at Corner""#, #""summary": "10% off\u0007""#, "coupons[0] (corner10): summary"),
    ])
    func aRecordWithAControlCharacterIsRefusedAndNothingIsWritten(original: String, poisoned: String, named: String)
        async throws
    {
        try await withImporter { importer, store in
            let file = Self.valid.replacingOccurrences(of: original, with: poisoned)
            #expect(file != Self.valid)
            do {
                _ = try await importer.importData(Data(file.utf8))
                Issue.record("imported a control character")
            } catch let error as ImportError {
                #expect(error.description.contains(named + " contains control characters"), "\(error)")
            }
            #expect(try await store.counts().total == 0, "nothing was written")
        }
    }

    @Test func aValidFileIsImportedWithPasswordsHashed() async throws {
        try await withImporter { importer, store in
            let counts = try await importer.importData(Data(Self.valid.utf8))
            #expect(counts[.users] == 2 && counts[.stores] == 1 && counts[.orders] == 1 && counts[.coupons] == 1)
            let ana = try #require(try await store.user(email: "ana@example.com"))
            #expect(ana.passwordHash == "test-hash:" + String("long enough pw".reversed()))
            #expect(try await store.user(id: "u2")?.passwordHash == nil)
            #expect(try await store.coupon(code: "CORNER10") != nil)
            // Importing the same file again is idempotent.
            _ = try await importer.importData(Data(Self.valid.utf8))
            #expect(try await store.counts()[.users] == 2)
        }
    }

    /// What real chains import: a region per shop; per order when it was collected or cancelled, where a refund
    /// stands, and how it was paid as brand and last four; more allergens and what an item is.
    static let richer = valid
        .replacingOccurrences(of: #""menu": [], "amenities": []}"#, with: #""menu": [{"sku": "BK-SES", "name": "Sesame Bagel", "category": "bakery", "priceMinor": 250, "tags": ["sesame", "egg", "soy", "gluten", "packaged"], "priceTier": "budget"}], "amenities": [], "region": "London North"}"#)
        .replacingOccurrences(of: #""placedAt": "2026-11-20T10:00:00Z"}"#, with: #""placedAt": "2026-11-20T10:00:00Z", "collectedAt": "2026-11-20T10:20:00Z", "refund": {"state": "approved", "amountMinor": 150, "updatedAt": "2026-11-21T09:00:00Z"}, "payment": {"brand": "Visa", "last4": "4242"}}"#)

    @Test func whatRealChainsImportIsKeptAndAFullCardNumberIsRefused() async throws {
        try await withImporter { importer, store in
            _ = try await importer.importData(Data(Self.richer.utf8))
            let order = try #require(try await store.order(id: "ORD-ABCD1234"))
            #expect(order.payment?.masked == "Visa •••• 4242")
            #expect(order.refund?.state == .approved && order.refund?.amountMinor == 150)
            #expect(order.collectedAt != nil)
            let shop = try #require(try await store.shop(id: "s1"))
            #expect(shop.region == "London North")
            #expect(shop.menu.first?.tags == [.sesame, .egg, .soy, .gluten, .packaged])
            let fullNumber = Self.richer.replacingOccurrences(of: #""last4": "4242""#, with: #""last4": "4111111111111111""#)
                .replacingOccurrences(of: "ORD-ABCD1234", with: "ORD-ABCD9999")
            await #expect(throws: ImportError.self) { try await importer.importData(Data(fullNumber.utf8)) }
            #expect(try await store.order(id: "ORD-ABCD9999") == nil)
        }
    }

    @Test func malformedJSONIsRefusedWithItsLocation() async throws {
        try await withImporter { importer, store in
            await #expect(throws: ImportError.malformed("not valid JSON")) {
                try await importer.importData(Data("{\"users\": [".utf8))
            }
            await #expect(throws: ImportError.malformed("users[0].email: required field is missing")) {
                try await importer.importData(Data(#"{"users": [{"id": "u1", "name": "A"}]}"#.utf8))
            }
            let total = try await store.counts().total
            #expect(total == 0)
        }
    }

    @Test func aDuplicateEmailStopsEverythingAndNamesTheRecord() async throws {
        try await withImporter { importer, store in
            let clash = Self.valid.replacingOccurrences(of: "bo@example.com", with: "ANA@example.com")
            do {
                _ = try await importer.importData(Data(clash.utf8))
                Issue.record("expected the import to fail")
            } catch let error as ImportError {
                #expect(error == .invalid([ImportProblem(collection: "users", index: 1, key: "u2",
                                                         reason: "email duplicates users[0]")]))
                #expect(error.description.contains("nothing was imported"))
            }
            #expect(try await store.counts().total == 0, "nothing partial")
        }
    }

    @Test func anEmailAlreadyInTheStoreUnderAnotherIdIsRefused() async throws {
        try await withImporter { importer, store in
            try await store.insertUser(Fixtures.user("u_existing", email: "bo@example.com"))
            await #expect(throws: ImportError.self) { try await importer.importData(Data(Self.valid.utf8)) }
            #expect(try await store.counts()[.users] == 1)
            #expect(try await store.counts()[.stores] == 0)
        }
    }

    @Test func ordersMayReferToUsersAlreadyInTheStore() async throws {
        try await withImporter { importer, store in
            try await store.insertUser(Fixtures.user("u9", email: "nine@example.com"))
            let json = Self.valid.replacingOccurrences(of: #""userID": "u1""#, with: #""userID": "u9""#)
            _ = try await importer.importData(Data(json.utf8))
            #expect(try await store.order(id: "ORD-ABCD1234")?.userID == "u9")
        }
    }

    @Test func aShortPasswordIsAProblemNotAHash() async throws {
        try await withImporter { importer, store in
            let json = Self.valid.replacingOccurrences(of: "long enough pw", with: "short")
            await #expect(throws: ImportError.invalid([ImportProblem(
                collection: "users", index: 0, key: "u1", reason: "password must be 8 to 72 bytes without NUL")])) {
                try await importer.importData(Data(json.utf8))
            }
            let total = try await store.counts().total
            #expect(total == 0)
        }
    }
}
