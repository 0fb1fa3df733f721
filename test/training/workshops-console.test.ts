import { describe, expect, it } from 'vitest';
import {
  type AttemptView,
  asTrainer,
  call,
  type JoinedReply,
  joinAs,
  newWorkshop,
  TestClock,
  trainingServer,
} from '../support/training.ts';

/**
 * The trainer's console computed from what was stored: progress, points, the spread of the scores, how each check
 * went, the leaderboard with shared ranks, the last action (a request in the workspace counts) and who is stuck.
 */
const A = 'esv-equivalent-leefloon';
const B = 'infosec-colleague-neighbour';
const T0 = new Date('2025-06-30T09:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000).toISOString();

interface ConsoleReply {
  serverNow: string;
  stuckMinutes: number;
  participants: {
    id: string;
    pseudonym: string;
    alias: string;
    currentExercise: string | null;
    done: number;
    points: number;
    max: number;
    lastAction: { kind: string; at: string; exerciseId?: string };
    idleMinutes: number;
    stuck: boolean;
    exercises: Record<string, { attemptId: string; status: string; points?: number; max?: number; hints: number }>;
  }[];
  exercises: {
    id: string;
    submitted: number;
    open: number;
    meanPercent: number | null;
    buckets: number[];
    checks: { id: string; passed: number; failed: number; explanation: { nl: string; fr: string } }[];
  }[];
  leaderboard: {
    rank: number;
    participantId: string;
    pseudonym: string;
    alias: string;
    points: number;
    done: number;
  }[];
}

describe('the console', () => {
  it('counts, ranks, and sees who is stuck — with an injected clock', async () => {
    const clock = new TestClock(T0);
    const server = await trainingServer({ now: clock.now });
    const w = await newWorkshop(server.app, [B, A], { start: true });
    const people: JoinedReply[] = [];
    for (const name of ['Anna', 'Bert', 'Chris', 'Dirk']) people.push(await joinAs(server.app, w.code, name));
    const token = (i: number) => people[i]!.token;
    const start = async (i: number, exerciseId: string) =>
      (await call<AttemptView>(server.app, 'POST', '/api/attempts', { token: token(i), body: { exerciseId } })).body;
    const submit = (i: number, a: AttemptView, answers: Record<string, unknown>) =>
      call(server.app, 'POST', `/api/attempts/${a.id}/submit`, { token: token(i), body: { answers } });
    const board = async () => (await asTrainer<ConsoleReply>(server.app, 'GET', `/api/workshops/${w.id}`)).body;

    // 1': Anna 10/10, Bert and Chris 5/10 each at the same moment, Dirk nothing.
    clock.advance(1);
    const good = { reaction: 'refuse-report', rules: ['purpose', 'integration'] };
    expect((await submit(0, await start(0, B), good)).status).toBe(200);
    await submit(1, await start(1, B), {});
    await submit(2, await start(2, B), {});
    // 2': Anna opens A; 3': Chris opens A and takes a hint.
    clock.advance(1);
    const annaA = await start(0, A);
    clock.advance(1);
    const chrisA = await start(2, A);
    await call(server.app, 'POST', `/api/attempts/${chrisA.id}/hints/${chrisA.hints[0]!.id}`, { token: token(2) });

    let c = await board();
    expect(c.serverNow).toBe(at(3));
    expect(c.stuckMinutes).toBe(5);
    expect(c.participants.map((p) => [p.pseudonym, p.alias, p.done, p.points, p.max])).toEqual([
      ['Anna', 'Deelnemer 1', 1, 10, 10],
      ['Bert', 'Deelnemer 2', 1, 5, 10],
      ['Chris', 'Deelnemer 3', 1, 5, 10],
      ['Dirk', 'Deelnemer 4', 0, 0, 0],
    ]);
    const [anna, bert, chris, dirk] = c.participants;
    expect(anna!.currentExercise).toBe(A);
    expect(anna!.lastAction).toEqual({ kind: 'started', at: at(2), exerciseId: A });
    expect(anna!.exercises[B]).toMatchObject({ status: 'submitted', points: 10, max: 10, hints: 0 });
    expect(anna!.exercises[A]).toEqual({ attemptId: annaA.id, status: 'open', hints: 0 });
    expect(bert!.currentExercise).toBeNull();
    expect(bert!.lastAction).toEqual({ kind: 'submitted', at: at(1), exerciseId: B });
    expect(chris!.lastAction).toEqual({ kind: 'hint', at: at(3), exerciseId: A });
    expect(chris!.exercises[A]!.hints).toBe(1);
    expect(dirk!.lastAction).toEqual({ kind: 'joined', at: at(0) });
    expect(dirk!.idleMinutes).toBe(3);

    const [statsB, statsA] = c.exercises;
    expect(statsB).toMatchObject({ id: B, submitted: 3, open: 0, meanPercent: 66.7 });
    expect(statsB!.buckets).toEqual([0, 0, 0, 0, 0, 2, 0, 0, 0, 1]);
    const check = (id: string) => statsB!.checks.find((x) => x.id === id)!;
    expect([check('refused').passed, check('refused').failed]).toEqual([1, 2]);
    expect([check('nothing-at-all').passed, check('nothing-at-all').failed]).toEqual([3, 0]);
    for (const x of [...statsA!.checks, ...statsB!.checks]) expect(x.explanation.nl).not.toMatch(/\{\w+\}/);
    expect(statsA).toMatchObject({ id: A, submitted: 0, open: 2, meanPercent: null });
    expect(statsA!.buckets).toEqual(new Array(10).fill(0));

    expect(c.leaderboard.map((r) => [r.rank, r.pseudonym, r.points, r.done])).toEqual([
      [1, 'Anna', 10, 1],
      [2, 'Bert', 5, 1],
      [2, 'Chris', 5, 1],
      [4, 'Dirk', 0, 0],
    ]);
    expect(c.leaderboard[0]).toMatchObject({ participantId: anna!.id, alias: 'Deelnemer 1' });

    // 6': Anna asks the KSZ in her workspace: that is an action too.
    clock.advance(3);
    const ws = annaA.workspace;
    const ksz = await call(server.app, 'POST', `${ws.basePath}/ksz/json/esv/requestSocialReport`, {
      basic: [ws.username, ws.password],
      body: { legalContext: 'PCSA:SOCIAL_INQUIRY', ssin: annaA.subject?.insz ?? '00000000000' },
    });
    expect(ksz.status).toBeLessThan(500);

    // 8': Bert (7' idle), Chris (5') and Dirk (8') are stuck; Anna (2') is not.
    clock.advance(2);
    c = await board();
    expect(c.participants[0]!.lastAction).toEqual({ kind: 'consulted', at: at(6), exerciseId: A });
    expect(c.participants.map((p) => [p.idleMinutes, p.stuck])).toEqual([
      [2, false],
      [7, true],
      [5, true],
      [8, true],
    ]);
    // Nobody is stuck during a pause.
    await asTrainer(server.app, 'POST', `/api/workshops/${w.id}/pause`);
    c = await board();
    expect(c.participants.some((p) => p.stuck)).toBe(false);
  });
});
