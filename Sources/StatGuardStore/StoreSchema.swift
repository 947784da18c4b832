import StatGuardCore
import GRDB

/// The store's tables, as migrations (never edit a shipped migration: add one).
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE load (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    pipeline TEXT NOT NULL,
                    period TEXT NOT NULL,
                    tool_version TEXT NOT NULL,
                    started_at TEXT NOT NULL,
                    record_json TEXT NOT NULL);
                CREATE TABLE load_file (
                    load_id INTEGER NOT NULL REFERENCES load(id),
                    kind TEXT NOT NULL, path TEXT NOT NULL, size INTEGER NOT NULL, sha256 TEXT NOT NULL,
                    encoding TEXT NOT NULL, rows_read INTEGER NOT NULL, rows_loaded INTEGER NOT NULL,
                    rows_quarantined INTEGER NOT NULL);
                -- The load whose data currently holds each period.
                CREATE TABLE period_load (
                    period TEXT PRIMARY KEY,
                    load_id INTEGER NOT NULL REFERENCES load(id));
                -- Row count of each stored table of a period (reports, products, admin, capacity).
                CREATE TABLE period_table (
                    period TEXT NOT NULL, kind TEXT NOT NULL, row_count INTEGER NOT NULL,
                    PRIMARY KEY (period, kind));
                -- Columnar period data: one BLOB per column.
                CREATE TABLE period_column (
                    period TEXT NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL, data BLOB NOT NULL,
                    PRIMARY KEY (period, kind, name));
                -- The register's history: per load period, the rows new or changed since the
                -- register before it (columnar, like period_column) and the codes that left it.
                CREATE TABLE register_change (
                    period TEXT PRIMARY KEY, changed INTEGER NOT NULL, removed INTEGER NOT NULL);
                CREATE TABLE register_change_column (
                    period TEXT NOT NULL, name TEXT NOT NULL, data BLOB NOT NULL,
                    PRIMARY KEY (period, name));
                CREATE TABLE quarantined_row (
                    period TEXT NOT NULL, source_file TEXT NOT NULL, line INTEGER NOT NULL,
                    rule_id TEXT NOT NULL, reason TEXT NOT NULL, cells_json TEXT NOT NULL);
                CREATE INDEX quarantined_row_period ON quarantined_row(period);
                CREATE TABLE finding (
                    load_id INTEGER NOT NULL REFERENCES load(id),
                    period TEXT NOT NULL, scope TEXT NOT NULL, credit_code TEXT, name TEXT NOT NULL,
                    region_code TEXT NOT NULL, industry_code TEXT NOT NULL, rule_id TEXT NOT NULL,
                    category TEXT NOT NULL, severity TEXT NOT NULL, score REAL NOT NULL,
                    indicator TEXT NOT NULL, observed TEXT NOT NULL, expected TEXT NOT NULL,
                    message_zh TEXT NOT NULL, message_en TEXT NOT NULL);
                CREATE INDEX finding_period ON finding(period);
                CREATE INDEX finding_credit_code ON finding(credit_code);
                """)
        }
        // Findings carry typed slots and a message variant, rendered from the catalog when
        // reports are written. Rows stored before keep their texts and read as the legacy variant.
        migrator.registerMigration("v2-finding-slots") { db in
            try db.execute(sql: """
                ALTER TABLE finding ADD COLUMN variant TEXT NOT NULL DEFAULT 'legacy';
                ALTER TABLE finding ADD COLUMN slots TEXT NOT NULL DEFAULT '[]';
                """)
        }
        // The verification workflow: each period's alert key occurrences with their status at
        // load, the append-only audit log every status follows from, and the revision log of
        // figures changed by a reload. Both logs refuse UPDATE and DELETE.
        migrator.registerMigration("v3-workflow") { db in
            try db.execute(sql: """
                CREATE TABLE alert_occurrence (
                    alert_key TEXT NOT NULL, period TEXT NOT NULL,
                    status TEXT NOT NULL, reason TEXT NOT NULL, since TEXT NOT NULL, carried_from TEXT,
                    first_seen TEXT NOT NULL, occurrences INTEGER NOT NULL, is_repeat INTEGER NOT NULL,
                    observed REAL, score REAL NOT NULL,
                    PRIMARY KEY (alert_key, period));
                CREATE INDEX alert_occurrence_period ON alert_occurrence(period);
                -- Per loaded period: the last audit entry its load had seen (its own included).
                CREATE TABLE alert_period (
                    period TEXT PRIMARY KEY, audit_watermark INTEGER NOT NULL);
                CREATE TABLE audit_log (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    alert_key TEXT NOT NULL, period TEXT NOT NULL, at TEXT NOT NULL, by TEXT NOT NULL,
                    from_status TEXT NOT NULL, to_status TEXT NOT NULL, reason TEXT NOT NULL,
                    valid_until TEXT, verified_value REAL, decided_value REAL, automatic INTEGER NOT NULL);
                CREATE INDEX audit_log_key ON audit_log(alert_key);
                CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
                    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
                CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
                    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
                CREATE TABLE revision (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    period TEXT NOT NULL, credit_code TEXT NOT NULL, field TEXT NOT NULL,
                    old REAL, new REAL, at TEXT NOT NULL, file_sha256 TEXT NOT NULL);
                CREATE INDEX revision_period ON revision(period);
                CREATE TRIGGER revision_append_only_update BEFORE UPDATE ON revision
                    BEGIN SELECT RAISE(ABORT, 'revision is append-only'); END;
                CREATE TRIGGER revision_append_only_delete BEFORE DELETE ON revision
                    BEGIN SELECT RAISE(ABORT, 'revision is append-only'); END;
                """)
        }
        // The names of region codes each period was loaded with (regions.csv), so its reports rebuild the same.
        migrator.registerMigration("v3-region-names") { db in
            try db.execute(sql: """
                CREATE TABLE region_name (period TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (period, code));
                """)
        }
        // What pushing each load's digest did, per channel (no URL or secret is ever kept).
        migrator.registerMigration("v4-deliveries") { db in
            try db.execute(sql: """
                CREATE TABLE delivery (period TEXT NOT NULL, channel TEXT NOT NULL, record_json TEXT NOT NULL, PRIMARY KEY (period, channel));
                """)
        }
        // Column BLOBs compressed (ColumnCodec): rows written before keep codec 0 (raw) and read as they are.
        // `base`: the period whose same column a zstdPrefix column was compressed against.
        migrator.registerMigration("v5-column-codec") { db in
            try db.execute(sql: """
                ALTER TABLE period_column ADD COLUMN codec INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE period_column ADD COLUMN base TEXT;
                CREATE INDEX period_column_base ON period_column(base) WHERE base IS NOT NULL;
                ALTER TABLE register_change_column ADD COLUMN codec INTEGER NOT NULL DEFAULT 0;
                """)
        }
        // Workbench accounts (`statguard users`): a bcrypt hash, never a password.
        migrator.registerMigration("v5-users") { db in
            try db.execute(sql: """
                CREATE TABLE app_user (
                    name TEXT PRIMARY KEY, role TEXT NOT NULL, region TEXT NOT NULL, password_hash TEXT NOT NULL,
                    disabled INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL);
                """)
        }
        // Findings columnar: one compressed BLOB per field and period (``FindingColumns``), rows in the
        // run's order. Each period's rows move there unchanged and the row table goes; a store only read
        // keeps its rows until a load or a decision migrates it (``FindingStorage`` reads either).
        migrator.registerMigration("v6-finding-columns") { db in
            try db.execute(sql: """
                CREATE TABLE finding_column (
                    period TEXT NOT NULL, name TEXT NOT NULL, data BLOB NOT NULL, codec INTEGER NOT NULL,
                    PRIMARY KEY (period, name));
                """)
            try FindingStorage.moveRows(db: db)
        }
        return migrator
    }

    /// The SQL giving a column row's ``ColumnCodec`` and base in `table`: its `codec, base`, or
    /// raw and none in a store only read, which has not been migrated to v5.
    static func codec(in table: String, db: Database) throws -> String {
        let columns = Set(try db.columns(in: table).map(\.name))
        return (columns.contains("codec") ? "codec" : "0") + ", " + (columns.contains("base") ? "base" : "NULL")
    }
}
