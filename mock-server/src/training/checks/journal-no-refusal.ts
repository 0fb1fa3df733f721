import { defineCheck } from './define.ts';

type Params = { outcomes: string[] };

/**
 * The KSZ refused none of the trainee's requests with these codes: e.g. MSG00013 (a flow outside the role or the
 * legal context), MSG00012 (a person not integrated).
 */
export default defineCheck<Params>({
  kind: 'journal-no-refusal',
  description: 'No request of the attempt was refused with one of the given status codes.',
  params: {
    type: 'object',
    required: ['outcomes'],
    additionalProperties: false,
    properties: { outcomes: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[A-Z0-9]+$' } } },
  },
  references: () => ({}),
  evaluate(ctx, p) {
    const hits = ctx.facts.journal.filter((r) => p.outcomes.includes(r.outcome));
    return {
      fraction: hits.length === 0 ? 1 : 0,
      expected: { list: [] },
      given: { list: [...new Set(hits.map((r) => `${r.flow} (${r.outcome})`))].sort() },
    };
  },
});
