import { beforeAll, describe, expect, it } from 'vitest';
import { groupCommit } from '../../mock-server/src/store/group-commit.ts';
import {
  type AttemptView,
  call,
  joinAs,
  newWorkshop,
  type TrainingServer,
  trainingServer,
} from '../support/training.ts';

/** Submissions arriving together are committed together: each stored once, each told its own outcome. */
let server: TrainingServer;
const EXERCISE = 'esv-equivalent-leefloon';

beforeAll(async () => {
  server = await trainingServer();
});

describe('submissions committed in groups', () => {
  it('ten participants submitting at once, each twice: ten 200s, ten 409s, ten stored results', async () => {
    const w = await newWorkshop(server.app, [EXERCISE], { start: true });
    const room = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        const { token } = await joinAs(server.app, w.code, `deelnemer ${i}`);
        const a = await call<AttemptView>(server.app, 'POST', '/api/attempts', {
          token,
          body: { exerciseId: EXERCISE },
        });
        return { token, id: a.body.id };
      }),
    );
    const send = (p: (typeof room)[number], code: string) =>
      call(server.app, 'POST', `/api/attempts/${p.id}/submit`, { token: p.token, body: { answers: { code } } });
    const replies = await Promise.all(room.flatMap((p) => [send(p, '1'), send(p, '3')]));
    expect(replies.filter((r) => r.status === 200)).toHaveLength(10);
    expect(replies.filter((r) => r.status === 409)).toHaveLength(10);
    for (const [i, p] of room.entries()) {
      const stored = server.training.attempts.get(p.id);
      expect(stored?.status).toBe('submitted');
      // The one that was answered 200 is the one stored.
      const won = replies[2 * i]?.status === 200 ? '1' : '3';
      expect(stored?.answers).toEqual({ code: won });
    }
  });

  it('a failing batch rejects every waiting item, and the next batch works again', async () => {
    let fail = true;
    const commit = groupCommit((items: number[]) => {
      if (fail) throw new Error('disk full');
      return items.map((n) => n * 2);
    });
    const first = await Promise.allSettled([commit(1), commit(2)]);
    expect(first.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await Promise.all([commit(3), commit(4)])).toEqual([6, 8]);
  });

  it('commits a burst in batches of at most maxBatch, in order', async () => {
    const sizes: number[] = [];
    const commit = groupCommit((items: number[]) => {
      sizes.push(items.length);
      return items.map((n) => n + 1);
    }, 32);
    const out = await Promise.all(Array.from({ length: 70 }, (_, i) => commit(i)));
    expect(out).toEqual(Array.from({ length: 70 }, (_, i) => i + 1));
    expect(sizes).toEqual([32, 32, 6]);
  });
});
