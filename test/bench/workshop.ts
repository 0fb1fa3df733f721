import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadExercises } from '../../mock-server/src/training/catalogue.ts';
import type { AnswerValue, Exercise } from '../../mock-server/src/training/types.ts';
import { createRng } from '../../scenarios/engine/rng.ts';
import { parseCsv } from '../support/csv.ts';
import { startRealServer } from '../support/spawn.ts';

/**
 * The room benchmark: one real server, a workshop, PARTICIPANTS participants who join and open an exercise each,
 * then all submit at the same moment. Reports the submission latencies against a baseline measured in the same
 * run (the same participants reading `GET /api/participants/me` at the same moment), and checks that no answer was
 * lost or duplicated: the CSV export holds exactly one row per submission, with the answers sent; a second burst of
 * the same submissions is refused (409) for every one of them. Then the realistic case: everyone submits their next
 * exercise within the same five seconds (seeded moments).
 */
const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 200);
const PASSWORD = 'bench-trainer-password';
const SPREAD_MS = 5000;

type Log = (line: string) => void;

interface Joined {
  token: string;
  exercise: Exercise;
  attemptId: string;
  answers: Record<string, AnswerValue>;
}

/** Answers of the right shape (not the right answers: scoring runs every check either way). */
function someAnswers(x: Exercise, i: number): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {};
  for (const q of x.questions) {
    if (q.kind === 'choice') out[q.id] = q.options?.[i % (q.options?.length ?? 1)]?.value ?? '';
    else if (q.kind === 'multi') out[q.id] = (q.options ?? []).filter((_, k) => (i + k) % 2 === 0).map((o) => o.value);
    else if (q.kind === 'amount') out[q.id] = 1000 + i;
    else if (q.kind === 'date') out[q.id] = '2025-01-01';
    else out[q.id] = `antwoord ${i}`;
  }
  return out;
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;

function figures(ms: number[]): { p50: number; p95: number; p99: number; max: number } {
  const s = [...ms].sort((a, b) => a - b);
  return { p50: quantile(s, 0.5), p95: quantile(s, 0.95), p99: quantile(s, 0.99), max: s.at(-1) ?? 0 };
}

const fmt = (f: ReturnType<typeof figures>) =>
  `p50 ${f.p50.toFixed(1)} ms, p95 ${f.p95.toFixed(1)} ms, p99 ${f.p99.toFixed(1)} ms, max ${f.max.toFixed(1)} ms`;

