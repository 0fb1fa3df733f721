import { addDays } from '../../../../scenarios/engine/dates.ts';
import { defineKey } from './define.ts';
import { currentDecision, esvReport, isPaid, reportDecisions } from './support.ts';

/** Since when the current leefloon runs without a break (the start of the run the current decision belongs to). */
export default defineKey<Record<string, never>>({
  name: 'esv-right-start',
  description:
    'The first day of the uninterrupted run of leefloon decisions (same OCMW) that the current ESV decision belongs to.',
  params: { type: 'object', additionalProperties: false, properties: {} },
  compute(ctx) {
    const report = esvReport(ctx);
    const current = currentDecision(report);
    const sameOcmw = reportDecisions(report).filter((d) => isPaid(d) && d.ocmw.kbo === current.ocmw.kbo);
    let start = current.period.from;
    for (let i = sameOcmw.findIndex((d) => d.id === current.id) - 1; i >= 0; i--) {
      const prev = sameOcmw[i]!;
      if (prev.period.to !== null && addDays(prev.period.to, 1) < start) break;
      if (prev.period.from < start) start = prev.period.from;
    }
    return start;
  },
});
