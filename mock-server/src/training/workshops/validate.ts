import type { Lang } from '../text.ts';
import type { Text } from '../types.ts';
import { LEADERBOARD_MODES, type LeaderboardMode } from './types.ts';

export const MAX_TITLE = 80;
export const MAX_EXERCISES = 24;
export const TIME_BOX = { min: 5, max: 480 } as const;

export interface NewWorkshop {
  title: string;
  language: Lang;
  exercises: string[];
  timeBoxMinutes: number | null;
  leaderboard: LeaderboardMode;
}

export type WorkshopPatch = Partial<Pick<NewWorkshop, 'title' | 'leaderboard' | 'timeBoxMinutes'>>;

export const CREATE_FIELDS = ['title', 'language', 'exercises', 'timeBoxMinutes', 'leaderboard'] as const;
export const PATCH_FIELDS = ['title', 'leaderboard', 'timeBoxMinutes'] as const;

export type Checked<T> = { ok: true; value: T } | { ok: false; message: Text };
const fail = (nl: string, fr: string): { ok: false; message: Text } => ({ ok: false, message: { nl, fr } });

function title(raw: unknown): Checked<string> {
  const t = typeof raw === 'string' ? raw.trim() : '';
  if (typeof raw !== 'string' || t.length === 0 || t.length > MAX_TITLE)
    return fail(
      `"title" moet een tekst van 1 tot ${MAX_TITLE} tekens zijn.`,
      `« title » doit être un texte de 1 à ${MAX_TITLE} caractères.`,
    );
  return { ok: true, value: t };
}

function timeBox(raw: unknown): Checked<number | null> {
  if (raw === null) return { ok: true, value: null };
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < TIME_BOX.min || raw > TIME_BOX.max)
    return fail(
      `"timeBoxMinutes" moet een geheel aantal minuten van ${TIME_BOX.min} tot ${TIME_BOX.max} zijn, of null (geen tijdslimiet).`,
      `« timeBoxMinutes » doit être un nombre entier de minutes de ${TIME_BOX.min} à ${TIME_BOX.max}, ou null (pas de limite).`,
    );
  return { ok: true, value: raw };
}

function leaderboard(raw: unknown): Checked<LeaderboardMode> {
  if (typeof raw !== 'string' || !(LEADERBOARD_MODES as readonly string[]).includes(raw))
    return fail(
      `"leaderboard" moet "named", "anonymous" of "hidden" zijn.`,
      `« leaderboard » doit être « named », « anonymous » ou « hidden ».`,
    );
  return { ok: true, value: raw as LeaderboardMode };
}

function exerciseIds(raw: unknown, known: ReadonlySet<string>): Checked<string[]> {
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > MAX_EXERCISES || !raw.every((x) => typeof x === 'string'))
    return fail(
      `"exercises" moet een lijst van 1 tot ${MAX_EXERCISES} oefening-id's zijn (GET /api/exercises).`,
      `« exercises » doit être une liste de 1 à ${MAX_EXERCISES} identifiants d’exercices (GET /api/exercises).`,
    );
  const ids = raw as string[];
  const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (twice.length > 0)
    return fail(
      `Elke oefening mag maar één keer voorkomen: ${[...new Set(twice)].join(', ')}.`,
      `Chaque exercice ne peut figurer qu’une fois : ${[...new Set(twice)].join(', ')}.`,
    );
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0)
    return fail(
      `Onbekende oefening: ${unknown.join(', ')} (zie GET /api/exercises).`,
      `Exercice inconnu : ${unknown.join(', ')} (voir GET /api/exercises).`,
    );
  return { ok: true, value: ids };
}

/** The body of `POST /api/workshops`, with its defaults (Dutch, no time box, a named leaderboard). */
export function checkNewWorkshop(body: Record<string, unknown>, known: ReadonlySet<string>): Checked<NewWorkshop> {
  const t = title(body.title);
  if (!t.ok) return t;
  const language = body.language ?? 'nl';
  if (language !== 'nl' && language !== 'fr')
    return fail(`"language" moet "nl" of "fr" zijn.`, `« language » doit être « nl » ou « fr ».`);
  const x = exerciseIds(body.exercises, known);
  if (!x.ok) return x;
  const box = timeBox(body.timeBoxMinutes ?? null);
  if (!box.ok) return box;
  const board = leaderboard(body.leaderboard ?? 'named');
  if (!board.ok) return board;
  return {
    ok: true,
    value: { title: t.value, language, exercises: x.value, timeBoxMinutes: box.value, leaderboard: board.value },
  };
}

/** The body of `PATCH /api/workshops/:id`: only the fields given change. */
export function checkPatch(body: Record<string, unknown>): Checked<WorkshopPatch> {
  const patch: WorkshopPatch = {};
  if (body.title !== undefined) {
    const t = title(body.title);
    if (!t.ok) return t;
    patch.title = t.value;
  }
  if (body.leaderboard !== undefined) {
    const b = leaderboard(body.leaderboard);
    if (!b.ok) return b;
    patch.leaderboard = b.value;
  }
  if (body.timeBoxMinutes !== undefined) {
    const box = timeBox(body.timeBoxMinutes);
    if (!box.ok) return box;
    patch.timeBoxMinutes = box.value;
  }
  return { ok: true, value: patch };
}
