import { revisionTypes } from './classify.ts';
import { defineKey, KeyError, needSubject } from './define.ts';
import { esvReport, reportDecisions } from './support.ts';

type Field = 'date' | 'from' | 'to';

/** The latest revision in the ESV that changed the category: from when, from which category, to which. */
export default defineKey<{ field: Field }>({
  name: 'esv-category-change',
  description:
    'The latest ESV decision that changed the leefloon category of the decision it revises: its start date, the old or the new category.',
  params: {
    type: 'object',
    required: ['field'],
    additionalProperties: false,
    properties: { field: { enum: ['date', 'from', 'to'] } },
  },
  compute(ctx, { field }) {
    const person = needSubject(ctx);
    const byId = new Map(person.ocmwDecisions.map((d) => [d.id, d]));
    const changes = reportDecisions(esvReport(ctx)).filter((d) =>
      revisionTypes(d, d.revises ? byId.get(d.revises) : undefined).includes('category'),
    );
    const last = changes[changes.length - 1];
    if (!last) throw new KeyError('no category change in the ESV report');
    if (field === 'date') return last.period.from;
    if (field === 'to') return last.category;
    return (last.revises ? byId.get(last.revises)?.category : undefined) ?? null;
  },
});
