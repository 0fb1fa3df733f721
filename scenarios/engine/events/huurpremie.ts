import type { DateExpr } from '../scenario-types.ts';
import { cents, defineEvent, untilSchema } from './define.ts';
import { monthlyPayments } from './housing-common.ts';

/**
 * The Flemish huurpremie for a private tenant on a social-housing waiting list (≥ 4 years): potentially entitled
 * with monthly payments from this date, or refused with a reason (VVSG page; ksz-flows.md §10). Payments run to
 * `until`, else to the deregistration from the waiting list. The default amount is modelled, not official.
 */
export default defineEvent<{
  monthly?: number;
  until?: DateExpr | null;
  potentiallyEntitled?: boolean;
  refusalReason?: string;
}>({
  kind: 'huurpremie',
  description:
    'Decides on the huurpremie of a waiting-list candidate: monthly payments from this date, or a refusal with its reason.',
  params: {
    type: 'object',
    additionalProperties: false,
    properties: {
      monthly: { type: 'number', minimum: 0 },
      until: untilSchema,
      potentiallyEntitled: { type: 'boolean' },
      refusalReason: { type: 'string', minLength: 3 },
    },
  },
  apply(ctx, who, p) {
    const list = who.housing.waitingList;
    if (!list || list.from > ctx.date)
      throw new Error(`huurpremie: the person is not on a social-housing waiting list on ${ctx.date}`);
    const entitled = p.potentiallyEntitled ?? p.refusalReason === undefined;
    const premie = who.housing.huurpremie ?? { potentiallyEntitled: entitled, payments: [] };
    premie.potentiallyEntitled = entitled;
    if (p.refusalReason) premie.refusalReason = p.refusalReason;
    else delete premie.refusalReason;
    if (entitled && !p.refusalReason) {
      const until = p.until !== undefined ? ctx.resolve(p.until) : list.to;
      premie.payments.push(...monthlyPayments(ctx.date, until, cents(p.monthly ?? 160)));
    }
    who.housing.huurpremie = premie;
  },
});
