import type { Hono } from 'hono';
import type { FlowDef } from '../../mock-server/src/ksz/flows/define.ts';
import { createServer, type Server } from '../../mock-server/src/server.ts';
import { openSqliteStore } from '../../mock-server/src/store/sqlite.ts';
import { checkOf } from '../../mock-server/src/training/checks/index.ts';
import { flowFacts } from '../../mock-server/src/training/routes.ts';
import { computeKey, keyContext } from '../../mock-server/src/training/score.ts';
import { openTrainingStore, type TrainingStore } from '../../mock-server/src/training/store.ts';
import type { AnswerValue, Exercise, KeyValue, Variant } from '../../mock-server/src/training/types.ts';
import { instantiate, participantSeed, variantSeeds } from '../../mock-server/src/training/variant.ts';
import type { World } from '../../scenarios/engine/model.ts';
import { buildWorld } from '../../scenarios/engine/world.ts';
import { ADMIN_TOKEN, basic, TEST_NOW } from './server.ts';

export { basic };

export interface TrainingServer extends Server {
  training: TrainingStore;
}

/** The trainer's password of `trainingServer` (workshop routes: `Authorization: Bearer …` or HTTP Basic). */
export const TRAINER_PASSWORD = 'test-trainer-password';

/**
 * A server in process with in-memory stores and the training API (no `default` tenant: attempts make their own).
 * `now` is read on every request, so a test can move the clock; `trainerPassword: null` runs without one.
 */
export async function trainingServer(
  opts: {
    ksz?: string;
    training?: string;
    now?: () => Date;
    trainerPassword?: string | null;
    publicUrl?: string | null;
  } = {},
): Promise<TrainingServer> {
  const training = openTrainingStore(opts.training ?? ':memory:');
  const server = await createServer({
    store: openSqliteStore(opts.ksz ?? ':memory:'),
    adminToken: ADMIN_TOKEN,
    now: opts.now ?? (() => TEST_NOW),
    training: {
      store: training,
      trainerPassword: opts.trainerPassword === undefined ? TRAINER_PASSWORD : opts.trainerPassword,
      publicUrl: opts.publicUrl ?? null,
    },
  });
  return { ...server, training };
}

export interface Reply<T = unknown> {
  status: number;
  body: T;
  text: string;
}

/** One JSON call through the front door (`app.request`), with a bearer token or HTTP Basic when given. */
export async function call<T = Record<string, unknown>>(
  app: Hono,
  method: string,
  path: string,
  opts: { token?: string; basic?: [string, string]; body?: unknown; raw?: string } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = {};
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
  if (opts.basic) headers.Authorization = basic(opts.basic[0], opts.basic[1]);
  let body: string | undefined;
  if (opts.raw !== undefined) body = opts.raw;
  else if (opts.body !== undefined) body = JSON.stringify(opts.body);
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await app.request(path, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body: parsed as T, text };
}

export interface AttemptView {
  id: string;
  exerciseId: string;
  family: string;
  status: 'open' | 'submitted';
  brief: { nl: string; fr: string };
  hints: { id: string; cost: number }[];
  questions: { id: string; kind: string; options?: { value: string }[] }[];
  workspace: { tenant: string; basePath: string; username: string; password: string; today: string };
  subject?: { insz: string; name: string };
  result?: { points: number; max: number; checks: { id: string; passed: boolean }[] };
}

/** Every key value the checks of an exercise use for a variant, by check id (the answer key; server-side code). */
export function answerKey(exercise: Exercise, variant: Variant, world: World, server: Pick<Server, 'flows'>) {
  const ctx = keyContext(exercise, variant, { world, flows: flowFacts(server.flows) });
  const out: { check: string; question?: string; kind: string; value: KeyValue }[] = [];
  for (const c of exercise.checks) {
    const params = c.params as { question?: string; key?: string; keyParams?: Record<string, unknown> };
    if (params.key) {
      const entry = { check: c.id, kind: c.kind, value: computeKey(ctx, params.key, params.keyParams ?? {}) };
      out.push(params.question ? { ...entry, question: params.question } : entry);
    }
  }
  return out;
}

