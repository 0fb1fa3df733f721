/**
 * Belgian enterprise number (KBO / BCE / CBE): 10 digits, first digit 0 or 1, last two digits
 * `97 − (first 8 digits mod 97)`. Displayed as `0123.456.789`; the VAT form adds `BE`.
 */

const checkOf = (first8: number): number => 97 - (first8 % 97);

/**
 * Builds a 10-digit enterprise number from its first 8 digits (a number is zero-padded). Throws when the first
 * digit would not be 0 or 1.
 *
 * @example
 * makeKbo('12345678'); // '1234567894'
 * makeKbo(8765432); // '0876543270'
 */
export function makeKbo(first8: number | string): string {
  const text = typeof first8 === 'number' ? String(first8).padStart(8, '0') : first8;
  if (!/^\d{8}$/.test(text)) {
    throw new Error(`An enterprise number starts with 8 digits (0–19999999), got "${String(first8)}".`);
  }
  if (text[0] !== '0' && text[0] !== '1') {
    throw new Error(`An enterprise number starts with 0 or 1, got "${text}".`);
  }
  return text + String(checkOf(Number(text))).padStart(2, '0');
}

/**
 * Normalises input such as `BE0123.456.789`, `0123 456 789` or `be 0123-456-789` to 10 digits, or null when the
 * result is not a valid enterprise number.
 *
 * @example
 * parseKbo('BE 0876.543.270'); // '0876543270'
 * parseKbo('0876.543.271'); // null
 */
export function parseKbo(input: string): string | null {
  const digits = input
    .trim()
    .replace(/^BE/i, '')
    .replace(/[\s.\-/]/g, '');
  if (!/^[01]\d{9}$/.test(digits)) return null;
  return checkOf(Number(digits.slice(0, 8))) === Number(digits.slice(8)) ? digits : null;
}

/**
 * Whether the input is a valid enterprise number, with or without `BE`, dots or spaces.
 *
 * @example
 * validateKbo('0876543270'); // true
 * validateKbo('BE0876.543.270'); // true
 * validateKbo('0876543271'); // false
 */
export function validateKbo(value: string): boolean {
  return parseKbo(value) !== null;
}

/**
 * Display form `0123.456.789`. Throws on an invalid number.
 *
 * @example
 * formatKbo('0876543270'); // '0876.543.270'
 */
export function formatKbo(kbo: string): string {
  const digits = parseKbo(kbo);
  if (!digits) throw new Error(`Invalid enterprise number "${kbo}".`);
  return `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`;
}
