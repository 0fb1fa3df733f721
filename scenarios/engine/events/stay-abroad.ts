import type { DateExpr } from '../scenario-types.ts';
import { defineEvent, untilSchema } from './define.ts';

/**
 * A stay abroad without giving up the Belgian domicile (a leefloon client must report a stay of more than a week;
 * payment is suspended after a month: art. 23 §5 RMI law, ksz-flows.md §8).
 */
export default defineEvent<{ country: string; until: DateExpr | null }>({
  kind: 'stay-abroad',
  description: 'The person stays abroad (country, period) while keeping the Belgian address.',
  params: {
    type: 'object',
    required: ['country', 'until'],
    additionalProperties: false,
    properties: { country: { type: 'string', pattern: '^[A-Z]{2}$', not: { const: 'BE' } }, until: untilSchema },
  },
  apply(ctx, who, p) {
    who.staysAbroad.push({ from: ctx.date, to: ctx.resolve(p.until), country: p.country });
  },
});
