import type { Context } from 'hono';
import type { TrainingDeps } from '../routes.ts';
import type { Exercise } from '../types.ts';
import type { ResultsInput } from './results.ts';
import type { WorkshopRecord } from './types.ts';
import { baseUrl, type ViewContext, workshopView } from './views.ts';

/** What the workshop routes get from the training routes that mount them. */
export interface WorkshopDeps extends Omit<TrainingDeps, 'exercises'> {
  exercises: ReadonlyMap<string, Exercise>;
  /** True for a valid participant token (a trainer route then answers 403 `trainer-only`, not 401). */
  isParticipantToken(token: string): boolean;
}

export const viewContext = (c: Context, deps: WorkshopDeps, now = deps.now()): ViewContext => ({
  exercises: deps.exercises,
  now,
  base: baseUrl(c, deps.publicUrl),
  participantCount: (id) => deps.store.workshops.participantCount(id),
});

/** `Workshop` for an answer to this request (its join URL on the request's origin unless PUBLIC_URL is set). */
export const viewOf = (c: Context, deps: WorkshopDeps, w: WorkshopRecord, now = deps.now()) =>
  workshopView(w, viewContext(c, deps, now));

/** The stored facts the console, the CSV and the report are computed from. */
export const resultsInput = (deps: WorkshopDeps, w: WorkshopRecord): ResultsInput => ({
  workshop: w,
  participants: deps.store.workshops.participants(w.id),
  attemptsOf: (id) => deps.store.attempts.ofParticipant(id),
  exercises: deps.exercises,
});
