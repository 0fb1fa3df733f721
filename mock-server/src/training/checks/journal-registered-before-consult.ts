import { SETUP_REGISTRANT } from '../types.ts';
import { defineCheck } from './define.ts';
import { integrationOperations, MANAGE_ACCESS, needSubject } from './journal.ts';

type Params = { qualityCodes: string[] };

/**
 * The trainee registered the subject in the integration register with a right hoedanigheidscode before consulting:
 * at least one consultation relied on a registration; every consultation relied on one with a right code; no
 * consultation was refused for lack of integration (MSG00012: consulted before registering); and the trainee made
 * no registration of the subject with another code.
 */
export default defineCheck<Params>({
  kind: 'journal-registered-before-consult',
  description:
    'The subject was registered with one of the right quality codes before any consultation, and never with another.',
  params: {
    type: 'object',
    required: ['qualityCodes'],
    additionalProperties: false,
    properties: { qualityCodes: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^\\d{1,3}$' } } },
  },
  references: () => ({ flows: [MANAGE_ACCESS] }),
  evaluate(ctx, p) {
    const person = needSubject(ctx);
    const consultations = integrationOperations(ctx.facts.flows);
    const registrations = new Map(ctx.facts.registrations.map((r) => [r.id, r]));
    const rows = ctx.facts.journal.filter(
      (r) => r.insz === person.insz && r.flow !== MANAGE_ACCESS && consultations.has(`${r.flow}/${r.operation}`),
    );
    const relied = rows.flatMap((r) => (r.registrationId === null ? [] : [registrations.get(r.registrationId)]));
    const own = ctx.facts.registrations.filter((r) => r.insz === person.insz && r.registeredBy !== SETUP_REGISTRANT);
    const codes = [...new Set(own.map((r) => r.qualityCode))].sort((a, b) => Number(a) - Number(b));
    const ok =
      relied.length > 0 &&
      relied.every((r) => r !== undefined && p.qualityCodes.includes(r.qualityCode)) &&
      !rows.some((r) => r.outcome === 'MSG00012') &&
      own.every((r) => p.qualityCodes.includes(r.qualityCode));
    return { fraction: ok ? 1 : 0, expected: { list: p.qualityCodes }, given: { list: codes } };
  },
});
