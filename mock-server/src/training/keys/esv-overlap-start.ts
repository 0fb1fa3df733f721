import { maxDate, minDate } from '../../../../scenarios/engine/dates.ts';
import { defineKey, KeyError } from './define.ts';
import { esvReport, isPaid, reportDecisions } from './support.ts';

const END = '9999-12-31';

/** The first day two different OCMW's both paid leefloon according to the ESV. */
export default defineKey<Record<string, never>>({
  name: 'esv-overlap-start',
  description: 'The first day covered by leefloon decisions of two different OCMW’s in the ESV report.',
  params: { type: 'object', additionalProperties: false, properties: {} },
  compute(ctx) {
    const paid = reportDecisions(esvReport(ctx)).filter(isPaid);
    let first: string | null = null;
    for (const a of paid)
      for (const b of paid) {
        if (a.ocmw.kbo >= b.ocmw.kbo) continue;
        const from = maxDate(a.period.from, b.period.from);
        const to = minDate(a.period.to ?? END, b.period.to ?? END);
        if (from <= to && (first === null || from < first)) first = from;
      }
    if (first === null) throw new KeyError('no two OCMW’s overlap in the ESV report');
    return first;
  },
});
