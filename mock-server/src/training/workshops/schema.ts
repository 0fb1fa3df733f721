import type Database from 'better-sqlite3';

const WORKSHOPS = `
CREATE TABLE IF NOT EXISTS training_workshops (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  language TEXT NOT NULL CHECK (language IN ('nl', 'fr')),
  exercises TEXT NOT NULL,
  time_box_minutes INTEGER,
  status TEXT NOT NULL CHECK (status IN ('lobby', 'running', 'paused', 'ended')),
  created_at TEXT NOT NULL,
  started_at TEXT,
  paused_at TEXT,
  ended_at TEXT,
  paused_ms INTEGER NOT NULL DEFAULT 0,
  revealed INTEGER NOT NULL DEFAULT 0,
  leaderboard TEXT NOT NULL DEFAULT 'named' CHECK (leaderboard IN ('named', 'anonymous', 'hidden'))
);
CREATE INDEX IF NOT EXISTS training_workshops_created ON training_workshops (created_at);
`;

/** Columns a participant of a workshop needs; standalone participants leave them null. */
const PARTICIPANT_COLUMNS: [name: string, definition: string][] = [
  ['workshop', 'TEXT REFERENCES training_workshops(id)'],
  ['rejoin_hash', 'TEXT'],
  ['pseudonym_key', 'TEXT'],
  ['rejoined_at', 'TEXT'],
];

const INDEXES = `
CREATE UNIQUE INDEX IF NOT EXISTS training_participants_pseudonym
  ON training_participants (workshop, pseudonym_key) WHERE workshop IS NOT NULL;
CREATE INDEX IF NOT EXISTS training_participants_rejoin ON training_participants (workshop, rejoin_hash)
  WHERE workshop IS NOT NULL;
`;

/** `ALTER TABLE … ADD COLUMN` for each column a table made by an earlier version lacks (`PRAGMA table_info`). */
export function addMissingColumns(
  db: Database.Database,
  table: string,
  columns: readonly (readonly [name: string, definition: string])[],
): void {
  const present = new Set((db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name));
  for (const [name, definition] of columns)
    if (!present.has(name)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${name} ${definition}`);
}

/**
 * Adds the workshop tables and columns to a training database, new or made by an earlier version (which had
 * `training_participants` without the workshop columns).
 * One transaction, so a crash leaves the old schema or the new one, never half of it.
 */
export function migrateWorkshops(db: Database.Database): void {
  db.transaction(() => {
    db.exec(WORKSHOPS);
    addMissingColumns(db, 'training_participants', PARTICIPANT_COLUMNS);
    db.exec(INDEXES);
  })();
}
