import { defineCheck } from './define.ts';

type Params = { question: string; refuse: string[] };

/** The trainee refuses the request: the answer to a choice question is one of the refusal options. */
export default defineCheck<Params>({
  kind: 'answer-refusal',
  description: 'The trainee refuses: the answer to the choice question is one of the given refusal options.',
  params: {
    type: 'object',
    required: ['question', 'refuse'],
    additionalProperties: false,
    properties: {
      question: { type: 'string' },
      refuse: { type: 'array', minItems: 1, items: { type: 'string' } },
    },
  },
  references: (p) => ({ questions: [{ id: p.question, kinds: ['choice'] }] }),
  evaluate(ctx, p) {
    const given = ctx.answer(p.question);
    return {
      fraction: typeof given === 'string' && p.refuse.includes(given) ? 1 : 0,
      expected: { question: p.question, value: p.refuse.length === 1 ? p.refuse[0] : p.refuse },
      given: { question: p.question, value: given },
    };
  },
});
