/**
 * What the RVA/ONEM knows of a person, as of the tenant's today: rights, payments and sanctions are views of
 * `Person.unemployment` and `Person.unemploymentSanctions`; payments follow from the rights by a modelled rule.
 */
import {
  addDays,
  addMonths,
  covers,
  lastOfMonth,
  maxDate,
  minDate,
  parseIso,
} from '../../../scenarios/engine/dates.ts';
import { makeKbo } from '../../../scenarios/engine/ids/kbo.ts';
import type { IsoDate, Person, UnemploymentRight, UnemploymentSanction } from '../../../scenarios/engine/model.ts';
import type { Status, StatusInformation } from '../../src/ksz/flows/define.ts';
import { serviceStatus } from '../../src/ksz/flows/status.ts';

/** Payment institutions (uitbetalingsinstellingen); the enterprise numbers are synthetic. */
export const PAYERS: Record<UnemploymentRight['paymentInstitution'], { cbeNumber: string; name: string }> = {
  ACV: { cbeNumber: makeKbo('08990011'), name: 'ACV-CSC (uitbetalingsinstelling)' },
  ABVV: { cbeNumber: makeKbo('08990022'), name: 'ABVV-FGTB (uitbetalingsinstelling)' },
  ACLVB: { cbeNumber: makeKbo('08990033'), name: 'ACLVB-CGSLB (uitbetalingsinstelling)' },
  HVW: { cbeNumber: makeKbo('08990044'), name: 'HVW-CAPAC (Hulpkas voor Werkloosheidsuitkeringen)' },
};

/** "Nature du chômage" codes of the RVA, with the labels of the public CPAS client (translated). */
export const UNEMPLOYMENT_CODES: Record<string, string> = {
  '00': 'not entitled to an allowance as an unemployed person',
  '01': 'full unemployment, admitted full time',
  '02': 'temporary unemployment, admitted full time',
};

const CODE_OF: Record<UnemploymentRight['kind'], string> = {
  full: '01',
  inschakeling: '01',
  temporary: '02',
  'youth-waiting': '00',
};

const FAMILY_STATE = { 'family-charge': 'HOUSEHOLDER', single: 'SOLITARY', cohabitant: 'COHABITING' } as const;

export interface RightView {
  id: string;
  beginDate: IsoDate;
  /** Only when the end is known on the tenant's today. */
  endDate: IsoDate | null;
  /** An inschakelingsuitkering ends by law after 36 months: its theoretical end is known from the start. */
  theoricEndDate: IsoDate | null;
  unemployedWorkerStatus: 'UNEMPLOYMENT_ALLOCATION' | 'INSERTION_ALLOCATION';
  unemploymentCode: string;
  familyState: (typeof FAMILY_STATE)[keyof typeof FAMILY_STATE];
  dailyAmount: number;
  payer: { cbeNumber: string; name: string };
}

export interface SanctionView {
  kind: 'SUSPENSION' | 'EXCLUSION';
  triggerDate: IsoDate;
  endDate: IsoDate | null;
  nbrOfWeeksSanction: number;
  reason: string;
}

export interface PaymentView {
  relatedMonth: string;
  paidMonth: string;
  nbrOfAllowances: number;
  theoricDailyAllowanceAmount: number;
  paidAmount: number;
  acceptedAmount: number;
  dossierStatus: 'COMPLETED' | 'PROVISIONAL' | 'NOT_STARTED';
  unemploymentCode: string;
  payer: { cbeNumber: string; name: string };
}

const known = <T extends { from: IsoDate }>(list: readonly T[], today: IsoDate): T[] =>
  list.filter((x) => x.from <= today);

export function rightView(r: UnemploymentRight, today: IsoDate): RightView {
  return {
    id: r.id,
    beginDate: r.from,
    endDate: r.to !== null && r.to <= today ? r.to : null,
    theoricEndDate: r.kind === 'inschakeling' && r.endReason === 'limit-36-months' ? r.to : null,
    unemployedWorkerStatus: r.kind === 'inschakeling' ? 'INSERTION_ALLOCATION' : 'UNEMPLOYMENT_ALLOCATION',
    unemploymentCode: CODE_OF[r.kind],
    familyState: FAMILY_STATE[r.category],
    dailyAmount: r.dailyAmountCents,
    payer: PAYERS[r.paymentInstitution],
  };
}

export function sanctionView(s: UnemploymentSanction, today: IsoDate): SanctionView {
  return {
    kind: s.weeks > 0 ? 'SUSPENSION' : 'EXCLUSION',
    triggerDate: s.from,
    endDate: s.to !== null && s.to <= today ? s.to : null,
    nbrOfWeeksSanction: s.weeks,
    reason: s.reason,
  };
}

/** The RVA has a file on the person: some right or sanction started on or before today. */
export function hasFile(p: Person, today: IsoDate): boolean {
  return known(p.unemployment, today).length > 0 || known(p.unemploymentSanctions, today).length > 0;
}

export function rightsOn(p: Person, date: IsoDate, today: IsoDate): UnemploymentRight[] {
  return known(p.unemployment, today).filter((r) => covers(r, date));
}

