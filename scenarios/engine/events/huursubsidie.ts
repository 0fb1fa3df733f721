import type { DateExpr } from '../scenario-types.ts';
import { cents, defineEvent, untilSchema } from './define.ts';
import { companySchema, fileNumber, housingCompany, monthlyPayments } from './housing-common.ts';

type Status = 'in behandeling' | 'toegekend' | 'geweigerd' | 'stopgezet';

/**
 * The Flemish huursubsidie (tegemoetkoming in de huurprijs): the first event opens the file (company, file number,
 * partner); `toegekend` adds monthly payments from this date to `until`; a later `stopgezet` or `geweigerd` drops
 * the payments from this date on and keeps the reason (VVSG page; ksz-flows.md §10; amounts modelled).
 */
export default defineEvent<{
  status?: Status;
  monthly?: number;
  until?: DateExpr | null;
  refusalReason?: string;
  partner?: string;
  company?: string;
}>({
  kind: 'huursubsidie',
  description: 'Opens or updates a huursubsidie file (status, partner, refusal reason); a grant adds monthly payments.',
  params: {
    type: 'object',
    additionalProperties: false,
    properties: {
      status: { enum: ['in behandeling', 'toegekend', 'geweigerd', 'stopgezet'] },
      monthly: { type: 'number', minimum: 0 },
      until: untilSchema,
      refusalReason: { type: 'string', minLength: 3 },
      partner: { type: 'string' },
      company: companySchema,
    },
  },
  apply(ctx, who, p) {
    const status = p.status ?? 'toegekend';
    let file = who.housing.huursubsidie;
    if (!file) {
      file = {
        company: housingCompany(ctx, who, p.company).name.nl,
        fileNumber: fileNumber(ctx),
        status,
        payments: [],
      };
      who.housing.huursubsidie = file;
    }
    file.status = status;
    if (p.partner) file.partner = ctx.person(p.partner).insz;
    if (p.refusalReason) file.refusalReason = p.refusalReason;
    if (status === 'toegekend') {
      file.payments.push(...monthlyPayments(ctx.date, ctx.resolve(p.until), cents(p.monthly ?? 250)));
    } else if (status === 'stopgezet' || status === 'geweigerd') {
      file.payments = file.payments.filter((x) => x.date < ctx.date);
    }
  },
});
