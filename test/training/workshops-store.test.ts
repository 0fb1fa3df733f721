import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openTrainingStore } from '../../mock-server/src/training/store.ts';
import {
  type AttemptView,
  asTrainer,
  call,
  type JoinedReply,
  joinAs,
  newWorkshop,
  trainingServer,
} from '../support/training.ts';

/** Workshops in the training database: older databases are upgraded in place, and everything survives a restart. */
const dir = () => mkdtempSync(join(tmpdir(), 'ksz-workshops-'));

/** The training schema before workshops existed (what a data folder of the previous version holds). */
const OLD_SCHEMA = `
CREATE TABLE training_participants (
  id TEXT PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE, pseudonym TEXT NOT NULL, seed INTEGER NOT NULL,
  created_at TEXT NOT NULL);
CREATE TABLE training_attempts (
  id TEXT PRIMARY KEY, participant TEXT NOT NULL REFERENCES training_participants(id), exercise TEXT NOT NULL,
  number INTEGER NOT NULL, tenant TEXT NOT NULL, variant TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'submitted')), created_at TEXT NOT NULL, submitted_at TEXT,
  answers TEXT, result TEXT, UNIQUE (participant, exercise, number));
CREATE INDEX training_attempts_participant ON training_attempts (participant, created_at);
CREATE TABLE training_hints (
  attempt TEXT NOT NULL REFERENCES training_attempts(id), hint TEXT NOT NULL, taken_at TEXT NOT NULL,
  seq INTEGER NOT NULL, PRIMARY KEY (attempt, hint));
`;

describe('a training database of the previous version', () => {
  it('gets the workshop tables and columns; its participants keep working', async () => {
    const file = join(dir(), 'training.sqlite');
    const old = new Database(file);
    old.exec(OLD_SCHEMA);
    old
      .prepare('INSERT INTO training_participants VALUES (?, ?, ?, ?, ?)')
      .run('oldparticipant', 'hash-of-old-token', 'Van vroeger', 42, '2025-01-01T00:00:00.000Z');
    old.close();

    const store = openTrainingStore(file);
    expect(store.participants.get('oldparticipant')).toEqual({
      id: 'oldparticipant',
      pseudonym: 'Van vroeger',
      seed: 42,
      createdAt: '2025-01-01T00:00:00.000Z',
      workshopId: null,
    });
    expect(store.participants.byTokenHash('hash-of-old-token')?.id).toBe('oldparticipant');
    store.close();
    // Opening again changes nothing more (the columns are there now).
    const again = openTrainingStore(file);
    expect(again.workshops.list()).toEqual([]);
    again.close();
    const db = new Database(file, { readonly: true });
    const columns = (db.prepare('PRAGMA table_info(training_participants)').all() as { name: string }[])
      .map((c) => c.name)
      .sort();
    db.close();
    expect(columns).toEqual(
      [
        'created_at',
        'id',
        'pseudonym',
        'pseudonym_key',
        'rejoin_hash',
        'rejoined_at',
        'seed',
        'token_hash',
        'workshop',
      ].sort(),
    );

    const server = await trainingServer({ training: file });
    const w = await newWorkshop(server.app, ['esv-equivalent-leefloon'], { start: true });
    const p = await joinAs(server.app, w.code, 'Van vroeger');
    expect(p.participant.pseudonym).toBe('Van vroeger');
    expect(server.training.participants.get('oldparticipant')?.workshopId).toBeNull();
    server.store.close();
    server.training.close();
  });
});

describe('a restart', () => {
  it('keeps the workshop, its state, the participants, their tokens and a submitted answer', async () => {
    const d = dir();
    const files = { ksz: join(d, 'ksz.sqlite'), training: join(d, 'training.sqlite') };
    const before = await trainingServer(files);
    const w = await newWorkshop(before.app, ['esv-equivalent-leefloon'], { start: true, timeBoxMinutes: 90 });
    await asTrainer(before.app, 'POST', `/api/workshops/${w.id}/reveal`);
    const p: JoinedReply = await joinAs(before.app, w.code, 'Blijft');
    const a = (
      await call<AttemptView>(before.app, 'POST', '/api/attempts', {
        token: p.token,
        body: { exerciseId: 'esv-equivalent-leefloon' },
      })
    ).body;
    const submitted = await call(before.app, 'POST', `/api/attempts/${a.id}/submit`, {
      token: p.token,
      body: { answers: { kind: 'equivalent-leefloon' } },
    });
    expect(submitted.status).toBe(200);
    const consoleBefore = (await asTrainer(before.app, 'GET', `/api/workshops/${w.id}`)).body;
    before.store.close();
    before.training.close();

    const after = await trainingServer(files);
    expect((await asTrainer(after.app, 'GET', `/api/workshops/${w.id}`)).body).toEqual(consoleBefore);
    const me = await call<{ workshop: { status: string; revealed: boolean }; attempts: { status: string }[] }>(
      after.app,
      'GET',
      '/api/participants/me',
      { token: p.token },
    );
    expect(me.body.workshop).toMatchObject({ status: 'running', revealed: true });
    expect(me.body.attempts).toEqual([expect.objectContaining({ id: a.id, status: 'submitted' })]);
    const read = await call<{ result: unknown }>(after.app, 'GET', `/api/attempts/${a.id}`, { token: p.token });
    expect(read.body.result).toEqual(submitted.body);
    const rejoined = await call(after.app, 'POST', '/api/join', { body: { code: w.code, rejoinCode: p.rejoinCode } });
    expect(rejoined.status).toBe(200);
    after.store.close();
    after.training.close();
  });
});
