namespace LegalAidReferral.Infrastructure.Sqlite;

/// <summary>The tables, created idempotently at start. Times are UTC ticks so they sort as integers.</summary>
internal static class SqliteSchema
{
    /// <summary>
    /// <c>PRAGMA user_version</c> of a database whose derived tables are complete. 1: the party index
    /// holds every case (databases from before it are indexed once at start).
    /// </summary>
    public const int Version = 1;

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
        CREATE INDEX IF NOT EXISTS idempotency_by_age ON idempotency (created_at);

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

        -- Protocol settings: one JSON document per office and version, like policies; versions are only added.
        CREATE TABLE IF NOT EXISTS protocol_settings (
            office_id TEXT    NOT NULL,
            version   INTEGER NOT NULL,
            document  TEXT    NOT NULL,
            PRIMARY KEY (office_id, version)
        );

        -- The conflict check's party index, written in the transaction of the case it comes from.
        -- Every search starts from (office_id, ...), so another office's parties are never read.
        CREATE TABLE IF NOT EXISTS parties (
            id        INTEGER NOT NULL PRIMARY KEY,
            office_id TEXT    NOT NULL,
            case_id   TEXT    NOT NULL,
            role      TEXT    NOT NULL,
            position  INTEGER NOT NULL,
            reference TEXT    NOT NULL,
            profile   TEXT    NOT NULL
        );
        CREATE UNIQUE INDEX IF NOT EXISTS parties_by_case ON parties (office_id, case_id, role, position);

