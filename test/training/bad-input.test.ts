import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type AttemptView, call, type Reply, type TrainingServer, trainingServer } from '../support/training.ts';

/** Bad input gets a 4xx JSON error `{ error: { code, message: { nl, fr } } }` and changes nothing. */
let server: TrainingServer;
let owner: string;
let stranger: string;
let attempt: AttemptView;

type ApiError = { error: { code: string; message: { nl: string; fr: string } } };

function expectError(r: Reply<unknown>, status: number, code: string): void {
  expect(r.status, r.text).toBe(status);
  const e = (r.body as ApiError).error;
  expect(e.code).toBe(code);
  expect(e.message.nl.length).toBeGreaterThan(10);
  expect(e.message.fr.length).toBeGreaterThan(10);
  expect(e.message.fr).not.toBe(e.message.nl);
  expect(r.text).not.toMatch(/stack|at .*\.ts:\d+/);
}

async function newParticipant(): Promise<string> {
  return (await call<{ token: string }>(server.app, 'POST', '/api/participants', { body: {} })).body.token;
}

beforeAll(async () => {
  server = await trainingServer();
  owner = await newParticipant();
  stranger = await newParticipant();
  attempt = (
    await call<AttemptView>(server.app, 'POST', '/api/attempts', {
      token: owner,
      body: { exerciseId: 'esv-equivalent-leefloon' },
    })
  ).body;
});

describe('without a valid token', () => {
  it('401 on every participant call', async () => {
    for (const [method, path] of [
      ['GET', '/api/participants/me'],
      ['POST', '/api/attempts'],
      ['GET', `/api/attempts/${attempt.id}`],
      ['POST', `/api/attempts/${attempt.id}/hints/kind`],
      ['POST', `/api/attempts/${attempt.id}/submit`],
    ] as const) {
      const body = method === 'POST' ? { body: {} } : {};
      expectError(await call(server.app, method, path, body), 401, 'unauthorized');
      expectError(await call(server.app, method, path, { token: 'forged-token', ...body }), 401, 'unauthorized');
    }
  });
});

describe('another participant’s attempt', () => {
  it('403 to read it, take its hints or submit it', async () => {
    expectError(await call(server.app, 'GET', `/api/attempts/${attempt.id}`, { token: stranger }), 403, 'forbidden');
    expectError(
      await call(server.app, 'POST', `/api/attempts/${attempt.id}/hints/kind`, { token: stranger }),
      403,
      'forbidden',
    );
    expectError(
      await call(server.app, 'POST', `/api/attempts/${attempt.id}/submit`, { token: stranger, body: { answers: {} } }),
      403,
      'forbidden',
    );
    const mine = await call<AttemptView>(server.app, 'GET', `/api/attempts/${attempt.id}`, { token: owner });
    expect(mine.body.status).toBe('open');
  });
});

describe('forged ids', () => {
  it('404 for an unknown attempt, hint, exercise or route', async () => {
    for (const id of ['zzzzzzzzzzzzzzzzzzzz', '..%2F..%2Fetc', "1' OR '1'='1"]) {
      const path = `/api/attempts/${encodeURIComponent(id)}`;
      expectError(await call(server.app, 'GET', path, { token: owner }), 404, 'not-found');
      expectError(
        await call(server.app, 'POST', `${path}/submit`, { token: owner, body: { answers: {} } }),
        404,
        'not-found',
      );
      expectError(await call(server.app, 'POST', `${path}/hints/kind`, { token: owner }), 404, 'not-found');
    }
    expectError(
      await call(server.app, 'POST', `/api/attempts/${attempt.id}/hints/nope`, { token: owner }),
      404,
      'unknown-hint',
    );
    expectError(
      await call(server.app, 'POST', '/api/attempts', { token: owner, body: { exerciseId: 'no-such-exercise' } }),
      404,
      'unknown-exercise',
    );
    expectError(await call(server.app, 'GET', '/api/no/such/route', { token: owner }), 404, 'not-found');
  });
});

