import type { Element } from '@xmldom/xmldom';
import { isValidIsoDate } from '../../../scenarios/engine/dates.ts';
import { RequestError } from '../../src/ksz/flows/define.ts';
import { text } from '../../src/ksz/xml/dom.ts';
import { readChildren } from '../_shared/commonv3.ts';

/**
 * Dates and periods of new-style (CommonV3) requests, as real clients send them. Shared by the `living-wages`,
 * `dolsis`, `list-of-attestations`, `l036` and `consult-other-sectors` flows.
 */

/** A period of the request: both ends given, the end not before the beginning. */
export interface SearchPeriod {
  beginDate: string;
  endDate: string;
}

/** Real clients send `2025-06-01+02:00` as well as `2025-06-01` (xsd:date with a time zone). */
export const stripOffset = (date: string): string => date.replace(/(Z|[+-]\d{2}:\d{2})$/, '');

export function checkDate(value: unknown, field: string): string {
  if (typeof value !== 'string' || !isValidIsoDate(stripOffset(value)))
    throw new RequestError(`${field} must be a date YYYY-MM-DD, got ${JSON.stringify(value ?? null)}`, field);
  return stripOffset(value);
}

export function checkPeriod(begin: unknown, end: unknown, field: string): SearchPeriod {
  const beginDate = checkDate(begin, `${field}/beginDate`);
  const endDate = checkDate(end, `${field}/endDate`);
  if (endDate < beginDate)
    throw new RequestError(`${field}/endDate ${endDate} is before ${field}/beginDate ${beginDate}`, `${field}/endDate`);
  return { beginDate, endDate };
}

/** `period(beginDate, endDate)` of a request element, or null when absent. */
export function readPeriodElement(el: Element | undefined, path: string): SearchPeriod | null {
  if (!el) return null;
  const found = readChildren(el, [{ name: 'beginDate' }, { name: 'endDate' }], path);
  return checkPeriod(text(found.get('beginDate')?.[0]), text(found.get('endDate')?.[0]), 'period');
}

/** `period: { beginDate, endDate }` of a JSON body, or null when absent. */
export function readPeriodJson(value: unknown): SearchPeriod | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value))
    throw new RequestError('period must be an object { beginDate, endDate }', 'period');
  const p = value as Record<string, unknown>;
  return checkPeriod(p.beginDate, p.endDate, 'period');
}
