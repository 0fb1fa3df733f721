import type { AttemptRecord } from '../store.ts';
import { clocked, refusal } from './state.ts';
import type { WorkshopRecord } from './types.ts';

export type Refusal = NonNullable<ReturnType<typeof refusal>>;

export type StartDecision =
  | { kind: 'new' }
  /** The open attempt of the exercise: rejoining continues where the participant was. */
  | { kind: 'open'; attempt: AttemptRecord }
  | { kind: 'refuse'; status: 403 | 409; code: Refusal | 'exercise-done' | 'not-in-workshop' };

/**
 * What `POST /api/attempts` does for a participant of a workshop: only the workshop's exercises, one attempt each.
 * An open attempt is returned whatever the state (that is reading, and reading keeps working); a new one needs a
 * running workshop.
 */
export function startDecision(
  w: WorkshopRecord,
  attempts: readonly AttemptRecord[],
  exerciseId: string,
  now: Date,
): StartDecision {
  if (!w.exercises.includes(exerciseId)) return { kind: 'refuse', status: 403, code: 'not-in-workshop' };
  const existing = attempts.find((a) => a.exerciseId === exerciseId);
  if (existing?.status === 'open') return { kind: 'open', attempt: existing };
  if (existing) return { kind: 'refuse', status: 409, code: 'exercise-done' };
  const why = refusal(clocked(w, now));
  return why ? { kind: 'refuse', status: 409, code: why } : { kind: 'new' };
}

/** Why a hint or a submission is refused now (lobby, pause, time up, ended), or null while the workshop runs. */
export const actionRefusal = (w: WorkshopRecord, now: Date): Refusal | null => refusal(clocked(w, now));
