import { installationPremiumCents } from '../amounts.ts';
import { competentOcmw, defineEvent } from './define.ts';
import { decisionDateFor, socialWorker } from './leefloon-common.ts';

/** The one-off installation premium for someone who leaves homelessness and takes up a home. */
export default defineEvent<Record<string, never>>({
  kind: 'installation-premium',
  description: 'The OCMW grants the installation premium (once), for example on leaving homelessness.',
  params: { type: 'object', additionalProperties: false, properties: {} },
  apply(ctx, who) {
    const ocmw = competentOcmw(ctx, who);
    who.ocmwDecisions.push({
      id: ctx.builder.nextId(`D${who.insz}`),
      ocmwKbo: ocmw.kbo,
      decisionDate: decisionDateFor(ctx.rng, ctx.date),
      kind: 'installation-premium',
      period: { from: ctx.date, to: ctx.date },
      amountCents: installationPremiumCents(ctx.date),
      calculation: { baseMonthlyCents: installationPremiumCents(ctx.date), resources: [], exemptionCents: 0 },
      socialWorker: socialWorker(ctx, ctx.rng, ocmw.name.nl),
      piis: false,
    });
  },
});
