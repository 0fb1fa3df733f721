import { defineKey, euros, KeyError } from './define.ts';
import { esvReport, reportDecisions } from './support.ts';

/** The (highest) monthly exemption on income from work that a decision in the ESV applied, in EUR. */
export default defineKey<Record<string, never>>({
  name: 'esv-exemption',
  description: 'The highest monthly exemption (vrijstelling) any decision of the ESV report applied, in EUR.',
  params: { type: 'object', additionalProperties: false, properties: {} },
  compute(ctx) {
    const max = Math.max(0, ...reportDecisions(esvReport(ctx)).map((d) => d.calculation.exemptionCents));
    if (max === 0) throw new KeyError('no exemption in the ESV report');
    return euros(max);
  },
});
