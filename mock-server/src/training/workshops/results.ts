import type { AttemptRecord } from '../store.ts';
import { fillText, type Lang } from '../text.ts';
import type { Exercise } from '../types.ts';
import { percentOf, totalsOf } from './console.ts';
import type { CsvRow } from './csv.ts';
import { displayAnswer } from './display.ts';
import type { WorkshopParticipant, WorkshopRecord } from './types.ts';

export interface ResultsInput {
  workshop: WorkshopRecord;
  participants: readonly WorkshopParticipant[];
  attemptsOf: (participantId: string) => AttemptRecord[];
  exercises: ReadonlyMap<string, Exercise>;
}

/** The workshop's attempts per participant (join order), of exercises still in the catalogue, in workshop order. */
function attemptsByParticipant(input: ResultsInput) {
  const order = (a: AttemptRecord) => input.workshop.exercises.indexOf(a.exerciseId);
  return input.participants.map((p) => ({
    participant: p,
    attempts: input
      .attemptsOf(p.id)
      .filter((a) => order(a) >= 0 && input.exercises.has(a.exerciseId))
      .sort((a, b) => order(a) - order(b)),
  }));
}

/** One CSV row per submitted attempt, nothing else (open attempts have no result yet). */
export function csvRowsOf(input: ResultsInput): CsvRow[] {
  const lang: Lang = input.workshop.language;
  return attemptsByParticipant(input).flatMap(({ participant: p, attempts }) =>
    attempts.flatMap((a) => {
      if (a.status !== 'submitted' || !a.result) return [];
      const x = input.exercises.get(a.exerciseId)!;
      return [
        {
          workshop_code: input.workshop.code,
          participant: p.pseudonym,
          participant_id: p.id,
          exercise_id: x.id,
          exercise_title: x.title[lang],
          family: x.family,
          attempt_id: a.id,
          submitted_at: a.submittedAt ?? '',
          points: a.result.points,
          max: a.result.max,
          percent: Math.round(percentOf(a.result) * 10) / 10,
          hints: a.hints.join('|'),
          answers: JSON.stringify(a.answers ?? {}),
        },
      ];
    }),
  );
}

function reportAttempt(a: AttemptRecord, x: Exercise, lang: Lang) {
  const answers = a.answers ?? {};
  return {
    attemptId: a.id,
    exerciseId: x.id,
    title: x.title,
    family: x.family,
    status: a.status,
    submittedAt: a.submittedAt,
    points: a.result?.points ?? null,
    max: a.result?.max ?? null,
    hints: a.hints.map((id) => ({ id, cost: x.hints.find((h) => h.id === id)?.cost ?? 0 })),
    answers: x.questions
      .filter((q) => Object.hasOwn(answers, q.id))
      .map((q) => ({
        questionId: q.id,
        prompt: fillText(q.prompt, a.variant.placeholders),
        value: answers[q.id],
        display: displayAnswer(q, answers[q.id]!, lang),
      })),
    checks: (a.result?.checks ?? []).map((c) => ({
      id: c.id,
      passed: c.passed,
      explanation: c.explanation,
      source: c.source,
    })),
  };
}

/** The trainer's report: every participant (or one), their attempts with answers and the full explanations. */
export function reportParticipants(input: ResultsInput) {
  return attemptsByParticipant(input).map(({ participant: p, attempts }) => {
    const totals = totalsOf(attempts);
    return {
      id: p.id,
      pseudonym: p.pseudonym,
      joinedAt: p.createdAt,
      points: totals.points,
      max: totals.max,
      attempts: attempts.map((a) => reportAttempt(a, input.exercises.get(a.exerciseId)!, input.workshop.language)),
    };
  });
}
