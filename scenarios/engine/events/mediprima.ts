import { addMonths, dayBefore } from '../dates.ts';
import type { MediprimaCard } from '../model.ts';
import type { DateExpr } from '../scenario-types.ts';
import { competentOcmw, defineEvent, untilSchema } from './define.ts';

/**
 * An OCMW decision on medical costs (urgent medical aid) recorded in Mediprima: an electronic medical card
 * (Carmed) with a validity period, cover, POD MI support and beneficiary status (ksz-flows.md §7; the card fields
 * follow the eHealth Mediprima XSD, the values are modelled). A card still valid on this date is replaced.
 */
export default defineEvent<{
  until?: DateExpr | null;
  months?: number;
  coverType?: MediprimaCard['coverType'];
  supportLevel?: MediprimaCard['supportLevel'];
  beneficiaryStatus?: MediprimaCard['beneficiaryStatus'];
  refundCodes?: string[];
  endReason?: NonNullable<MediprimaCard['endReason']>;
  nis?: string;
}>({
  kind: 'mediprima',
  description:
    'The competent OCMW opens a Mediprima medical card (cover, support level, beneficiary status) for `months` or `until`.',
  params: {
    type: 'object',
    additionalProperties: false,
    properties: {
      until: untilSchema,
      months: { type: 'integer', minimum: 1, maximum: 12 },
      coverType: { enum: ['full', 'partial', 'hospital-only'] },
      supportLevel: { enum: ['100%', 'personal-contribution'] },
      beneficiaryStatus: { enum: ['illegal-stay', 'asylum-seeker-without-code-207', 'eu-without-insurance', 'other'] },
      refundCodes: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^\\d\\.\\d{2}$' } },
      endReason: { enum: ['closed', 'stopped', 'replaced'] },
      nis: { type: 'string', pattern: '^\\d{5}$', description: 'Where the person stays when they have no address.' },
    },
  },
  apply(ctx, who, p) {
    const ocmw = p.nis ? (ctx.builder.pools.ocmwByNis.get(p.nis) ?? competentOcmw(ctx, who)) : competentOcmw(ctx, who);
    for (const card of who.mediprima) {
      if (card.from < ctx.date && (card.to === null || card.to >= ctx.date)) {
        card.to = dayBefore(ctx.date);
        card.endReason = 'replaced';
      }
    }
    const supportLevel = p.supportLevel ?? '100%';
    const to = p.until !== undefined ? ctx.resolve(p.until) : dayBefore(addMonths(ctx.date, p.months ?? 3));
    const card: MediprimaCard = {
      from: ctx.date,
      to,
      cardId: ctx.builder.nextId(`MP${who.insz}`),
      ocmwKbo: ocmw.kbo,
      coverType: p.coverType ?? 'full',
      supportLevel,
      beneficiaryStatus: p.beneficiaryStatus ?? 'illegal-stay',
      refundCodes: p.refundCodes ?? [supportLevel === '100%' ? '1.00' : '0.50'],
    };
    if (p.endReason) card.endReason = p.endReason;
    who.mediprima.push(card);
  },
});
