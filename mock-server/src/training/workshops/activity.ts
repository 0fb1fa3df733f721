import type { AttemptRecord } from '../store.ts';
import type { WorkshopParticipant } from './types.ts';

export type ActionKind = 'joined' | 'rejoined' | 'started' | 'hint' | 'consulted' | 'submitted';

export interface LastAction {
  kind: ActionKind;
  at: string;
  exerciseId?: string;
}

export interface ActivitySources {
  /** The latest hint taken, by attempt id. */
  lastHintAt: ReadonlyMap<string, string>;
  /** The latest request in a workspace's journal (server time), or null. */
  consultedAt: (tenant: string) => string | null;
}

export interface Activity {
  lastAction: LastAction;
  /** The exercise of the open attempt that was active last, or null. */
  currentExercise: string | null;
}

/**
 * A participant's last action: the latest of joining, rejoining, and per attempt starting it, the last hint, the
 * last request in its workspace and the submission. All are server times (ISO), so they compare as text; on equal
 * times the later kind in that list wins (a submission over the request just before it).
 */
export function activityOf(
  p: WorkshopParticipant,
  attempts: readonly AttemptRecord[],
  sources: ActivitySources,
): Activity {
  let last: LastAction = { kind: 'joined', at: p.createdAt };
  const consider = (kind: ActionKind, at: string | null | undefined, exerciseId?: string) => {
    if (!at || at < last.at) return;
    last = exerciseId === undefined ? { kind, at } : { kind, at, exerciseId };
  };
  consider('rejoined', p.rejoinedAt);
  let current: { exerciseId: string; at: string } | null = null;
  for (const a of attempts) {
    const hint = sources.lastHintAt.get(a.id);
    const consulted = sources.consultedAt(a.tenant);
    consider('started', a.createdAt, a.exerciseId);
    consider('hint', hint, a.exerciseId);
    consider('consulted', consulted, a.exerciseId);
    consider('submitted', a.submittedAt, a.exerciseId);
    if (a.status !== 'open') continue;
    const active = [a.createdAt, hint ?? '', consulted ?? ''].sort().at(-1)!;
    if (!current || active >= current.at) current = { exerciseId: a.exerciseId, at: active };
  }
  return { lastAction: last, currentExercise: current?.exerciseId ?? null };
}
