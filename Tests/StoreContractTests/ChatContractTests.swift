import ConciergeCore
import Foundation
import Testing
import TestSupport

@Suite("Store contract: chat messages")
struct ChatContractTests {
    @Test(arguments: Backend.allCases)
    func messagesComeBackOldestFirstLimitedToTheLatest(backend: Backend) async throws {
        try await withStore(backend) { store in
            for index in 1...5 {
                try await store.appendMessage(
                    Fixtures.message("msg_\(index)", user: "usr_ava", conversation: "conv_a",
                                     minutesAfter: Double(index), role: index.isMultiple(of: 2) ? .assistant : .shopper))
            }
            let latest = try await store.messages(userID: "usr_ava", conversationID: "conv_a", limit: 3)
            #expect(latest.map(\.id) == ["msg_3", "msg_4", "msg_5"])
            #expect(latest[1].trace?.intent == "comfort")
            #expect(latest[0].trace == nil)
        }
    }

    /// An answer's actions come back as stored, and stay when the retention sweep empties the trace: a reload of an
    /// old conversation still shows its links.
    @Test(arguments: Backend.allCases)
    func anAnswersActionsAreKeptWithItAndOutliveTheTrace(backend: Backend) async throws {
        try await withStore(backend) { store in
            var answer = Fixtures.message("msg_a", user: "usr_ava", conversation: "conv_a", minutesAfter: 1, role: .assistant)
            let address = PostalAddress(line1: "102 Fleet Street", city: "London", postcode: "EC4A 2BB", country: "GB")
            answer.actions = [.order("ORD-7K2M9QXA"), .offers, .handoff,
                              AnswerAction(kind: .directions, target: "st_1", name: "Fleet Café", place: address.mapQuery)]
            try await store.appendMessage(answer)
            try await store.appendMessage(Fixtures.message("msg_q", user: "usr_ava", conversation: "conv_a", minutesAfter: 0))
            let read = try await store.messages(userID: "usr_ava", conversationID: "conv_a", limit: 5)
            #expect(read.first?.actions == nil)
            #expect(read.last?.actions == answer.actions)
            try await store.expireTraces(createdBefore: Fixtures.asOf.addingTimeInterval(86_400))
            let swept = try await store.message(id: "msg_a", userID: "usr_ava")
            #expect(swept?.trace == nil && swept?.actions == answer.actions)
        }
    }

    @Test(arguments: Backend.allCases)
    func anotherUsersConversationYieldsNothing(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.appendMessage(Fixtures.message("msg_1", user: "usr_ava", conversation: "conv_a",
                                                           minutesAfter: 1))
            #expect(try await store.messages(userID: "usr_ben", conversationID: "conv_a", limit: 10).isEmpty)
        }
    }

    @Test(arguments: Backend.allCases)
    func conversationsAreListedMostRecentFirst(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.appendMessage(Fixtures.message("m1", user: "usr_ava", conversation: "conv_old", minutesAfter: 1))
            try await store.appendMessage(Fixtures.message("m2", user: "usr_ava", conversation: "conv_new", minutesAfter: 2))
            try await store.appendMessage(Fixtures.message("m3", user: "usr_ben", conversation: "conv_ben", minutesAfter: 3))
            try await store.appendMessage(Fixtures.message("m4", user: "usr_ava", conversation: "conv_old", minutesAfter: 4))
            #expect(try await store.conversations(userID: "usr_ava") == ["conv_old", "conv_new"])
            #expect(try await store.conversations(userID: "usr_ben") == ["conv_ben"])
        }
    }

    @Test(arguments: Backend.allCases)
    func textIsStoredExactlyAsTyped(backend: Backend) async throws {
        try await withStore(backend) { store in
            var message = Fixtures.message("msg_x", user: "usr_ava", conversation: "c", minutesAfter: 0)
            message.text = "<script>alert('x')</script> \"quotes\" \\ 💳 4111 1111 1111 1111\n\ttab 'or 1=1 --"
            try await store.appendMessage(message)
            #expect(try await store.messages(userID: "usr_ava", conversationID: "c", limit: 1).first?.text == message.text)
        }
    }

    /// What turn keys stand on: a message is found by id only for its owner, and a taken id is refused as a
    /// duplicate (never silently overwritten).
    @Test(arguments: Backend.allCases)
    func aMessageIsFoundByIDOnlyForItsOwnerAndItsIDCannotBeReused(backend: Backend) async throws {
        try await withStore(backend) { store in
            let message = Fixtures.message("msg_usr_ava_turn_key_q", user: "usr_ava", conversation: "c", minutesAfter: 0)
            try await store.appendMessage(message)
            #expect(try await store.message(id: message.id, userID: "usr_ava") == message)
            #expect(try await store.message(id: message.id, userID: "usr_ben") == nil)
            #expect(try await store.message(id: "msg_unknown", userID: "usr_ava") == nil)
            var again = message
            again.text = "a different text"
            await #expect(throws: StoreError.duplicate(collection: .messages, field: "id")) {
                try await store.appendMessage(again)
            }
            #expect(try await store.message(id: message.id, userID: "usr_ava")?.text == message.text)
        }
    }
}
