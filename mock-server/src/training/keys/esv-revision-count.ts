import { REVISION_TYPES, type RevisionType, revisionTypes } from './classify.ts';
import { defineKey, needSubject } from './define.ts';
import { esvReport, reportDecisions } from './support.ts';

/** How many decisions of the ESV are revisions of one type (indexation, resources, exemption, category, stop). */
export default defineKey<{ type: RevisionType }>({
  name: 'esv-revision-count',
  description:
    'The number of ESV decisions that revise an earlier one in the given way (an indexation changes nothing but the base amount).',
  params: {
    type: 'object',
    required: ['type'],
    additionalProperties: false,
    properties: { type: { enum: [...REVISION_TYPES] } },
  },
  compute(ctx, { type }) {
    const byId = new Map(needSubject(ctx).ocmwDecisions.map((d) => [d.id, d]));
    return reportDecisions(esvReport(ctx)).filter((d) =>
      revisionTypes(d, d.revises ? byId.get(d.revises) : undefined).includes(type),
    ).length;
  },
});
