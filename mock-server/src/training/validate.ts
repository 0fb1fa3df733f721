import { parseAmount, parseDate } from './answers.ts';
import type { AnswerValue, Exercise, Text } from './types.ts';

const MAX_TEXT = 1000;

export type Validated = { ok: true; answers: Record<string, AnswerValue> } | { ok: false; message: Text };

const fail = (nl: string, fr: string): Validated => ({ ok: false, message: { nl, fr } });

/**
 * Reads the body of a submission: `{ answers: { [questionId]: string | string[] | number } }`. Every key must be a
 * question of the exercise and every value fit its kind (an option of a choice, options of a multi, an amount, a
 * date); questions left out count as unanswered. Amounts come back as numbers and dates as `YYYY-MM-DD`.
 */
export function validateSubmission(exercise: Exercise, body: unknown): Validated {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return fail(
      'De inhoud moet een JSON-object zijn: { "answers": { … } }.',
      'Le contenu doit être un objet JSON : { "answers": { … } }.',
    );
  const raw = (body as Record<string, unknown>).answers;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return fail('"answers" ontbreekt of is geen object.', '"answers" manque ou n’est pas un objet.');
  const questions = new Map(exercise.questions.map((q) => [q.id, q]));
  const answers: Record<string, AnswerValue> = {};
  for (const [id, value] of Object.entries(raw as Record<string, unknown>)) {
    const q = questions.get(id);
    if (!q) return fail(`Onbekende vraag "${id}".`, `Question inconnue « ${id} ».`);
    const options = new Set((q.options ?? []).map((o) => o.value));
    switch (q.kind) {
      case 'choice':
        if (typeof value !== 'string' || !options.has(value))
          return fail(`Vraag "${id}": kies een van de opties.`, `Question « ${id} » : choisissez une des options.`);
        answers[id] = value;
        break;
      case 'multi':
        if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && options.has(v)))
          return fail(`Vraag "${id}": geef een lijst van opties.`, `Question « ${id} » : donnez une liste d’options.`);
        answers[id] = [...new Set(value as string[])];
        break;
      case 'amount': {
        const n = typeof value === 'number' || typeof value === 'string' ? parseAmount(value) : null;
        if (n === null || Math.abs(n) > 1e9)
          return fail(
            `Vraag "${id}": geef een bedrag, bv. 1314,00.`,
            `Question « ${id} » : donnez un montant, p. ex. 1314,00.`,
          );
        answers[id] = n;
        break;
      }
      case 'date': {
        const d = parseDate(value as AnswerValue);
        if (d === null)
          return fail(
            `Vraag "${id}": geef een datum (JJJJ-MM-DD of DD/MM/JJJJ).`,
            `Question « ${id} » : donnez une date (AAAA-MM-JJ ou JJ/MM/AAAA).`,
          );
        answers[id] = d;
        break;
      }
      case 'text':
        if (typeof value !== 'string' || value.length > MAX_TEXT)
          return fail(
            `Vraag "${id}": geef een tekst van hoogstens ${MAX_TEXT} tekens.`,
            `Question « ${id} » : donnez un texte de ${MAX_TEXT} caractères au plus.`,
          );
        answers[id] = value;
        break;
    }
  }
  return { ok: true, answers };
}
