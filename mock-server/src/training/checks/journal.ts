import type { Person } from '../../../../scenarios/engine/model.ts';
import type { JournalEntry } from '../../store/types.ts';
import { normaliseText } from '../answers.ts';
import type { FlowFacts } from '../types.ts';
import type { CheckContext } from './define.ts';

export const MANAGE_ACCESS = 'manage-access';

/**
 * Is a journal row about this person? Its INSZ, or, for requests without one (a phonetic search by name), a request
 * that names the person: looking someone up by name is looking them up.
 */
export function isAbout(row: JournalEntry, person: Person): boolean {
  if (row.insz !== null) return row.insz === person.insz;
  if (row.request.includes(person.insz)) return true;
  const request = ` ${normaliseText(row.request)} `;
  return request.includes(` ${normaliseText(person.familyName)} `);
}

export function needSubject(ctx: CheckContext): Person {
  if (!ctx.subject) throw new Error(`check of exercise ${ctx.exercise.id} needs a subject`);
  return ctx.subject;
}

/** Operations that need an integration (consultations), as `flow/operation`. */
export function integrationOperations(flows: readonly FlowFacts[]): Set<string> {
  return new Set(flows.flatMap((f) => f.operations.filter((o) => o.integration).map((o) => `${f.id}/${o.name}`)));
}

export type About = 'subject' | 'others' | 'anyone';

export const aboutSchema = { enum: ['subject', 'others', 'anyone'] } as const;

/** The rows about the subject, about anyone else, or all rows. */
export function rowsAbout(ctx: CheckContext, about: About): JournalEntry[] {
  if (about === 'anyone') return ctx.facts.journal;
  const person = needSubject(ctx);
  return ctx.facts.journal.filter((r) => isAbout(r, person) === (about === 'subject'));
}

export const flowList = (rows: readonly JournalEntry[]): string[] => [...new Set(rows.map((r) => r.flow))].sort();
