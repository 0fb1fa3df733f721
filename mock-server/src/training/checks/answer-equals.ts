import { normaliseText, parseDate } from '../answers.ts';
import { defineCheck, type ExpectedParams, expectedOf, expectedSchema, keyRefs, oneExpected } from './define.ts';

type Params = ExpectedParams & { question: string };

const alternatives = (v: unknown): string[] =>
  v === null || v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)];

/**
 * The answer to a choice, date or text question equals the expected value (a key function's result or a literal).
 * A list of expected values means any of them. Dates may be given as DD/MM/YYYY; text is compared loosely.
 */
export default defineCheck<Params>({
  kind: 'answer-equals',
  description: 'A choice, date or text answer equals the expected value (any of several when the key is a list).',
  params: {
    type: 'object',
    required: ['question'],
    additionalProperties: false,
    properties: { question: { type: 'string' }, ...expectedSchema },
    ...oneExpected,
  },
  references: (p) => ({ questions: [{ id: p.question, kinds: ['choice', 'date', 'text'] }], keys: keyRefs(p) }),
  evaluate(ctx, p) {
    const q = ctx.question(p.question);
    const expected = alternatives(expectedOf(ctx, p));
    const given = ctx.answer(p.question);
    let ok = false;
    if (typeof given === 'string' || typeof given === 'number') {
      const text = String(given);
      if (q.kind === 'date') ok = expected.some((e) => parseDate(e) !== null && parseDate(e) === parseDate(text));
      else if (q.kind === 'text') ok = expected.some((e) => normaliseText(e) === normaliseText(text));
      else ok = expected.includes(text);
    }
    return {
      fraction: ok ? 1 : 0,
      expected: { question: p.question, value: expected.length === 1 ? expected[0] : expected },
      given: { question: p.question, value: given },
    };
  },
});
