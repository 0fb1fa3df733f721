import { defineKey } from './define.ts';
import { esvReport, reportDecisions } from './support.ts';

type Field = 'from' | 'decisions';

/** The five-year window of the ESV: from which decision date it shows decisions, and how many it shows. */
export default defineKey<{ field: Field }>({
  name: 'esv-window',
  description:
    'The ESV window: the earliest decision date the report includes (five years before the request), or the number of decisions it shows (as text).',
  params: {
    type: 'object',
    required: ['field'],
    additionalProperties: false,
    properties: { field: { enum: ['from', 'decisions'] } },
  },
  compute(ctx, { field }) {
    const report = esvReport(ctx);
    return field === 'from' ? report.window.from : reportDecisions(report).length;
  },
});
