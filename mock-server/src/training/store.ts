import Database from 'better-sqlite3';
import type { AnswerValue, KeyValue, ScoreResult, Variant } from './types.ts';
import { addMissingColumns, migrateWorkshops } from './workshops/schema.ts';
import { type WorkshopStore, workshopStore } from './workshops/store.ts';

export interface Participant {
  id: string;
  pseudonym: string;
  seed: number;
  createdAt: string;
  /** The workshop the participant joined (`POST /api/join`), or null for a standalone participant. */
  workshopId: string | null;
}

export type AttemptStatus = 'open' | 'submitted';

export interface AttemptRecord {
  id: string;
  participantId: string;
  exerciseId: string;
  /** 0 for the participant's first attempt of the exercise, 1 for the first retry … */
  number: number;
  tenant: string;
  variant: Variant;
  status: AttemptStatus;
  createdAt: string;
  submittedAt: string | null;
  answers: Record<string, AnswerValue> | null;
  result: ScoreResult | null;
  /** Ids of the hints taken, in the order they were taken. */
  hints: string[];
}

/**
 * The training side's own persistence (participants, attempts, hints, answers and results), in its own SQLite file
 * beside the KSZ store: what the API acknowledged is committed before it answers, so it survives `kill -9`.
 */
export interface TrainingStore {
  participants: {
    add(p: Omit<Participant, 'workshopId'> & { tokenHash: string }): void;
    byTokenHash(hash: string): Participant | undefined;
    get(id: string): Participant | undefined;
  };
  attempts: {
    /** `keys`: the answer keys computed at the start (server side only: never part of an `AttemptRecord`). */
    add(
      a: Omit<AttemptRecord, 'hints' | 'answers' | 'result' | 'submittedAt' | 'status'>,
      keys?: Record<string, KeyValue>,
    ): void;
    get(id: string): AttemptRecord | undefined;
    /** The answer keys stored when the attempt started (null for attempts made before they were stored). */
    keys(id: string): Record<string, KeyValue> | null;
    ofParticipant(participantId: string): AttemptRecord[];
    /** How many attempts of the exercise the participant started (the next attempt's number). */
    count(participantId: string, exerciseId: string): number;
    /** Records a hint once; returns false when it was already taken. */
    takeHint(attemptId: string, hintId: string, at: string): boolean;
    /** Stores the answers and the result if the attempt is still open; returns false when it was not. */
    submit(attemptId: string, answers: Record<string, AnswerValue>, result: ScoreResult, at: string): boolean;
    /** Several submissions in one transaction (group commit); each true when its attempt was still open. */
    submitMany(
      items: readonly { attemptId: string; answers: Record<string, AnswerValue>; result: ScoreResult; at: string }[],
    ): boolean[];
  };
  /** Workshops and their participants (docs/decisions/006-workshops.md). */
  workshops: WorkshopStore;
  close(): void;
}