        -- one_word_name is the party's flag, repeated here so a search needs no second lookup to apply it.
        CREATE TABLE IF NOT EXISTS party_words (
            office_id     TEXT    NOT NULL,
            word          TEXT    NOT NULL,
            party_id      INTEGER NOT NULL,
            one_word_name INTEGER NOT NULL,
            PRIMARY KEY (office_id, word, party_id)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS party_words_by_party ON party_words (party_id);

        CREATE TABLE IF NOT EXISTS party_documents (
            office_id TEXT    NOT NULL,
            number    TEXT    NOT NULL,
            party_id  INTEGER NOT NULL,
            PRIMARY KEY (office_id, number, party_id)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS party_documents_by_party ON party_documents (party_id);

        -- Every word ever indexed for the office, with the keys a misspelt or sound-alike query word
        -- finds it under. Kept when no party uses the word any more: bounded by the names in use, and a
        -- word without parties only makes a search find nothing more.
        CREATE TABLE IF NOT EXISTS words (
            office_id TEXT NOT NULL,
            word      TEXT NOT NULL,
            phonetic  TEXT NOT NULL,
            PRIMARY KEY (office_id, word)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS words_by_phonetic ON words (office_id, phonetic);

        CREATE TABLE IF NOT EXISTS word_deletions (
            office_id TEXT NOT NULL,
            deletion  TEXT NOT NULL,
            word      TEXT NOT NULL,
            PRIMARY KEY (office_id, deletion, word)
        ) WITHOUT ROWID;

        -- Each office's copy of a referral, in that office's partition: copy is 'sending' (outgoing, with the
        -- case id) or 'receiving' (incoming, with the shared package).
        CREATE TABLE IF NOT EXISTS referrals (
            office_id  TEXT    NOT NULL,
            id         TEXT    NOT NULL,
            copy       TEXT    NOT NULL,
            status     TEXT    NOT NULL,
            case_id    TEXT    NULL,
            created_at INTEGER NOT NULL,
            version    INTEGER NOT NULL,
            document   TEXT    NOT NULL,
            PRIMARY KEY (office_id, id)
        );
        CREATE INDEX IF NOT EXISTS referrals_newest ON referrals (office_id, copy, created_at DESC, id DESC);
        CREATE INDEX IF NOT EXISTS referrals_by_status ON referrals (office_id, copy, status, created_at DESC, id DESC);
        CREATE INDEX IF NOT EXISTS referrals_by_case ON referrals (office_id, case_id) WHERE case_id IS NOT NULL;

        -- Missed-deadline alerts per office and referral copy; cleared_at is null while open.
        CREATE TABLE IF NOT EXISTS alerts (
            id          TEXT    NOT NULL PRIMARY KEY,
            office_id   TEXT    NOT NULL,
            referral_id TEXT    NOT NULL,
            due_at      INTEGER NOT NULL,
            raised_at   INTEGER NOT NULL,
            cleared_at  INTEGER NULL,
            acknowledged_at INTEGER NULL,
            acknowledged_by TEXT    NULL,
            document    TEXT    NOT NULL
        );
        CREATE INDEX IF NOT EXISTS alerts_open ON alerts (office_id, due_at, id) WHERE cleared_at IS NULL;
        CREATE INDEX IF NOT EXISTS alerts_by_referral ON alerts (office_id, referral_id) WHERE cleared_at IS NULL;

        -- Alerts about a case (an open chat hand-off, an erasure request), in step with the case's chat side;
        -- cleared_at is null while open. A mark is a change of a case whose alerts may not be synced yet.
        CREATE TABLE IF NOT EXISTS case_alerts (
            id              TEXT    NOT NULL PRIMARY KEY,
            office_id       TEXT    NOT NULL,
            case_id         TEXT    NOT NULL,
            kind            TEXT    NOT NULL,
            due_at          INTEGER NOT NULL,
            raised_at       INTEGER NOT NULL,
            cleared_at      INTEGER NULL,
            acknowledged_at INTEGER NULL,
            acknowledged_by TEXT    NULL,
            document        TEXT    NOT NULL
        );
        CREATE INDEX IF NOT EXISTS case_alerts_open ON case_alerts (office_id, due_at, id) WHERE cleared_at IS NULL;
        CREATE INDEX IF NOT EXISTS case_alerts_by_case ON case_alerts (office_id, case_id) WHERE cleared_at IS NULL;
        CREATE TABLE IF NOT EXISTS case_alert_marks (
            id        TEXT    NOT NULL PRIMARY KEY,
            office_id TEXT    NOT NULL,
            case_id   TEXT    NOT NULL,
            marked_at INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS case_alert_marks_oldest ON case_alert_marks (office_id, marked_at, id);

        -- Messages saved in the transaction of the change that sends them, deleted once published; the
        -- rowid keeps the order they were saved in.
        CREATE TABLE IF NOT EXISTS outbox (
            seq            INTEGER NOT NULL PRIMARY KEY,
            id             TEXT    NOT NULL UNIQUE,
            topic          TEXT    NOT NULL,
            subject        TEXT    NOT NULL,
            from_office_id TEXT    NOT NULL,
            to_office_id   TEXT    NULL,
            correlation_id TEXT    NOT NULL,
            body           TEXT    NOT NULL,
            created_at     INTEGER NOT NULL
        );

        -- The messages each receiver has handled, written in the transaction of the handling, so a
        -- message delivered twice changes nothing the second time.
        CREATE TABLE IF NOT EXISTS inbox (
            consumer    TEXT    NOT NULL,
            message_id  TEXT    NOT NULL,
            received_at INTEGER NOT NULL,
            PRIMARY KEY (consumer, message_id)
        ) WITHOUT ROWID;

        -- Messages a handler rejected (never retried), kept with the reason for an operator.
        CREATE TABLE IF NOT EXISTS dead_letters (
            id             TEXT    NOT NULL PRIMARY KEY,
            topic          TEXT    NOT NULL,
            subject        TEXT    NOT NULL,
            correlation_id TEXT    NOT NULL,
            body           TEXT    NOT NULL,
            reason         TEXT    NOT NULL,
            at             INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS dead_letters_at ON dead_letters (at);

        -- The review's read model: listed events (no categories), aggregate cells, and each referral's deadlines.
        CREATE TABLE IF NOT EXISTS review_events (
            id                 TEXT    NOT NULL PRIMARY KEY,
            referral           TEXT    NOT NULL,
            kind               TEXT    NOT NULL,
            priority           TEXT    NOT NULL,
            from_office        TEXT    NOT NULL,
            to_office          TEXT    NOT NULL,
            from_country       TEXT    NOT NULL,
            to_country         TEXT    NOT NULL,
            step               TEXT    NOT NULL,
            status             TEXT    NOT NULL,
            occurred_at        INTEGER NOT NULL,
            due_at             INTEGER NULL,
            within_deadline    INTEGER NULL,
            consent_overridden INTEGER NOT NULL,
            period             TEXT    NOT NULL
        );
        CREATE INDEX IF NOT EXISTS review_events_in_order ON review_events (occurred_at, id);

        CREATE TABLE IF NOT EXISTS review_cells (
            id           TEXT    NOT NULL PRIMARY KEY,
            period       TEXT    NOT NULL,
            from_office  TEXT    NOT NULL,
            to_office    TEXT    NOT NULL,
            from_country TEXT    NOT NULL,
            to_country   TEXT    NOT NULL,
            kind         TEXT    NOT NULL,
            priority     TEXT    NOT NULL,
            gender       TEXT    NOT NULL,
            groups       INTEGER NOT NULL,
            counts       BLOB    NOT NULL
        );
        CREATE INDEX IF NOT EXISTS review_cells_by_period ON review_cells (period);

        -- One row per referral: each deadline's earliest due time, the deadlines met (a bit per kind), whether it
        -- ended; the earliest open due time is computed and indexed, so recording is one upsert and "overdue" one range.
        CREATE TABLE IF NOT EXISTS review_referrals (
            pseudonym          TEXT    NOT NULL PRIMARY KEY,
            from_office        TEXT    NOT NULL,
            to_office          TEXT    NOT NULL,
            from_country       TEXT    NOT NULL,
            to_country         TEXT    NOT NULL,
            kind               TEXT    NOT NULL,
            priority           TEXT    NOT NULL,
            gender             TEXT    NOT NULL,
            groups             INTEGER NOT NULL,
            acknowledge_due    INTEGER NULL,
            decide_due         INTEGER NULL,
            first_contact_due  INTEGER NULL,
            outcome_report_due INTEGER NULL,
            outcome_repeat     INTEGER NULL,
            met                INTEGER NOT NULL,
            ended              INTEGER NOT NULL,
            next_due_at        INTEGER GENERATED ALWAYS AS (CASE WHEN ended = 0 THEN nullif(min(
                coalesce(CASE WHEN met & 1 = 0 THEN acknowledge_due END, 9223372036854775807),
                coalesce(CASE WHEN met & 2 = 0 THEN decide_due END, 9223372036854775807),
                coalesce(CASE WHEN met & 4 = 0 THEN first_contact_due END, 9223372036854775807),
                coalesce(CASE WHEN met & 8 = 0 THEN outcome_report_due END, 9223372036854775807)), 9223372036854775807) END) STORED
        );
        CREATE INDEX IF NOT EXISTS review_referrals_due ON review_referrals (next_due_at) WHERE next_due_at IS NOT NULL;

        -- What is known of each case document; the bytes are in the document store (folder or Blob).
        CREATE TABLE IF NOT EXISTS documents (
            office_id   TEXT    NOT NULL,
            id          TEXT    NOT NULL,
            case_id     TEXT    NOT NULL,
            uploaded_at INTEGER NOT NULL,
            document    TEXT    NOT NULL,
            PRIMARY KEY (office_id, id)
        );
        CREATE INDEX IF NOT EXISTS documents_by_case ON documents (office_id, case_id, uploaded_at, id);

        -- The last reference of each chat conversation, for messages the bot sends without being asked.
        CREATE TABLE IF NOT EXISTS chat_references (
            channel_id      TEXT    NOT NULL,
            conversation_id TEXT    NOT NULL,
            updated_at      INTEGER NOT NULL,
            document        TEXT    NOT NULL,
            PRIMARY KEY (channel_id, conversation_id)
        );

        -- The state of each chat conversation (key: a hash of its channel and id), deleted once it expires.
        CREATE TABLE IF NOT EXISTS chat_conversations (
            key        TEXT    NOT NULL PRIMARY KEY,
            version    INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            state      TEXT    NOT NULL
        );
        CREATE INDEX IF NOT EXISTS chat_conversations_by_expiry ON chat_conversations (expires_at);

        -- The cases a reference given in the chat names (one per office).
        CREATE TABLE IF NOT EXISTS chat_links (
            reference TEXT NOT NULL,
            office_id TEXT NOT NULL,
            case_id   TEXT NOT NULL,
            PRIMARY KEY (reference, office_id)
        ) WITHOUT ROWID;
        """;
}
