import { overlaps } from '../../../../scenarios/engine/dates.ts';
import { defineKey, KeyError, needSubject } from './define.ts';
import { isPaid } from './support.ts';

type Field = 'from' | 'to' | 'weeks';

/** The RVA sanction during which the subject's leefloon ran: its first day, last day, or length in weeks. */
export default defineKey<{ field: Field }>({
  name: 'unemployment-sanction',
  description:
    'The first RVA sanction that overlaps a leefloon decision of the subject: its start, its end, or its length in weeks.',
  params: {
    type: 'object',
    required: ['field'],
    additionalProperties: false,
    properties: { field: { enum: ['from', 'to', 'weeks'] } },
  },
  compute(ctx, { field }) {
    const person = needSubject(ctx);
    const leefloon = person.ocmwDecisions.filter(isPaid);
    const s = person.unemploymentSanctions.find((x) => leefloon.some((d) => overlaps(x, d.period)));
    if (!s) throw new KeyError('no sanction during a leefloon period');
    if (field === 'weeks') return s.weeks;
    if (field === 'to' && s.to === null) throw new KeyError('the sanction has no end');
    return field === 'from' ? s.from : s.to;
  },
});
