/**
 * INSZ / NISS (and BIS) numbers as a social worker types them: with or without dots, dashes and spaces.
 * Structure: YYMMDD + serial (3) + check digits (2) = 97 − (first nine digits mod 97); for people born in or after
 * 2000 the nine digits are prefixed with 2. BIS numbers add 20 or 40 to the month.
 */

export type InszProblem = 'empty' | 'length' | 'digits' | 'checksum' | 'date';

export interface InszCheck {
  ok: boolean;
  digits: string;
  problem?: InszProblem;
  bis?: boolean;
}

/** Only the digits of what was typed. */
export function inszDigits(text: string): string {
  return text.replace(/\D/g, '');
}

/** `85073003328` → `85.07.30-033.28` (partial input is formatted as far as it goes). */
export function formatInsz(text: string): string {
  const d = inszDigits(text).slice(0, 11);
  const parts = [d.slice(0, 2), d.slice(2, 4), d.slice(4, 6)].filter(Boolean).join('.');
  if (d.length <= 6) return parts;
  const serial = d.slice(6, 9);
  const check = d.slice(9, 11);
  return `${parts}-${serial}${check ? `.${check}` : ''}`;
}

/** Checks the structure and the check digits of an INSZ or BIS number. */
export function checkInsz(text: string): InszCheck {
  const raw = text.trim();
  const digits = inszDigits(raw);
  if (!raw) return { ok: false, digits, problem: 'empty' };
  if (/[^\d.\-\s/]/.test(raw)) return { ok: false, digits, problem: 'digits' };
  if (digits.length !== 11) return { ok: false, digits, problem: 'length' };
  const first9 = Number(digits.slice(0, 9));
  const check = Number(digits.slice(9));
  const before2000 = 97 - (first9 % 97) === check;
  const after2000 = 97 - ((2_000_000_000 + first9) % 97) === check;
  if (!before2000 && !after2000) return { ok: false, digits, problem: 'checksum' };
  const month = Number(digits.slice(2, 4));
  const day = Number(digits.slice(4, 6));
  const bis = month >= 20 && month <= 52;
  const m = bis ? month - (month >= 40 ? 40 : 20) : month;
  // Month or day 00: birth date (partly) unknown, allowed for BIS numbers and old registrations.
  if (m > 12 || day > 31) return { ok: false, digits, problem: 'date', bis };
  return { ok: true, digits, bis };
}
