import { beforeAll, describe, expect, it } from 'vitest';
import {
  asTrainer,
  call,
  errorCode,
  type JoinedReply,
  joinAs,
  newWorkshop,
  TestClock,
  type TrainingServer,
  trainingServer,
  type WorkshopReply,
} from '../support/training.ts';

/** Joining with the code, pseudonyms, rejoin codes and the limit on wrong codes. */
let server: TrainingServer;
let w: WorkshopReply;
const clock = new TestClock();
const EXERCISE = 'esv-equivalent-leefloon';

beforeAll(async () => {
  server = await trainingServer({ now: clock.now });
  w = await newWorkshop(server.app, [EXERCISE]);
});

const join = (body: unknown, headers: Record<string, string> = {}) =>
  server.app.request('/api/join', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('POST /api/join with a pseudonym', () => {
  it('201: a token, a rejoin code, the participant and the workshop; the code is read loosely', async () => {
    const loose = `${w.code.slice(0, 3).toLowerCase()} -${w.code.slice(3)}`;
    const r = await call<JoinedReply>(server.app, 'POST', '/api/join', { body: { code: loose, pseudonym: ' Élise ' } });
    expect(r.status).toBe(201);
    expect(r.body.rejoinCode).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{4}-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{4}$/);
    expect(r.body.participant.pseudonym).toBe('Élise');
    expect(r.body.workshop).toEqual({
      id: w.id,
      code: w.code,
      title: 'Workshop',
      language: 'nl',
      status: 'lobby',
      startedAt: null,
      endsAt: null,
      endedBy: null,
      serverNow: clock.now().toISOString(),
      revealed: false,
      exercises: [expect.objectContaining({ id: EXERCISE })],
    });
    const me = await call<{ workshop: unknown; attempts: unknown[] }>(server.app, 'GET', '/api/participants/me', {
      token: r.body.token,
    });
    expect(me.body.workshop).toEqual(r.body.workshop);
    // The console counts them.
    expect((await asTrainer<WorkshopReply[]>(server.app, 'GET', '/api/workshops')).body[0]!.participantCount).toBe(1);
  });

  it('409 pseudonym-taken regardless of case, accents and spacing', async () => {
    await joinAs(server.app, w.code, 'Tafel  Één');
    for (const same of ['tafel een', 'TAFEL EEN', '  Tafel   Een ', 'tafel één']) {
      const r = await call(server.app, 'POST', '/api/join', { body: { code: w.code, pseudonym: same } });
      expect([r.status, errorCode(r)], same).toEqual([409, 'pseudonym-taken']);
    }
    // Another workshop may use it.
    const other = await newWorkshop(server.app, [EXERCISE]);
    expect((await joinAs(server.app, other.code, 'tafel een')).participant.pseudonym).toBe('tafel een');
  });

  it('400 for a bad body, 404 unknown-code for a code that is no workshop’s', async () => {
    for (const body of [
      {},
      { code: 7, pseudonym: 'x' },
      { code: w.code },
      { code: w.code, pseudonym: 'x'.repeat(41) },
      // Unreadable on the projector: control characters, a bidi override, invisible characters only.
      { code: w.code, pseudonym: 'a\u0000b' },
      { code: w.code, pseudonym: 'twee\nregels' },
      { code: w.code, pseudonym: 'Anna\u202e' },
      { code: w.code, pseudonym: '\u200b\u200b' },
      { code: w.code, pseudonym: '---' },
    ]) {
      const r = await call(server.app, 'POST', '/api/join', { body });
      expect([r.status, errorCode(r)], JSON.stringify(body)).toEqual([400, 'bad-request']);
    }
    for (const code of ['ZZZZZZ', 'abc', '']) {
      const r = await call(server.app, 'POST', '/api/join', { body: { code, pseudonym: 'x' } });
      expect([r.status, errorCode(r)], code).toEqual([404, 'unknown-code']);
    }
  });

  it('410 workshop-ended for an ended workshop', async () => {
    const ended = await newWorkshop(server.app, [EXERCISE]);
    await asTrainer(server.app, 'POST', `/api/workshops/${ended.id}/end`);
    const r = await call(server.app, 'POST', '/api/join', { body: { code: ended.code, pseudonym: 'Laat' } });
    expect([r.status, errorCode(r)]).toEqual([410, 'workshop-ended']);
  });
});

