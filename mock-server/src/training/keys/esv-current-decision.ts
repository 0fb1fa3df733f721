import { defineKey, euros } from './define.ts';
import { currentDecision, esvReport } from './support.ts';

type Field = 'category' | 'amount' | 'piis' | 'kind' | 'from';

/** The most recent leefloon (or equivalent) decision the ESV shows: its category, amount, PIIS, kind or start. */
export default defineKey<{ field: Field }>({
  name: 'esv-current-decision',
  description:
    'The most recent leefloon or equivalent-leefloon decision of the ESV report (category, monthly amount in EUR, PIIS yes/no, kind, start date).',
  params: {
    type: 'object',
    required: ['field'],
    additionalProperties: false,
    properties: { field: { enum: ['category', 'amount', 'piis', 'kind', 'from'] } },
  },
  compute(ctx, { field }) {
    const d = currentDecision(esvReport(ctx));
    switch (field) {
      case 'category':
        return d.category;
      case 'amount':
        return euros(d.amountCents);
      case 'piis':
        return d.piis ? 'yes' : 'no';
      case 'kind':
        return d.kind;
      case 'from':
        return d.period.from;
    }
  },
});
