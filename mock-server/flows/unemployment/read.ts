import type { Element } from '@xmldom/xmldom';
import { isValidIsoDate, lastOfMonth } from '../../../scenarios/engine/dates.ts';
import type { IsoDate } from '../../../scenarios/engine/model.ts';
import { RequestError, type Subject } from '../../src/ksz/flows/define.ts';
import { text } from '../../src/ksz/xml/dom.ts';
import { type Particle, readSequence } from '../../src/ksz/xml/sequence.ts';

/** `searchCriteria(ssin, date?)`: a situation on a date, or the last known one without a date. */
export interface DateRequest {
  ssin: string;
  date: IsoDate | null;
}

/** `searchCriteria(ssin, period(startMonth, endMonth))`, months as `YYYY-MM`. */
export interface MonthPeriodRequest {
  ssin: string;
  period: { startMonth: string; endMonth: string };
}

/** `searchCriteria(ssin, period(beginDate, endDate))`. */
export interface DatePeriodRequest {
  ssin: string;
  period: { beginDate: IsoDate; endDate: IsoDate };
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const stepOf = (path: string): string => path.slice(path.indexOf('searchCriteria/') + 15) || path;

/**
 * The element children of `searchCriteria` (the part after `legalContext`) in schema order, by name. Throws a
 * RequestError naming the element (`ssin`, `period/startMonth` …) when the structure is wrong.
 */
export function readCriteria(op: Element, particles: Particle[], period?: Particle[]): Map<string, string> {
  const root = op.localName ?? 'request';
  const seq = readSequence(
    op,
    null,
    [
      { name: 'informationCustomer' },
      { name: 'informationCBSS', min: 0 },
      { name: 'legalContext' },
      { name: 'searchCriteria' },
    ],
    { path: root },
  );
  if (!seq.ok) throw new RequestError(seq.error.message, seq.error.path.split('/').pop());
  const criteria = seq.found.get('searchCriteria')?.[0];
  if (!criteria) throw new RequestError('searchCriteria is missing', 'searchCriteria');
  const path = `${root}/searchCriteria`;
  const inner = readSequence(criteria, null, particles, { path });
  if (!inner.ok) throw new RequestError(inner.error.message, stepOf(inner.error.path));
  const values = new Map<string, string>();
  for (const [name, els] of inner.found) if (els[0] && name !== 'period') values.set(name, text(els[0]).trim());
  const periodEl = inner.found.get('period')?.[0];
  if (periodEl && period) {
    const p = readSequence(periodEl, null, period, { path: `${path}/period` });
    if (!p.ok) throw new RequestError(p.error.message, stepOf(p.error.path));
    for (const [name, els] of p.found) if (els[0]) values.set(`period/${name}`, text(els[0]).trim());
  }
  return values;
}

export function checkSsin(ssin: unknown, field = 'ssin'): string {
  if (typeof ssin !== 'string' || !/^\d{11}$/.test(ssin))
    throw new RequestError(`${field} must be a string of 11 digits, got ${JSON.stringify(ssin)}`, field);
  return ssin;
}

export function checkDate(value: unknown, field: string): IsoDate {
  if (typeof value !== 'string' || !isValidIsoDate(value))
    throw new RequestError(`${field} must be a date YYYY-MM-DD, got ${JSON.stringify(value)}`, field);
  return value;
}

export function checkMonth(value: unknown, field: string): string {
  if (typeof value !== 'string' || !MONTH.test(value))
    throw new RequestError(`${field} must be a month YYYY-MM, got ${JSON.stringify(value)}`, field);
  return value;
}

const periodOf = (body: Record<string, unknown>): Record<string, unknown> => {
  if (typeof body.period !== 'object' || body.period === null || Array.isArray(body.period))
    throw new RequestError('period is required (an object)', 'period');
  return body.period as Record<string, unknown>;
};

export const dateRequest = {
  fromJson(body: Record<string, unknown>): DateRequest {
    const ssin = checkSsin(body.ssin);
    return { ssin, date: body.date === undefined || body.date === null ? null : checkDate(body.date, 'date') };
  },
  fromXml(op: Element): DateRequest {
    const v = readCriteria(op, [{ name: 'ssin' }, { name: 'date', min: 0 }]);
    const date = v.get('date');
    return { ssin: checkSsin(v.get('ssin')), date: date === undefined ? null : checkDate(date, 'date') };
  },
  subject: (r: DateRequest): Subject => (r.date ? { insz: r.ssin, date: r.date } : { insz: r.ssin }),
  jsonSchema: {
    type: 'object',
    required: ['ssin'],
    properties: {
      ssin: { type: 'string', pattern: '^\\d{11}$' },
      date: { type: 'string', format: 'date', description: 'the date asked; without it, the last known situation' },
    },
  },
};

export const monthPeriodRequest = {
  fromJson(body: Record<string, unknown>): MonthPeriodRequest {
    const ssin = checkSsin(body.ssin);
    const p = periodOf(body);
    return {
      ssin,
      period: {
        startMonth: checkMonth(p.startMonth, 'period.startMonth'),
        endMonth: checkMonth(p.endMonth, 'period.endMonth'),
      },
    };
  },
  fromXml(op: Element): MonthPeriodRequest {
    const v = readCriteria(op, [{ name: 'ssin' }, { name: 'period' }], [{ name: 'startMonth' }, { name: 'endMonth' }]);
    return {
      ssin: checkSsin(v.get('ssin')),
      period: {
        startMonth: checkMonth(v.get('period/startMonth'), 'period/startMonth'),
        endMonth: checkMonth(v.get('period/endMonth'), 'period/endMonth'),
      },
    };
  },
  subject: (r: MonthPeriodRequest): Subject => ({
    insz: r.ssin,
    period: { from: `${r.period.startMonth}-01`, to: lastOfMonth(`${r.period.endMonth}-01`) },
  }),
  jsonSchema: {
    type: 'object',
    required: ['ssin', 'period'],
    properties: {
      ssin: { type: 'string', pattern: '^\\d{11}$' },
      period: {
        type: 'object',
        required: ['startMonth', 'endMonth'],
        properties: {
          startMonth: { type: 'string', pattern: '^\\d{4}-\\d{2}$' },
          endMonth: { type: 'string', pattern: '^\\d{4}-\\d{2}$' },
        },
      },
    },
  },
};

export const datePeriodRequest = {
  fromJson(body: Record<string, unknown>): DatePeriodRequest {
    const ssin = checkSsin(body.ssin);
    const p = periodOf(body);
    return {
      ssin,
      period: {
        beginDate: checkDate(p.beginDate, 'period.beginDate'),
        endDate: checkDate(p.endDate, 'period.endDate'),
      },
    };
  },
  fromXml(op: Element): DatePeriodRequest {
    const v = readCriteria(op, [{ name: 'ssin' }, { name: 'period' }], [{ name: 'beginDate' }, { name: 'endDate' }]);
    return {
      ssin: checkSsin(v.get('ssin')),
      period: {
        beginDate: checkDate(v.get('period/beginDate'), 'period/beginDate'),
        endDate: checkDate(v.get('period/endDate'), 'period/endDate'),
      },
    };
  },
  subject: (r: DatePeriodRequest): Subject => ({
    insz: r.ssin,
    period: { from: r.period.beginDate, to: r.period.endDate },
  }),
  jsonSchema: {
    type: 'object',
    required: ['ssin', 'period'],
    properties: {
      ssin: { type: 'string', pattern: '^\\d{11}$' },
      period: {
        type: 'object',
        required: ['beginDate', 'endDate'],
        properties: { beginDate: { type: 'string', format: 'date' }, endDate: { type: 'string', format: 'date' } },
      },
    },
  },
};
