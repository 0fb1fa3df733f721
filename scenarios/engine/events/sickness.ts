import { closeOpen } from '../builder.ts';
import type { SicknessPeriod } from '../model.ts';
import type { DateExpr } from '../scenario-types.ts';
import { cents, defineEvent, untilSchema } from './define.ts';

/** Typical daily amounts (eurocent) of the mutuality's benefits; modelled, not official figures. */
const DAILY: Record<SicknessPeriod['kind'], number> = {
  'primary-incapacity': 6_450,
  invalidity: 6_120,
  maternity: 8_230,
};

/**
 * A benefit from the mutuality: primary incapacity for work (first year), invalidity (after it) or maternity
 * rest. The running period ends the day before (ksz-flows.md §3; purpose 11.2 "dossier arbeidsongeschiktheid").
 */
export default defineEvent<{ kind: SicknessPeriod['kind']; daily?: number; until?: DateExpr | null }>({
  kind: 'sickness',
  description: 'Starts a sickness benefit from the mutuality: primary incapacity, invalidity or maternity rest.',
  params: {
    type: 'object',
    required: ['kind'],
    additionalProperties: false,
    properties: {
      kind: { enum: ['primary-incapacity', 'invalidity', 'maternity'] },
      daily: { type: 'number', minimum: 0 },
      until: untilSchema,
    },
  },
  apply(ctx, who, p) {
    closeOpen(who.sickness, ctx.date);
    who.sickness.push({
      from: ctx.date,
      to: ctx.resolve(p.until),
      kind: p.kind,
      dailyCents: p.daily !== undefined ? cents(p.daily) : DAILY[p.kind],
    });
  },
});
