import ConciergeCore
import Foundation

/// Two-step verification (`SecondFactorStore`): one document per account, `_id` the user id. Each use is one
/// conditional `updateOne`, so of two concurrent uses of one code only one matches.
extension MongoConciergeStore {
    public func secondFactor(userID: String) async throws -> SecondFactor? {
        try await findOne(SecondFactor.self, ["_id": .string(userID)], "secondFactorOfUser")
    }

    public func saveSecondFactor(_ factor: SecondFactor) async throws {
        try await run("saveSecondFactor", .secondFactors) { connection in
            _ = try connection.delete(.secondFactors, ["_id": .string(factor.userID)], many: false)
            try connection.insertOne(.secondFactors, EncodedRecord(factor))
        }
    }

    public func deleteSecondFactor(userID: String) async throws {
        try await run("deleteSecondFactor", .secondFactors) {
            _ = try $0.delete(.secondFactors, ["_id": .string(userID)], many: false)
        }
    }

    public func useTOTPStep(userID: String, step: Int64) async throws -> Bool {
        let filter: BSONFields = [
            "_id": .string(userID),
            "$or": [["lastUsedStep": .null], ["lastUsedStep": ["$lt": .int64(step)]]],
        ]
        let update: BSONFields = ["$set": ["lastUsedStep": .int64(step)]]
        return try await run("useTOTPStep", .secondFactors) { try $0.updateOne(.secondFactors, filter, update) } > 0
    }

    public func useRecoveryCode(userID: String, codeHash: String) async throws -> Bool {
        let filter: BSONFields = ["_id": .string(userID), "recoveryCodeHashes": .string(codeHash)]
        let update: BSONFields = ["$pull": ["recoveryCodeHashes": .string(codeHash)]]
        return try await run("useRecoveryCode", .secondFactors) { try $0.updateOne(.secondFactors, filter, update) } > 0
    }
}

extension SecondFactor: MongoStored {
    static var collection: DataCollection { .secondFactors }
    var documentID: BSONValue { .string(userID) }
}
