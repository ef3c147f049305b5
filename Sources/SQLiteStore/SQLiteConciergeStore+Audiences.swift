import ConciergeCore
import Foundation
import GRDB

/// The audience filter's store half, compiled to one SQL statement. Only the shape of the statement comes from the
/// query (which clauses are present, how many values each holds); every value is a bound parameter, so no text
/// from a filter — or from a model that proposed one — is ever part of the SQL.
extension SQLiteConciergeStore {
    public func audienceCandidates(_ query: AudienceStoreQuery) async throws -> [String] {
        let (sql, arguments) = Self.audienceSQL(query)
        return try await database.mappedRead { db in try String.fetchAll(db, sql: sql, arguments: arguments) }
    }

    /// The statement and its arguments (internal so a test can look at the text).
    static func audienceSQL(_ query: AudienceStoreQuery) -> (String, StatementArguments) {
        var conditions = ["role = ?"]
        var values: [any DatabaseValueConvertible] = [Role.shopper.rawValue]
        func oneOf(_ path: String, _ clause: [String]) {
            // Addresses and consent are JSON text (see Schema); json_extract of a missing address is NULL: no match.
            let marks = Array(repeating: "?", count: clause.count).joined(separator: ", ")
            conditions.append("json_extract(address, '\(path)') IN (\(marks))")
            values += clause.map { $0 as any DatabaseValueConvertible }
        }
        for clause in query.cityClauses { oneOf("$.city", clause) }
        for clause in query.countryClauses { oneOf("$.country", clause) }
        if query.requireEmailConsent { conditions.append("json_extract(consent, '$.email') = 1") }
        if query.requireSMSConsent { conditions.append("json_extract(consent, '$.sms') = 1") }
        if let window = query.seenWindow {
            // Dates are stored and bound in GRDB's one text format, so they compare as text.
            conditions.append("EXISTS (SELECT 1 FROM events WHERE events.userID = users.id AND events.at >= ? AND events.at < ?)")
            values += [window.from, window.before]
        }
        let sql = "SELECT id FROM users WHERE " + conditions.joined(separator: " AND ") + " ORDER BY id"
        return (sql, StatementArguments(values))
    }
}

extension AudienceAuditRecord: FetchableRecord, PersistableRecord, NULCheckedRecord {
    public static var databaseTableName: String { DataCollection.audienceAudits.rawValue }
}

/// The export audit trail: insert-only.
extension SQLiteConciergeStore {
    public func appendAudienceAudit(_ record: AudienceAuditRecord) async throws {
        try await database.mappedWrite { db in try record.insert(db) }
    }

    public func audienceAudits(limit: Int) async throws -> [AudienceAuditRecord] {
        guard limit > 0 else { return [] }
        return try await database.mappedRead { db in
            try AudienceAuditRecord.order(Column("at").desc, Column("id").desc).limit(limit).fetchAll(db)
        }
    }
}