export function sanctionsOn(p: Person, date: IsoDate, today: IsoDate): UnemploymentSanction[] {
  return known(p.unemploymentSanctions, today).filter((s) => covers(s, date));
}

/** The right that ended last before `date` (the "geen recht" block names its end). */
export function lastRightBefore(p: Person, date: IsoDate): UnemploymentRight | undefined {
  const ended = p.unemployment.filter((r) => r.to !== null && r.to < date);
  return ended.sort((a, b) => ((a.to ?? '') < (b.to ?? '') ? -1 : 1)).at(-1);
}

export const monthOf = (date: IsoDate): string => date.slice(0, 7);
export const nextMonth = (month: string): string => monthOf(addMonths(`${month}-01`, 1));

/** Months from `start` to `end` inclusive (`YYYY-MM`). */
export function monthsFrom(start: string, end: string): string[] {
  const out: string[] = [];
  for (let m = start; m <= end; m = nextMonth(m)) out.push(m);
  return out;
}

/**
 * Allowances paid for one right in one month: the days Monday to Saturday (the six-day week of the RVA) inside the
 * right and the month that no suspension covers.
 */
function paidDays(p: Person, r: UnemploymentRight, month: string): number {
  const first = maxDate(r.from, `${month}-01`);
  const last = minDate(r.to ?? '9999-12-31', lastOfMonth(`${month}-01`));
  const suspended = p.unemploymentSanctions.filter((s) => s.weeks > 0);
  let days = 0;
  for (let d = first; d <= last; d = addDays(d, 1)) {
    const { y, m, d: day } = parseIso(d);
    if (new Date(Date.UTC(y, m - 1, day)).getUTCDay() === 0) continue;
    if (suspended.some((s) => covers(s, d))) continue;
    days++;
  }
  return days;
}

/** The RVA's check of a month: done after three months, provisional in the second, not started in the first. */
function dossierStatus(month: string, today: IsoDate): PaymentView['dossierStatus'] {
  const age =
    (Number(today.slice(0, 4)) - Number(month.slice(0, 4))) * 12 +
    Number(today.slice(5, 7)) -
    Number(month.slice(5, 7));
  return age >= 3 ? 'COMPLETED' : age === 2 ? 'PROVISIONAL' : 'NOT_STARTED';
}

/**
 * The payments for `month`: one per right that ran in it, paid in the following month. A month is paid once it is
 * over (its payment month has come); a month without allowance days (all suspended, or a right without amount)
 * has no payment.
 */
export function paymentsFor(p: Person, month: string, today: IsoDate): PaymentView[] {
  if (month >= monthOf(today)) return [];
  const out: PaymentView[] = [];
  for (const r of known(p.unemployment, today)) {
    if (r.from > lastOfMonth(`${month}-01`) || (r.to !== null && r.to < `${month}-01`)) continue;
    const days = paidDays(p, r, month);
    if (days === 0 || r.dailyAmountCents === 0) continue;
    const paid = days * r.dailyAmountCents;
    const status = dossierStatus(month, today);
    out.push({
      relatedMonth: month,
      paidMonth: nextMonth(month),
      nbrOfAllowances: days,
      theoricDailyAllowanceAmount: r.dailyAmountCents,
      paidAmount: paid,
      acceptedAmount: status === 'NOT_STARTED' ? 0 : paid,
      dossierStatus: status,
      unemploymentCode: CODE_OF[r.kind],
      payer: PAYERS[r.paymentInstitution],
    });
  }
  return out;
}

/** The last month before today with a payment, looking back at most five years. */
export function lastPaidMonth(p: Person, today: IsoDate): string | null {
  let m = monthOf(addMonths(`${monthOf(today)}-01`, -1));
  const stop = monthOf(addMonths(today, -60));
  for (; m >= stop; m = monthOf(addMonths(`${m}-01`, -1))) if (paymentsFor(p, m, today).length > 0) return m;
  return null;
}

/** The service-specific UD codes of UnemploymentData (ksz-flows.md §4.3, after the public CPAS client). */
export const UD = {
  noData: (info?: StatusInformation[]): Status =>
    serviceStatus('NO_DATA_FOUND', 'UD000011', 'No data found that match the search criteria.', info),
  noFile: (ssin: string): Status =>
    serviceStatus(
      'NO_DATA_FOUND',
      'UD000012',
      'SSIN unknown at the RVA/ONEM in the legal context of the KSZ (integration).',
      [{ fieldName: 'ssin', fieldValue: ssin }],
    ),
  rightWithoutPayment: (info?: StatusInformation[]): Status =>
    serviceStatus('NO_DATA_FOUND', 'UD000017', 'The right is known, but no payment is known.', info),
  badTime: (field: string, why: string): Status =>
    serviceStatus('NO_RESULT', 'UD000031', 'Incorrect time indication in the request.', [
      { fieldName: field, fieldValue: why },
    ]),
  insertionEnded: (end: IsoDate): Status =>
    serviceStatus(
      'NO_DATA_FOUND',
      'UD000033',
      'The person is no longer entitled to inschakelingsuitkeringen (allocations d’insertion).',
      [{ fieldName: 'rightEndDate', fieldValue: end }],
    ),
};