interface AttemptRow {
  id: string;
  participant: string;
  exercise: string;
  number: number;
  tenant: string;
  variant: string;
  status: AttemptStatus;
  created_at: string;
  submitted_at: string | null;
  answers: string | null;
  result: string | null;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS training_participants (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  pseudonym TEXT NOT NULL,
  seed INTEGER NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS training_attempts (
  id TEXT PRIMARY KEY,
  participant TEXT NOT NULL REFERENCES training_participants(id),
  exercise TEXT NOT NULL,
  number INTEGER NOT NULL,
  tenant TEXT NOT NULL,
  variant TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'submitted')),
  created_at TEXT NOT NULL,
  submitted_at TEXT,
  answers TEXT,
  result TEXT,
  UNIQUE (participant, exercise, number)
);
CREATE INDEX IF NOT EXISTS training_attempts_participant ON training_attempts (participant, created_at);
CREATE TABLE IF NOT EXISTS training_hints (
  attempt TEXT NOT NULL REFERENCES training_attempts(id),
  hint TEXT NOT NULL,
  taken_at TEXT NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (attempt, hint)
);
`;

/**
 * Opens (and creates) the training store: `<DATA_DIR>/training.sqlite` in the server, `:memory:` in tests. WAL with
 * `synchronous = NORMAL`, as the KSZ store (docs/decisions/003): a committed write survives the process being killed.
 *
 * @example
 * const store = openTrainingStore(join(config.dataDir, 'training.sqlite'));
 */
export function openTrainingStore(file: string): TrainingStore {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  // Databases made before workshops existed get their tables and columns here.
  migrateWorkshops(db);
  addMissingColumns(db, 'training_attempts', [['keys', 'TEXT']]);

  const insertParticipant = db.prepare(
    'INSERT INTO training_participants (id, token_hash, pseudonym, seed, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const participantByHash = db.prepare('SELECT * FROM training_participants WHERE token_hash = ?');
  const participantById = db.prepare('SELECT * FROM training_participants WHERE id = ?');
  const insertAttempt = db.prepare(
    `INSERT INTO training_attempts (id, participant, exercise, number, tenant, variant, status, created_at, keys)
     VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
  );
  const keysOf = db.prepare('SELECT keys FROM training_attempts WHERE id = ?');
  const attemptById = db.prepare('SELECT * FROM training_attempts WHERE id = ?');
  const attemptsOf = db.prepare('SELECT * FROM training_attempts WHERE participant = ? ORDER BY created_at, rowid');
  const countOf = db.prepare('SELECT COUNT(*) AS n FROM training_attempts WHERE participant = ? AND exercise = ?');
  const hintsOf = db.prepare('SELECT hint FROM training_hints WHERE attempt = ? ORDER BY seq');
  const insertHint = db.prepare(
    `INSERT OR IGNORE INTO training_hints (attempt, hint, taken_at, seq)
     VALUES (?, ?, ?, (SELECT COUNT(*) FROM training_hints WHERE attempt = ?))`,
  );
  const submitAttempt = db.prepare(
    `UPDATE training_attempts SET status = 'submitted', answers = ?, result = ?, submitted_at = ?
     WHERE id = ? AND status = 'open'`,
  );

  type ParticipantRow = { id: string; pseudonym: string; seed: number; created_at: string; workshop: string | null };
  const toParticipant = (r: ParticipantRow | undefined): Participant | undefined =>
    r && { id: r.id, pseudonym: r.pseudonym, seed: r.seed, createdAt: r.created_at, workshopId: r.workshop };
  const toAttempt = (r: AttemptRow): AttemptRecord => ({
    id: r.id,
    participantId: r.participant,
    exerciseId: r.exercise,
    number: r.number,
    tenant: r.tenant,
    variant: JSON.parse(r.variant) as Variant,
    status: r.status,
    createdAt: r.created_at,
    submittedAt: r.submitted_at,
    answers: r.answers === null ? null : (JSON.parse(r.answers) as Record<string, AnswerValue>),
    result: r.result === null ? null : (JSON.parse(r.result) as ScoreResult),
    hints: (hintsOf.all(r.id) as { hint: string }[]).map((h) => h.hint),
  });

  return {
    participants: {
      add: (p) => void insertParticipant.run(p.id, p.tokenHash, p.pseudonym, p.seed, p.createdAt),
      byTokenHash: (hash) => toParticipant(participantByHash.get(hash) as ParticipantRow | undefined),
      get: (id) => toParticipant(participantById.get(id) as ParticipantRow | undefined),
    },
    attempts: {
      add: (a, keys) =>
        void insertAttempt.run(
          a.id,
          a.participantId,
          a.exerciseId,
          a.number,
          a.tenant,
          JSON.stringify(a.variant),
          a.createdAt,
          keys ? JSON.stringify(keys) : null,
        ),
      keys(id) {
        const row = keysOf.get(id) as { keys: string | null } | undefined;
        return row?.keys ? (JSON.parse(row.keys) as Record<string, KeyValue>) : null;
      },
      get(id) {
        const row = attemptById.get(id) as AttemptRow | undefined;
        return row && toAttempt(row);
      },
      ofParticipant: (participantId) => (attemptsOf.all(participantId) as AttemptRow[]).map(toAttempt),
      count: (participantId, exerciseId) => (countOf.get(participantId, exerciseId) as { n: number }).n,
      takeHint: (attemptId, hintId, at) => insertHint.run(attemptId, hintId, at, attemptId).changes === 1,
      submit: (attemptId, answers, result, at) =>
        submitAttempt.run(JSON.stringify(answers), JSON.stringify(result), at, attemptId).changes === 1,
      submitMany: db.transaction((items: Parameters<TrainingStore['attempts']['submitMany']>[0]) =>
        items.map(
          (x) =>
            submitAttempt.run(JSON.stringify(x.answers), JSON.stringify(x.result), x.at, x.attemptId).changes === 1,
        ),
      ),
    },
    workshops: workshopStore(db),
    close: () => db.close(),
  };
}
