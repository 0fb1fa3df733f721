import type { Element } from '@xmldom/xmldom';
import { isValidIsoDate } from '../../../scenarios/engine/dates.ts';
import type { IsoDate } from '../../../scenarios/engine/model.ts';
import { RequestError } from '../../src/ksz/flows/define.ts';
import { text } from '../../src/ksz/xml/dom.ts';
import { type Particle, readSequence } from '../../src/ksz/xml/sequence.ts';
import { readCriteria } from '../_shared/commonv3.ts';

/** RSVZ data reach back to 1956 (VVSG page): the default start of a career search. */
export const CAREER_DATA_FROM: IsoDate = '1956-01-01';

export interface CareerRequest {
  ssin: string;
  /** endDate null = up to today. */
  period: { beginDate: IsoDate; endDate: IsoDate | null };
}

export interface AttestationRequest {
  ssin: string;
}

function checkSsin(ssin: unknown): string {
  if (typeof ssin !== 'string' || !/^\d{11}$/.test(ssin))
    throw new RequestError(`ssin must be a string of 11 digits, got ${JSON.stringify(ssin)}`, 'ssin');
  return ssin;
}

function checkDate(date: unknown, field: string): IsoDate {
  if (typeof date !== 'string' || !isValidIsoDate(date))
    throw new RequestError(`${field} must be a date YYYY-MM-DD, got ${JSON.stringify(date)}`, field);
  return date;
}

function checkPeriod(beginDate: IsoDate, endDate: IsoDate | null, field: string): CareerRequest['period'] {
  if (endDate !== null && endDate < beginDate)
    throw new RequestError(`${field} ends (${endDate}) before it begins (${beginDate})`, field);
  return { beginDate, endDate };
}

/** The children of `criteria` (after the CommonV3 part), by name; RequestError naming the element otherwise. */
function criteriaOf(op: Element, particles: Particle[]): Map<string, Element> {
  const out = new Map<string, Element>();
  for (const [name, els] of readCriteria(op, 'criteria', particles)) if (els[0]) out.set(name, els[0]);
  return out;
}

export const careerRequest = {
  /** `{ ssin, period?: { beginDate, endDate? } }`; without a period, the whole career. */
  fromJson(body: Record<string, unknown>): CareerRequest {
    const ssin = checkSsin(body.ssin);
    if (body.period === undefined) return { ssin, period: { beginDate: CAREER_DATA_FROM, endDate: null } };
    if (typeof body.period !== 'object' || body.period === null || Array.isArray(body.period))
      throw new RequestError('period must be an object { beginDate, endDate? }', 'period');
    const p = body.period as Record<string, unknown>;
    const begin = checkDate(p.beginDate, 'period.beginDate');
    const end = p.endDate === undefined || p.endDate === null ? null : checkDate(p.endDate, 'period.endDate');
    return { ssin, period: checkPeriod(begin, end, 'period.endDate') };
  },
  /** `criteria(ssin, period(beginDate, endDate?)?)`. */
  fromXml(op: Element): CareerRequest {
    const c = criteriaOf(op, [{ name: 'ssin' }, { name: 'period', min: 0 }]);
    const ssin = checkSsin(text(c.get('ssin')).trim());
    const periodEl = c.get('period');
    if (!periodEl) return { ssin, period: { beginDate: CAREER_DATA_FROM, endDate: null } };
    const p = readSequence(periodEl, null, [{ name: 'beginDate' }, { name: 'endDate', min: 0 }], { path: 'period' });
    if (!p.ok) throw new RequestError(p.error.message, p.error.path);
    const begin = checkDate(text(p.found.get('beginDate')?.[0]).trim(), 'period/beginDate');
    const endEl = p.found.get('endDate')?.[0];
    const end = endEl ? checkDate(text(endEl).trim(), 'period/endDate') : null;
    return { ssin, period: checkPeriod(begin, end, 'period/endDate') };
  },
  jsonSchema: {
    type: 'object',
    required: ['ssin'],
    properties: {
      ssin: { type: 'string', pattern: '^\\d{11}$' },
      period: {
        type: 'object',
        required: ['beginDate'],
        properties: { beginDate: { type: 'string', format: 'date' }, endDate: { type: 'string', format: 'date' } },
        description: `the career components touching this period; default ${CAREER_DATA_FROM} up to today`,
      },
    },
  },
};

export const attestationRequest = {
  fromJson: (body: Record<string, unknown>): AttestationRequest => ({ ssin: checkSsin(body.ssin) }),
  /** `criteria(ssin)`. */
  fromXml(op: Element): AttestationRequest {
    return { ssin: checkSsin(text(criteriaOf(op, [{ name: 'ssin' }]).get('ssin')).trim()) };
  },
  jsonSchema: { type: 'object', required: ['ssin'], properties: { ssin: { type: 'string', pattern: '^\\d{11}$' } } },
};
