/**
 * The case file's schema, as an ordered list of migrations keyed by `PRAGMA user_version`.
 * Migration N (1-based) takes a case from version N-1 to N. Never edit a shipped migration:
 * append a new one.
 */

/** Marks a SQLite file as an Enrollscope case ('ENRS'). Checked before a case is opened. */
export const APPLICATION_ID = 0x454e5253;

export const MIGRATIONS: readonly string[] = [
  /* 1: the first schema */ `
  CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) WITHOUT ROWID;

  -- One row per imported file (or ZIP entry). Counts are the import summary.
  CREATE TABLE imports (
    id            INTEGER PRIMARY KEY,
    file_name     TEXT NOT NULL,
    source_path   TEXT NOT NULL,
    size          INTEGER NOT NULL,
    sha256        TEXT NOT NULL UNIQUE,
    kind          TEXT NOT NULL,
    format        TEXT NOT NULL,
    imported_at   TEXT NOT NULL,
    rows          INTEGER NOT NULL,
    imported      INTEGER NOT NULL,
    duplicates    INTEGER NOT NULL,
    skipped_json  TEXT NOT NULL,
    examples_json TEXT NOT NULL
  );

  -- Interned strings: events store small integers instead of repeating text.
  CREATE TABLE users   (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
  CREATE TABLE devices (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
  CREATE TABLE screens (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE);
  INSERT INTO devices (id, name) VALUES (0, '');
  INSERT INTO screens (id, text) VALUES (0, '');

  -- Event-log rows. The primary key is the row's identity (spec 3, duplicates) and also the
  -- order attempts are built in (user, platform, time). seq = import_id * 2^32 + line keeps file
  -- order for equal times.
  CREATE TABLE events (
    user_id   INTEGER NOT NULL,
    platform  INTEGER NOT NULL,
    time_ms   INTEGER NOT NULL,
    event     INTEGER NOT NULL,
    action    INTEGER NOT NULL,
    screen_id INTEGER NOT NULL,
    device_id INTEGER NOT NULL,
    seq       INTEGER NOT NULL,
    PRIMARY KEY (user_id, platform, time_ms, event, action, screen_id, device_id)
  ) WITHOUT ROWID;

  -- Abandonment details rows (input 2): each is one incomplete attempt as it stands.
  CREATE TABLE details (
    user_id     INTEGER NOT NULL,
    platform    INTEGER NOT NULL,
    time_ms     INTEGER NOT NULL,
    user_action INTEGER NOT NULL,
    action      INTEGER NOT NULL,
    screen_id   INTEGER NOT NULL,
    device_id   INTEGER NOT NULL,
    seq         INTEGER NOT NULL,
    PRIMARY KEY (user_id, platform, time_ms, user_action, action, screen_id, device_id)
  ) WITHOUT ROWID;

  -- Abandonment summary rows (input 3). day_key is 'YYYY-MM-DD' for a day in the report's zone,
  -- or the epoch milliseconds as text for a point in time.
  CREATE TABLE summaries (
    id         INTEGER PRIMARY KEY,
    day_key    TEXT NOT NULL,
    day        TEXT,
    time_ms    INTEGER,
    platform   INTEGER NOT NULL,
    initiated  INTEGER NOT NULL,
    incomplete INTEGER,
    seq        INTEGER NOT NULL
  );
  -- A row's identity; NULLs would never compare equal in a plain UNIQUE constraint.
  CREATE UNIQUE INDEX summaries_identity ON summaries (day_key, platform, initiated, ifnull(incomplete, -1));

  -- Enrollment failures (spec 8): kept apart, never mixed into the abandonment numbers.
  CREATE TABLE failures (
    key        TEXT PRIMARY KEY,
    time_ms    INTEGER NOT NULL,
    user       TEXT NOT NULL,
    device     TEXT NOT NULL,
    os         TEXT NOT NULL,
    os_version TEXT NOT NULL,
    method     TEXT NOT NULL,
    category   TEXT NOT NULL,
    reason     TEXT NOT NULL,
    details    TEXT NOT NULL,
    seq        INTEGER NOT NULL
  ) WITHOUT ROWID;

  -- The (action name, screen, user action) of incomplete attempts; section NULL = unclassified.
  CREATE TABLE combos (
    id          INTEGER PRIMARY KEY,
    action      TEXT NOT NULL,
    screen      TEXT NOT NULL,
    user_action TEXT NOT NULL,
    section     TEXT,
    UNIQUE (action, screen, user_action)
  );

  -- Attempts (spec 4). outcome: 0 in progress, 1 complete, 2 incomplete. source: 0 event log,
  -- 1 details row. reached: bit i set when the attempt reached section i (spec 7).
  CREATE TABLE attempts (
    id        INTEGER PRIMARY KEY,
    user_id   INTEGER NOT NULL,
    platform  INTEGER NOT NULL,
    device_id INTEGER NOT NULL,
    start_ms  INTEGER NOT NULL,
    end_ms    INTEGER NOT NULL,
    outcome   INTEGER NOT NULL,
    combo_id  INTEGER NOT NULL,
    reached   INTEGER NOT NULL,
    source    INTEGER NOT NULL,
    first_seq INTEGER NOT NULL
  );
  CREATE INDEX attempts_by_group ON attempts (user_id, platform);

  -- Attempts counted per 15-minute bucket of their start: every real time zone's local midnight
  -- falls on such a bucket, so any zone's days are sums of buckets (report/day-buckets.ts).
  CREATE TABLE attempt_buckets (
    bucket   INTEGER NOT NULL,
    platform INTEGER NOT NULL,
    outcome  INTEGER NOT NULL,
    combo_id INTEGER NOT NULL,
    n        INTEGER NOT NULL,
    PRIMARY KEY (bucket, platform, outcome, combo_id)
  ) WITHOUT ROWID;
  `,
  /* 2: indexes for incremental imports */ `
  -- The in-progress attempts, which a later import's latest event time may turn into timeouts.
  CREATE INDEX attempts_open ON attempts (user_id, platform, end_ms) WHERE outcome = 0;
  -- An import's own details rows (seq = import id * 2^32 + line), without scanning the table.
  CREATE INDEX details_by_seq ON details (seq);
  `,
  /* 3: annotations */ `
  -- Dated notes of the case ("Terms of use text changed"), drawn on the chart and listed in the PDF.
  -- date is a calendar day 'YYYY-MM-DD'; created_at and updated_at are ISO 8601 UTC.
  CREATE TABLE annotations (
    id         INTEGER PRIMARY KEY,
    date       TEXT NOT NULL,
    text       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX annotations_by_date ON annotations (date, id);
  `,
  /* 4: keep no personal data that no view reads */ `
  -- The failures view counts by day, OS, method, category and reason: a failure's user, device and
  -- free-text details were stored but never read. (Rows without an id of their own keep their
  -- content's hash as their key, so a failure imported twice is still recognised.)
  ALTER TABLE failures DROP COLUMN user;
  ALTER TABLE failures DROP COLUMN device;
  ALTER TABLE failures DROP COLUMN details;
  -- Where a file was imported from (its full path, often naming the consultant or the customer)
  -- was never read: the file's name is what the case shows.
  ALTER TABLE imports DROP COLUMN source_path;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Migrations (1-based) that remove personal data: a case migrated past one is rebuilt (VACUUM). */
export const MIGRATIONS_THAT_REBUILD: readonly number[] = [4];
