import { dayBefore } from '../dates.ts';
import type { LeefloonCategory } from '../model.ts';
import { cents, defineEvent } from './define.ts';
import {
  categorySchema,
  computeAmount,
  decisionDateFor,
  type ResourceParam,
  resourcesSchema,
  runningDecision,
  toResources,
} from './leefloon-common.ts';

/** A revision of the running leefloon decision: new category or resources from this date, with its reason. */
export default defineEvent<{
  reason: string;
  category?: LeefloonCategory;
  resources?: ResourceParam[];
  exemption?: number;
}>({
  kind: 'leefloon-revision',
  description: 'Revises the running leefloon decision (category, resources) from this date; the reason is kept.',
  params: {
    type: 'object',
    required: ['reason'],
    additionalProperties: false,
    properties: {
      reason: { type: 'string', minLength: 3 },
      category: categorySchema,
      resources: resourcesSchema,
      exemption: { type: 'number', minimum: 0 },
    },
  },
  apply(ctx, who, p) {
    const running = runningDecision(who, ctx.date);
    if (!running?.category) throw new Error(`leefloon-revision: no running leefloon decision on ${ctx.date}`);
    const category = p.category ?? running.category;
    const resources = p.resources ? toResources(p.resources) : running.calculation.resources;
    const exemptionCents = p.exemption !== undefined ? cents(p.exemption) : running.calculation.exemptionCents;
    const { base, amount } = computeAmount(category, ctx.date, resources, exemptionCents);
    const to = running.period.to;
    running.period.to = dayBefore(ctx.date);
    who.ocmwDecisions.push({
      ...running,
      id: ctx.builder.nextId(`D${who.insz}`),
      decisionDate: decisionDateFor(ctx.rng, ctx.date),
      category,
      period: { from: ctx.date, to },
      amountCents: amount,
      calculation: { baseMonthlyCents: base, resources, exemptionCents },
      revises: running.id,
      revisionReason: p.reason,
    });
  },
});
