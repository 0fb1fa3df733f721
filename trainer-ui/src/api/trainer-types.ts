/**
 * The trainer's shapes of the workshop API (`/api/workshops`, docs/decisions/006-workshops.md).
 */
import type { Bilingual, ExerciseSummary, Family } from './types.ts';
import type { Lang, LeaderboardMode, WorkshopStatus } from './workshop-types.ts';

export interface Workshop {
  id: string;
  code: string;
  title: string;
  language: Lang;
  exercises: ExerciseSummary[];
  timeBoxMinutes: number | null;
  status: WorkshopStatus;
  createdAt: string;
  startedAt: string | null;
  endsAt: string | null;
  pausedAt: string | null;
  endedAt: string | null;
  revealed: boolean;
  leaderboard: LeaderboardMode;
  joinUrl: string;
  participantCount: number;
}

export interface NewWorkshop {
  title: string;
  language?: Lang;
  exercises: string[];
  timeBoxMinutes?: number | null;
  leaderboard?: LeaderboardMode;
}

export type LastActionKind = 'joined' | 'rejoined' | 'started' | 'hint' | 'consulted' | 'submitted';

export interface ConsoleParticipant {
  id: string;
  pseudonym: string;
  /** "Deelnemer 3": the join order, for an anonymised leaderboard. */
  alias: string;
  joinedAt: string;
  currentExercise: string | null;
  done: number;
  points: number;
  max: number;
  lastAction: { kind: LastActionKind; at: string; exerciseId?: string };
  idleMinutes: number;
  stuck: boolean;
  exercises: Record<
    string,
    { attemptId: string; status: 'open' | 'submitted'; points?: number; max?: number; hints: number }
  >;
}

export interface ExerciseStats {
  id: string;
  title: Bilingual;
  family: Family;
  submitted: number;
  open: number;
  meanPercent: number | null;
  /** Counts of percentages 0–9, 10–19 … 90–100. */
  buckets: number[];
  checks: { id: string; passed: number; failed: number; explanation: Bilingual }[];
}

export interface LeaderboardRow {
  rank: number;
  participantId: string;
  pseudonym: string;
  alias: string;
  points: number;
  max: number;
  done: number;
}

export interface Console {
  workshop: Workshop;
  serverNow: string;
  stuckMinutes: number;
  participants: ConsoleParticipant[];
  exercises: ExerciseStats[];
  leaderboard: LeaderboardRow[];
}

export interface ReportAttempt {
  attemptId: string;
  exerciseId: string;
  title: Bilingual;
  family: Family;
  status: 'open' | 'submitted';
  submittedAt: string | null;
  points: number | null;
  max: number | null;
  hints: { id: string; cost: number }[];
  answers: { questionId: string; prompt: Bilingual; value: unknown; display: string }[];
  checks: { id: string; passed: boolean; explanation: Bilingual; source: string }[];
}

export interface Report {
  workshop: Workshop;
  generatedAt: string;
  participants: {
    id: string;
    pseudonym: string;
    joinedAt: string;
    points: number;
    max: number;
    attempts: ReportAttempt[];
  }[];
}
