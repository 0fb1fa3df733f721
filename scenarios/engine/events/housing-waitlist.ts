import type { DateExpr } from '../scenario-types.ts';
import { defineEvent, untilSchema } from './define.ts';
import { companySchema, fileNumber, housingCompany } from './housing-common.ts';

/**
 * Registration as a candidate tenant on the waiting list of a social housing company, until deregistration
 * (the huurpremie flow gives registration and deregistration dates; VVSG page, ksz-flows.md §10).
 */
export default defineEvent<{ company?: string; until?: DateExpr | null }>({
  kind: 'housing-waitlist',
  description: 'Registers the person on the waiting list of a social housing company (until deregistration).',
  params: {
    type: 'object',
    additionalProperties: false,
    properties: { company: companySchema, until: untilSchema },
  },
  apply(ctx, who, p) {
    const company = housingCompany(ctx, who, p.company);
    who.housing.waitingList = {
      from: ctx.date,
      to: ctx.resolve(p.until),
      company: company.name.nl,
      companyKbo: company.kbo,
      fileNumber: fileNumber(ctx),
    };
  },
});
