import type { Participant } from '../store.ts';
import type { Lang } from '../text.ts';

/** What participants and the trainer see: `ended` also when the time box ran out (computed, see `state.ts`). */
export type WorkshopStatus = 'lobby' | 'running' | 'paused' | 'ended';
export const LEADERBOARD_MODES = ['named', 'anonymous', 'hidden'] as const;
export type LeaderboardMode = (typeof LEADERBOARD_MODES)[number];

/**
 * A workshop as stored. `state` is what the trainer last did; the status shown is computed from it and the clock
 * (a time box that ran out makes a running workshop `ended` without anything being written).
 */
export interface WorkshopRecord {
  id: string;
  code: string;
  title: string;
  language: Lang;
  /** Exercise ids, in the order the trainer chose. */
  exercises: string[];
  timeBoxMinutes: number | null;
  state: WorkshopStatus;
  createdAt: string;
  startedAt: string | null;
  /** Set while paused. */
  pausedAt: string | null;
  /** Set by `end` (a time box that ran out leaves it null). */
  endedAt: string | null;
  /** Milliseconds spent paused before the current pause: the time box's end moves by them. */
  pausedMs: number;
  revealed: boolean;
  leaderboard: LeaderboardMode;
}

/** A participant of a workshop: an ordinary participant plus when they (re)joined. */
export interface WorkshopParticipant extends Participant {
  workshopId: string;
  /** The last rejoin with a rejoin code, or null. */
  rejoinedAt: string | null;
}
