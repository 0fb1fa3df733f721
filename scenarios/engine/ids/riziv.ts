/**
 * RIZIV / INAMI (NIHII) number of a doctor: 11 digits `1 NNNNN CC QQQ` — profession digit 1 (doctor), a 5-digit
 * identifier, 2 check digits and a 3-digit qualification code.
 *
 * Modelled, not authoritative: the check-digit rule `97 − (first 6 digits mod 97)` is the commonly published one
 * (RIZIV has since issued newer numbers with a different modulus, which this sandbox does not model), and the
 * qualification codes 003 / 004 for a general practitioner ("huisarts") are as commonly published.
 */

export const RIZIV_PROFESSION_DOCTOR = '1';
/** Qualification codes used here for general practitioners (huisarts), as commonly published. */
export const GP_QUALIFICATIONS = ['003', '004'] as const;

const checkOf = (first6: string): number => 97 - (Number(first6) % 97);

/**
 * Builds the 11-digit RIZIV number of a doctor from a 5-digit identifier (0–99999) and a 3-digit qualification code
 * (default '003', general practitioner). Throws on either of the wrong shape.
 *
 * @example
 * makeRiziv(23456); // '12345625003'
 * makeRiziv('54321', '004'); // '15432106004'
 */
export function makeRiziv(identifier: number | string, qualification: string = GP_QUALIFICATIONS[0]): string {
  const id = typeof identifier === 'number' ? String(identifier).padStart(5, '0') : identifier;
  if (!/^\d{5}$/.test(id)) {
    throw new Error(`A RIZIV identifier has 5 digits (0–99999), got "${String(identifier)}".`);
  }
  if (!/^\d{3}$/.test(qualification)) {
    throw new Error(`A RIZIV qualification code has 3 digits, got "${qualification}".`);
  }
  const first6 = RIZIV_PROFESSION_DOCTOR + id;
  return first6 + String(checkOf(first6)).padStart(2, '0') + qualification;
}

/**
 * Normalises input such as `1-23456-25-003` or `1/23456/25/003` to 11 digits, or null when the result is not a
 * valid doctor's RIZIV number.
 *
 * @example
 * parseRiziv('1-23456-25-003'); // '12345625003'
 */
export function parseRiziv(input: string): string | null {
  const digits = input.trim().replace(/[\s.\-/]/g, '');
  if (!/^\d{11}$/.test(digits) || digits[0] !== RIZIV_PROFESSION_DOCTOR) return null;
  return checkOf(digits.slice(0, 6)) === Number(digits.slice(6, 8)) ? digits : null;
}

/**
 * Whether the input is a valid doctor's RIZIV number (separators allowed).
 *
 * @example
 * validateRiziv('12345625003'); // true
 * validateRiziv('12345626003'); // false
 */
export function validateRiziv(value: string): boolean {
  return parseRiziv(value) !== null;
}

/**
 * Display form `1-23456-25-003`. Throws on an invalid number.
 *
 * @example
 * formatRiziv('12345625003'); // '1-23456-25-003'
 */
export function formatRiziv(riziv: string): string {
  const digits = parseRiziv(riziv);
  if (!digits) throw new Error(`Invalid RIZIV number "${riziv}".`);
  return `${digits[0]}-${digits.slice(1, 6)}-${digits.slice(6, 8)}-${digits.slice(8)}`;
}

/**
 * Whether the qualification code marks a general practitioner. Throws on an invalid number.
 *
 * @example
 * isGeneralPractitioner('12345625003'); // true
 */
export function isGeneralPractitioner(riziv: string): boolean {
  const digits = parseRiziv(riziv);
  if (!digits) throw new Error(`Invalid RIZIV number "${riziv}".`);
  return (GP_QUALIFICATIONS as readonly string[]).includes(digits.slice(8));
}
