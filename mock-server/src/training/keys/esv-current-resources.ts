import { defineKey, euros } from './define.ts';
import { currentDecision, esvReport } from './support.ts';

/** The resources the current ESV decision counts against the category amount, in EUR a month. */
export default defineKey<Record<string, never>>({
  name: 'esv-current-resources',
  description: 'The total monthly resources (bestaansmiddelen) the most recent ESV leefloon decision counts, in EUR.',
  params: { type: 'object', additionalProperties: false, properties: {} },
  compute(ctx) {
    const d = currentDecision(esvReport(ctx));
    return euros(d.calculation.resources.reduce((sum, r) => sum + r.monthlyCents, 0));
  },
});
