import { defineCheck } from './define.ts';
import { type About, aboutSchema, flowList, rowsAbout } from './journal.ts';

type Params = { about: About; flows?: string[] };

/**
 * Only what the case needs: no request (answered or refused — asking is looking) of the listed flows, or of any flow
 * when none are listed, about the subject, about anyone else (curiosity), or about anyone.
 */
export default defineCheck<Params>({
  kind: 'journal-not-consulted',
  description:
    'No request of the listed flows (or of any flow) about the subject / anyone else / anyone appears in the journal.',
  params: {
    type: 'object',
    required: ['about'],
    additionalProperties: false,
    properties: { about: aboutSchema, flows: { type: 'array', minItems: 1, items: { type: 'string' } } },
  },
  references: (p) => ({ flows: p.flows ?? [] }),
  evaluate(ctx, p) {
    const hits = rowsAbout(ctx, p.about).filter((r) => !p.flows || p.flows.includes(r.flow));
    return { fraction: hits.length === 0 ? 1 : 0, expected: { list: [] }, given: { list: flowList(hits) } };
  },
});
