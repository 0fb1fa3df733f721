import { isValidIsoDate } from '../../../scenarios/engine/dates.ts';
import type { AnswerValue } from './types.ts';

/** Text compared loosely: case, accents, punctuation, spacing and a leading "OCMW"/"CPAS" do not matter. */
export function normaliseText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/^(ocmw|cpas|het ocmw|le cpas)\s+/, '')
    .trim();
}

/** An amount as a number: a JSON number, or text in Belgian (1.314,00) or plain (1314.00) notation, EUR allowed. */
export function parseAmount(value: AnswerValue | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  let s = value.replace(/€|eur/gi, '').replace(/[\s\u00a0\u202f]/g, '');
  if (s.includes(',')) s = s.replace(/\./g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  return Number(s);
}

/** A date as `YYYY-MM-DD`: ISO, or the Belgian DD/MM/YYYY (also with dashes or dots). */
export function parseDate(value: AnswerValue | undefined): string | null {
  if (typeof value !== 'string') return null;
  const s = value.trim();
  if (isValidIsoDate(s)) return s;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isValidIsoDate(iso) ? iso : null;
}
