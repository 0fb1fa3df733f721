import type { IsoDate, Period } from './model.ts';

/** Pure date arithmetic on `YYYY-MM-DD` strings, in UTC, so no time zone or wall clock enters a world. */

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseIso(date: IsoDate): { y: number; m: number; d: number } {
  const match = ISO_DATE.exec(date);
  if (!match) throw new Error(`not a date (expected YYYY-MM-DD): ${JSON.stringify(date)}`);
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}

/** True for a real calendar date (no month or day 00, no 30 February). */
export function isValidIsoDate(date: string): boolean {
  const match = ISO_DATE.exec(date);
  if (!match) return false;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toEpochDays(date: IsoDate): number {
  const { y, m, d } = parseIso(date);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function fromEpochDays(days: number): IsoDate {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

/** @example addDays('2024-02-28', 2) // '2024-03-01' */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDays(toEpochDays(date) + days);
}

/** Adds calendar months, clamping the day to the target month's length. @example addMonths('2024-01-31', 1) // '2024-02-29' */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { y, m, d } = parseIso(date);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const nd = Math.min(d, daysInMonth(ny, nm));
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(nd).padStart(2, '0')}`;
}

export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDays(to) - toEpochDays(from);
}

/** Whole months from `from` to `to` (how many month boundaries were passed). */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  const a = parseIso(from);
  const b = parseIso(to);
  let months = (b.y - a.y) * 12 + (b.m - a.m);
  if (b.d < a.d) months -= 1;
  return months;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

export function firstOfMonth(date: IsoDate): IsoDate {
  return `${date.slice(0, 7)}-01`;
}

export function lastOfMonth(date: IsoDate): IsoDate {
  const { y, m } = parseIso(date);
  return `${date.slice(0, 7)}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

/** Age in completed years on `on`. */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  const b = parseIso(birthDate.replace(/-00/g, '-01'));
  const o = parseIso(on);
  let age = o.y - b.y;
  if (o.m < b.m || (o.m === b.m && o.d < b.d)) age -= 1;
  return age;
}

/** Is `date` inside the (inclusive, possibly open-ended) period? */
export function covers(period: Period, date: IsoDate): boolean {
  return period.from <= date && (period.to === null || date <= period.to);
}

/** Do two periods share at least one day? */
export function overlaps(a: Period, b: Period): boolean {
  return a.from <= (b.to ?? '9999-12-31') && b.from <= (a.to ?? '9999-12-31');
}

/** The last day before `date`: the `to` of a period that ends when a new one starts. */
export function dayBefore(date: IsoDate): IsoDate {
  return addDays(date, -1);
}
