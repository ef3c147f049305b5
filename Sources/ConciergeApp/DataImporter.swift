import ConciergeCore
import Foundation
import Seeding

public enum ImportError: Error, Equatable, CustomStringConvertible {
    case unreadable(path: String)
    case malformed(String)
    case invalid([ImportProblem])

    public var description: String {
        switch self {
        case .unreadable(let path): "cannot read \(path)"
        case .malformed(let detail): "the file is not a valid import file: \(detail)"
        case .invalid(let problems):
            "nothing was imported; fix these records first:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
        }
    }
}

/// `concierge seed --from FILE.json`: decode, validate every record against the file and the store, hash the
/// passwords, then write everything in one all-or-nothing upsert. Any problem stops it before the first write.
public struct DataImporter: Sendable {
    public let store: any ConciergeStore
    public let hasher: any PasswordHasher
    public let clock: any WallClock

    public init(store: any ConciergeStore, hasher: any PasswordHasher, clock: any WallClock) {
        self.store = store
        self.hasher = hasher
        self.clock = clock
    }

    public func importFile(atPath path: String) async throws -> CollectionCounts {
        guard let data = FileManager.default.contents(atPath: path) else { throw ImportError.unreadable(path: path) }
        return try await importData(data)
    }

    public func importData(_ data: Data) async throws -> CollectionCounts {
        var file: ImportFile
        do {
            file = try CanonicalJSON.decoder().decode(ImportFile.self, from: data)
        } catch {
            throw ImportError.malformed(DecodingProblem.describe(error))
        }
        let controlCharacters = ImportText.controlCharacterProblems(in: data)
        guard controlCharacters.isEmpty else { throw ImportError.invalid(controlCharacters) }
        // Codes are typed by shoppers in any case and stored upper-case, as `Coupon.init` does.
        file.coupons = file.coupons.map { var coupon = $0; coupon.code = coupon.code.uppercased(); return coupon }
        var problems = try await ImportValidator(
            existingUserIDs: existingUserIDs(referencedBy: file), existingShopIDs: existingShopIDs(referencedBy: file),
            existingEmailOwners: existingEmailOwners(of: file.users)
        ).problems(in: file)
        problems += passwordProblems(file.users)
        guard problems.isEmpty else { throw ImportError.invalid(problems) }
        let dataSet = DataSet(users: try await users(from: file.users), shops: file.shops, orders: file.orders,
                              coupons: file.coupons)
        try await store.upsert(dataSet)
        return dataSet.counts
    }

    private func users(from imported: [ImportedUser]) async throws -> [User] {
        var users: [User] = []
        for record in imported {
            var user = record.user(defaultCreatedAt: clock.now())
            if let password = record.password { user.passwordHash = try await hasher.hash(password) }
            users.append(user)
        }
        return users
    }

    private func passwordProblems(_ users: [ImportedUser]) -> [ImportProblem] {
        users.enumerated().compactMap { index, user in
            guard let password = user.password else { return nil }
            if password.count < 8 || password.utf8.count > 72 || password.utf8.contains(0) {
                return ImportProblem(collection: "users", index: index, key: user.id,
                                     reason: "password must be 8 to 72 bytes without NUL")
            }
            return nil
        }
    }

    private func existingEmailOwners(of users: [ImportedUser]) async throws -> [String: String] {
        var owners: [String: String] = [:]
        for user in users {
            let email = User.normalizedEmail(user.email)
            if let existing = try await store.user(email: email) { owners[email] = existing.id }
        }
        return owners
    }

    private func existingUserIDs(referencedBy file: ImportFile) async throws -> Set<String> {
        let inFile = Set(file.users.map(\.id))
        let referenced = Set(file.orders.map(\.userID) + file.coupons.compactMap(\.ownerID)).subtracting(inFile)
        var found = Set<String>()
        for id in referenced.sorted() where try await store.user(id: id) != nil { found.insert(id) }
        return found
    }

    private func existingShopIDs(referencedBy file: ImportFile) async throws -> Set<String> {
        let inFile = Set(file.shops.map(\.id))
        let scoped = file.coupons.filter { $0.scope.kind == .shop }.compactMap(\.scope.value)
        let referenced = Set(file.orders.map(\.shopID) + scoped).subtracting(inFile)
        var found = Set<String>()
        for id in referenced.sorted() where try await store.shop(id: id) != nil { found.insert(id) }
        return found
    }
}

/// `concierge export`: the whole store as canonical JSON, without password hashes or session tokens.
public enum DataExporter {
    public static func export(_ store: any ConciergeStore) async throws -> Data {
        let data = try await store.exportAll().redactingSecrets().canonical()
        var bytes = try CanonicalJSON.encoder().encode(data)
        bytes.append(0x0A)
        return bytes
    }
}
