import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type RunningServer, startRealServer } from '../support/spawn.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'ksz-e2e-training-'));
let server: RunningServer | undefined;
afterAll(async () => {
  await server?.kill();
});

async function json<T>(
  base: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  expect(res.headers.get('X-Synthetic-Data')).toBe('true');
  return { status: res.status, body: (await res.json()) as T };
}

describe('the training API on the real server', () => {
  it('keeps what it acknowledged (participant, attempt, hint, submission) through kill -9', async () => {
    server = await startRealServer({ DATA_DIR: dataDir, CLOCK: '2025-06-30', SEED: '1' });
    const base = server.base;
    expect(server.output()).toContain('/api/exercises');
    const p = await json<{ token: string; participant: { id: string } }>(base, 'POST', '/api/participants', undefined, {
      pseudonym: 'e2e',
    });
    expect(p.status).toBe(201);
    const token = p.body.token;
    const open = await json<{ id: string }>(base, 'POST', '/api/attempts', token, { exerciseId: 'esv-two-ocmws' });
    expect(open.status).toBe(201);
    const done = await json<{ id: string }>(base, 'POST', '/api/attempts', token, {
      exerciseId: 'esv-equivalent-leefloon',
    });
    expect((await json(base, 'POST', `/api/attempts/${open.body.id}/hints/per-ocmw`, token)).status).toBe(200);
    const result = await json<{ points: number; max: number }>(
      base,
      'POST',
      `/api/attempts/${done.body.id}/submit`,
      token,
      {
        answers: { kind: 'equivalent-leefloon', code: '3' },
      },
    );
    expect(result.status).toBe(200);
    expect(existsSync(join(dataDir, 'training.sqlite'))).toBe(true);
    await server.kill('SIGKILL');

    server = await startRealServer({ DATA_DIR: dataDir, CLOCK: '2025-06-30', SEED: '1' });
    const me = await json<{ attempts: { id: string; status: string; points?: number }[] }>(
      server.base,
      'GET',
      '/api/participants/me',
      token,
    );
    expect(me.status).toBe(200);
    expect(me.body.attempts).toEqual([
      { id: open.body.id, exerciseId: 'esv-two-ocmws', status: 'open' },
      {
        id: done.body.id,
        exerciseId: 'esv-equivalent-leefloon',
        status: 'submitted',
        points: result.body.points,
        max: result.body.max,
      },
    ]);
    const again = await json<{ error: { code: string } }>(
      server.base,
      'POST',
      `/api/attempts/${done.body.id}/submit`,
      token,
      {
        answers: {},
      },
    );
    expect(again.status).toBe(409);
    // The open attempt's workspace (a tenant of the KSZ store) came back too, with its hint.
    const attempt = await json<{ workspace: { basePath: string; username: string; password: string } }>(
      server.base,
      'GET',
      `/api/attempts/${open.body.id}`,
      token,
    );
    const ws = attempt.body.workspace;
    const flows = await fetch(`${server.base}${ws.basePath}/ksz/json/manage-access/manageAccess`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${Buffer.from(`${ws.username}:${ws.password}`).toString('base64')}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ ssin: '00000000000', action: 'LIST', period: { startDate: '2025-01-01' } }),
    });
    expect(flows.status).toBe(200);
    const submitted = await json<{ points: number; max: number }>(
      server.base,
      'POST',
      `/api/attempts/${open.body.id}/submit`,
      token,
      {
        answers: { count: '2' },
      },
    );
    expect(submitted.body).toMatchObject({ points: 0, max: 8 });
  });
});
