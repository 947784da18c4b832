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
        // The names of region codes each period was loaded with (regions.csv), so its reports rebuild the same.
        migrator.registerMigration("v3-region-names") { db in
            try db.execute(sql: """
                CREATE TABLE region_name (period TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (period, code));
                """)
        }
        return migrator
    }
}