describe('rejoining', () => {
  it('the rejoin code gives the same participant a new token; the old token stops working', async () => {
    const first = await joinAs(server.app, w.code, 'Terug');
    clock.advance(2);
    const typed = first.rejoinCode.toLowerCase().replace('-', ' ');
    const r = await call<JoinedReply>(server.app, 'POST', '/api/join', { body: { code: w.code, rejoinCode: typed } });
    expect(r.status).toBe(200);
    expect(r.body.participant).toEqual(first.participant);
    expect(r.body.rejoinCode).toBe(first.rejoinCode);
    expect(r.body.token).not.toBe(first.token);
    expect((await call(server.app, 'GET', '/api/participants/me', { token: first.token })).status).toBe(401);
    expect((await call(server.app, 'GET', '/api/participants/me', { token: r.body.token })).status).toBe(200);
    const board = await asTrainer<{ participants: { id: string; lastAction: { kind: string; at: string } }[] }>(
      server.app,
      'GET',
      `/api/workshops/${w.id}`,
    );
    const me = board.body.participants.find((p) => p.id === first.participant.id)!;
    expect(me.lastAction).toEqual({ kind: 'rejoined', at: clock.now().toISOString() });
  });

  it('works after the end; 404 unknown-rejoin-code for a wrong one or another workshop’s', async () => {
    const room = await newWorkshop(server.app, [EXERCISE]);
    const p = await joinAs(server.app, room.code, 'Later');
    const elsewhere = await joinAs(server.app, w.code, 'Elders');
    await asTrainer(server.app, 'POST', `/api/workshops/${room.id}/end`);
    const ok = await call(server.app, 'POST', '/api/join', { body: { code: room.code, rejoinCode: p.rejoinCode } });
    expect(ok.status).toBe(200);
    for (const rejoinCode of ['AAAA-AAAA', elsewhere.rejoinCode, 'short']) {
      const r = await call(server.app, 'POST', '/api/join', { body: { code: room.code, rejoinCode } });
      expect([r.status, errorCode(r)]).toEqual([404, 'unknown-rejoin-code']);
    }
    expect(errorCode(await call(server.app, 'POST', '/api/join', { body: { code: room.code, rejoinCode: 5 } }))).toBe(
      'bad-request',
    );
  });

  it('a rejoin code issued by the trainer replaces the old one', async () => {
    const p = await joinAs(server.app, w.code, 'Vergeten');
    const path = `/api/workshops/${w.id}/participants/${p.participant.id}/rejoin-code`;
    const issued = await asTrainer<{ rejoinCode: string }>(server.app, 'POST', path);
    expect(issued.status).toBe(200);
    expect(issued.body.rejoinCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const old = await call(server.app, 'POST', '/api/join', { body: { code: w.code, rejoinCode: p.rejoinCode } });
    expect(errorCode(old)).toBe('unknown-rejoin-code');
    const r = await call<JoinedReply>(server.app, 'POST', '/api/join', {
      body: { code: w.code, rejoinCode: issued.body.rejoinCode },
    });
    expect(r.body.participant.id).toBe(p.participant.id);
    const stranger = await asTrainer(server.app, 'POST', `/api/workshops/${w.id}/participants/nobody/rejoin-code`);
    expect([stranger.status, errorCode(stranger)]).toEqual([404, 'unknown-participant']);
  });
});

describe('wrong codes', () => {
  it('429 too-many-tries after 20 wrong codes from one address in a minute; others are not affected', async () => {
    const guesser = { 'X-Forwarded-For': '10.0.0.66, 10.0.0.1' };
    for (let i = 0; i < 10; i++) expect((await join({ code: 'ZZZZZZ', pseudonym: 'x' }, guesser)).status).toBe(404);
    for (let i = 0; i < 10; i++)
      expect((await join({ code: w.code, rejoinCode: 'AAAA-AAAA' }, guesser)).status).toBe(404);
    const blocked = await join({ code: w.code, pseudonym: 'Raden' }, guesser);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(((await blocked.json()) as { error: { code: string } }).error.code).toBe('too-many-tries');
    expect((await join({ code: w.code, pseudonym: 'Buur' }, { 'X-Forwarded-For': '10.0.0.67' })).status).toBe(201);
    clock.advance(1.01);
    expect((await join({ code: w.code, pseudonym: 'Raden' }, guesser)).status).toBe(201);
  });
});
