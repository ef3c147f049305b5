import ConciergeCore
import Foundation

extension MongoConciergeStore {
    /// Throws `StoreError.duplicate(.users, "email")` when the unique e-mail index refuses it (or `"id"` for a
    /// taken id).
    public func insertUser(_ user: User) async throws {
        let user = user.forStorage
        try await run("insertUser", .users) { try $0.insertOne(.users, EncodedRecord(user)) }
    }

    /// Replaces the user with the same id; false when there is none (nothing is inserted).
    @discardableResult
    public func updateUser(_ user: User) async throws -> Bool {
        let user = user.forStorage
        return try await run("updateUser", .users) { connection in
            try connection.replaceOne(.users, ["_id": user.documentID], with: EncodedRecord(user)) > 0
        }
    }

    public func user(id: String) async throws -> User? {
        try await findOne(User.self, ["_id": .string(id)], "userByID")
    }

    /// E-mails are stored normalised (`User.normalizedEmail`), so an exact match on the normalised query is a
    /// case-insensitive lookup that uses the unique index.
    public func user(email: String) async throws -> User? {
        try await findOne(User.self, ["email": .string(User.normalizedEmail(email))], "userByEmail")
    }
}

extension User {
    /// The user as stored: e-mail normalised even when a caller changed it after `init`, so that the unique
    /// index compares addresses case-insensitively.
    var forStorage: User {
        var copy = self
        copy.email = User.normalizedEmail(email)
        return copy
    }
}
