import type { LeefloonCategory, OcmwDecision } from '../model.ts';
import type { DateExpr } from '../scenario-types.ts';
import { cents, competentOcmw, defineEvent, untilSchema } from './define.ts';
import {
  categorySchema,
  computeAmount,
  decisionDateFor,
  type ResourceParam,
  resourcesSchema,
  socialWorker,
  toResources,
} from './leefloon-common.ts';

/**
 * A leefloon (or equivalent leefloon) decision by the competent OCMW. Indexations inside the period become
 * revision decisions when the world is finished (`finish-decisions.ts`), as an ESV shows them.
 */
export default defineEvent<{
  category: LeefloonCategory;
  kind?: 'leefloon' | 'equivalent-leefloon';
  until?: DateExpr | null;
  resources?: ResourceParam[];
  exemption?: number;
  piis?: boolean;
}>({
  kind: 'leefloon',
  description: 'The OCMW grants a leefloon or equivalent leefloon in a category, with the calculation elements.',
  params: {
    type: 'object',
    required: ['category'],
    additionalProperties: false,
    properties: {
      category: categorySchema,
      kind: { enum: ['leefloon', 'equivalent-leefloon'] },
      until: untilSchema,
      resources: resourcesSchema,
      exemption: { type: 'number', minimum: 0 },
      piis: { type: 'boolean' },
    },
  },
  apply(ctx, who, p) {
    const ocmw = competentOcmw(ctx, who);
    const resources = toResources(p.resources);
    const exemptionCents = cents(p.exemption ?? 0);
    const { base, amount } = computeAmount(p.category, ctx.date, resources, exemptionCents);
    const decision: OcmwDecision = {
      id: ctx.builder.nextId(`D${who.insz}`),
      ocmwKbo: ocmw.kbo,
      decisionDate: decisionDateFor(ctx.rng, ctx.date),
      kind: p.kind ?? 'leefloon',
      category: p.category,
      period: { from: ctx.date, to: ctx.resolve(p.until) },
      amountCents: amount,
      calculation: { baseMonthlyCents: base, resources, exemptionCents },
      socialWorker: socialWorker(ctx, ctx.rng, ocmw.name.nl),
      piis: p.piis ?? false,
    };
    who.ocmwDecisions.push(decision);
  },
});
