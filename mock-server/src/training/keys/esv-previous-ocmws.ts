import { defineKey } from './define.ts';
import { currentDecision, esvReport, namesOf } from './support.ts';

type Field = 'count' | 'current';

/** How many previous OCMW's the ESV shows, or which one took the most recent leefloon decision. */
export default defineKey<{ field: Field }>({
  name: 'esv-previous-ocmws',
  description:
    'The number of previous OCMW’s in the ESV report (as text), or the names (nl, fr) of the OCMW of its most recent leefloon decision.',
  params: {
    type: 'object',
    required: ['field'],
    additionalProperties: false,
    properties: { field: { enum: ['count', 'current'] } },
  },
  compute(ctx, { field }) {
    const report = esvReport(ctx);
    if (field === 'count') return String(report.previousOcmws.length);
    return namesOf(currentDecision(report).ocmw);
  },
});
