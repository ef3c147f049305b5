import ConciergeCore
import Foundation
import Testing
import TestSupport

@Suite("Store contract: users")
struct UserContractTests {
    @Test(arguments: Backend.allCases)
    func insertedUserIsFoundByIdAndByEmailInAnyCase(backend: Backend) async throws {
        try await withStore(backend) { store in
            let ava = Fixtures.user("usr_ava", email: "Ava@Example.com")
            try await store.insertUser(ava)
            #expect(try await store.user(id: "usr_ava") == ava)
            #expect(try await store.user(email: "AVA@example.COM ") == ava)
            #expect(try await store.user(email: "nobody@example.com") == nil)
            #expect(try await store.user(id: "usr_missing") == nil)
        }
    }

    @Test(arguments: Backend.allCases)
    func duplicateEmailIsRefusedWhateverItsCase(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.insertUser(Fixtures.user("usr_ava", email: "ava@example.com"))
            await #expect(throws: StoreError.duplicate(collection: .users, field: "email")) {
                try await store.insertUser(Fixtures.user("usr_other", email: "AVA@EXAMPLE.COM"))
            }
            #expect(try await store.user(id: "usr_other") == nil)
            #expect(try await store.counts()[.users] == 1)
        }
    }

    @Test(arguments: Backend.allCases)
    func updateReplacesAnExistingUserOnly(backend: Backend) async throws {
        try await withStore(backend) { store in
            var ava = Fixtures.user("usr_ava", email: "ava@example.com")
            try await store.insertUser(ava)
            ava.role = .reviewer
            ava.loyaltyPoints = 1_000
            #expect(try await store.updateUser(ava))
            #expect(try await store.user(id: "usr_ava") == ava)
            #expect(try await store.updateUser(Fixtures.user("usr_ghost", email: "ghost@example.com")) == false)
            #expect(try await store.user(id: "usr_ghost") == nil)
        }
    }

    @Test(arguments: Backend.allCases)
    func optionalFieldsRoundTripAsNil(backend: Backend) async throws {
        try await withStore(backend) { store in
            let bare = User(id: "usr_bare", email: "bare@example.net", name: "Bare", timeZone: "UTC",
                            createdAt: Fixtures.asOf)
            try await store.insertUser(bare)
            #expect(try await store.user(id: "usr_bare") == bare)
        }
    }
}
