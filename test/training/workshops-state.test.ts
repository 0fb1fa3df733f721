import { describe, expect, it } from 'vitest';
import {
  type AttemptView,
  asTrainer,
  call,
  errorCode,
  joinAs,
  newWorkshop,
  TestClock,
  trainingServer,
  type WorkshopReply,
} from '../support/training.ts';

/**
 * The state machine as a participant meets it: the lobby, pauses and the time box refuse starting, hints and
 * submissions with their own codes; reading keeps working; the time box's end moves with the pauses.
 */
const A = 'esv-equivalent-leefloon';
const B = 'infosec-colleague-neighbour';
const T0 = new Date('2025-06-30T09:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000).toISOString();

describe('a workshop with a 30-minute time box', () => {
  it('refuses, allows and times as the decision says, with an injected clock', async () => {
    const clock = new TestClock(T0);
    const server = await trainingServer({ now: clock.now });
    const w = await newWorkshop(server.app, [A, B], { timeBoxMinutes: 30 });
    const { token } = await joinAs(server.app, w.code, 'Klok');
    const act = (a: string) => asTrainer<WorkshopReply>(server.app, 'POST', `/api/workshops/${w.id}/${a}`);
    const start = (exerciseId: string) =>
      call<AttemptView>(server.app, 'POST', '/api/attempts', { token, body: { exerciseId } });
    const hint = (a: AttemptView, id: string) =>
      call(server.app, 'POST', `/api/attempts/${a.id}/hints/${id}`, { token });
    const submit = (a: AttemptView) =>
      call(server.app, 'POST', `/api/attempts/${a.id}/submit`, { token, body: { answers: {} } });
    const me = async () =>
      (
        await call<{ workshop: { status: string; endsAt: string | null; serverNow: string } }>(
          server.app,
          'GET',
          '/api/participants/me',
          { token },
        )
      ).body.workshop;

    // Lobby: the exercises are visible, not startable.
    expect((await me()).status).toBe('lobby');
    const early = await start(A);
    expect([early.status, errorCode(early)]).toEqual([409, 'workshop-not-started']);

    // Running: the box ends 30 minutes after the start.
    expect((await act('start')).body).toMatchObject({ status: 'running', startedAt: at(0), endsAt: at(30) });
    const a = (await start(A)).body;
    expect(a.status).toBe('open');
    expect((await hint(a, a.hints[0]!.id)).status).toBe(200);

    // Paused at 10': nothing new; the taken hint and the attempt can be read; the end moves with the pause.
    clock.advance(10);
    expect((await act('pause')).body).toMatchObject({ status: 'paused', pausedAt: at(10), endsAt: at(30) });
    expect(errorCode(await start(B))).toBe('workshop-paused');
    expect(errorCode(await hint(a, a.hints[1]?.id ?? 'none'))).toBe(a.hints[1] ? 'workshop-paused' : 'unknown-hint');
    expect((await hint(a, a.hints[0]!.id)).status).toBe(200);
    expect(errorCode(await submit(a))).toBe('workshop-paused');
    expect((await call(server.app, 'GET', `/api/attempts/${a.id}`, { token })).status).toBe(200);
    const again = await start(A);
    expect([again.status, again.body.id]).toEqual([200, a.id]);
    clock.advance(15);
    expect(await me()).toMatchObject({ status: 'paused', endsAt: at(45), serverNow: at(25) });

    // Resumed at 25': 20 minutes left.
    expect((await act('resume')).body).toMatchObject({ status: 'running', pausedAt: null, endsAt: at(45) });
    const b = (await start(B)).body;
    expect(b.status).toBe('open');

    // At 45' the time is up: ended without anything firing.
    clock.advance(20);
    expect(await me()).toMatchObject({ status: 'ended', endsAt: at(45), endedBy: 'time' });
    expect(errorCode(await submit(b))).toBe('time-up');
    expect(errorCode(await hint(b, 'x'))).toBe('unknown-hint');
    expect(
      (await asTrainer<{ workshop: WorkshopReply }>(server.app, 'GET', `/api/workshops/${w.id}`)).body.workshop,
    ).toMatchObject({ status: 'ended', endedAt: at(45) });
    expect(errorCode(await act('resume'))).toBe('bad-state');
    expect(
      errorCode(await call(server.app, 'POST', '/api/join', { body: { code: w.code, pseudonym: 'Te laat' } })),
    ).toBe('workshop-ended');

    // A longer box reopens it: 60 minutes from the start plus the 15 paused.
    const longer = await asTrainer<WorkshopReply>(server.app, 'PATCH', `/api/workshops/${w.id}`, {
      timeBoxMinutes: 60,
    });
    expect(longer.body).toMatchObject({ status: 'running', endsAt: at(75), endedAt: null });
    expect((await submit(b)).status).toBe(200);

    // Ended by the trainer: final, whatever the box says.
    expect((await act('end')).body).toMatchObject({ status: 'ended', endedAt: at(45) });
    expect(errorCode(await submit(a))).toBe('workshop-ended');
    expect(await me()).toMatchObject({ status: 'ended', endedBy: 'trainer' });
    expect(errorCode(await start(B))).toBe('exercise-done');
    expect((await start(A)).status).toBe(200);
    const still = await asTrainer<WorkshopReply>(server.app, 'PATCH', `/api/workshops/${w.id}`, {
      timeBoxMinutes: 480,
    });
    expect(still.body.status).toBe('ended');
  });

  it('without a time box a workshop runs until the trainer ends it', async () => {
    const clock = new TestClock(T0);
    const server = await trainingServer({ now: clock.now });
    const w = await newWorkshop(server.app, [A], { start: true });
    expect(w).toMatchObject({ status: 'running', endsAt: null });
    clock.advance(600);
    const { token } = await joinAs(server.app, w.code, 'Laat');
    const a = await call<AttemptView>(server.app, 'POST', '/api/attempts', { token, body: { exerciseId: A } });
    expect(a.status).toBe(201);
    const ended = await asTrainer<WorkshopReply>(server.app, 'POST', `/api/workshops/${w.id}/end`);
    expect(ended.body).toMatchObject({ status: 'ended', endedAt: at(600), endsAt: null });
    const r = await call(server.app, 'POST', `/api/attempts/${a.body.id}/submit`, { token, body: { answers: {} } });
    expect([r.status, errorCode(r)]).toEqual([409, 'workshop-ended']);
  });
});
