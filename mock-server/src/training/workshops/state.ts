import type { WorkshopRecord, WorkshopStatus } from './types.ts';

const MINUTE = 60_000;

/** The status and times of a workshop at a moment: what both UIs show and what the participant rules check. */
export interface Clocked {
  status: WorkshopStatus;
  /** Null without a time box or before the start; while paused it moves with the clock. */
  endsAt: string | null;
  pausedAt: string | null;
  endedAt: string | null;
  /** Why an ended workshop ended: the trainer's `end`, or its time box. */
  endedBy: 'trainer' | 'time' | null;
}

const iso = (ms: number) => new Date(ms).toISOString();
const ms = (at: string) => Date.parse(at);

/**
 * Computes the status from what was stored and the clock, so nothing has to fire when a time box runs out. The
 * time box's end is start + box + the time spent paused; while paused the remaining time is frozen (the end moves
 * with the clock). A box that is out makes a running or paused workshop `ended` — until the trainer lengthens it.
 *
 * @example
 * clocked({ ...w, state: 'running', startedAt: '…T10:00Z', timeBoxMinutes: 30, pausedMs: 0 }, at('…T10:31Z')).status
 * // 'ended' (by the time box)
 */
export function clocked(w: WorkshopRecord, now: Date): Clocked {
  const box = w.startedAt !== null && w.timeBoxMinutes !== null ? w.timeBoxMinutes * MINUTE : null;
  // The moment the box runs out on the workshop's own running time (pauses before the current one folded in).
  const outAt = box === null ? null : ms(w.startedAt!) + box + w.pausedMs;
  if (w.state === 'ended')
    return {
      status: 'ended',
      endsAt: outAt === null ? null : iso(outAt),
      pausedAt: null,
      endedAt: w.endedAt,
      endedBy: 'trainer',
    };
  if (w.state === 'lobby') return { status: 'lobby', endsAt: null, pausedAt: null, endedAt: null, endedBy: null };
  const timeUp = (end: number): Clocked => ({
    status: 'ended',
    endsAt: iso(end),
    pausedAt: null,
    endedAt: iso(end),
    endedBy: 'time',
  });
  if (w.state === 'paused') {
    const pausedAt = ms(w.pausedAt ?? w.startedAt!);
    if (outAt === null) return { status: 'paused', endsAt: null, pausedAt: w.pausedAt, endedAt: null, endedBy: null };
    // A box shortened during the pause can be out already at the moment of the pause.
    if (outAt <= pausedAt) return timeUp(outAt);
    const end = outAt + (now.getTime() - pausedAt);
    return { status: 'paused', endsAt: iso(end), pausedAt: w.pausedAt, endedAt: null, endedBy: null };
  }
  if (outAt !== null && outAt <= now.getTime()) return timeUp(outAt);
  return {
    status: 'running',
    endsAt: outAt === null ? null : iso(outAt),
    pausedAt: null,
    endedAt: null,
    endedBy: null,
  };
}

export type Transition = 'start' | 'pause' | 'resume' | 'end';

/**
 * The workshop after a trainer's transition, or null when it is not possible from the current (computed) status:
 * start from the lobby, pause a running one, resume a paused one, end anything that has not ended yet.
 */
export function transition(w: WorkshopRecord, action: Transition, now: Date): WorkshopRecord | null {
  const status = clocked(w, now).status;
  const at = now.toISOString();
  // Time spent in the current pause, folded into pausedMs when the pause ends (by resume or end).
  const paused = w.state === 'paused' && w.pausedAt ? Math.max(0, now.getTime() - ms(w.pausedAt)) : 0;
  switch (action) {
    case 'start':
      return status === 'lobby' ? { ...w, state: 'running', startedAt: at } : null;
    case 'pause':
      return status === 'running' ? { ...w, state: 'paused', pausedAt: at } : null;
    case 'resume':
      return status === 'paused' ? { ...w, state: 'running', pausedAt: null, pausedMs: w.pausedMs + paused } : null;
    case 'end':
      return status === 'ended'
        ? null
        : { ...w, state: 'ended', endedAt: at, pausedAt: null, pausedMs: w.pausedMs + paused };
  }
}

/** Why a participant cannot start, take a hint or submit now (null: the workshop is running). */
export function refusal(c: Clocked): 'workshop-not-started' | 'workshop-paused' | 'time-up' | 'workshop-ended' | null {
  if (c.status === 'lobby') return 'workshop-not-started';
  if (c.status === 'paused') return 'workshop-paused';
  if (c.status === 'ended') return c.endedBy === 'time' ? 'time-up' : 'workshop-ended';
  return null;
}
