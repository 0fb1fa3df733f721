import type { Context } from 'hono';
import type { AttemptRecord } from '../store.ts';
import type { Exercise, ScoreResult } from '../types.ts';
import { clocked } from './state.ts';
import type { WorkshopRecord } from './types.ts';

/** What the catalogue shows of an exercise (never anything of its key). */
export const exerciseSummary = (x: Exercise) => ({
  id: x.id,
  family: x.family,
  title: x.title,
  difficulty: x.difficulty,
});

/** The workshop's exercises in its order (an id no longer in the catalogue is left out rather than failing). */
const summaries = (w: WorkshopRecord, exercises: ReadonlyMap<string, Exercise>) =>
  w.exercises.flatMap((id) => {
    const x = exercises.get(id);
    return x ? [exerciseSummary(x)] : [];
  });

/** `PUBLIC_URL` when the server has one (a laptop serving a room), else the origin the request came to. */
export function baseUrl(c: Context, publicUrl: string | null | undefined): string {
  return (publicUrl ?? new URL(c.req.url).origin).replace(/\/+$/, '');
}

export const joinUrl = (base: string, code: string) => `${base}/join?code=${encodeURIComponent(code)}`;

export interface ViewContext {
  exercises: ReadonlyMap<string, Exercise>;
  now: Date;
  base: string;
  participantCount: (workshopId: string) => number;
}

/** `Workshop` of the trainer API. */
export function workshopView(w: WorkshopRecord, ctx: ViewContext) {
  const c = clocked(w, ctx.now);
  return {
    id: w.id,
    code: w.code,
    title: w.title,
    language: w.language,
    exercises: summaries(w, ctx.exercises),
    timeBoxMinutes: w.timeBoxMinutes,
    status: c.status,
    createdAt: w.createdAt,
    startedAt: w.startedAt,
    endsAt: c.endsAt,
    pausedAt: c.pausedAt,
    endedAt: c.endedAt,
    revealed: w.revealed,
    leaderboard: w.leaderboard,
    joinUrl: joinUrl(ctx.base, w.code),
    participantCount: ctx.participantCount(w.id),
  };
}

/** `ParticipantWorkshop`: what a participant sees of their workshop, with the server's clock for the countdown. */
export function participantWorkshopView(w: WorkshopRecord, exercises: ReadonlyMap<string, Exercise>, now: Date) {
  const c = clocked(w, now);
  return {
    id: w.id,
    code: w.code,
    title: w.title,
    language: w.language,
    status: c.status,
    startedAt: w.startedAt,
    endsAt: c.endsAt,
    /** Who ended it: the trainer (`end`) or the time box; null while it is not ended. */
    endedBy: c.endedBy,
    serverNow: now.toISOString(),
    revealed: w.revealed,
    exercises: summaries(w, exercises),
  };
}

/**
 * The result a participant of a workshop sees: before the trainer reveals, the points and which checks passed —
 * no explanation (it holds the expected answer) and no source; after, everything. The stored result is complete.
 */
export function shownResult(result: ScoreResult, revealed: boolean) {
  if (revealed) return { ...result, revealed: true };
  return {
    points: result.points,
    max: result.max,
    revealed: false,
    checks: result.checks.map((c) => ({ id: c.id, passed: c.passed })),
  };
}

/** The workshop's attempts of one exercise per participant: the first (in a workshop there is only one). */
export function attemptOf(attempts: readonly AttemptRecord[], exerciseId: string): AttemptRecord | undefined {
  return attempts.find((a) => a.exerciseId === exerciseId);
}
