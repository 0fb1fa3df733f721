import { addDays, addMonths, daysBetween, lastOfMonth } from '../../../scenarios/engine/dates.ts';
import type { IsoDate } from '../../../scenarios/engine/model.ts';

/**
 * The mock's phonetic key for Belgian names: a deliberately simple, Dutch- and French-aware reduction so that the
 * spellings a social worker hesitates between meet (Peeters/Pieters/Peters, Claes/Claeys/Claus, Janssens/Jansens,
 * Hendrickx/Hendriks, Dupont/Dupond, Meyer/Meijer, Van den Berghe/Vandenberg). The KSZ's own algorithm is not
 * public; this one is modelled.
 *
 * Steps: fold accents and case, keep letters only (so particles and hyphens do not matter); IJ→Y, SCH→S, CH→G,
 * PH→F, TH→T, GH→G, CK/QU/Q→K, C→S before E/I/Y else K, X→KS, Z→S, DT→T, final D→T, H dropped after the first
 * letter; doubled letters collapse; every run of vowels (Y included) becomes one `*`; a final `*` is dropped.
 *
 * @example
 * phoneticKey('Peeters') === phoneticKey('Pieters'); // true ('P*T*RS')
 * phoneticKey('Van den Berghe') === phoneticKey('Vandenberg'); // true
 */
export function phoneticKey(name: string): string {
  let s = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z]/g, '');
  if (s === '') return '';
  const rules: readonly [RegExp, string][] = [
    [/IJ/g, 'Y'],
    [/SCH/g, 'S'],
    [/CH/g, 'G'],
    [/PH/g, 'F'],
    [/TH/g, 'T'],
    [/GH/g, 'G'],
    [/CK/g, 'K'],
    [/QU/g, 'K'],
    [/Q/g, 'K'],
    [/C(?=[EIY])/g, 'S'],
    [/C/g, 'K'],
    [/X/g, 'KS'],
    [/Z/g, 'S'],
    [/DT/g, 'T'],
    [/D$/, 'T'],
    [/(?!^)H/g, ''],
  ];
  for (const [re, to] of rules) s = s.replace(re, to);
  s = s.replace(/(.)\1+/g, '$1').replace(/[AEIOUY]+/g, '*');
  if (s.length > 1 && s.endsWith('*')) s = s.slice(0, -1);
  return s === '' ? '*' : s;
}

/** The phonetic key of the first word of a (first) name, or '' for an empty name. */
export function firstNameKey(name: string): string {
  const first = name.trim().split(/[\s-]+/)[0] ?? '';
  return phoneticKey(first);
}

export interface DateRange {
  from: IsoDate;
  to: IsoDate;
}

const pad4 = (n: number) => String(Math.min(9999, Math.max(1, n))).padStart(4, '0');

/**
 * The days a possibly incomplete birth date (`yyyy-MM-dd`, `yyyy-MM-00`, `yyyy-00-00`) stands for, widened by a
 * tolerance whose unit follows the format, as IdentifyPersonRequest.xsd documents it: days, months or years.
 *
 * @example
 * birthRange('1938-06-00', 1); // { from: '1938-05-01', to: '1938-07-31' }
 * birthRange('1938-00-00', 2); // { from: '1936-01-01', to: '1940-12-31' }
 */
export function birthRange(date: string, tolerance = 0): DateRange {
  const [y = 0, m = 0, d = 0] = date.split('-').map(Number);
  if (m === 0) return { from: `${pad4(y - tolerance)}-01-01`, to: `${pad4(y + tolerance)}-12-31` };
  if (d === 0) {
    const first = `${pad4(y)}-${String(m).padStart(2, '0')}-01`;
    return { from: addMonths(first, -tolerance), to: lastOfMonth(addMonths(first, tolerance)) };
  }
  return { from: addDays(date, -tolerance), to: addDays(date, tolerance) };
}

/** Do two date ranges share a day? */
export function rangesMeet(a: DateRange, b: DateRange): boolean {
  return a.from <= b.to && b.from <= a.to;
}

/** Days between the first days of two possibly incomplete dates (for ordering the hits, closest first). */
export function dateDistance(a: string, b: string): number {
  return Math.abs(daysBetween(a.replace(/-00/g, '-01'), b.replace(/-00/g, '-01')));
}
