/**
 * The workshop shapes of the training API as the browser sees them (docs/decisions/006-workshops.md).
 * Participant-facing shapes here; the trainer's in `trainer-types.ts`.
 */
import type { ExerciseSummary } from './types.ts';

export type WorkshopStatus = 'lobby' | 'running' | 'paused' | 'ended';
export type LeaderboardMode = 'named' | 'anonymous' | 'hidden';
export type Lang = 'nl' | 'fr';

/** What a participant of a workshop sees of it (in `GET /api/participants/me` and the join answer). */
export interface ParticipantWorkshop {
  id: string;
  code: string;
  title: string;
  language: Lang;
  status: WorkshopStatus;
  startedAt: string | null;
  /** When the time box ends (moves while paused); null without a time box or before the start. */
  endsAt: string | null;
  /** Who ended it: the trainer or the time box (null while not ended; absent from older servers). */
  endedBy?: 'trainer' | 'time' | null;
  /** The server's clock when it answered: remaining time = endsAt − serverNow, whatever the browser's clock says. */
  serverNow: string;
  revealed: boolean;
  exercises: ExerciseSummary[];
}

/** `POST /api/join` → 201 (new participant) or 200 (rejoin with a rejoin code). */
export interface JoinReply {
  token: string;
  /** `XXXX-XXXX`: shown once, so the participant can come back from another browser. */
  rejoinCode: string;
  participant: { id: string; pseudonym: string };
  workshop: ParticipantWorkshop;
}
