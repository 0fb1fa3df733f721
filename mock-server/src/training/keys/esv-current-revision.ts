import { REVISION_TYPES, revisionTypes } from './classify.ts';
import { defineKey, KeyError, needSubject } from './define.ts';
import { currentDecision, esvReport } from './support.ts';

/** What the current ESV decision changed in the decision it revises (the first of: category, resources, exemption, indexation). */
export default defineKey<Record<string, never>>({
  name: 'esv-current-revision',
  description: `How the most recent ESV leefloon decision revises the previous one: one of ${REVISION_TYPES.join(', ')}.`,
  params: { type: 'object', additionalProperties: false, properties: {} },
  compute(ctx) {
    const current = currentDecision(esvReport(ctx));
    const revised = needSubject(ctx).ocmwDecisions.find((d) => d.id === current.revises);
    const [first] = revisionTypes(current, revised);
    if (!first) throw new KeyError('the current ESV decision revises no decision');
    return first;
  },
});
