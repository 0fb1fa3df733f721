import { SETUP_REGISTRANT } from '../types.ts';
import { defineCheck } from './define.ts';
import { flowList, needSubject, rowsAbout } from './journal.ts';

type Params = Record<string, never>;

/**
 * The trainee refused the request in deed, not only in words: the subject was neither registered nor looked up in
 * any flow (also not by name).
 */
export default defineCheck<Params>({
  kind: 'journal-refused',
  description: 'Nothing about the subject in the journal (no registration, no consultation, no search by name).',
  params: { type: 'object', additionalProperties: false, properties: {} },
  references: () => ({}),
  evaluate(ctx) {
    const person = needSubject(ctx);
    const rows = rowsAbout(ctx, 'subject');
    const registered = ctx.facts.registrations.some(
      (r) => r.insz === person.insz && r.registeredBy !== SETUP_REGISTRANT,
    );
    return {
      fraction: rows.length === 0 && !registered ? 1 : 0,
      expected: { list: [] },
      given: { list: flowList(rows) },
    };
  },
});
