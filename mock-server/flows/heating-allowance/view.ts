import { indexOf } from '../../../scenarios/engine/as-of.ts';
import { ageOn, covers, yearOf } from '../../../scenarios/engine/dates.ts';
import type { HouseholdRole, IsoDate, Person, World } from '../../../scenarios/engine/model.ts';
import type { HeatingRequest } from './request.ts';
import {
  type Category,
  FUELS,
  incomeCeilingCents,
  MAX_LITRES_PER_YEAR,
  PUMP_FORFAIT_CENTS,
  ratePerLitre,
} from './rules.ts';

export interface MemberView {
  ssin: string;
  lastName: string;
  firstName: string;
  role: HouseholdRole;
  increasedReimbursement: boolean;
  socialTariff: boolean;
  /** A child under 18 in the household: a person dependent on it for the income ceiling (modelled). */
  dependant: boolean;
  /** The member's last assessment known on the delivery date (FOD Financiën). */
  taxableIncome: { incomeYear: number; amountCents: number } | null;
}

export interface HeatingView {
  deliveryDate: IsoDate;
  beneficiary: { ssin: string; lastName: string; firstName: string; birthDate: IsoDate; category: Category };
  residence: { nis: string; postalCode: string; municipality: string; kind: 'main' | 'reference' };
  household: MemberView[];
  income: { incomeYear: number | null; householdTaxableIncomeCents: number; dependants: number; ceilingCents: number };
  categories: Record<Category, boolean>;
  /** Allowances already paid to the household in the calendar year of the delivery, up to today. */
  previousAllocations: { ssin: string; date: IsoDate; amountCents: number; ocmwKbo: string }[];
  /** null when the category asked is not supported by the data. */
  allocation: {
    pricePerLitreMilli: number;
    ratePerLitreMilli: number;
    litres: number;
    forfait: boolean;
    yearlyCeilingCents: number;
    amountCents: number;
  } | null;
}

function member(p: Person, role: HouseholdRole, date: IsoDate): MemberView {
  const last = p.taxes
    .filter((t) => t.assessmentDate <= date)
    .sort((a, b) => a.incomeYear - b.incomeYear)
    .at(-1);
  return {
    ssin: p.insz,
    lastName: p.familyName,
    firstName: p.givenName,
    role,
    increasedReimbursement: p.healthInsurance.some((h) => h.increasedReimbursement && covers(h, date)),
    socialTariff: p.energy.socialTariff.some((t) => covers(t, date)),
    dependant: role === 'child' && ageOn(p.birthDate, date) < 18,
    taxableIncome: last ? { incomeYear: last.incomeYear, amountCents: last.taxableIncomeCents } : null,
  };
}

/**
 * What the network knows for a heating allowance of `person` for one delivery: the household on the delivery date
 * with each member's increased reimbursement, social tariff and last assessed income, the three categories, the
 * allowances the household already had that calendar year (up to `today`) and the allowance this delivery gives.
 * Null when the person has no address on the delivery date (no household to heat).
 *
 * @example
 * heatingView(world, pensioner, request, '2025-06-30', false)?.categories; // { '1': true, '2': true, '3': false }
 */
export function heatingView(
  world: World,
  person: Person,
  r: HeatingRequest,
  today: IsoDate,
  debtMediation: boolean,
): HeatingView | null {
  const date = r.invoice.deliveryDate;
  const address = person.addresses.find((a) => covers(a, date) && !a.country);
  if (!address) return null;
  const idx = indexOf(world);
  const membership = person.households.find((m) => covers(m, date));
  const household = membership ? idx.households.get(membership.householdId) : undefined;
  const rows = household?.members.filter((m) => covers(m, date)) ?? [{ insz: person.insz, role: 'head' as const }];
  const members = rows
    .map((m) => {
      const p = idx.persons.get(m.insz);
      return p ? member(p, m.role, date) : null;
    })
    .filter((m): m is MemberView => m !== null)
    .sort((a, b) => (a.ssin === person.insz ? -1 : b.ssin === person.insz ? 1 : 0));

  const incomeYear = Math.max(...members.map((m) => m.taxableIncome?.incomeYear ?? 0));
  const year = incomeYear > 0 ? incomeYear : null;
  const total = members.reduce(
    (s, m) => s + (m.taxableIncome && m.taxableIncome.incomeYear === year ? m.taxableIncome.amountCents : 0),
    0,
  );
  const dependants = members.filter((m) => m.dependant).length;
  const ceiling = incomeCeilingCents(date, dependants);
  const categories: Record<Category, boolean> = {
    '1': members.some((m) => m.increasedReimbursement),
    '2': total <= ceiling,
    '3': debtMediation,
  };

  const previous = members
    .flatMap((m) =>
      (idx.persons.get(m.ssin)?.energy.heatingAllowances ?? [])
        .filter((a) => yearOf(a.date) === yearOf(date) && a.date <= today)
        .map((a) => ({ ssin: m.ssin, date: a.date, amountCents: a.amountCents, ocmwKbo: a.ocmwKbo })),
    )
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  return {
    deliveryDate: date,
    beneficiary: {
      ssin: person.insz,
      lastName: person.familyName,
      firstName: person.givenName,
      birthDate: person.birthDate,
      category: r.category,
    },
    residence: {
      nis: address.nis,
      postalCode: address.postcode,
      municipality: address.municipality.nl,
      kind: address.kind,
    },
    household: members,
    income: { incomeYear: year, householdTaxableIncomeCents: total, dependants, ceilingCents: ceiling },
    categories,
    previousAllocations: previous,
    allocation: categories[r.category]
      ? allocation(
          r,
          previous.reduce((s, a) => s + a.amountCents, 0),
        )
      : null,
  };
}

/** The allowance for the delivery, within what is left of the household's yearly ceiling. */
function allocation(r: HeatingRequest, alreadyPaidCents: number): NonNullable<HeatingView['allocation']> {
  const { amount, quantity, housingNumber, unitFuel } = r.invoice;
  const forfait = FUELS[unitFuel].forfait;
  const price = Math.round(amount / quantity / 10);
  const rate = ratePerLitre(price);
  const litres = Math.min(Math.floor(quantity / housingNumber), MAX_LITRES_PER_YEAR);
  const ceiling = forfait ? PUMP_FORFAIT_CENTS : (MAX_LITRES_PER_YEAR * rate) / 10;
  const computed = forfait ? PUMP_FORFAIT_CENTS : Math.round((litres * rate) / 10);
  return {
    pricePerLitreMilli: price,
    ratePerLitreMilli: rate,
    litres,
    forfait,
    yearlyCeilingCents: ceiling,
    amountCents: Math.max(0, Math.min(computed, ceiling - alreadyPaidCents)),
  };
}
