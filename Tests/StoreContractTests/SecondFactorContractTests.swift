import ConciergeCore
import Foundation
import Testing
import TestSupport

@Suite("Store contract: two-step verification")
struct SecondFactorContractTests {
    static let factor = SecondFactor(userID: "usr_ava", secret: "JBSWY3DPEHPK3PXP", confirmedAt: Fixtures.asOf,
                                     recoveryCodeHashes: ["h1", "h2", "h3"])

    @Test(arguments: Backend.allCases)
    func aFactorIsSavedReplacedAndDeletedPerUser(backend: Backend) async throws {
        try await withStore(backend) { store in
            #expect(try await store.secondFactor(userID: "usr_ava") == nil)
            var pending = Self.factor
            pending.confirmedAt = nil
            pending.recoveryCodeHashes = []
            try await store.saveSecondFactor(pending)
            #expect(try await store.secondFactor(userID: "usr_ava") == pending)
            try await store.saveSecondFactor(Self.factor)
            #expect(try await store.secondFactor(userID: "usr_ava") == Self.factor)
            try await store.saveSecondFactor(SecondFactor(userID: "usr_ben", secret: "OTHER"))
            try await store.deleteSecondFactor(userID: "usr_ava")
            #expect(try await store.secondFactor(userID: "usr_ava") == nil)
            #expect(try await store.secondFactor(userID: "usr_ben")?.secret == "OTHER")
        }
    }

    @Test(arguments: Backend.allCases)
    func aTimeStepAndARecoveryCodeAreAcceptedOnce(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.saveSecondFactor(Self.factor)
            #expect(try await store.useTOTPStep(userID: "usr_ava", step: 100))
            #expect(try await store.useTOTPStep(userID: "usr_ava", step: 100) == false, "a code is never replayed")
            #expect(try await store.useTOTPStep(userID: "usr_ava", step: 99) == false)
            #expect(try await store.useTOTPStep(userID: "usr_ava", step: 101))
            #expect(try await store.useTOTPStep(userID: "usr_nobody", step: 1) == false)
            #expect(try await store.useRecoveryCode(userID: "usr_ava", codeHash: "h2"))
            #expect(try await store.useRecoveryCode(userID: "usr_ava", codeHash: "h2") == false)
            #expect(try await store.useRecoveryCode(userID: "usr_ava", codeHash: "nope") == false)
            let left = try #require(try await store.secondFactor(userID: "usr_ava"))
            #expect(left.recoveryCodeHashes == ["h1", "h3"] && left.lastUsedStep == 101)
        }
    }

    @Test(arguments: Backend.allCases)
    func concurrentUsesOfOneCodeSucceedOnce(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.saveSecondFactor(Self.factor)
            let wins = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<8 {
                    group.addTask { try await store.useTOTPStep(userID: "usr_ava", step: 500) ? 1 : 0 }
                    group.addTask { try await store.useRecoveryCode(userID: "usr_ava", codeHash: "h1") ? 100 : 0 }
                }
                return try await group.reduce(0, +)
            }
            #expect(wins == 101)
        }
    }

    @Test(arguments: Backend.allCases)
    func erasingTheAccountRemovesItsFactor(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.upsert(Fixtures.sampleDataSet())
            try await store.saveSecondFactor(Self.factor)
            try await store.saveSecondFactor(SecondFactor(userID: "usr_ben", secret: "OTHER"))
            let erasure = try await store.eraseAccount(userID: "usr_ava")
            #expect(erasure.removed[.secondFactors] == 1)
            #expect(try await store.secondFactor(userID: "usr_ava") == nil)
            #expect(try await store.secondFactor(userID: "usr_ben") != nil)
        }
    }
}
