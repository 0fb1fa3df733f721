import type { IsoDate } from '../../../scenarios/engine/model.ts';

/**
 * The rules of the Sociaal Verwarmingsfonds / Fonds social chauffage as the mock applies them. The three categories
 * are the Fund's; the figures below are MODELLED (plausible, not official): no source in this project states the
 * Fund's scale, ceilings or deadlines, so they must be read as a training model, like the `sourced: false` rows of
 * scenarios/engine/amounts.ts.
 */

/** Categories of beneficiaries (the Fund's three groups). */
export const CATEGORIES: Record<'1' | '2' | '3', { nl: string; fr: string; basis: string }> = {
  '1': {
    nl: 'recht op verhoogde tegemoetkoming',
    fr: 'droit à l’intervention majorée',
    basis: 'a household member has the increased reimbursement on the delivery date (mutuality, NIC/CIN)',
  },
  '2': {
    nl: 'laag inkomen',
    fr: 'revenus limités',
    basis: 'the household taxable income of the last assessed year is at most the ceiling (FOD Financiën)',
  },
  '3': {
    nl: 'schuldbemiddeling',
    fr: 'médiation de dettes',
    basis: 'the OCMW has an integration 17.7 (collectieve schuldbemiddeling / budgetbegeleiding) on the delivery date',
  },
};
export type Category = keyof typeof CATEGORIES;

/** `UnitFuel` codes (modelled: the recorded request only shows the value 3). */
export const FUELS: Record<'1' | '2' | '3' | '4', { nl: string; fr: string; forfait: boolean }> = {
  '1': { nl: 'huisbrandolie (gasolie verwarming) in bulk', fr: 'gasoil de chauffage en vrac', forfait: false },
  '2': { nl: 'verwarmingspetroleum (type C) in bulk', fr: 'pétrole lampant (type C) en vrac', forfait: false },
  '3': { nl: 'bulkpropaangas', fr: 'gaz propane en vrac', forfait: false },
  '4': { nl: 'verwarmingspetroleum (type C) aan de pomp', fr: 'pétrole lampant (type C) à la pompe', forfait: true },
};
export type Fuel = keyof typeof FUELS;

/** Litres per household per calendar year that count for the allowance (modelled). */
export const MAX_LITRES_PER_YEAR = 1500;
/** Fixed allowance for fuel bought at the pump, once per household per calendar year, in eurocent (modelled). */
export const PUMP_FORFAIT_CENTS = 21_000;
/** The request must reach the KSZ within this many days after the delivery (modelled). */
export const MAX_DAYS_AFTER_DELIVERY = 60;

/** Allowance per litre, in thousandths of a euro, by price per litre (thousandths of a euro, VAT included). */
const SCALE: readonly { below: number; rate: number }[] = [
  { below: 930, rate: 140 },
  { below: 955, rate: 155 },
  { below: 980, rate: 170 },
  { below: 1005, rate: 185 },
  { below: Number.POSITIVE_INFINITY, rate: 200 },
];

/** The allowance per litre (thousandths of a euro) for a price per litre (thousandths of a euro). */
export function ratePerLitre(priceMilli: number): number {
  return (SCALE.find((s) => priceMilli < s.below) ?? { rate: 200 }).rate;
}

/** Category 2 ceiling of the household's yearly taxable income, by the date it took effect (modelled). */
const CEILINGS: readonly { from: IsoDate; baseCents: number; perDependantCents: number }[] = [
  { from: '2009-01-01', baseCents: 1_630_633, perDependantCents: 301_874 },
  { from: '2016-01-01', baseCents: 1_835_000, perDependantCents: 339_700 },
  { from: '2023-01-01', baseCents: 2_357_891, perDependantCents: 436_515 },
];

/** The category 2 ceiling in force on `date` for a household with `dependants` dependants, in eurocent. */
export function incomeCeilingCents(date: IsoDate, dependants: number): number {
  const row = CEILINGS.findLast((r) => r.from <= date) ?? CEILINGS[0];
  return row ? row.baseCents + dependants * row.perDependantCents : 0;
}
