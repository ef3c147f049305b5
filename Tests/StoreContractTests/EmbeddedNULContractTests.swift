import ConciergeCore
import Foundation
import Testing
import TestSupport

/// Issue 13, item 2: SQLite's bindings (through GRDB) read text as C strings, so `ava@example.com\0x` once found
/// Ava. Every store must compare whole strings: a key with an embedded NUL finds nothing, and a text with one is
/// either kept whole or refused (`StoreError.unstorableText`), never stored cut.
@Suite("Store contract: embedded NUL")
struct EmbeddedNULContractTests {
    @Test(arguments: Backend.allCases)
    func aKeyWithAnEmbeddedNULFindsNothing(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.insertUser(Fixtures.user("usr_ava", email: "ava@example.com"))
            try await store.appendMessage(Fixtures.message("msg_1", user: "usr_ava", conversation: "conv_a", minutesAfter: 0))
            #expect(try await store.user(email: "ava@example.com") != nil)
            for email in ["ava@example.com\u{0}", "ava@example.com\u{0}x", "AVA@example.com\u{0}guess"] {
                #expect(try await store.user(email: email) == nil, "\(email.debugDescription)")
            }
            #expect(try await store.user(id: "usr_ava\u{0}x") == nil)
            #expect(try await store.message(id: "msg_1\u{0}x", userID: "usr_ava") == nil)
            #expect(try await store.messages(userID: "usr_ava", conversationID: "conv_a\u{0}x", limit: 5).isEmpty)
            #expect(try await store.handoff(id: "\u{0}") == nil)
        }
    }

    @Test(arguments: Backend.allCases)
    func aTextWithAnEmbeddedNULIsKeptWholeOrRefusedNeverCut(backend: Backend) async throws {
        try await withStore(backend) { store in
            var message = Fixtures.message("msg_nul", user: "usr_ava", conversation: "c", minutesAfter: 0)
            message.text = "before\u{0}after"
            do {
                try await store.appendMessage(message)
                let stored = try await store.messages(userID: "usr_ava", conversationID: "c", limit: 1).first
                #expect(stored?.text == message.text, "kept whole")
            } catch let error as StoreError {
                #expect(error == .unstorableText(collection: .messages))
                #expect(try await store.messages(userID: "usr_ava", conversationID: "c", limit: 1).isEmpty)
            }
            do {
                try await store.insertUser(Fixtures.user("usr_nul", email: "ava@example.com\u{0}x"))
            } catch let error as StoreError {
                #expect(error == .unstorableText(collection: .users))
            }
            #expect(try await store.user(email: "ava@example.com") == nil, "never stored as its prefix")
        }
    }
}