describe('malformed bodies', () => {
  it('400 for a body that is not JSON or not the right shape, and the attempt stays open', async () => {
    const path = `/api/attempts/${attempt.id}/submit`;
    const bad: { raw?: string; body?: unknown }[] = [
      { raw: '{"answers": ' },
      { raw: 'answers=1' },
      { body: [] },
      { body: { answers: [] } },
      { body: { answers: 'all of them' } },
      { body: {} },
      { body: { answers: { 'no-such-question': 'x' } } },
      { body: { answers: { kind: 'not-an-option' } } },
      { body: { answers: { kind: ['leefloon'] } } },
      { body: { answers: { amount: 'veel' } } },
      { body: { answers: { amount: { value: 1 } } } },
      { body: { answers: { category: 3 } } },
    ];
    for (const b of bad) expectError(await call(server.app, 'POST', path, { token: owner, ...b }), 400, 'bad-request');
    const still = await call<AttemptView>(server.app, 'GET', `/api/attempts/${attempt.id}`, { token: owner });
    expect(still.body.status).toBe('open');
  });

  it('400 for a date that is no date, names the question in both languages', async () => {
    const token = await newParticipant();
    const a = (
      await call<AttemptView>(server.app, 'POST', '/api/attempts', {
        token,
        body: { exerciseId: 'esv-current-decision' },
      })
    ).body;
    const r = await call(server.app, 'POST', `/api/attempts/${a.id}/submit`, {
      token,
      body: { answers: { since: '31/02/2024' } },
    });
    expectError(r, 400, 'bad-request');
    expect((r.body as ApiError).error.message.nl).toContain('"since"');
    expect((r.body as ApiError).error.message.fr).toContain('« since »');
  });

  it('400 for a bad participant or attempt request', async () => {
    expectError(await call(server.app, 'POST', '/api/participants', { body: { pseudonym: 42 } }), 400, 'bad-request');
    expectError(
      await call(server.app, 'POST', '/api/participants', { body: { pseudonym: 'x'.repeat(41) } }),
      400,
      'bad-request',
    );
    expectError(await call(server.app, 'POST', '/api/participants', { raw: '{' }), 400, 'bad-request');
    expectError(await call(server.app, 'POST', '/api/attempts', { token: owner, body: {} }), 400, 'bad-request');
    expectError(
      await call(server.app, 'POST', '/api/attempts', { token: owner, body: { exerciseId: 7 } }),
      400,
      'bad-request',
    );
  });
});

describe('submitting twice', () => {
  it('409 the second time; the first submission stands', async () => {
    const token = await newParticipant();
    const a = (
      await call<AttemptView>(server.app, 'POST', '/api/attempts', {
        token,
        body: { exerciseId: 'esv-equivalent-leefloon' },
      })
    ).body;
    const path = `/api/attempts/${a.id}/submit`;
    const first = await call<{ points: number; max: number }>(server.app, 'POST', path, {
      token,
      body: { answers: { kind: 'equivalent-leefloon' } },
    });
    expect(first.status).toBe(200);
    expect(first.body.points).toBe(3);
    const second = await call(server.app, 'POST', path, { token, body: { answers: { kind: 'leefloon', code: '3' } } });
    expectError(second, 409, 'already-submitted');
    const third = await call(server.app, 'POST', path, { token, raw: 'not json' });
    expectError(third, 409, 'already-submitted');
    const stored = await call<AttemptView>(server.app, 'GET', `/api/attempts/${a.id}`, { token });
    expect(stored.body.result).toEqual(first.body);
    expect(server.training.attempts.get(a.id)?.answers).toEqual({ kind: 'equivalent-leefloon' });
    // A hint taken after submission changes nothing.
    await call(server.app, 'POST', `/api/attempts/${a.id}/hints/kind`, { token });
    expect((await call<AttemptView>(server.app, 'GET', `/api/attempts/${a.id}`, { token })).body.result).toEqual(
      first.body,
    );
  });
});

describe('a server restart', () => {
  it('keeps participants, their tokens, attempts, hints and workspaces (both stores on disk)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ksz-training-'));
    const files = { ksz: join(dir, 'ksz.sqlite'), training: join(dir, 'training.sqlite') };
    const before = await trainingServer(files);
    const token = (
      await call<{ token: string }>(before.app, 'POST', '/api/participants', { body: { pseudonym: 'Blijft' } })
    ).body.token;
    const a = (
      await call<AttemptView>(before.app, 'POST', '/api/attempts', { token, body: { exerciseId: 'esv-two-ocmws' } })
    ).body;
    await call(before.app, 'POST', `/api/attempts/${a.id}/hints/per-ocmw`, { token });
    before.store.close();
    before.training.close();

    const after = await trainingServer(files);
    const me = await call<{ pseudonym: string; attempts: { id: string; status: string }[] }>(
      after.app,
      'GET',
      '/api/participants/me',
      {
        token,
      },
    );
    expect(me.status).toBe(200);
    expect(me.body.pseudonym).toBe('Blijft');
    expect(me.body.attempts).toEqual([{ id: a.id, exerciseId: 'esv-two-ocmws', status: 'open' }]);
    const same = await call<AttemptView>(after.app, 'GET', `/api/attempts/${a.id}`, { token });
    expect(same.body).toEqual(a);
    const r = await call<{ points: number; max: number }>(after.app, 'POST', `/api/attempts/${a.id}/submit`, {
      token,
      body: { answers: { count: '2', action: 'contact-both' } },
    });
    expect(r.status).toBe(200);
    // count (1) + action (2), minus the hint taken before the restart (1).
    expect(r.body).toEqual(expect.objectContaining({ points: 2, max: 8 }));
    after.store.close();
    after.training.close();
  });
});
