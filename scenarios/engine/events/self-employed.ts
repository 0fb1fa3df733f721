import { closeOpen } from '../builder.ts';
import type { SelfEmployedPeriod } from '../model.ts';
import type { DateExpr } from '../scenario-types.ts';
import { dateExprSchema, defineEvent, untilSchema } from './define.ts';

/**
 * Social insurance funds for the self-employed (sociale verzekeringsfondsen). The RSVZ's secondary network has
 * about eleven of them (ksz-flows.md §5); these are the usual names, used as labels only.
 */
export const SELF_EMPLOYED_FUNDS = [
  'Acerta',
  'Liantis',
  'Partena',
  'Securex',
  'Xerius',
  'UCM',
  'Group S',
  'Avixi',
  'Zenito',
  'Nationale Hulpkas',
] as const;

/**
 * A period under the social statute of the self-employed (RSVZ/ARZA career): active or assimilated, main or
 * secondary occupation, full or half. The previous open period ends the day before. The affiliation attestation
 * counts as changed on this date unless `attestationChanged` says otherwise (VVSG page: attestations from before
 * 2003 that never changed since).
 */
export default defineEvent<{
  kind?: SelfEmployedPeriod['kind'];
  occupation?: SelfEmployedPeriod['occupation'];
  time?: SelfEmployedPeriod['time'];
  fund?: string;
  assimilationReason?: string;
  until?: DateExpr | null;
  attestationChanged?: DateExpr;
}>({
  kind: 'self-employed',
  description:
    'Starts a self-employed period (active/assimilated, main/secondary, full/half) at a social insurance fund.',
  params: {
    type: 'object',
    additionalProperties: false,
    properties: {
      kind: { enum: ['active', 'assimilated'] },
      occupation: { enum: ['main', 'secondary'] },
      time: { enum: ['full', 'half'] },
      fund: { enum: [...SELF_EMPLOYED_FUNDS] },
      assimilationReason: { type: 'string', minLength: 3 },
      until: untilSchema,
      attestationChanged: dateExprSchema,
    },
    // An assimilated period says why; an active one does not.
    anyOf: [
      { properties: { kind: { const: 'assimilated' } }, required: ['kind', 'assimilationReason'] },
      { properties: { kind: { const: 'active' } }, not: { required: ['assimilationReason'] } },
    ],
  },
  apply(ctx, who, p) {
    const previous = who.selfEmployed?.periods[who.selfEmployed.periods.length - 1];
    const fund = p.fund ?? previous?.fund ?? ctx.rng.pick(SELF_EMPLOYED_FUNDS);
    const career = who.selfEmployed ?? { periods: [], attestationChanged: ctx.date };
    who.selfEmployed = career;
    closeOpen(career.periods, ctx.date);
    const period: SelfEmployedPeriod = {
      from: ctx.date,
      to: ctx.resolve(p.until),
      kind: p.kind ?? 'active',
      occupation: p.occupation ?? 'main',
      time: p.time ?? 'full',
      fund,
    };
    if (p.assimilationReason) period.assimilationReason = p.assimilationReason;
    career.periods.push(period);
    career.attestationChanged = ctx.resolve(p.attestationChanged) ?? ctx.date;
  },
});
