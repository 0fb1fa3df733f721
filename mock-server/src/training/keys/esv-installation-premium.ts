import { defineKey, euros, KeyError } from './define.ts';
import { esvReport, namesOf, reportDecisions } from './support.ts';

type Field = 'date' | 'amount' | 'ocmw';

/** The installation premium the ESV shows: its date, its amount, the OCMW that granted it. */
export default defineKey<{ field: Field }>({
  name: 'esv-installation-premium',
  description:
    'The most recent installation premium of the ESV report: the date it was granted for, the amount in EUR, or the names (nl, fr) of the granting OCMW.',
  params: {
    type: 'object',
    required: ['field'],
    additionalProperties: false,
    properties: { field: { enum: ['date', 'amount', 'ocmw'] } },
  },
  compute(ctx, { field }) {
    const premiums = reportDecisions(esvReport(ctx)).filter((d) => d.kind === 'installation-premium');
    const p = premiums[premiums.length - 1];
    if (!p) throw new KeyError('no installation premium in the ESV report');
    if (field === 'date') return p.period.from;
    if (field === 'amount') return euros(p.amountCents);
    return namesOf(p.ocmw);
  },
});
