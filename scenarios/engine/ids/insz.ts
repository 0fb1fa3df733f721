/**
 * Belgian national number (INSZ / NISS / SSIN) and BIS numbers: `YYMMDD SSS CC`.
 *
 * Rules modelled (IBZ instruction IT000 and the KB of 8 February 1991 on BIS numbers, as commonly summarised):
 * - sequence odd = male (001–997), even = female (002–998); 000 and 999 are never assigned;
 * - `CC = 97 − (N mod 97)` with N the first nine digits, and a "2" put in front of them for births from 2000 on;
 * - BIS numbers add 20 to the month when the sex is unknown at assignment, 40 when it is known;
 * - month and/or day 00 stand for an unknown part of the birth date.
 */

export type Sex = 'M' | 'F';
export type InszKind = 'rr' | 'bis';

export interface InszParts {
  kind: InszKind;
  /** null only when year, month and day are all unknown (date part `000000`, or its BIS form). */
  birthYear: number | null;
  /** 0 = unknown. */
  birthMonth: number;
  /** 0 = unknown. */
  birthDay: number;
  sequence: number;
  /** null for a BIS number assigned while the sex was unknown. */
  sex: Sex | null;
  century: 1900 | 2000;
  checkDigits: number;
}

export type InszValidation = { valid: true; parts: InszParts } | { valid: false; reason: string };

export interface MakeInszOptions {
  /** `YYYY-MM-DD`; month and/or day may be `00`; `0000-00-00` for a wholly unknown date. */
  birthDate: string;
  sequence: number;
  kind?: InszKind;
  sexKnown?: boolean;
}

interface BirthDate {
  year: number;
  month: number;
  day: number;
}

// Adding 2_000_000_000 is the numeric form of writing "2" before the nine digits.
const FROM_2000_OFFSET = 2_000_000_000;
const BIS_SEX_UNKNOWN_OFFSET = 20;
const BIS_SEX_KNOWN_OFFSET = 40;
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Null when the date is possible, else a sentence saying why not. */
function impossibleDateReason(year: number, month: number, day: number): string | null {
  if (day > 31) return `Day ${day} does not exist in any month.`;
  // An unknown month (00) leaves every day 01–31 possible.
  if (month === 0 || day === 0) return null;
  if (day > daysInMonth(year, month)) return `${day} ${MONTH_NAMES[month - 1]} ${year} is not a real date.`;
  return null;
}

function parseBirthDate(birthDate: string): BirthDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!match) throw new Error(`Birth date "${birthDate}" is not in the form YYYY-MM-DD.`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const whollyUnknown = year === 0 && month === 0 && day === 0;
  if (!whollyUnknown && (year < 1900 || year > 2099)) {
    throw new Error(`Birth year ${year} cannot be encoded: an INSZ only covers 1900–2099.`);
  }
  if (month > 12) throw new Error(`Birth month ${month} in "${birthDate}" does not exist.`);
  const reason = impossibleDateReason(year, month, day);
  if (reason) throw new Error(`Birth date "${birthDate}" is impossible: ${reason}`);
  return { year, month, day };
}

function monthOffset(kind: InszKind, sexKnown: boolean): number {
  if (kind === 'rr') return 0;
  return sexKnown ? BIS_SEX_KNOWN_OFFSET : BIS_SEX_UNKNOWN_OFFSET;
}

/** The six-digit date part as it is written in the number, BIS offset included. */
function encodeDatePart(date: BirthDate, kind: InszKind, sexKnown: boolean): string {
  return pad(date.year % 100, 2) + pad(date.month + monthOffset(kind, sexKnown), 2) + pad(date.day, 2);
}

function assertKindAndSex(kind: InszKind, sexKnown: boolean): void {
  if (kind === 'rr' && !sexKnown) {
    throw new Error('A Rijksregister number always encodes the sex: sexKnown: false is only possible for BIS numbers.');
  }
}

/**
 * Check digits of an INSZ from its first nine digits.
 *
 * @example
 * checkDigits('850314123', false); // 2  → 85031412302
 * checkDigits('041102246', true); // 78 → 04110224678
 */
export function checkDigits(first9: string, bornFrom2000: boolean): number {
  if (!/^\d{9}$/.test(first9)) throw new Error(`Expected exactly 9 digits, got "${first9}".`);
  const n = Number(first9) + (bornFrom2000 ? FROM_2000_OFFSET : 0);
  return 97 - (n % 97);
}

/**
 * Builds an 11-digit INSZ (Rijksregister or BIS number). Throws on impossible input.
 *
 * @example
 * makeInsz({ birthDate: '1985-03-14', sequence: 123 }); // '85031412302'
 * makeInsz({ birthDate: '1985-03-14', sequence: 123, kind: 'bis' }); // '85431412388'
 */
export function makeInsz(opts: MakeInszOptions): string {
  const kind = opts.kind ?? 'rr';
  const sexKnown = opts.sexKnown ?? true;
  assertKindAndSex(kind, sexKnown);
  const date = parseBirthDate(opts.birthDate);
  const { sequence } = opts;
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 998) {
    throw new Error(`Sequence number ${sequence} is not allowed: it must be a whole number from 1 to 998.`);
  }
  return composeInsz(encodeDatePart(date, kind, sexKnown), sequence, date.year >= 2000);
}