/** The right answers of a variant, derived from its checks: what a trainee who knows the case would submit. */
export function rightAnswers(
  exercise: Exercise,
  variant: Variant,
  world: World,
  server: Pick<Server, 'flows'>,
): Record<string, AnswerValue> {
  const ctx = keyContext(exercise, variant, { world, flows: flowFacts(server.flows) });
  const answers: Record<string, AnswerValue> = {};
  for (const c of exercise.checks) {
    if (!checkOf(c.kind)) throw new Error(`unknown check kind ${c.kind}`);
    const p = c.params as {
      question?: string;
      key?: string;
      keyParams?: Record<string, unknown>;
      expected?: string | number | string[];
      refuse?: string[];
    };
    if (!p.question) continue;
    const question = exercise.questions.find((q) => q.id === p.question);
    const value = p.key ? computeKey(ctx, p.key, p.keyParams ?? {}) : (p.expected ?? null);
    if (c.kind === 'answer-refusal') answers[p.question] = p.refuse?.[0] ?? '';
    else if (c.kind === 'flags-match') {
      const offered = new Set((question?.options ?? []).map((o) => o.value));
      answers[p.question] = (Array.isArray(value) ? value : []).filter((v) => offered.has(v));
    } else if (Array.isArray(value)) answers[p.question] = value[0] ?? '';
    else if (value !== null) answers[p.question] = value;
  }
  return answers;
}

/**
 * The right answers of a participant's attempt number `n` (0: the first) of an exercise, and its subject's INSZ:
 * the participant's own world rebuilt here with the server's seeds (server-side code, as the browser tests need it).
 */
export function participantAnswers(
  exercise: Exercise,
  participantId: string,
  flows: FlowDef[],
  n = 0,
): { answers: Record<string, AnswerValue>; subject: string } {
  const seeds = variantSeeds(participantSeed(participantId), exercise.id, n);
  const world = buildWorld({ preset: 'small', seed: seeds.worldSeed });
  const variant = instantiate(exercise, seeds, n, world);
  return { answers: rightAnswers(exercise, variant, world, { flows }), subject: variant.subject?.insz ?? '' };
}

/** A clock tests move by hand: pass `now` to `trainingServer`, then `advance` between requests. */
export class TestClock {
  private at: number;
  constructor(start: Date = TEST_NOW) {
    this.at = start.getTime();
  }
  readonly now = (): Date => new Date(this.at);
  advance(minutes: number): void {
    this.at += minutes * 60_000;
  }
}

export interface WorkshopReply {
  id: string;
  code: string;
  status: string;
  startedAt: string | null;
  endsAt: string | null;
  pausedAt: string | null;
  endedAt: string | null;
  revealed: boolean;
  joinUrl: string;
  participantCount: number;
  exercises: { id: string }[];
}

export interface JoinedReply {
  token: string;
  rejoinCode: string;
  participant: { id: string; pseudonym: string };
  workshop: { id: string; status: string; endsAt: string | null; serverNow: string; revealed: boolean };
}

/** A call to a trainer route with the trainer's password (`Bearer`). */
export const asTrainer = <T = Record<string, unknown>>(app: Hono, method: string, path: string, body?: unknown) =>
  call<T>(app, method, path, { token: TRAINER_PASSWORD, ...(body === undefined ? {} : { body }) });

/** A workshop of the given exercises (201 expected), optionally started. */
export async function newWorkshop(
  app: Hono,
  exercises: string[],
  opts: { start?: boolean; timeBoxMinutes?: number; title?: string; language?: 'nl' | 'fr' } = {},
): Promise<WorkshopReply> {
  const { start, ...rest } = opts;
  const r = await asTrainer<WorkshopReply>(app, 'POST', '/api/workshops', { title: 'Workshop', exercises, ...rest });
  if (r.status !== 201) throw new Error(`create workshop: ${r.status} ${r.text}`);
  if (!start) return r.body;
  const s = await asTrainer<WorkshopReply>(app, 'POST', `/api/workshops/${r.body.id}/start`);
  if (s.status !== 200) throw new Error(`start workshop: ${s.status} ${s.text}`);
  return s.body;
}

/** Joins a workshop with its code (201 expected). */
export async function joinAs(app: Hono, code: string, pseudonym: string): Promise<JoinedReply> {
  const r = await call<JoinedReply>(app, 'POST', '/api/join', { body: { code, pseudonym } });
  if (r.status !== 201) throw new Error(`join: ${r.status} ${r.text}`);
  return r.body;
}

/** `{ error: { code } }` of an answer, for short assertions. */
export const errorCode = (r: Reply) => (r.body as { error?: { code?: string } }).error?.code;
