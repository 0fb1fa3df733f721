import { defineCheck, type ExpectedParams, expectedOf, expectedSchema, keyRefs, oneExpected } from './define.ts';

type Params = ExpectedParams & { question: string };

/**
 * A multiple choice against the expected set: each expected option ticked earns 1/n of the points, each option
 * ticked wrongly takes 1/n off (n = the size of the expected set, at least 1); never below 0. The expected set is
 * limited to the question's options (a flow the question does not offer cannot be asked for).
 */
export default defineCheck<Params>({
  kind: 'flags-match',
  description: 'Multiple choice vs the expected set: points for each one found, minus for each one wrongly flagged.',
  params: {
    type: 'object',
    required: ['question'],
    additionalProperties: false,
    properties: { question: { type: 'string' }, ...expectedSchema },
    ...oneExpected,
  },
  references: (p) => ({ questions: [{ id: p.question, kinds: ['multi'] }], keys: keyRefs(p) }),
  evaluate(ctx, p) {
    const q = ctx.question(p.question);
    const offered = new Set((q.options ?? []).map((o) => o.value));
    const raw = expectedOf(ctx, p);
    const expected = [...new Set(Array.isArray(raw) ? raw : raw === null ? [] : [String(raw)])].filter((v) =>
      offered.has(v),
    );
    const answer = ctx.answer(p.question);
    const given = [...new Set(Array.isArray(answer) ? answer : [])];
    const found = given.filter((g) => expected.includes(g)).length;
    const wrong = given.filter((g) => !expected.includes(g)).length;
    const unit = 1 / Math.max(expected.length, 1);
    const fraction = expected.length === 0 ? (wrong === 0 ? 1 : 0) : Math.max(0, Math.min(1, (found - wrong) * unit));
    return {
      fraction,
      expected: { question: p.question, value: expected },
      given: { question: p.question, value: given },
    };
  },
});
