import GRDB

/// The embedded store's schema, as ordered migrations. Never edit a shipped migration: add a new one.
///
/// Column names are the domain types' Codable keys (GRDB maps them directly); nested values such as
/// addresses, menus, opening hours and traces are JSON text, which SQLite's JSON1 can still query.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: every collection") { db in
            try createAccounts(db)
            try createCatalog(db)
            try createActivity(db)
        }
        migrator.registerMigration("v2: hand-offs to Customer Care") { db in
            try createHandoffs(db)
        }
        migrator.registerMigration("v3: what real chains import (pickup and cancel times, refunds, payment summary, regions)") { db in
            try db.execute(sql: """
                ALTER TABLE orders ADD COLUMN collectedAt DATETIME;
                ALTER TABLE orders ADD COLUMN cancelledAt DATETIME;
                ALTER TABLE orders ADD COLUMN refund TEXT;
                ALTER TABLE orders ADD COLUMN payment TEXT;
                ALTER TABLE stores ADD COLUMN region TEXT;
                """)
        }
        migrator.registerMigration("v4-throttles: login and signup throttle counters shared by every instance") { db in
            try db.execute(sql: """
                CREATE TABLE throttles (
                    id TEXT PRIMARY KEY NOT NULL,
                    count INTEGER NOT NULL,
                    expiresAt DATETIME NOT NULL
                );
                CREATE INDEX throttles_by_expiry ON throttles(expiresAt);
                """)
        }
        migrator.registerMigration("v5-insights: versioned segment insights, every version kept") { db in
            // The primary key is the version rule: one row per (segment, version); `appendInsight` picks the next
            // version and inserts in one write transaction, so the key only ever refuses a broken import.
            try db.execute(sql: """
                CREATE TABLE insights (
                    segmentID TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    createdAt DATETIME NOT NULL,
                    payload TEXT NOT NULL,
                    PRIMARY KEY (segmentID, version)
                );
                """)
        }
        migrator.registerMigration("v6-audience-audit: who exported which audience, when, with which filter") { db in
            try db.execute(sql: """
                CREATE TABLE audits (
                    id TEXT PRIMARY KEY NOT NULL,
                    actorID TEXT NOT NULL,
                    at DATETIME NOT NULL,
                    kind TEXT NOT NULL,
                    channel TEXT,
                    filter TEXT NOT NULL,
                    intent TEXT NOT NULL,
                    count INTEGER NOT NULL
                );
                CREATE INDEX audits_newest_first ON audits(at DESC, id DESC);
                """)
        }
        migrator.registerMigration("v7-segmentation-runs: stored segmentation runs, newest first") { db in
            try db.execute(sql: """
                CREATE TABLE segmentation_runs (
                    id TEXT PRIMARY KEY NOT NULL,
                    createdAt DATETIME NOT NULL,
                    asOf TEXT NOT NULL,
                    payload TEXT NOT NULL
                );
                CREATE INDEX segmentation_runs_newest_first ON segmentation_runs(createdAt DESC, id DESC);
                """)
        }
        migrator.registerMigration("v8-model-usage: what the model cost per day, model, purpose and currency") { db in
            // The primary key is the counter's key: `addModelUsage` is one upsert on it.
            try db.execute(sql: """
                CREATE TABLE model_usage (
                    day TEXT NOT NULL,
                    model TEXT NOT NULL,
                    purpose TEXT NOT NULL,
                    currency TEXT NOT NULL,
                    calls INTEGER NOT NULL,
                    promptTokens INTEGER NOT NULL,
                    completionTokens INTEGER NOT NULL,
                    costNanos INTEGER NOT NULL,
                    PRIMARY KEY (day, model, purpose, currency)
                );
                """)
        }
        migrator.registerMigration("v9-account-security: one-time password-reset tokens, hashed; two-step verification") { db in
            try db.execute(sql: """
                CREATE TABLE password_resets (
                    tokenHash TEXT PRIMARY KEY NOT NULL,
                    userID TEXT NOT NULL,
                    createdAt DATETIME NOT NULL,
                    expiresAt DATETIME NOT NULL,
                    usedAt DATETIME
                );
                CREATE INDEX password_resets_by_user ON password_resets(userID);
                CREATE TABLE second_factors (
                    userID TEXT PRIMARY KEY NOT NULL,
                    secret TEXT NOT NULL,
                    confirmedAt DATETIME,
                    recoveryCodeHashes TEXT NOT NULL,
                    lastUsedStep INTEGER
                );
                """)
        }
        migrator.registerMigration("v10-message-actions: the links and buttons under an answer, kept with it") { db in
            // JSON text like the trace, but not emptied by the retention sweep: a reload shows the same actions.
            try db.execute(sql: "ALTER TABLE messages ADD COLUMN actions TEXT;")
        }
        return migrator
    }

    /// The partial unique index is the rule "one open request per conversation"; `openHandoff` also checks before
    /// inserting, in the same write transaction, so the index only ever refuses an import that breaks the rule.
    private static func createHandoffs(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE handoffs (
                id TEXT PRIMARY KEY NOT NULL,
                userID TEXT NOT NULL,
                conversationID TEXT NOT NULL,
                createdAt DATETIME NOT NULL,
                status TEXT NOT NULL,
                reason TEXT NOT NULL,
                summary TEXT NOT NULL,
                intents TEXT NOT NULL,
                promisedReplyWorkingDays INTEGER NOT NULL,
                answeredAt DATETIME,
                answeredBy TEXT
            );
            CREATE UNIQUE INDEX handoffs_one_open_per_conversation ON handoffs(userID, conversationID)
                WHERE status = 'open';
            CREATE INDEX handoffs_by_conversation ON handoffs(userID, conversationID, createdAt);
            CREATE INDEX handoffs_by_status_and_age ON handoffs(status, createdAt, id);
            """)
    }

    private static func createAccounts(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE users (
                id TEXT PRIMARY KEY NOT NULL,
                email TEXT NOT NULL UNIQUE,
                passwordHash TEXT,
                role TEXT NOT NULL,
                name TEXT NOT NULL,
                phone TEXT,
                address TEXT,
                home TEXT,
                timeZone TEXT NOT NULL,
                preferences TEXT NOT NULL,
                loyaltyPoints INTEGER NOT NULL,
                consent TEXT NOT NULL,
                archetype TEXT,
                createdAt DATETIME NOT NULL
            );
            CREATE TABLE sessions (
                tokenHash TEXT PRIMARY KEY NOT NULL,
                userID TEXT NOT NULL,
                csrfToken TEXT NOT NULL,
                createdAt DATETIME NOT NULL,
                lastSeenAt DATETIME NOT NULL,
                expiresAt DATETIME NOT NULL
            );
            CREATE INDEX sessions_by_user ON sessions(userID);
            CREATE INDEX sessions_by_expiry ON sessions(expiresAt);
            CREATE TABLE usage (
                userID TEXT NOT NULL,
                day TEXT NOT NULL,
                count INTEGER NOT NULL,
                expiresAt DATETIME NOT NULL,
                PRIMARY KEY (userID, day)
            );
            """)
    }

    private static func createCatalog(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE stores (
                id TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL,
                address TEXT NOT NULL,
                location TEXT NOT NULL,
                timeZone TEXT NOT NULL,
                currency TEXT NOT NULL,
                phone TEXT NOT NULL,
                hours TEXT NOT NULL,
                menu TEXT NOT NULL,
                amenities TEXT NOT NULL
            );
            CREATE TABLE coupons (
                code TEXT PRIMARY KEY NOT NULL,
                ownerID TEXT,
                scope TEXT NOT NULL,
                discount TEXT NOT NULL,
                minimumSpendMinor INTEGER NOT NULL,
                validFrom DATETIME NOT NULL,
                validUntil DATETIME NOT NULL,
                usageLimit INTEGER,
                uses INTEGER NOT NULL,
                summary TEXT NOT NULL
            );
            CREATE INDEX coupons_by_owner ON coupons(ownerID);
            CREATE TABLE policy_chunks (
                id TEXT PRIMARY KEY NOT NULL,
                document TEXT NOT NULL,
                position INTEGER NOT NULL,
                body TEXT NOT NULL
            );
            CREATE INDEX policy_chunks_in_order ON policy_chunks(document, position);
            """)
    }

    private static func createActivity(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE orders (
                id TEXT PRIMARY KEY NOT NULL,
                userID TEXT NOT NULL,
                storeID TEXT NOT NULL,
                lines TEXT NOT NULL,
                totalMinor INTEGER NOT NULL,
                currency TEXT NOT NULL,
                status TEXT NOT NULL,
                fulfilment TEXT NOT NULL,
                placedAt DATETIME NOT NULL,
                eta DATETIME,
                deliveredAt DATETIME,
                couponCode TEXT
            );
            CREATE INDEX orders_by_user_and_date ON orders(userID, placedAt DESC);
            CREATE TABLE events (
                id TEXT PRIMARY KEY NOT NULL,
                userID TEXT NOT NULL,
                sessionID TEXT NOT NULL,
                type TEXT NOT NULL,
                sku TEXT,
                category TEXT,
                colour TEXT,
                device TEXT NOT NULL,
                valueMinor INTEGER,
                at DATETIME NOT NULL
            );
            CREATE INDEX events_by_user_and_time ON events(userID, at);
            CREATE TABLE messages (
                id TEXT PRIMARY KEY NOT NULL,
                userID TEXT NOT NULL,
                conversationID TEXT NOT NULL,
                role TEXT NOT NULL,
                text TEXT NOT NULL,
                maskedText TEXT,
                createdAt DATETIME NOT NULL,
                trace TEXT
            );
            CREATE INDEX messages_by_conversation ON messages(userID, conversationID, createdAt);
            """)
    }
}