function composeInsz(datePart: string, sequence: number, bornFrom2000: boolean): string {
  const first9 = datePart + pad(sequence, 3);
  return first9 + pad(checkDigits(first9, bornFrom2000), 2);
}

function decodeMonth(code: number): { kind: InszKind; month: number; sexKnown: boolean } | null {
  if (code <= 12) return { kind: 'rr', month: code, sexKnown: true };
  if (code >= 20 && code <= 32) return { kind: 'bis', month: code - BIS_SEX_UNKNOWN_OFFSET, sexKnown: false };
  if (code >= 40 && code <= 52) return { kind: 'bis', month: code - BIS_SEX_KNOWN_OFFSET, sexKnown: true };
  return null;
}

/**
 * Validates an 11-digit INSZ and decodes it. Separators are not accepted here: use {@link parseInsz} for user input.
 *
 * @example
 * validateInsz('85031412302'); // { valid: true, parts: { kind: 'rr', birthYear: 1985, sex: 'M', ... } }
 * validateInsz('85031412303'); // { valid: false, reason: 'The check digits 03 do not match ...' }
 */
export function validateInsz(value: string): InszValidation {
  if (!/^\d*$/.test(value)) return { valid: false, reason: `"${value}" contains characters other than digits.` };
  if (value.length !== 11) {
    return { valid: false, reason: `An INSZ has 11 digits, but "${value}" has ${value.length}.` };
  }
  const yy = Number(value.slice(0, 2));
  const monthCode = Number(value.slice(2, 4));
  const day = Number(value.slice(4, 6));
  const sequence = Number(value.slice(6, 9));
  const cc = Number(value.slice(9, 11));
  const decoded = decodeMonth(monthCode);
  if (!decoded) {
    return {
      valid: false,
      reason: `Month code ${pad(monthCode, 2)} is not valid: expected 00–12, or 20–32 / 40–52 for a BIS number.`,
    };
  }
  if (sequence === 0 || sequence === 999) {
    return { valid: false, reason: `Sequence number ${pad(sequence, 3)} is never assigned.` };
  }
  const first9 = value.slice(0, 9);
  const before2000 = checkDigits(first9, false);
  const from2000 = checkDigits(first9, true);
  let century: 1900 | 2000;
  if (cc === before2000) century = 1900;
  else if (cc === from2000) century = 2000;
  else {
    return {
      valid: false,
      reason:
        `The check digits ${pad(cc, 2)} do not match: expected ${pad(before2000, 2)} for a birth before 2000 ` +
        `or ${pad(from2000, 2)} for a birth from 2000 on.`,
    };
  }
  const whollyUnknown = yy === 0 && decoded.month === 0 && day === 0;
  const birthYear = whollyUnknown ? null : century + yy;
  const dateReason = impossibleDateReason(century + yy, decoded.month, day);
  if (dateReason) return { valid: false, reason: `The birth date is impossible: ${dateReason}` };
  const sex: Sex | null = decoded.sexKnown ? (sequence % 2 === 1 ? 'M' : 'F') : null;
  return {
    valid: true,
    parts: {
      kind: decoded.kind,
      birthYear,
      birthMonth: decoded.month,
      birthDay: day,
      sequence,
      sex,
      century,
      checkDigits: cc,
    },
  };
}

const stripSeparators = (input: string): string => input.trim().replace(/[\s.\-=]/g, '');

function requireParts(insz: string): InszParts {
  const result = validateInsz(stripSeparators(insz));
  if (!result.valid) throw new Error(`Invalid INSZ "${insz}": ${result.reason}`);
  return result.parts;
}

/**
 * Normalises user input (spaces, dots, dashes and '=' allowed as separators) to 11 digits, or null when the
 * result is not a valid INSZ.
 *
 * @example
 * parseInsz('85.03.14-123.02'); // '85031412302'
 * parseInsz('041102 246=78'); // '04110224678'
 * parseInsz('85031412303'); // null
 */
export function parseInsz(input: string): string | null {
  const digits = stripSeparators(input);
  return validateInsz(digits).valid ? digits : null;
}

/**
 * Display form: `YYMMDD SSS-CC` for births before 2000, `YYMMDD SSS=CC` from 2000 on. Throws on an invalid number.
 *
 * @example
 * formatInsz('85031412302'); // '850314 123-02'
 * formatInsz('04110224678'); // '041102 246=78'
 */
export function formatInsz(insz: string): string {
  const parts = requireParts(insz);
  const digits = stripSeparators(insz);
  const separator = parts.century === 2000 ? '=' : '-';
  return `${digits.slice(0, 6)} ${digits.slice(6, 9)}${separator}${digits.slice(9)}`;
}

/**
 * Sex encoded in the number; null for a BIS number assigned while the sex was unknown. Throws on an invalid number.
 *
 * @example
 * sexFromInsz('85031412302'); // 'M'
 * sexFromInsz('04110224678'); // 'F'
 */
