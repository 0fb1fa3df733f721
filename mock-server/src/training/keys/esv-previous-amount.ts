import { defineKey, euros, KeyError, needSubject } from './define.ts';
import { currentDecision, esvReport } from './support.ts';

/** The monthly amount of the decision the current ESV decision revised, in EUR (what changed by the revision). */
export default defineKey<Record<string, never>>({
  name: 'esv-previous-amount',
  description: 'The monthly amount of the decision that the most recent ESV leefloon decision revises, in EUR.',
  params: { type: 'object', additionalProperties: false, properties: {} },
  compute(ctx) {
    const current = currentDecision(esvReport(ctx));
    const revised = needSubject(ctx).ocmwDecisions.find((d) => d.id === current.revises);
    if (!revised) throw new KeyError('the current ESV decision revises no decision');
    return euros(revised.amountCents);
  },
});
