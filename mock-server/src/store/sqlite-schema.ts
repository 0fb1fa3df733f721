import type Database from 'better-sqlite3';

/** Bump when the schema changes, and add the step from the previous version to `MIGRATIONS`. */
export const SCHEMA_VERSION = 2;

/**
 * Version 1. Journal indexes follow the admin API's filters (user id, INSZ, flow, outcome, time), each led by the
 * tenant; `username` has none because the API resolves a username to its user id, and every index costs one more
 * 4 KB WAL frame on each append. No foreign keys: the journal insert is on every request's path, and tenant deletion clears each
 * table explicitly inside one transaction. AUTOINCREMENT on journal and registrations so an id is never reused
 * after a reset: a client tailing the journal with `after=<id>` must never skip new rows.
 */
const V1 = `
CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS tenants (
  id          TEXT PRIMARY KEY,
  preset      TEXT NOT NULL,
  seed        INTEGER NOT NULL,
  clock       TEXT,
  token_hash  TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  settings    TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE IF NOT EXISTS registrations (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  tenant          TEXT NOT NULL,
  organisation    TEXT NOT NULL,
  insz            TEXT NOT NULL,
  quality_code    TEXT NOT NULL,
  from_date       TEXT NOT NULL,
  to_date         TEXT,
  registered_by   TEXT NOT NULL,
  registered_at   TEXT NOT NULL,
  unregistered_at TEXT
);
CREATE INDEX IF NOT EXISTS registrations_by_insz ON registrations (tenant, insz);
CREATE INDEX IF NOT EXISTS registrations_by_organisation ON registrations (tenant, organisation);
CREATE TABLE IF NOT EXISTS journal (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  tenant          TEXT NOT NULL,
  at              TEXT NOT NULL,
  as_of           TEXT NOT NULL,
  organisation    TEXT,
  user_id         TEXT,
  username        TEXT,
  role            TEXT,
  flow            TEXT NOT NULL,
  operation       TEXT NOT NULL,
  face            TEXT NOT NULL,
  insz            TEXT,
  legal_context   TEXT,
  registration_id INTEGER,
  outcome         TEXT NOT NULL,
  ok              INTEGER NOT NULL,
  latency_ms      REAL NOT NULL,
  request         TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS journal_by_tenant ON journal (tenant, id);
CREATE INDEX IF NOT EXISTS journal_by_user ON journal (tenant, user_id, id);
CREATE INDEX IF NOT EXISTS journal_by_insz ON journal (tenant, insz, id);
CREATE INDEX IF NOT EXISTS journal_by_flow ON journal (tenant, flow, id);
CREATE INDEX IF NOT EXISTS journal_by_outcome ON journal (tenant, outcome, id);
CREATE INDEX IF NOT EXISTS journal_by_time ON journal (tenant, at);
CREATE TABLE IF NOT EXISTS faults (
  tenant      TEXT NOT NULL,
  id          TEXT NOT NULL,
  kind        TEXT NOT NULL,
  flow        TEXT,
  insz        TEXT,
  probability REAL NOT NULL,
  latency_ms  TEXT,
  code        TEXT,
  seed        INTEGER NOT NULL,
  created_at  TEXT NOT NULL,
  PRIMARY KEY (tenant, id)
);
`;

/** Steps from version N-1 to N, index N-1. */
const V2 = `
CREATE TABLE IF NOT EXISTS flow_state (
  tenant     TEXT NOT NULL,
  flow       TEXT NOT NULL,
  key        TEXT NOT NULL,
  value      TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (tenant, flow, key)
);
`;

const MIGRATIONS: readonly string[] = [V1, V2];

/**
 * Creates or upgrades the schema in one transaction. A database written by a newer server is refused rather than
 * half-understood.
 */
export function migrate(db: Database.Database, file: string): void {
  db.exec('CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
  const row = db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as { value: string } | undefined;
  const current = row ? Number(row.value) : 0;
  if (!Number.isInteger(current) || current < 0)
    throw new Error(`${file}: meta.schema_version is "${row?.value}", not a version number`);
  if (current > SCHEMA_VERSION)
    throw new Error(
      `${file} has schema version ${current}, but this server knows versions up to ${SCHEMA_VERSION}: use a newer server or another DATA_DIR`,
    );
  if (current === SCHEMA_VERSION) return;
  db.transaction(() => {
    for (let v = current; v < SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v] as string);
    db.prepare(
      "INSERT INTO meta (key, value) VALUES ('schema_version', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    ).run(String(SCHEMA_VERSION));
  })();
}
