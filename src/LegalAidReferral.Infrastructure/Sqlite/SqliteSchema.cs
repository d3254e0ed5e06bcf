namespace LegalAidReferral.Infrastructure.Sqlite;

/// <summary>The tables, created idempotently at start. Times are UTC ticks so they sort as integers.</summary>
internal static class SqliteSchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS cases (
            office_id  TEXT    NOT NULL,
            id         TEXT    NOT NULL,
            version    INTEGER NOT NULL,
            status     TEXT    NOT NULL,
            priority   TEXT    NULL,
            created_at INTEGER NOT NULL,
            search     TEXT    NOT NULL,
            document   TEXT    NOT NULL,
            PRIMARY KEY (office_id, id)
        );
        CREATE INDEX IF NOT EXISTS cases_newest ON cases (office_id, created_at DESC, id DESC);
        CREATE INDEX IF NOT EXISTS cases_by_status ON cases (office_id, status, created_at DESC, id DESC);

        CREATE TABLE IF NOT EXISTS audit (
            id              TEXT    NOT NULL PRIMARY KEY,
            office_id       TEXT    NOT NULL,
            case_id         TEXT    NOT NULL,
            action          TEXT    NOT NULL,
            user_id         TEXT    NOT NULL,
            actor_office_id TEXT    NOT NULL,
            at              INTEGER NOT NULL,
            correlation_id  TEXT    NOT NULL,
            changes         TEXT    NOT NULL
        );
        CREATE INDEX IF NOT EXISTS audit_by_case ON audit (office_id, case_id, at, id);

        CREATE TABLE IF NOT EXISTS idempotency (
            scope        TEXT    NOT NULL,
            key          TEXT    NOT NULL,
            request_hash TEXT    NOT NULL,
            resource_id  TEXT    NOT NULL,
            created_at   INTEGER NOT NULL,
            PRIMARY KEY (scope, key)
        );

        CREATE TABLE IF NOT EXISTS sequences (
            office_id   TEXT    NOT NULL,
            year        INTEGER NOT NULL,
            last_number INTEGER NOT NULL,
            PRIMARY KEY (office_id, year)
        );

        CREATE TABLE IF NOT EXISTS offices (
            id       TEXT NOT NULL PRIMARY KEY,
            document TEXT NOT NULL
        );

        CREATE TABLE IF NOT EXISTS policies (
            office_id TEXT    NOT NULL,
            version   INTEGER NOT NULL,
            document  TEXT    NOT NULL,
            PRIMARY KEY (office_id, version)
        );
        """;
}
