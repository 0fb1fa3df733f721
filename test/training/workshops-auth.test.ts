import { beforeAll, describe, expect, it } from 'vitest';
import {
  basic,
  call,
  errorCode,
  joinAs,
  newWorkshop,
  TRAINER_PASSWORD,
  type TrainingServer,
  trainingServer,
} from '../support/training.ts';

/** The trainer's credential on every workshop route (docs/decisions/006-workshops.md, "Trainer credential"). */
let server: TrainingServer;
let workshopId: string;
let participantToken: string;

beforeAll(async () => {
  server = await trainingServer();
  const w = await newWorkshop(server.app, ['esv-equivalent-leefloon']);
  workshopId = w.id;
  participantToken = (await joinAs(server.app, w.code, 'Tafel 1')).token;
});

const get = (headers: Record<string, string>, path = '/api/workshops') => server.app.request(path, { headers });

describe('trainer routes', () => {
  it('401 trainer-unauthorized without a credential, with a challenge that does not pop up a browser dialog', async () => {
    for (const path of ['/api/workshops', `/api/workshops/${workshopId}`, `/api/workshops/${workshopId}/qr.svg`]) {
      const res = await get({}, path);
      expect(res.status).toBe(401);
      expect(res.headers.get('WWW-Authenticate')).toMatch(/^Bearer realm=/);
      const body = (await res.json()) as { error: { code: string; message: { nl: string; fr: string } } };
      expect(body.error.code).toBe('trainer-unauthorized');
      expect(body.error.message.nl).toContain('lesgever');
      expect(body.error.message.fr).toContain('formateur');
    }
    const post = await call(server.app, 'POST', '/api/workshops', { body: { title: 'x', exercises: ['a'] } });
    expect(post.status).toBe(401);
  });

  it('401 for a wrong password, as Bearer or Basic, and for a malformed header', async () => {
    expect((await get({ Authorization: 'Bearer wrong-password' })).status).toBe(401);
    expect((await get({ Authorization: `Bearer ${TRAINER_PASSWORD}x` })).status).toBe(401);
    expect((await get({ Authorization: basic('trainer', 'wrong') })).status).toBe(401);
    expect((await get({ Authorization: 'Basic !!!' })).status).toBe(401);
    expect((await get({ Authorization: TRAINER_PASSWORD })).status).toBe(401);
  });

  it('accepts the password as Bearer and as HTTP Basic with any user name', async () => {
    expect((await get({ Authorization: `Bearer ${TRAINER_PASSWORD}` })).status).toBe(200);
    expect((await get({ Authorization: `bearer ${TRAINER_PASSWORD}` })).status).toBe(200);
    expect((await get({ Authorization: basic('trainer', TRAINER_PASSWORD) })).status).toBe(200);
    expect((await get({ Authorization: basic('', TRAINER_PASSWORD) })).status).toBe(200);
  });

  it('403 trainer-only for a participant’s own token', async () => {
    const r = await call(server.app, 'GET', `/api/workshops/${workshopId}`, { token: participantToken });
    expect(r.status).toBe(403);
    expect(errorCode(r)).toBe('trainer-only');
    const standalone = await call<{ token: string }>(server.app, 'POST', '/api/participants', { body: {} });
    const s = await call(server.app, 'POST', `/api/workshops/${workshopId}/start`, { token: standalone.body.token });
    expect(errorCode(s)).toBe('trainer-only');
    // Nothing changed.
    const w = await call<{ workshop: { status: string } }>(server.app, 'GET', `/api/workshops/${workshopId}`, {
      token: TRAINER_PASSWORD,
    });
    expect(w.body.workshop.status).toBe('lobby');
  });

  it('a trainer password is not a participant token', async () => {
    const me = await call(server.app, 'GET', '/api/participants/me', { token: TRAINER_PASSWORD });
    expect(me.status).toBe(401);
  });
});

describe('a server without a trainer password', () => {
  it('answers 503 trainer-disabled on trainer routes, in both languages; joining and the rest still work', async () => {
    const bare = await trainingServer({ trainerPassword: null });
    const r = await call(bare.app, 'GET', '/api/workshops', { token: 'anything' });
    expect(r.status).toBe(503);
    expect(r.body).toEqual({
      error: {
        code: 'trainer-disabled',
        message: { nl: expect.stringContaining('TRAINER_PASSWORD'), fr: expect.stringContaining('TRAINER_PASSWORD') },
      },
    });
    expect((await call(bare.app, 'POST', '/api/join', { body: { code: 'ABCDEF', pseudonym: 'x' } })).status).toBe(404);
    expect((await call(bare.app, 'GET', '/api/exercises')).status).toBe(200);
  });
});
