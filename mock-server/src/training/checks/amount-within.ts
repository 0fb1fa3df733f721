import { parseAmount } from '../answers.ts';
import { defineCheck, type ExpectedParams, expectedOf, expectedSchema, keyRefs, oneExpected } from './define.ts';

type Params = ExpectedParams & { question: string; tolerance: number };

/** An amount answer lies within `tolerance` of the expected amount (EUR, or a count). */
export default defineCheck<Params>({
  kind: 'amount-within',
  description: 'An amount answer is within the tolerance of the expected number.',
  params: {
    type: 'object',
    required: ['question', 'tolerance'],
    additionalProperties: false,
    properties: { question: { type: 'string' }, tolerance: { type: 'number', minimum: 0 }, ...expectedSchema },
    ...oneExpected,
  },
  references: (p) => ({ questions: [{ id: p.question, kinds: ['amount'] }], keys: keyRefs(p) }),
  evaluate(ctx, p) {
    const raw = expectedOf(ctx, p);
    const expected = typeof raw === 'number' ? raw : parseAmount(typeof raw === 'string' ? raw : undefined);
    const given = parseAmount(ctx.answer(p.question));
    const ok = expected !== null && given !== null && Math.abs(given - expected) <= p.tolerance + 1e-9;
    return {
      fraction: ok ? 1 : 0,
      expected: { question: p.question, value: expected },
      given: { question: p.question, value: given },
    };
  },
});
