import { defineEvent } from './define.ts';

/**
 * The number is cancelled (for instance a duplicate BIS number of someone already known): consultations answer
 * MSG00007 (ksz-flows.md §1.1, §13.4). The record stays in the world with `cancelled`.
 */
export default defineEvent<Record<string, never>>({
  kind: 'insz-cancelled',
  description: 'Cancels the INSZ (e.g. a duplicate BIS number); the record stays, marked cancelled from this date.',
  params: { type: 'object', additionalProperties: false, properties: {} },
  apply(ctx, who) {
    if (who.replacedBy) throw new Error('insz-cancelled: the number was already replaced');
    who.cancelled = { date: ctx.date };
  },
});
