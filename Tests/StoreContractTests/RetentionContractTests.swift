import ConciergeCore
import Foundation
import Testing
import TestSupport

/// Storage limitation in both stores: traces expire while their messages stay; old messages go entirely.
@Suite("Store contract: retention")
struct RetentionContractTests {
    /// Turns `q0`/`a0`, `q1`/`a1`… in conversations `c0`, `c1`…, each that many days before `Fixtures.asOf`: a
    /// shopper message, then an answer with a trace a minute later.
    private func seedTurns(_ store: any ConciergeStore, daysAgo: [Double] = [100, 40, 10]) async throws {
        for (index, daysAgo) in daysAgo.enumerated() {
            let minutes = -daysAgo * 24 * 60
            try await store.appendMessage(Fixtures.message("q\(index)", user: "usr_ava", conversation: "c\(index)",
                                                           minutesAfter: minutes))
            try await store.appendMessage(Fixtures.message("a\(index)", user: "usr_ava", conversation: "c\(index)",
                                                           minutesAfter: minutes + 1, role: .assistant))
        }
    }

    @Test(arguments: Backend.allCases)
    func tracesOlderThanTheCutoffGoAndTheirMessagesStay(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await seedTurns(store)
            let cutoff = Fixtures.asOf.addingTimeInterval(-30 * 86_400)
            #expect(try await store.expireTraces(createdBefore: cutoff) == 2)
            for conversation in ["c0", "c1"] {
                let messages = try await store.messages(userID: "usr_ava", conversationID: conversation, limit: 10)
                #expect(messages.count == 2)
                #expect(messages.allSatisfy { $0.trace == nil })
                #expect(messages.last?.text.hasPrefix("I'm cold") == true)
            }
            let recent = try await store.messages(userID: "usr_ava", conversationID: "c2", limit: 10)
            #expect(recent.last?.trace?.intent == "comfort")
            // Idempotent: nothing is left to expire.
            #expect(try await store.expireTraces(createdBefore: cutoff) == 0)
        }
    }

    @Test(arguments: Backend.allCases)
    func messagesOlderThanTheCutoffAreDeletedAndTheirConversationsDisappear(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await seedTurns(store)
            let cutoff = Fixtures.asOf.addingTimeInterval(-90 * 86_400)
            #expect(try await store.deleteMessages(createdBefore: cutoff) == 2)
            #expect(try await store.conversations(userID: "usr_ava") == ["c2", "c1"])
            #expect(try await store.message(id: "a0", userID: "usr_ava") == nil)
            #expect(try await store.message(id: "a1", userID: "usr_ava")?.trace != nil)
            #expect(try await store.deleteMessages(createdBefore: cutoff) == 0)
        }
    }

    /// The cutoff is exclusive: a message created exactly at it is kept.
    @Test(arguments: Backend.allCases)
    func aMessageCreatedAtTheCutoffIsKept(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.appendMessage(Fixtures.message("edge", user: "usr_ava", conversation: "c", minutesAfter: 0,
                                                           role: .assistant))
            #expect(try await store.expireTraces(createdBefore: Fixtures.asOf) == 0)
            #expect(try await store.deleteMessages(createdBefore: Fixtures.asOf) == 0)
            #expect(try await store.message(id: "edge", userID: "usr_ava")?.trace != nil)
        }
    }

    /// The sweep over a real store: each window applied to its own kind of data, idempotent.
    @Test(arguments: Backend.allCases)
    func aSweepExpiresTracesAfterTheirWindowAndDeletesMessagesAfterTheirs(backend: Backend) async throws {
        try await withStore(backend) { store in
            let now = Fixtures.asOf
            try await seedTurns(store, daysAgo: [95, 45, 5])
            let sweep = RetentionSweep(store: store, policy: RetentionPolicy(traceDays: 30, messageDays: 90))
            let outcome = try await sweep.run(now: now)
            // The 95-day-old turn is deleted (its trace is not counted as expired first); the 45-day-old one loses its trace.
            #expect(outcome == RetentionSweep.Outcome(tracesExpired: 1, messagesDeleted: 2))
            #expect(try await store.message(id: "a0", userID: "usr_ava") == nil)
            #expect(try await store.message(id: "a1", userID: "usr_ava")?.trace == nil)
            #expect(try await store.message(id: "a1", userID: "usr_ava")?.text.isEmpty == false)
            #expect(try await store.message(id: "a2", userID: "usr_ava")?.trace?.intent == "comfort")
            #expect(try await sweep.run(now: now) == RetentionSweep.Outcome(tracesExpired: 0, messagesDeleted: 0))
        }
    }
}
