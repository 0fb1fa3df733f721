import { defineKey, euros, KeyError, needSubject } from './define.ts';
import { esvReport, reportDecisions } from './support.ts';

type Field = 'date' | 'reason' | 'before';

/** Reason codes of a stop, read from the decision's motivation (first match wins). */
export const STOP_REASONS: readonly { code: string; pattern: RegExp }[] = [
  { code: 'art60', pattern: /art(ikel|\.)?\s*60/i },
  { code: 'undeclared-work', pattern: /niet[- ]aangegeven|non déclaré/i },
  { code: 'benefit', pattern: /uitkering|ziekenfonds|allocation|indemnit/i },
  { code: 'moved', pattern: /verhuis|niet langer bevoegd|déménag/i },
  { code: 'work', pattern: /werk|tewerkstelling|emploi|travail/i },
];

/** The most recent stop decision of the ESV: the date the leefloon stopped, and why (a reason code). */
export default defineKey<{ field: Field }>({
  name: 'esv-stop',
  description:
    'The most recent stop decision of the ESV report: the first day without leefloon, the reason as a code (art60, undeclared-work, benefit, moved, work, other), or the monthly amount (EUR) of the decision it stopped.',
  params: {
    type: 'object',
    required: ['field'],
    additionalProperties: false,
    properties: { field: { enum: ['date', 'reason', 'before'] } },
  },
  compute(ctx, { field }) {
    const stops = reportDecisions(esvReport(ctx)).filter((d) => d.kind === 'stop');
    const s = stops[stops.length - 1];
    if (!s) throw new KeyError('no stop decision in the ESV report');
    if (field === 'date') return s.period.from;
    if (field === 'before') {
      const stopped = needSubject(ctx).ocmwDecisions.find((d) => d.id === s.revises);
      if (!stopped) throw new KeyError('the stop decision revises no decision');
      return euros(stopped.amountCents);
    }
    return STOP_REASONS.find((r) => r.pattern.test(s.revisionReason ?? ''))?.code ?? 'other';
  },
});
