import { defineCheck } from './define.ts';
import { flowList, needSubject } from './journal.ts';

type Params = { flows: { flow: string; operations?: string[] }[] };

/**
 * The compulsory flows were consulted about the subject with an answer (e.g. the ESV during a social investigation
 * since 2016-11-01, Mediprima for urgent medical aid): each listed flow (and operation, when given) has a row about
 * the subject that the KSZ answered. Partial points per flow.
 */
export default defineCheck<Params>({
  kind: 'journal-consulted',
  description: 'Each listed flow (operation) was consulted about the subject and answered.',
  params: {
    type: 'object',
    required: ['flows'],
    additionalProperties: false,
    properties: {
      flows: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          required: ['flow'],
          additionalProperties: false,
          properties: {
            flow: { type: 'string' },
            operations: { type: 'array', minItems: 1, items: { type: 'string' } },
          },
        },
      },
    },
  },
  references: (p) => ({ flows: p.flows.map((f) => f.flow) }),
  evaluate(ctx, p) {
    const person = needSubject(ctx);
    const answered = ctx.facts.journal.filter((r) => r.insz === person.insz && r.ok);
    const done = p.flows.filter((f) =>
      answered.some((r) => r.flow === f.flow && (!f.operations || f.operations.includes(r.operation))),
    );
    return {
      fraction: done.length / p.flows.length,
      expected: { list: p.flows.map((f) => f.flow) },
      given: { list: flowList(answered) },
    };
  },
});
