import type Database from 'better-sqlite3';
import type { Participant } from '../store.ts';
import type { Lang } from '../text.ts';
import type { LeaderboardMode, WorkshopParticipant, WorkshopRecord, WorkshopStatus } from './types.ts';

/** The workshops part of the training store (same SQLite file, same rules: committed before the API answers). */
export interface WorkshopStore {
  add(w: WorkshopRecord): void;
  get(id: string): WorkshopRecord | undefined;
  byCode(code: string): WorkshopRecord | undefined;
  /** Newest first. */
  list(): WorkshopRecord[];
  /** Writes every field that can change (title, time box, state and its times, revealed, leaderboard). */
  save(w: WorkshopRecord): void;
  participantCount(workshopId: string): number;
  /** In join order. */
  participants(workshopId: string): WorkshopParticipant[];
  participant(workshopId: string, participantId: string): WorkshopParticipant | undefined;
  /** Adds a participant of the workshop; false when the pseudonym (by its key) is taken there. */
  join(p: Participant & { workshopId: string; tokenHash: string; pseudonymKey: string; rejoinHash: string }): boolean;
  byRejoinHash(workshopId: string, rejoinHash: string): WorkshopParticipant | undefined;
  /** A new token for a participant who came back with their rejoin code: the old token stops working. */
  rejoin(participantId: string, tokenHash: string, at: string): void;
  setRejoinHash(participantId: string, rejoinHash: string): void;
  /** The latest hint taken per attempt of the workshop's participants (for their last action). */
  lastHintAt(workshopId: string): Map<string, string>;
}

interface WorkshopRow {
  id: string;
  code: string;
  title: string;
  language: Lang;
  exercises: string;
  time_box_minutes: number | null;
  status: WorkshopStatus;
  created_at: string;
  started_at: string | null;
  paused_at: string | null;
  ended_at: string | null;
  paused_ms: number;
  revealed: number;
  leaderboard: LeaderboardMode;
}

interface ParticipantRow {
  id: string;
  pseudonym: string;
  seed: number;
  created_at: string;
  workshop: string;
  rejoined_at: string | null;
}

const toWorkshop = (r: WorkshopRow): WorkshopRecord => ({
  id: r.id,
  code: r.code,
  title: r.title,
  language: r.language,
  exercises: JSON.parse(r.exercises) as string[],
  timeBoxMinutes: r.time_box_minutes,
  state: r.status,
  createdAt: r.created_at,
  startedAt: r.started_at,
  pausedAt: r.paused_at,
  endedAt: r.ended_at,
  pausedMs: r.paused_ms,
  revealed: r.revealed === 1,
  leaderboard: r.leaderboard,
});

const toParticipant = (r: ParticipantRow): WorkshopParticipant => ({
  id: r.id,
  pseudonym: r.pseudonym,
  seed: r.seed,
  createdAt: r.created_at,
  workshopId: r.workshop,
  rejoinedAt: r.rejoined_at,
});

const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';

