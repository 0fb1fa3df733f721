import type { DateExpr } from '../scenario-types.ts';
import { cents, defineEvent, untilSchema } from './define.ts';

/**
 * Ownership of a cadastral parcel (Cadnet / PatrimonyService): where, what, the yearly cadastral income and the
 * person's share, from this date to `until` (sale). The parcel number is modelled on the cadastral notation
 * (division, section, number).
 */
export default defineEvent<{
  description?: string;
  cadastralIncome: number;
  share?: string;
  nis?: string;
  until?: DateExpr | null;
}>({
  kind: 'property',
  description: 'The person acquires (a share of) a parcel with a cadastral income; `until` is the sale.',
  params: {
    type: 'object',
    required: ['cadastralIncome'],
    additionalProperties: false,
    properties: {
      description: { type: 'string', minLength: 3 },
      cadastralIncome: { type: 'number', minimum: 0 },
      share: { type: 'string', pattern: '^\\d+/\\d+$' },
      nis: { type: 'string', pattern: '^\\d{5}$' },
      until: untilSchema,
    },
  },
  apply(ctx, who, p) {
    const nis = p.nis ?? ctx.builder.addressOn(who, ctx.date)?.nis;
    if (!nis) throw new Error('property: give `nis` for a person without an address');
    const section = ctx.rng.pick(['A', 'B', 'C', 'D', 'E', 'F']);
    const id = `${nis}${section}${String(ctx.rng.int(1, 2_999)).padStart(4, '0')}/00${ctx.rng.pick(['A', 'B', 'C', 'D', '_'])}000`;
    who.property.push({
      id,
      nis,
      description: p.description ?? 'woonhuis',
      cadastralIncomeCents: cents(p.cadastralIncome),
      share: p.share ?? '1/1',
      period: { from: ctx.date, to: ctx.resolve(p.until) },
    });
  },
});
