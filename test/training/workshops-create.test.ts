import { beforeAll, describe, expect, it } from 'vitest';
import { loadExercises } from '../../mock-server/src/training/catalogue.ts';
import {
  asTrainer,
  call,
  errorCode,
  newWorkshop,
  TestClock,
  TRAINER_PASSWORD,
  type TrainingServer,
  trainingServer,
  type WorkshopReply,
} from '../support/training.ts';

/** Creating, listing and changing workshops; the join URL and its QR code. */
let server: TrainingServer;
const clock = new TestClock();
const ids = loadExercises().map((x) => x.id);
type ApiError = { error: { code: string; message: { nl: string; fr: string } } };

beforeAll(async () => {
  server = await trainingServer({ now: clock.now });
});

const create = (body: unknown) => asTrainer<WorkshopReply>(server.app, 'POST', '/api/workshops', body);

describe('POST /api/workshops', () => {
  it('creates a workshop in the lobby with a six-character code and the defaults', async () => {
    const r = await create({ title: '  Sessie Gent  ', exercises: [ids[1], ids[0]] });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      title: 'Sessie Gent',
      language: 'nl',
      timeBoxMinutes: null,
      status: 'lobby',
      startedAt: null,
      endsAt: null,
      pausedAt: null,
      endedAt: null,
      revealed: false,
      leaderboard: 'named',
      participantCount: 0,
      createdAt: clock.now().toISOString(),
    });
    expect(r.body.code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
    expect(r.body.exercises.map((x) => x.id)).toEqual([ids[1], ids[0]]);
    expect(Object.keys(r.body.exercises[0]!).sort()).toEqual(['difficulty', 'family', 'id', 'title']);
    expect(r.body.joinUrl).toBe(`http://localhost/join?code=${r.body.code}`);
  });

  it('400 with a specific message for every kind of bad body', async () => {
    const bad: [unknown, string][] = [
      [{ exercises: [ids[0]] }, 'title'],
      [{ title: '', exercises: [ids[0]] }, 'title'],
      [{ title: 'x'.repeat(81), exercises: [ids[0]] }, 'title'],
      [{ title: 7, exercises: [ids[0]] }, 'title'],
      [{ title: 'x', exercises: [] }, 'exercises'],
      [{ title: 'x', exercises: ids[0] }, 'exercises'],
      [{ title: 'x', exercises: [...ids, ...ids].slice(0, 25) }, 'exercises'],
      [{ title: 'x', exercises: [ids[0], ids[0]] }, ids[0]!],
      [{ title: 'x', exercises: [ids[0], 'no-such-exercise'] }, 'no-such-exercise'],
      [{ title: 'x', exercises: [ids[0]], language: 'en' }, 'language'],
      [{ title: 'x', exercises: [ids[0]], timeBoxMinutes: 4 }, 'timeBoxMinutes'],
      [{ title: 'x', exercises: [ids[0]], timeBoxMinutes: 481 }, 'timeBoxMinutes'],
      [{ title: 'x', exercises: [ids[0]], timeBoxMinutes: 30.5 }, 'timeBoxMinutes'],
      [{ title: 'x', exercises: [ids[0]], timeBoxMinutes: '30' }, 'timeBoxMinutes'],
      [{ title: 'x', exercises: [ids[0]], leaderboard: 'public' }, 'leaderboard'],
      [{ title: 'x', exercises: [ids[0]], timebox: 30 }, 'timebox'],
      [[1, 2], 'JSON'],
    ];
    for (const [body, mention] of bad) {
      const r = await create(body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      const e = r.body as unknown as ApiError;
      expect(e.error.code).toBe('bad-request');
      expect(e.error.message.nl, JSON.stringify(body)).toContain(mention);
      expect(e.error.message.fr.length).toBeGreaterThan(10);
    }
    const raw = await call(server.app, 'POST', '/api/workshops', { token: TRAINER_PASSWORD, raw: '{"title":' });
    expect(raw.status).toBe(400);
    expect((raw.body as ApiError).error.message.nl).toContain('JSON');
  });

  it('accepts French, a time box, a leaderboard mode; lists newest first', async () => {
    const r = await create({ title: 'Atelier', exercises: ids.slice(0, 24), language: 'fr', timeBoxMinutes: 480 });
    expect(r.status).toBe(201);
    clock.advance(1);
    const newer = await newWorkshop(server.app, [ids[2]!], { timeBoxMinutes: 5 });
    const list = await asTrainer<WorkshopReply[]>(server.app, 'GET', '/api/workshops');
    expect(list.body[0]!.id).toBe(newer.id);
    expect(list.body[1]).toMatchObject({ id: r.body.id, language: 'fr', timeBoxMinutes: 480 });
    expect(new Set(list.body.map((w) => w.code)).size).toBe(list.body.length);
  });
});