export async function benchWorkshop(log: Log): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ksz-bench-workshop-'));
  // BENCH_URL: a server started by hand (e.g. under `node --cpu-prof`) with TRAINER_PASSWORD=bench-trainer-password.
  const external = process.env.BENCH_URL;
  const server = external
    ? { base: external.replace(/\/$/, ''), kill: async (_signal?: string) => {} }
    : await startRealServer({
        DATA_DIR: dataDir,
        TRAINER_PASSWORD: PASSWORD,
        KSZ_ADMIN_TOKEN: 'bench-admin-token-0123',
      });
  const trainer = { Authorization: `Bearer ${PASSWORD}`, 'Content-Type': 'application/json' };
  try {
    const exercises = loadExercises();
    const picked = ['infosec', 'esv', 'knipperlichten'].map((f) => {
      const x = exercises.find((e) => e.family === f);
      if (!x) throw new Error(`no ${f} exercise`);
      return x;
    });
    const created = await fetch(`${server.base}/api/workshops`, {
      method: 'POST',
      headers: trainer,
      body: JSON.stringify({ title: 'Benchmark', exercises: picked.map((x) => x.id) }),
    });
    if (created.status !== 201) throw new Error(`create workshop: ${created.status} ${await created.text()}`);
    const workshop = (await created.json()) as { id: string; code: string };
    await fetch(`${server.base}/api/workshops/${workshop.id}/start`, { method: 'POST', headers: trainer });

    const open = async (token: string, i: number, round: number): Promise<Joined> => {
      const exercise = picked[(i + round) % picked.length] as Exercise;
      const a = await fetch(`${server.base}/api/attempts`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ exerciseId: exercise.id }),
      });
      if (a.status !== 201) throw new Error(`attempt ${i}: ${a.status} ${await a.text()}`);
      const { id } = (await a.json()) as { id: string };
      return { token, exercise, attemptId: id, answers: someAnswers(exercise, i + round) };
    };

    // The room fills: joins and first exercises, ten at a time (not measured: each opens a world of its own).
    const setupStart = performance.now();
    const joined: Joined[] = [];
    for (let from = 0; from < PARTICIPANTS; from += 10) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(10, PARTICIPANTS - from) }, async (_, k) => {
          const i = from + k;
          const j = await fetch(`${server.base}/api/join`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ code: workshop.code, pseudonym: `deelnemer ${i + 1}` }),
          });
          if (j.status !== 201) throw new Error(`join ${i}: ${j.status} ${await j.text()}`);
          const { token } = (await j.json()) as { token: string };
          return open(token, i, 0);
        }),
      );
      joined.push(...batch);
    }
    log(
      `workshop: ${PARTICIPANTS} participants joined and opened an exercise in ${((performance.now() - setupStart) / 1000).toFixed(1)} s (not measured below)`,
    );

    // The burst goes out through node:http with a connection per participant (as 200 browsers would have), not
    // through fetch: its own per-request cost in this one client process would be measured too.
    const agent = new Agent({ keepAlive: true, maxSockets: PARTICIPANTS });
    const url = new URL(server.base);
    const send = (method: string, path: string, token: string, body?: string) =>
      new Promise<number>((resolve, reject) => {
        const headers: Record<string, string | number> = { Authorization: `Bearer ${token}` };
        if (body)
          Object.assign(headers, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
        const req = request({ agent, host: url.hostname, port: url.port, method, path, headers }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
          res.on('error', reject);
        });
        req.on('error', reject);
        req.end(body);
      });
    const burst = (one: (p: Joined) => Promise<number>, who: Joined[] = joined) =>
      Promise.all(
        who.map(async (p) => {
          const t0 = performance.now();
          const status = await one(p);
          return { status, ms: performance.now() - t0 };
        }),
      );
    const bodies = new Map<Joined, string>();
    const bodyOf = (p: Joined) => bodies.get(p) ?? bodies.set(p, JSON.stringify({ answers: p.answers })).get(p);
    const me = (p: Joined) => send('GET', '/api/participants/me', p.token);
    const submit = (p: Joined) => send('POST', `/api/attempts/${p.attemptId}/submit`, p.token, bodyOf(p));

    await burst(me); // warm-up: connections open, code paths compiled
    await burst(me);
    const baseline = figures((await burst(me)).map((r) => r.ms));
    const submitted = await burst(submit);
    const sub = figures(submitted.map((r) => r.ms));
    const ok = submitted.filter((r) => r.status === 200).length;
    const again = await burst(submit);
    const refused = again.filter((r) => r.status === 409).length;

    // The same room, each submitting their next exercise within the same SPREAD_MS (seeded moments): "hand in now".
    const second: Joined[] = [];
    for (let from = 0; from < PARTICIPANTS; from += 10)
      second.push(...(await Promise.all(joined.slice(from, from + 10).map((p, k) => open(p.token, from + k, 1)))));
    const rng = createRng('workshop-bench');
    const spread = await Promise.all(
      second.map(async (p) => {
        await new Promise((resolve) => setTimeout(resolve, rng.next() * SPREAD_MS));
        const t0 = performance.now();
        const status = await submit(p);
        return { status, ms: performance.now() - t0 };
      }),
    );
    const spreadFigures = figures(spread.map((r) => r.ms));
    const spreadOk = spread.filter((r) => r.status === 200).length;
    const everyone = [...joined, ...second];

    const csvRes = await fetch(`${server.base}/api/workshops/${workshop.id}/results.csv`, { headers: trainer });
    const rows = parseCsv((await csvRes.text()).replace(/^\uFEFF/, ''));
    const header = rows[0] ?? [];
    const col = (name: string) => header.indexOf(name);
    const data = rows.slice(1).filter((r) => r.length > 1);
    const byAttempt = new Map(data.map((r) => [r[col('attempt_id')] as string, r]));
    const matching = everyone.filter((p) => {
      const r = byAttempt.get(p.attemptId);
      return r && JSON.stringify(JSON.parse(r[col('answers')] as string)) === JSON.stringify(p.answers);
    }).length;

    log(`workshop baseline: ${PARTICIPANTS} concurrent GET /api/participants/me: ${fmt(baseline)}`);
    log(
      `workshop submit: ${PARTICIPANTS} concurrent submissions: ${ok} answered 200; ${fmt(sub)}; p99 ${(sub.p99 / Math.max(baseline.p99, 0.001)).toFixed(2)} × baseline p99 (goal p99 ≤ 100 ms: ${sub.p99 <= 100 ? 'met' : 'NOT met'})`,
    );
    log(
      `workshop submit, spread: ${PARTICIPANTS} submissions within ${SPREAD_MS / 1000} s: ${spreadOk} answered 200; ${fmt(spreadFigures)}`,
    );
    const total = everyone.length;
    const intact = data.length === total && byAttempt.size === total && matching === total && refused === PARTICIPANTS;
    log(
      `workshop integrity: CSV rows ${data.length}/${total}, distinct attempts ${byAttempt.size}, rows equal to what was sent ${matching}/${total}; the burst again: ${refused}/${PARTICIPANTS} refused (409) → ${intact ? 'no answer lost or duplicated' : 'LOST OR DUPLICATED ANSWERS'}`,
    );
  } finally {
    await server.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}
