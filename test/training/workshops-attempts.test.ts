import { beforeAll, describe, expect, it } from 'vitest';
import {
  type AttemptView,
  asTrainer,
  call,
  errorCode,
  joinAs,
  newWorkshop,
  type TrainingServer,
  trainingServer,
  type WorkshopReply,
} from '../support/training.ts';

/** Attempts of workshop participants: one per exercise, only the workshop's, explanations withheld until reveal. */
let server: TrainingServer;
let w: WorkshopReply;
const A = 'esv-equivalent-leefloon';
const B = 'infosec-colleague-neighbour';
const OTHER = 'esv-current-decision';

beforeAll(async () => {
  server = await trainingServer();
  w = await newWorkshop(server.app, [A, B], { start: true });
});

const start = (token: string, exerciseId: string) =>
  call<AttemptView>(server.app, 'POST', '/api/attempts', { token, body: { exerciseId } });
const submit = (token: string, id: string, answers: Record<string, unknown> = {}) =>
  call<Record<string, unknown>>(server.app, 'POST', `/api/attempts/${id}/submit`, { token, body: { answers } });

describe('starting exercises in a workshop', () => {
  it('one attempt per exercise: the open one comes back (200), a submitted one is done (409)', async () => {
    const { token } = await joinAs(server.app, w.code, 'Eén poging');
    const first = await start(token, A);
    expect(first.status).toBe(201);
    const again = await start(token, A);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect((await submit(token, first.body.id, { kind: 'equivalent-leefloon' })).status).toBe(200);
    const done = await start(token, A);
    expect([done.status, errorCode(done)]).toEqual([409, 'exercise-done']);
    expect(server.training.attempts.ofParticipant((await me(token)).id).length).toBe(1);
  });

  it('403 not-in-workshop for an exercise outside the workshop; 404 for an unknown one', async () => {
    const { token } = await joinAs(server.app, w.code, 'Buiten');
    const r = await start(token, OTHER);
    expect([r.status, errorCode(r)]).toEqual([403, 'not-in-workshop']);
    expect(errorCode(await start(token, 'no-such-exercise'))).toBe('unknown-exercise');
  });

  it('standalone participants keep starting any exercise as often as they like', async () => {
    const { token } = (await call<{ token: string }>(server.app, 'POST', '/api/participants', { body: {} })).body;
    expect((await start(token, OTHER)).status).toBe(201);
    expect((await start(token, OTHER)).status).toBe(201);
    const mine = await call<Record<string, unknown>>(server.app, 'GET', '/api/participants/me', { token });
    expect(mine.body.workshop).toBeUndefined();
  });
});

async function me(token: string) {
  return (await call<{ id: string }>(server.app, 'GET', '/api/participants/me', { token })).body;
}

describe('results before and after the reveal', () => {
  it('withholds explanations and sources until the trainer reveals them; the stored result is complete', async () => {
    const room = await newWorkshop(server.app, [A, B], { start: true });
    const { token } = await joinAs(server.app, room.code, 'Resultaat');
    const a = (await start(token, B)).body;
    const r = await submit(token, a.id, { reaction: 'refuse-report', rules: ['purpose', 'integration'] });
    expect(r.status).toBe(200);
    expect(Object.keys(r.body).sort()).toEqual(['checks', 'max', 'points', 'revealed']);
    expect(r.body).toMatchObject({ points: 10, max: 10, revealed: false });
    for (const check of r.body.checks as Record<string, unknown>[])
      expect(Object.keys(check).sort()).toEqual(['id', 'passed']);
    const read = await call<AttemptView & { result: unknown }>(server.app, 'GET', `/api/attempts/${a.id}`, { token });
    expect(read.body.result).toEqual(r.body);
    const stored = server.training.attempts.get(a.id)!.result!;
    expect(stored.checks.every((c) => c.explanation.nl.length > 0 && c.source.length > 0)).toBe(true);

    await asTrainer(server.app, 'POST', `/api/workshops/${room.id}/reveal`);
    const after = await call<{ result: Record<string, unknown> }>(server.app, 'GET', `/api/attempts/${a.id}`, {
      token,
    });
    expect(after.body.result).toEqual({ ...stored, revealed: true });
    const joined = await me(token);
    expect((joined as unknown as { workshop: { revealed: boolean } }).workshop.revealed).toBe(true);

    // Submitted after the reveal: everything at once.
    const b = (await start(token, A)).body;
    const full = await submit(token, b.id, {});
    expect(full.body.revealed).toBe(true);
    expect((full.body.checks as { explanation?: unknown }[]).every((c) => c.explanation !== undefined)).toBe(true);
  });
});

describe('privacy between participants', () => {
  it('403 on another participant’s attempt; no hash, key or other participant in a participant’s answers', async () => {
    const one = await joinAs(server.app, w.code, 'Eerste');
    const two = await joinAs(server.app, w.code, 'Tweede');
    const a = (await start(one.token, A)).body;
    for (const [method, path] of [
      ['GET', `/api/attempts/${a.id}`],
      ['POST', `/api/attempts/${a.id}/hints/${a.hints[0]?.id ?? 'x'}`],
      ['POST', `/api/attempts/${a.id}/submit`],
    ] as const) {
      const body = method === 'POST' ? { body: { answers: {} } } : {};
      const r = await call(server.app, method, path, { token: two.token, ...body });
      expect([r.status, errorCode(r)], path).toEqual([403, 'forbidden']);
    }
    const submitted = await submit(one.token, a.id, {});
    const texts = [
      JSON.stringify(one),
      JSON.stringify(await me(one.token)),
      (await call(server.app, 'GET', `/api/attempts/${a.id}`, { token: one.token })).text,
      submitted.text,
    ].join('\n');
    expect(texts).not.toMatch(/hash|explanation|"source"|seed|"expected"|Tweede/i);
    expect(texts).not.toContain(two.token);
    const trainerOnly = await call(server.app, 'GET', `/api/workshops/${w.id}/report`, { token: one.token });
    expect(errorCode(trainerOnly)).toBe('trainer-only');
  });
});