export function sexFromInsz(insz: string): Sex | null {
  return requireParts(insz).sex;
}

/**
 * Birth date as `YYYY-MM-DD`, with `00` for unknown parts (`0000-00-00` when nothing is known). Throws on an
 * invalid number.
 *
 * @example
 * birthDateFromInsz('04110224678'); // '2004-11-02'
 * birthDateFromInsz('67120003796'); // '1967-12-00'
 */
export function birthDateFromInsz(insz: string): string {
  const parts = requireParts(insz);
  return `${pad(parts.birthYear ?? 0, 4)}-${pad(parts.birthMonth, 2)}-${pad(parts.birthDay, 2)}`;
}

/** Random picks are retried a bounded number of times so a crowded date cannot loop; then the free ones are listed. */
const RANDOM_TRIES = 8;

/**
 * Hands out unique INSZ numbers. Sequences are drawn with the caller's seeded random source, so the same calls in
 * the same order give the same numbers.
 */
export class InszAllocator {
  // Keyed by century flag + date part (+ parity where the sex is encoded); values are the sequences in use.
  readonly #used = new Map<string, Set<number>>();
  #count = 0;

  /** Number of INSZ numbers handed out or reserved. */
  get size(): number {
    return this.#count;
  }

  /**
   * Allocates a free number for the birth date; throws when every sequence of the right parity is taken.
   * When `sexKnown` is false (BIS only) the sequence carries no sex, so all 998 sequences are used and `sex` is
   * ignored.
   *
   * @example
   * const allocator = new InszAllocator();
   * allocator.allocate('1985-03-14', 'F', seededRandom); // e.g. '85031424475' (even sequence: female)
   */
  allocate(birthDate: string, sex: Sex, rand: () => number, kind: InszKind = 'rr', sexKnown = true): string {
    assertKindAndSex(kind, sexKnown);
    const date = parseBirthDate(birthDate);
    const datePart = encodeDatePart(date, kind, sexKnown);
    const bornFrom2000 = date.year >= 2000;
    // Sex-known pools hold one parity: index i maps to 2i+1 (male) or 2i+2 (female); otherwise to i+1.
    const capacity = sexKnown ? 499 : 998;
    const toSequence = sexKnown ? (i: number) => 2 * i + (sex === 'M' ? 1 : 2) : (i: number) => i + 1;
    const used = this.#pool(poolKey(bornFrom2000, datePart, sexKnown ? toSequence(0) : null));
    if (used.size >= capacity) {
      const what = sexKnown ? (sex === 'M' ? 'male' : 'female') : 'sex-unknown';
      throw new Error(
        `No free ${what} sequence number left for birth date ${birthDate} (${kind}): all ${capacity} are taken.`,
      );
    }
    const sequence = pickFree(used, capacity, toSequence, rand);
    used.add(sequence);
    this.#count++;
    return composeInsz(datePart, sequence, bornFrom2000);
  }

  /**
   * Marks an existing number as taken so that {@link allocate} never hands it out; false if it already was.
   *
   * @example
   * allocator.reserve('85031412302'); // true
   */
  reserve(insz: string): boolean {
    const parts = requireParts(insz);
    const digits = stripSeparators(insz);
    const used = this.#pool(
      poolKey(parts.century === 2000, digits.slice(0, 6), parts.sex === null ? null : parts.sequence),
    );
    if (used.has(parts.sequence)) return false;
    used.add(parts.sequence);
    this.#count++;
    return true;
  }

  /**
   * Whether the number has been handed out or reserved.
   *
   * @example
   * allocator.has('85031412302'); // false on a fresh allocator
   */
  has(insz: string): boolean {
    const digits = parseInsz(insz);
    if (!digits) return false;
    const parts = requireParts(digits);
    const key = poolKey(parts.century === 2000, digits.slice(0, 6), parts.sex === null ? null : parts.sequence);
    return this.#used.get(key)?.has(parts.sequence) ?? false;
  }

  #pool(key: string): Set<number> {
    let used = this.#used.get(key);
    if (!used) {
      used = new Set();
      this.#used.set(key, used);
    }
    return used;
  }
}

function poolKey(bornFrom2000: boolean, datePart: string, paritySource: number | null): string {
  const parity = paritySource === null ? '*' : String(paritySource % 2);
  return (bornFrom2000 ? '2' : '1') + datePart + parity;
}

function draw(rand: () => number, size: number): number {
  const r = rand();
  if (!(r >= 0 && r < 1)) throw new Error(`The random source must return a number in [0, 1), got ${r}.`);
  return Math.floor(r * size);
}

function pickFree(used: Set<number>, capacity: number, toSequence: (i: number) => number, rand: () => number): number {
  for (let attempt = 0; attempt < RANDOM_TRIES; attempt++) {
    const sequence = toSequence(draw(rand, capacity));
    if (!used.has(sequence)) return sequence;
  }
  const free: number[] = [];
  for (let i = 0; i < capacity; i++) {
    const sequence = toSequence(i);
    if (!used.has(sequence)) free.push(sequence);
  }
  return free[draw(rand, free.length)]!;
}
