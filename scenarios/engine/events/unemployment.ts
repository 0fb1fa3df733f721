import { addMonths, dayBefore } from '../dates.ts';
import type { UnemploymentRight } from '../model.ts';
import type { DateExpr } from '../scenario-types.ts';
import { cents, defineEvent, untilSchema } from './define.ts';

/** Typical daily amounts (eurocent) by kind and category, modelled on RVA scales; not official figures. */
const DAILY: Record<UnemploymentRight['kind'], Record<UnemploymentRight['category'], number>> = {
  full: { 'family-charge': 7_156, single: 6_023, cohabitant: 4_571 },
  inschakeling: { 'family-charge': 5_143, single: 3_806, cohabitant: 1_972 },
  temporary: { 'family-charge': 6_400, single: 6_000, cohabitant: 5_600 },
  'youth-waiting': { 'family-charge': 0, single: 0, cohabitant: 0 },
};

/**
 * An RVA right. An inschakelingsuitkering without `until` lasts 36 months and then ends for good
 * (the limit in force since 2012, whose first ends fell on 2015-01-01).
 */
export default defineEvent<{
  kind: UnemploymentRight['kind'];
  category?: UnemploymentRight['category'];
  until?: DateExpr | null;
  dailyAmount?: number;
  endReason?: UnemploymentRight['endReason'];
  institution?: UnemploymentRight['paymentInstitution'];
}>({
  kind: 'unemployment',
  description: 'Opens an RVA unemployment right (full, inschakeling, temporary) paid by a payment institution.',
  params: {
    type: 'object',
    required: ['kind'],
    additionalProperties: false,
    properties: {
      kind: { enum: ['full', 'inschakeling', 'temporary', 'youth-waiting'] },
      category: { enum: ['family-charge', 'single', 'cohabitant'] },
      until: untilSchema,
      dailyAmount: { type: 'number', minimum: 0 },
      endReason: { enum: ['limit-36-months', 'work', 'sanction', 'other'] },
      institution: { enum: ['ACV', 'ABVV', 'ACLVB', 'HVW'] },
    },
  },
  apply(ctx, who, p) {
    const category = p.category ?? 'single';
    let to = ctx.resolve(p.until);
    let endReason = p.endReason;
    if (p.kind === 'inschakeling' && p.until === undefined) {
      to = dayBefore(addMonths(ctx.date, 36));
      endReason = 'limit-36-months';
    }
    const right: UnemploymentRight = {
      id: ctx.builder.nextId(`U${who.insz}`),
      from: ctx.date,
      to,
      kind: p.kind,
      category,
      dailyAmountCents: p.dailyAmount !== undefined ? cents(p.dailyAmount) : DAILY[p.kind][category],
      paymentInstitution:
        p.institution ??
        ctx.rng.weighted([
          ['ACV', 40],
          ['ABVV', 35],
          ['ACLVB', 10],
          ['HVW', 15],
        ] as const),
    };
    if (endReason) right.endReason = endReason;
    who.unemployment.push(right);
  },
});
