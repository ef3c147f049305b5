import ConciergeCore
import Foundation
import Testing
import TestSupport

@Suite("Store contract: hand-offs to Customer Care")
struct HandoffContractTests {
    @Test(arguments: Backend.allCases)
    func askingAgainWhileOneIsOpenReturnsTheOpenOneAndWritesNothing(backend: Backend) async throws {
        try await withStore(backend) { store in
            let first = Fixtures.handoff("care_1", user: "usr_ava", conversation: "conv_a", minutesAfter: 1)
            let opened = try await store.openHandoff(first)
            #expect(opened == HandoffOpening(request: first, isNew: true))
            var again = Fixtures.handoff("care_2", user: "usr_ava", conversation: "conv_a", minutesAfter: 2)
            again.summary = "a second summary"
            let second = try await store.openHandoff(again)
            #expect(second == HandoffOpening(request: first, isNew: false))
            #expect(try await store.handoff(id: "care_2") == nil)
            #expect(try await store.counts()[.handoffs] == 1)
            // Another conversation, or the same conversation id of another user, is its own hand-off.
            #expect(try await store.openHandoff(Fixtures.handoff("care_3", user: "usr_ava", conversation: "conv_b",
                                                                 minutesAfter: 3)).isNew)
            #expect(try await store.openHandoff(Fixtures.handoff("care_4", user: "usr_ben", conversation: "conv_a",
                                                                 minutesAfter: 4)).isNew)
            #expect(try await store.counts()[.handoffs] == 3)
        }
    }

    /// Ten concurrent requests for one conversation: exactly one is created, and every caller gets that one.
    @Test(arguments: Backend.allCases)
    func concurrentOpeningsOfOneConversationLeaveOneOpenRequest(backend: Backend) async throws {
        try await withStore(backend) { store in
            let openings = try await withThrowingTaskGroup(of: HandoffOpening.self) { group in
                for index in 0..<10 {
                    group.addTask {
                        try await store.openHandoff(Fixtures.handoff("care_\(index)", user: "usr_ava",
                                                                     conversation: "conv_a", minutesAfter: Double(index)))
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(openings.filter(\.isNew).count == 1)
            #expect(Set(openings.map(\.request.id)).count == 1)
            #expect(try await store.openHandoffs(limit: 50).count == 1)
        }
    }

    @Test(arguments: Backend.allCases)
    func openRequestsAreListedOldestFirstUpToTheLimit(backend: Backend) async throws {
        try await withStore(backend) { store in
            for (id, conversation, minutes) in [("care_c", "conv_3", 30.0), ("care_a", "conv_1", 10.0),
                                                ("care_b", "conv_2", 20.0), ("care_z", "conv_4", 10.0)] {
                _ = try await store.openHandoff(Fixtures.handoff(id, user: "usr_ava", conversation: conversation,
                                                                 minutesAfter: minutes))
            }
            #expect(try await store.markHandoffAnswered(id: "care_b", by: "usr_ben", at: Fixtures.asOf))
            #expect(try await store.openHandoffs(limit: 10).map(\.id) == ["care_a", "care_z", "care_c"])
            #expect(try await store.openHandoffs(limit: 2).map(\.id) == ["care_a", "care_z"])
            #expect(try await store.openHandoffs(limit: 0).isEmpty)
        }
    }

    @Test(arguments: Backend.allCases)
    func aConversationsRequestIsFoundOnlyForItsShopper(backend: Backend) async throws {
        try await withStore(backend) { store in
            let request = Fixtures.handoff("care_1", user: "usr_ava", conversation: "conv_a", minutesAfter: 1)
            _ = try await store.openHandoff(request)
            #expect(try await store.handoff(id: "care_1") == request)
            #expect(try await store.handoff(id: "care_unknown") == nil)
            #expect(try await store.handoff(userID: "usr_ava", conversationID: "conv_a") == request)
            #expect(try await store.handoff(userID: "usr_ben", conversationID: "conv_a") == nil)
            #expect(try await store.handoff(userID: "usr_ava", conversationID: "conv_other") == nil)
        }
    }

    /// Answered once: the first reply's author and time stay, and the conversation may be passed on again.
    @Test(arguments: Backend.allCases)
    func answeringKeepsTheFirstReplyAndAllowsANewRequestLater(backend: Backend) async throws {
        try await withStore(backend) { store in
            _ = try await store.openHandoff(Fixtures.handoff("care_1", user: "usr_ava", conversation: "conv_a",
                                                             minutesAfter: 1))
            let at = Fixtures.asOf.addingTimeInterval(3_600)
            #expect(try await store.markHandoffAnswered(id: "care_1", by: "usr_ben", at: at))
            #expect(try await !store.markHandoffAnswered(id: "care_1", by: "usr_admin", at: at.addingTimeInterval(60)))
            #expect(try await !store.markHandoffAnswered(id: "care_unknown", by: "usr_ben", at: at))
            let answered = try #require(try await store.handoff(id: "care_1"))
            #expect(answered.status == .answered && answered.answeredBy == "usr_ben" && answered.answeredAt == at)
            #expect(try await store.openHandoffs(limit: 10).isEmpty)
            let next = Fixtures.handoff("care_2", user: "usr_ava", conversation: "conv_a", minutesAfter: 120)
            #expect(try await store.openHandoff(next).isNew)
            #expect(try await store.handoff(userID: "usr_ava", conversationID: "conv_a") == next)
        }
    }

    @Test(arguments: Backend.allCases)
    func aTakenIDIsADuplicateNotAnOverwrite(backend: Backend) async throws {
        try await withStore(backend) { store in
            let first = Fixtures.handoff("care_1", user: "usr_ava", conversation: "conv_a", minutesAfter: 1)
            _ = try await store.openHandoff(first)
            await #expect(throws: StoreError.duplicate(collection: .handoffs, field: "id")) {
                try await store.openHandoff(Fixtures.handoff("care_1", user: "usr_ben", conversation: "conv_b",
                                                             minutesAfter: 2))
            }
            #expect(try await store.handoff(id: "care_1") == first)
        }
    }

    /// An import may not hold two open requests for one conversation: it fails and writes nothing.
    @Test(arguments: Backend.allCases)
    func anImportWithTwoOpenRequestsForOneConversationWritesNothing(backend: Backend) async throws {
        try await withStore(backend) { store in
            let data = DataSet(handoffs: [
                Fixtures.handoff("care_1", user: "usr_ava", conversation: "conv_a", minutesAfter: 1),
                Fixtures.handoff("care_2", user: "usr_ava", conversation: "conv_a", minutesAfter: 2),
            ])
            do {
                try await store.upsert(data)
                Issue.record("an import with two open requests for one conversation was accepted")
            } catch StoreError.duplicate(collection: .handoffs, field: _) {
                // refused, as it must be
            }
            #expect(try await store.counts()[.handoffs] == 0)
        }
    }
}