describe('PATCH and the state machine', () => {
  it('changes title, leaderboard and time box; rejects other fields', async () => {
    const w = await newWorkshop(server.app, [ids[0]!]);
    const path = `/api/workshops/${w.id}`;
    const r = await asTrainer(server.app, 'PATCH', path, {
      title: 'Nieuw',
      leaderboard: 'anonymous',
      timeBoxMinutes: 60,
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ title: 'Nieuw', leaderboard: 'anonymous', timeBoxMinutes: 60, code: w.code });
    expect((await asTrainer(server.app, 'PATCH', path, { timeBoxMinutes: null })).body.timeBoxMinutes).toBeNull();
    expect(errorCode(await asTrainer(server.app, 'PATCH', path, { language: 'fr' }))).toBe('bad-request');
    expect(errorCode(await asTrainer(server.app, 'PATCH', path, { title: ' ' }))).toBe('bad-request');
  });

  it('409 bad-state for a transition the state does not allow; 404 unknown-workshop for an unknown id', async () => {
    const w = await newWorkshop(server.app, [ids[0]!]);
    const act = (a: string) => asTrainer<WorkshopReply>(server.app, 'POST', `/api/workshops/${w.id}/${a}`);
    expect(errorCode(await act('pause'))).toBe('bad-state');
    expect(errorCode(await act('resume'))).toBe('bad-state');
    expect((await act('start')).body.status).toBe('running');
    expect(errorCode(await act('start'))).toBe('bad-state');
    expect(errorCode(await act('resume'))).toBe('bad-state');
    expect((await act('pause')).body.status).toBe('paused');
    expect(errorCode(await act('pause'))).toBe('bad-state');
    expect((await act('end')).body).toMatchObject({ status: 'ended', endedAt: clock.now().toISOString() });
    for (const a of ['start', 'pause', 'resume', 'end']) expect((await act(a)).status).toBe(409);
    for (const [method, path] of [
      ['GET', '/api/workshops/nope'],
      ['PATCH', '/api/workshops/nope'],
      ['POST', '/api/workshops/nope/start'],
      ['POST', '/api/workshops/nope/reveal'],
      ['GET', '/api/workshops/nope/results.csv'],
      ['GET', '/api/workshops/nope/report'],
      ['GET', '/api/workshops/nope/qr.svg'],
      ['POST', '/api/workshops/nope/participants/x/rejoin-code'],
    ] as const) {
      const r = await asTrainer(server.app, method, path, method === 'GET' ? undefined : {});
      expect([r.status, errorCode(r)], path).toEqual([404, 'unknown-workshop']);
    }
  });

  it('reveal sets and clears the flag; a bad body is 400', async () => {
    const w = await newWorkshop(server.app, [ids[0]!]);
    const path = `/api/workshops/${w.id}/reveal`;
    expect((await asTrainer(server.app, 'POST', path)).body.revealed).toBe(true);
    expect((await asTrainer(server.app, 'POST', path, { revealed: false })).body.revealed).toBe(false);
    expect(errorCode(await asTrainer(server.app, 'POST', path, { revealed: 'yes' }))).toBe('bad-request');
  });
});

describe('join URL and QR code', () => {
  it('uses PUBLIC_URL when set, and the QR code is an SVG', async () => {
    const room = await trainingServer({ publicUrl: 'http://192.168.1.20:8080' });
    const w = await newWorkshop(room.app, [ids[0]!]);
    expect(w.joinUrl).toBe(`http://192.168.1.20:8080/join?code=${w.code}`);
    const res = await room.app.request(`/api/workshops/${w.id}/qr.svg`, {
      headers: { Authorization: `Bearer ${TRAINER_PASSWORD}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^image\/svg\+xml/);
    const svg = await res.text();
    expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('<path');
    expect(svg).not.toMatch(/<script|on\w+=/i);
  });
});
