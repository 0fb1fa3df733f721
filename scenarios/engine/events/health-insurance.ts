import { closeOpen } from '../builder.ts';
import { MUTUALITIES } from '../pools.ts';
import type { DateExpr } from '../scenario-types.ts';
import { defineEvent, untilSchema } from './define.ts';

/** Affiliation with a mutuality (insurability), as titular or as dependant of a titular. */
export default defineEvent<{ mutuality?: string; titular?: string; until?: DateExpr | null; increased?: boolean }>({
  kind: 'health-insurance',
  description: 'Affiliates the person with a mutuality from this date (titular, or dependant of another role).',
  params: {
    type: 'object',
    additionalProperties: false,
    properties: {
      mutuality: { enum: MUTUALITIES.map((m) => m.code) },
      titular: { type: 'string' },
      until: untilSchema,
      increased: { type: 'boolean' },
    },
  },
  apply(ctx, who, p) {
    const m = p.mutuality
      ? MUTUALITIES.find((x) => x.code === p.mutuality)
      : ctx.rng.weighted(MUTUALITIES.map((x) => [x, x.weight] as const));
    if (!m) throw new Error(`health-insurance: unknown mutuality ${p.mutuality}`);
    closeOpen(who.healthInsurance, ctx.date);
    const period = {
      from: ctx.date,
      to: ctx.resolve(p.until),
      mutualityCode: m.code,
      mutualityName: m.name,
      status: p.titular ? ('dependant' as const) : ('titular' as const),
      increasedReimbursement: p.increased ?? false,
    };
    who.healthInsurance.push(p.titular ? { ...period, titular: ctx.person(p.titular).insz } : period);
  },
});
