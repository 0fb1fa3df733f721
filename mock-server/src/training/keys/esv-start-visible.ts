import { defineKey, KeyError, needSubject } from './define.ts';
import { esvReport, isPaid } from './support.ts';

/** Does the ESV still show the very first leefloon decision of the person, or is it older than five years? */
export default defineKey<Record<string, never>>({
  name: 'esv-start-visible',
  description:
    '"yes" when the first leefloon decision another OCMW took for the person lies within the ESV window, else "no".',
  params: { type: 'object', additionalProperties: false, properties: {} },
  compute(ctx) {
    const report = esvReport(ctx);
    const first = needSubject(ctx)
      .ocmwDecisions.filter((d) => isPaid(d) && d.ocmwKbo !== ctx.ocmwKbo && d.decisionDate <= ctx.today)
      .sort((a, b) => a.decisionDate.localeCompare(b.decisionDate))[0];
    if (!first) throw new KeyError('no leefloon decision of another OCMW');
    return first.decisionDate >= report.window.from ? 'yes' : 'no';
  },
});
