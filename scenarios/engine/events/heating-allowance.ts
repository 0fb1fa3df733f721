import { cents, competentOcmw, defineEvent } from './define.ts';

/**
 * One heating allowance (verwarmingstoelage, Sociaal Verwarmingsfonds) paid by the OCMW competent for the address
 * (purpose 17.40; ksz-flows.md §12.8). The default amount is modelled, not an official scale.
 */
export default defineEvent<{ amount?: number }>({
  kind: 'heating-allowance',
  description: 'The competent OCMW pays one heating allowance (Sociaal Verwarmingsfonds) on this date.',
  params: {
    type: 'object',
    additionalProperties: false,
    properties: { amount: { type: 'number', minimum: 0, maximum: 2_000 } },
  },
  apply(ctx, who, p) {
    who.energy.heatingAllowances.push({
      date: ctx.date,
      amountCents: cents(p.amount ?? 300),
      ocmwKbo: competentOcmw(ctx, who).kbo,
    });
  },
});