/** The statements over the training database's workshop tables (`schema.ts` made them). */
export function workshopStore(db: Database.Database): WorkshopStore {
  const s = {
    add: db.prepare(
      `INSERT INTO training_workshops (id, code, title, language, exercises, time_box_minutes, status, created_at,
        started_at, paused_at, ended_at, paused_ms, revealed, leaderboard)
       VALUES (@id, @code, @title, @language, @exercises, @timeBox, @state, @createdAt, @startedAt, @pausedAt,
        @endedAt, @pausedMs, @revealed, @leaderboard)`,
    ),
    save: db.prepare(
      `UPDATE training_workshops SET title = @title, time_box_minutes = @timeBox, status = @state,
        started_at = @startedAt, paused_at = @pausedAt, ended_at = @endedAt, paused_ms = @pausedMs,
        revealed = @revealed, leaderboard = @leaderboard
       WHERE id = @id`,
    ),
    get: db.prepare('SELECT * FROM training_workshops WHERE id = ?'),
    byCode: db.prepare('SELECT * FROM training_workshops WHERE code = ?'),
    list: db.prepare('SELECT * FROM training_workshops ORDER BY created_at DESC, rowid DESC'),
    count: db.prepare('SELECT COUNT(*) AS n FROM training_participants WHERE workshop = ?'),
    participants: db.prepare('SELECT * FROM training_participants WHERE workshop = ? ORDER BY created_at, rowid'),
    participant: db.prepare('SELECT * FROM training_participants WHERE workshop = ? AND id = ?'),
    join: db.prepare(
      `INSERT INTO training_participants (id, token_hash, pseudonym, seed, created_at, workshop, rejoin_hash,
        pseudonym_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    byRejoin: db.prepare('SELECT * FROM training_participants WHERE workshop = ? AND rejoin_hash = ?'),
    rejoin: db.prepare('UPDATE training_participants SET token_hash = ?, rejoined_at = ? WHERE id = ?'),
    setRejoin: db.prepare('UPDATE training_participants SET rejoin_hash = ? WHERE id = ?'),
    lastHints: db.prepare(
      `SELECT h.attempt AS attempt, MAX(h.taken_at) AS at FROM training_hints h
       JOIN training_attempts a ON a.id = h.attempt
       JOIN training_participants p ON p.id = a.participant
       WHERE p.workshop = ? GROUP BY h.attempt`,
    ),
  };
  const params = (w: WorkshopRecord) => ({
    id: w.id,
    code: w.code,
    title: w.title,
    language: w.language,
    exercises: JSON.stringify(w.exercises),
    timeBox: w.timeBoxMinutes,
    state: w.state,
    createdAt: w.createdAt,
    startedAt: w.startedAt,
    pausedAt: w.pausedAt,
    endedAt: w.endedAt,
    pausedMs: w.pausedMs,
    revealed: w.revealed ? 1 : 0,
    leaderboard: w.leaderboard,
  });
  // Every request of a participant reads their workshop; this process is its only writer (`add`, `save`), so the
  // records are kept in memory, frozen, and replaced on every write.
  const cache = new Map<string, WorkshopRecord>();
  const remember = (w: WorkshopRecord): WorkshopRecord => {
    const frozen = Object.freeze({ ...w, exercises: Object.freeze([...w.exercises]) as string[] });
    cache.set(w.id, frozen);
    return frozen;
  };
  const one = (row: unknown) => (row ? remember(toWorkshop(row as WorkshopRow)) : undefined);
  const oneParticipant = (row: unknown) => (row ? toParticipant(row as ParticipantRow) : undefined);

  return {
    add: (w) => {
      s.add.run(params(w));
      remember(w);
    },
    get: (id) => cache.get(id) ?? one(s.get.get(id)),
    byCode: (code) => one(s.byCode.get(code)),
    list: () => (s.list.all() as WorkshopRow[]).map(toWorkshop),
    save: (w) => {
      const { code: _code, language: _language, exercises: _exercises, createdAt: _createdAt, ...rest } = params(w);
      s.save.run(rest);
      remember(w);
    },
    participantCount: (id) => (s.count.get(id) as { n: number }).n,
    participants: (id) => (s.participants.all(id) as ParticipantRow[]).map(toParticipant),
    participant: (workshopId, id) => oneParticipant(s.participant.get(workshopId, id)),
    join(p) {
      try {
        s.join.run(p.id, p.tokenHash, p.pseudonym, p.seed, p.createdAt, p.workshopId, p.rejoinHash, p.pseudonymKey);
        return true;
      } catch (e) {
        if (isUniqueViolation(e)) return false;
        throw e;
      }
    },
    byRejoinHash: (workshopId, hash) => oneParticipant(s.byRejoin.get(workshopId, hash)),
    rejoin: (id, tokenHash, at) => void s.rejoin.run(tokenHash, at, id),
    setRejoinHash: (id, hash) => void s.setRejoin.run(hash, id),
    lastHintAt: (id) =>
      new Map((s.lastHints.all(id) as { attempt: string; at: string }[]).map((r) => [r.attempt, r.at])),
  };
}
