import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type RunningServer, startRealServer } from '../support/spawn.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'ksz-e2e-workshop-'));
const PASSWORD = 'e2e-trainer-password';
const env = { DATA_DIR: dataDir, CLOCK: '2025-06-30', SEED: '1', TRAINER_PASSWORD: PASSWORD };
let server: RunningServer | undefined;
afterAll(async () => {
  await server?.kill();
});

async function json<T>(
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${server!.base}${path}`, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as T };
}

describe('a workshop on the real server, through kill -9', () => {
  it('keeps the workshop, its state, the participants, their tokens and every submission', async () => {
    server = await startRealServer(env);
    const w = await json<{ id: string; code: string }>('POST', '/api/workshops', PASSWORD, {
      title: 'Durability',
      exercises: ['esv-equivalent-leefloon', 'esv-two-ocmws'],
      timeBoxMinutes: 60,
    });
    expect(w.status).toBe(201);
    expect((await json('POST', `/api/workshops/${w.body.id}/start`, PASSWORD)).status).toBe(200);
    const anna = await json<{ token: string; rejoinCode: string; participant: { id: string } }>(
      'POST',
      '/api/join',
      undefined,
      {
        code: w.body.code,
        pseudonym: 'Anna',
      },
    );
    expect(anna.status).toBe(201);
    const done = await json<{ id: string }>('POST', '/api/attempts', anna.body.token, {
      exerciseId: 'esv-equivalent-leefloon',
    });
    const open = await json<{ id: string }>('POST', '/api/attempts', anna.body.token, { exerciseId: 'esv-two-ocmws' });
    const result = await json<{ points: number; max: number }>(
      'POST',
      `/api/attempts/${done.body.id}/submit`,
      anna.body.token,
      {
        answers: { kind: 'equivalent-leefloon', code: '3' },
      },
    );
    expect(result.status).toBe(200);
    expect((await json('POST', `/api/workshops/${w.body.id}/pause`, PASSWORD)).status).toBe(200);
    await server.kill('SIGKILL');

    server = await startRealServer(env);
    const view = await json<{
      workshop: { status: string; code: string };
      participants: { pseudonym: string; done: number; points: number }[];
    }>('GET', `/api/workshops/${w.body.id}`, PASSWORD);
    expect(view.body.workshop).toMatchObject({ status: 'paused', code: w.body.code });
    expect(view.body.participants).toMatchObject([{ pseudonym: 'Anna', done: 1, points: result.body.points }]);
    // The token the browser kept still works, the open attempt is still open and paused refuses it clearly.
    const me = await json<{ workshop: { status: string }; attempts: { id: string; status: string }[] }>(
      'GET',
      '/api/participants/me',
      anna.body.token,
    );
    expect(me.body.workshop.status).toBe('paused');
    expect(me.body.attempts.map((a) => [a.id, a.status])).toEqual([
      [done.body.id, 'submitted'],
      [open.body.id, 'open'],
    ]);
    const refused = await json<{ error: { code: string } }>(
      'POST',
      `/api/attempts/${open.body.id}/submit`,
      anna.body.token,
      {
        answers: { count: '2' },
      },
    );
    expect(refused).toMatchObject({ status: 409, body: { error: { code: 'workshop-paused' } } });
    expect((await json('POST', `/api/workshops/${w.body.id}/resume`, PASSWORD)).status).toBe(200);
    expect(
      (await json('POST', `/api/attempts/${open.body.id}/submit`, anna.body.token, { answers: { count: '2' } })).status,
    ).toBe(200);
    // The rejoin code works after the restart too, and the pseudonym is still taken.
    const back = await json<{ participant: { id: string } }>('POST', '/api/join', undefined, {
      code: w.body.code,
      rejoinCode: anna.body.rejoinCode,
    });
    expect(back.body.participant.id).toBe(anna.body.participant.id);
    expect((await json('POST', '/api/join', undefined, { code: w.body.code, pseudonym: 'anna' })).status).toBe(409);
    const csv = await fetch(`${server.base}/api/workshops/${w.body.id}/results.csv`, {
      headers: { Authorization: `Bearer ${PASSWORD}` },
    });
    const rows = (await csv.text()).trim().split('\r\n');
    expect(rows.length).toBe(3);
    expect(rows.slice(1).map((r) => r.split(',')[6])).toEqual([done.body.id, open.body.id]);
  }, 120_000);
});
