import type { AttemptRecord } from '../store.ts';
import type { Exercise, ScoreResult, Text } from '../types.ts';
import { type ActivitySources, activityOf } from './activity.ts';
import { clocked } from './state.ts';
import type { WorkshopParticipant, WorkshopRecord } from './types.ts';

/** A participant who has done nothing for this long, in a running workshop, is flagged for the trainer. */
export const STUCK_MINUTES = 5;
const MINUTE = 60_000;

const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;

/** A score as a percentage (an exercise whose checks all failed to compute has max 0: counted as 0 %). */
export const percentOf = (r: Pick<ScoreResult, 'points' | 'max'>) => (r.max > 0 ? (r.points / r.max) * 100 : 0);

/** Which of the ten buckets (0–9 %, 10–19 % … 90–100 %) a percentage falls in. */
export const bucketOf = (percent: number) => Math.max(0, Math.min(9, Math.floor(percent / 10)));

/** An explanation for the whole room: the placeholders of one variant (`{expected}`, `{given}`, names) become …. */
const forTheRoom = (t: Text): Text => ({
  nl: t.nl.replace(/\{[a-zA-Z]+\}/g, '…'),
  fr: t.fr.replace(/\{[a-zA-Z]+\}/g, '…'),
});

const submitted = (a: AttemptRecord): a is AttemptRecord & { result: ScoreResult; submittedAt: string } =>
  a.status === 'submitted' && a.result !== null && a.submittedAt !== null;

/** Totals of a participant over their submitted attempts: `max` is what those attempts could have earned. */
export function totalsOf(attempts: readonly AttemptRecord[]) {
  const done = attempts.filter(submitted);
  return {
    done: done.length,
    points: round2(done.reduce((s, a) => s + a.result.points, 0)),
    max: round2(done.reduce((s, a) => s + a.result.max, 0)),
    lastSubmittedAt: done.reduce<string | null>((x, a) => (x === null || a.submittedAt > x ? a.submittedAt : x), null),
  };
}

export interface ConsoleInput {
  workshop: WorkshopRecord;
  participants: readonly WorkshopParticipant[];
  attemptsOf: (participantId: string) => AttemptRecord[];
  sources: ActivitySources;
  exercises: ReadonlyMap<string, Exercise>;
  now: Date;
}

/**
 * The trainer's console (docs/decisions/006-workshops.md): per participant their progress and last action, per
 * exercise the spread of the scores and how each check went, and the leaderboard. Computed on every request from
 * what is stored — the numbers are always those of the database.
 */
export function consoleOf(input: ConsoleInput) {
  const { workshop: w, now } = input;
  const running = clocked(w, now).status === 'running';
  const exerciseIds = w.exercises.filter((id) => input.exercises.has(id));
  const rows = input.participants.map((p, i) => {
    const attempts = input.attemptsOf(p.id).filter((a) => exerciseIds.includes(a.exerciseId));
    const totals = totalsOf(attempts);
    const { lastAction, currentExercise } = activityOf(p, attempts, input.sources);
    const idleMs = Math.max(0, now.getTime() - Date.parse(lastAction.at));
    return {
      attempts,
      totals,
      view: {
        id: p.id,
        pseudonym: p.pseudonym,
        alias: `${w.language === 'fr' ? 'Participant' : 'Deelnemer'} ${i + 1}`,
        joinedAt: p.createdAt,
        currentExercise,
        done: totals.done,
        points: totals.points,
        max: totals.max,
        lastAction,
        idleMinutes: Math.floor(idleMs / MINUTE),
        stuck: running && totals.done < exerciseIds.length && idleMs >= STUCK_MINUTES * MINUTE,
        exercises: Object.fromEntries(
          attempts.map((a) => [
            a.exerciseId,
            {
              attemptId: a.id,
              status: a.status,
              ...(a.result ? { points: a.result.points, max: a.result.max } : {}),
              hints: a.hints.length,
            },
          ]),
        ),
      },
    };
  });
  return {
    serverNow: now.toISOString(),
    stuckMinutes: STUCK_MINUTES,
    participants: rows.map((r) => r.view),
    exercises: exerciseIds.map((id) =>
      exerciseStats(
        input.exercises.get(id)!,
        rows.flatMap((r) => r.attempts),
      ),
    ),
    leaderboard: leaderboardOf(rows.map((r) => ({ ...r.view, lastSubmittedAt: r.totals.lastSubmittedAt }))),
  };
}

function exerciseStats(x: Exercise, all: readonly AttemptRecord[]) {
  const attempts = all.filter((a) => a.exerciseId === x.id);
  const done = attempts.filter(submitted);
  const percents = done.map((a) => percentOf(a.result));
  const buckets = new Array<number>(10).fill(0);
  for (const p of percents) buckets[bucketOf(p)]! += 1;
  return {
    id: x.id,
    title: x.title,
    family: x.family,
    submitted: done.length,
    open: attempts.filter((a) => a.status === 'open').length,
    meanPercent: percents.length === 0 ? null : round1(percents.reduce((s, p) => s + p, 0) / percents.length),
    buckets,
    checks: x.checks.map((decl) => {
      const outcomes = done.map((a) => a.result.checks.find((c) => c.id === decl.id)?.passed);
      return {
        id: decl.id,
        passed: outcomes.filter((o) => o === true).length,
        failed: outcomes.filter((o) => o === false).length,
        explanation: forTheRoom(decl.explanation),
      };
    }),
  };
}

interface Ranked {
  id: string;
  pseudonym: string;
  alias: string;
  points: number;
  max: number;
  done: number;
  lastSubmittedAt: string | null;
}

/**
 * By points, then by the earlier last submission (who got there first); equal points and time share a rank
 * (1, 1, 3). Participants who submitted nothing come after those with the same points who did.
 */
export function leaderboardOf(rows: readonly Ranked[]) {
  const when = (r: Ranked) => r.lastSubmittedAt ?? '\uffff';
  const sorted = rows
    .map((r, order) => ({ r, order }))
    .sort((a, b) => b.r.points - a.r.points || when(a.r).localeCompare(when(b.r)) || a.order - b.order)
    .map((x) => x.r);
  let rank = 0;
  return sorted.map((r, i) => {
    const prev = sorted[i - 1];
    if (!prev || prev.points !== r.points || when(prev) !== when(r)) rank = i + 1;
    return {
      rank,
      participantId: r.id,
      pseudonym: r.pseudonym,
      alias: r.alias,
      points: r.points,
      max: r.max,
      done: r.done,
    };
  });
}
