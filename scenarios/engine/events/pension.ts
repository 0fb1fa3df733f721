import { dayBefore } from '../dates.ts';
import type { PensionRight } from '../model.ts';
import type { DateExpr } from '../scenario-types.ts';
import { cents, defineEvent, untilSchema } from './define.ts';

/**
 * A pension right (PensionRegister): retirement, survivor's pension or the income guarantee for the elderly (IGO),
 * paid monthly by the FPD (or RSVZ, PDOS). An open right of the same kind ends the day before; kinds can run
 * together (a small retirement pension topped up by an IGO).
 */
export default defineEvent<{
  kind: PensionRight['kind'];
  monthly: number;
  institution?: PensionRight['institution'];
  until?: DateExpr | null;
}>({
  kind: 'pension',
  description: 'Starts a retirement, survivor or IGO pension with a monthly amount, paid by the FPD, RSVZ or PDOS.',
  params: {
    type: 'object',
    required: ['kind', 'monthly'],
    additionalProperties: false,
    properties: {
      kind: { enum: ['retirement', 'survivor', 'igo'] },
      monthly: { type: 'number', minimum: 0 },
      institution: { enum: ['FPD', 'RSVZ', 'PDOS'] },
      until: untilSchema,
    },
  },
  apply(ctx, who, p) {
    const open = who.pensions.find((x) => x.kind === p.kind && (x.to === null || x.to >= ctx.date));
    if (open && open.from >= ctx.date) who.pensions.splice(who.pensions.indexOf(open), 1);
    else if (open) open.to = dayBefore(ctx.date);
    who.pensions.push({
      from: ctx.date,
      to: ctx.resolve(p.until),
      kind: p.kind,
      monthlyCents: cents(p.monthly),
      institution: p.institution ?? 'FPD',
    });
  },
});
