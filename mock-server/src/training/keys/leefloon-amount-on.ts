import { covers, isValidIsoDate } from '../../../../scenarios/engine/dates.ts';
import { defineKey, euros, KeyError, needSubject } from './define.ts';
import { isPaid } from './support.ts';

/** The monthly leefloon amount paid on a date (the trainee's OCMW's decision first). */
export default defineKey<{ date: string }>({
  name: 'leefloon-amount-on',
  description:
    'The monthly amount (EUR) of the leefloon decision covering the date, preferring the trainee’s own OCMW.',
  params: {
    type: 'object',
    required: ['date'],
    additionalProperties: false,
    properties: { date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } },
  },
  compute(ctx, { date }) {
    if (!isValidIsoDate(date)) throw new KeyError(`not a date: ${date}`);
    const covering = needSubject(ctx).ocmwDecisions.filter((d) => isPaid(d) && covers(d.period, date));
    const d = covering.find((x) => x.ocmwKbo === ctx.ocmwKbo) ?? covering[0];
    if (!d) throw new KeyError(`no leefloon on ${date}`);
    return euros(d.amountCents);
  },
});
