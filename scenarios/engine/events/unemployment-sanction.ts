import { addDays, dayBefore } from '../dates.ts';
import { defineEvent } from './define.ts';

/**
 * An RVA sanction. With `weeks` it is a temporary suspension of payment (the right itself runs on); without
 * `weeks` it is an exclusion until a new right is earned: the running unemployment right ends the day before with
 * end reason `sanction` and the sanction stays open. Weeks and reasons are modelled on the L035 "geen recht" block
 * (end date of the sanction, number of weeks; ksz-flows.md §4.1).
 */
export default defineEvent<{ reason: string; weeks?: number }>({
  kind: 'unemployment-sanction',
  description:
    'An RVA sanction from this date: a suspension for `weeks`, or (without weeks) an exclusion that ends the running right.',
  params: {
    type: 'object',
    required: ['reason'],
    additionalProperties: false,
    properties: {
      reason: { type: 'string', minLength: 3 },
      weeks: { type: 'integer', minimum: 1, maximum: 520 },
    },
  },
  apply(ctx, who, p) {
    if (p.weeks !== undefined) {
      who.unemploymentSanctions.push({
        from: ctx.date,
        to: addDays(ctx.date, p.weeks * 7 - 1),
        reason: p.reason,
        weeks: p.weeks,
      });
      return;
    }
    const running = who.unemployment.find((u) => u.from < ctx.date && (u.to === null || u.to >= ctx.date));
    if (!running)
      throw new Error(`unemployment-sanction: an exclusion needs a running unemployment right on ${ctx.date}`);
    running.to = dayBefore(ctx.date);
    running.endReason = 'sanction';
    who.unemploymentSanctions.push({ from: ctx.date, to: null, reason: p.reason, weeks: 0 });
  },
});
