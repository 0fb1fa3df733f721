import { leefloonMonthlyCents } from '../amounts.ts';
import { addDays } from '../dates.ts';
import type { IsoDate, LeefloonCategory, OcmwDecision, Person } from '../model.ts';
import type { Rng } from '../rng.ts';
import { cents, type EventContext } from './define.ts';

export interface ResourceParam {
  kind: string;
  monthly: number;
}

export const resourcesSchema = {
  type: 'array',
  items: {
    type: 'object',
    required: ['kind', 'monthly'],
    additionalProperties: false,
    properties: { kind: { type: 'string' }, monthly: { type: 'number', minimum: 0 } },
  },
} as const;

export const categorySchema = { enum: ['samenwonende', 'alleenstaande', 'gezinslast'] } as const;

/** The decision of a leefloon chain that runs on `date`. */
export function runningDecision(who: Person, date: IsoDate): OcmwDecision | undefined {
  for (let i = who.ocmwDecisions.length - 1; i >= 0; i--) {
    const d = who.ocmwDecisions[i];
    if (!d || (d.kind !== 'leefloon' && d.kind !== 'equivalent-leefloon')) continue;
    if (d.period.from <= date && (d.period.to === null || date <= d.period.to)) return d;
  }
  return undefined;
}

/** Granted amount = category amount − counted resources + exemption, never below zero. */
export function computeAmount(
  category: LeefloonCategory,
  date: IsoDate,
  resources: OcmwDecision['calculation']['resources'],
  exemptionCents: number,
) {
  const base = leefloonMonthlyCents(category, date);
  const counted = resources.reduce((sum, r) => sum + r.monthlyCents, 0);
  return { base, amount: Math.max(0, base - Math.max(0, counted - exemptionCents)) };
}

export function socialWorker(ctx: EventContext, rng: Rng, ocmwName: string): OcmwDecision['socialWorker'] {
  const given = rng.pick(['An', 'Sofie', 'Tom', 'Els', 'Pieter', 'Nathalie', 'Karim', 'Julie', 'Bart', 'Leen']);
  const family = rng.pick([
    'Peeters',
    'Janssens',
    'Maes',
    'Claes',
    'Willems',
    'Goossens',
    'Wouters',
    'Dubois',
    'Lambert',
    'Martin',
  ]);
  const domain = ocmwName
    .toLowerCase()
    .replace(/^(ocmw|cpas de) /, '')
    .replace(/[^a-z]+/g, '');
  void ctx;
  return {
    name: `${given} ${family}`,
    phone: `0${rng.int(2, 9)} ${rng.int(100, 999)} ${String(rng.int(0, 99)).padStart(2, '0')} ${String(rng.int(0, 99)).padStart(2, '0')}`,
    email: `${given}.${family}@ocmw-${domain}.example`.toLowerCase(),
  };
}

export function toResources(list: ResourceParam[] | undefined): OcmwDecision['calculation']['resources'] {
  return (list ?? []).map((r) => ({ kind: r.kind, monthlyCents: cents(r.monthly) }));
}

/** The Council decides within 30 days of the request; the decision takes effect from the request. */
export function decisionDateFor(rng: Rng, from: IsoDate): IsoDate {
  return addDays(from, rng.int(6, 28));
}
