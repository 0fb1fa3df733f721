import type { Element } from '@xmldom/xmldom';
import { isValidIsoDate, lastOfMonth } from '../../../scenarios/engine/dates.ts';
import type { IsoDate } from '../../../scenarios/engine/model.ts';
import { RequestError, type Subject } from '../../src/ksz/flows/define.ts';
import { text } from '../../src/ksz/xml/dom.ts';
import type { Particle } from '../../src/ksz/xml/sequence.ts';
import { readChildren, readCriteria } from '../_shared/commonv3.ts';

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
export function readSearchCriteria(op: Element, particles: Particle[], period?: Particle[]): Map<string, string> {
  const root = op.localName ?? 'request';
  const inner = readCriteria(op, 'searchCriteria', particles, root, stepOf);
  const values = new Map<string, string>();
  for (const [name, els] of inner) if (els[0] && name !== 'period') values.set(name, text(els[0]).trim());
  const periodEl = inner.get('period')?.[0];
  if (periodEl && period) {
    const p = readChildren(periodEl, period, `${root}/searchCriteria/period`, stepOf);
    for (const [name, els] of p) if (els[0]) values.set(`period/${name}`, text(els[0]).trim());
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
    const v = readSearchCriteria(op, [{ name: 'ssin' }, { name: 'date', min: 0 }]);
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

/**
 * The faces of a request `searchCriteria(ssin, period(<begin>, <end>))`, JSON `{ ssin, period: { <begin>, <end> } }`:
 * both ends read by `check`, described by the schema `end` in JSON.
 */
function periodRequest<R extends { ssin: string; period: object }>(o: {
  ends: [string, string];
  check: (value: unknown, field: string) => string;
  schema: Record<string, string>;
  subject: (r: R) => Subject;
}) {
  const [begin, end] = o.ends;
  const period = (get: (name: string) => unknown, sep: string) => ({
    [begin]: o.check(get(begin), `period${sep}${begin}`),
    [end]: o.check(get(end), `period${sep}${end}`),
  });
  return {
    fromJson(body: Record<string, unknown>): R {
      const ssin = checkSsin(body.ssin);
      const p = periodOf(body);
      return { ssin, period: period((name) => p[name], '.') } as R;
    },
    fromXml(op: Element): R {
      const v = readSearchCriteria(op, [{ name: 'ssin' }, { name: 'period' }], [{ name: begin }, { name: end }]);
      return { ssin: checkSsin(v.get('ssin')), period: period((name) => v.get(`period/${name}`), '/') } as R;
    },
    subject: o.subject,
    jsonSchema: {
      type: 'object',
      required: ['ssin', 'period'],
      properties: {
        ssin: { type: 'string', pattern: '^\\d{11}$' },
        period: {
          type: 'object',
          required: [begin, end],
          properties: { [begin]: { ...o.schema }, [end]: { ...o.schema } },
        },
      },
    },
  };
}

export const monthPeriodRequest = periodRequest<MonthPeriodRequest>({
  ends: ['startMonth', 'endMonth'],
  check: checkMonth,
  schema: { type: 'string', pattern: '^\\d{4}-\\d{2}$' },
  subject: (r) => ({
    insz: r.ssin,
    period: { from: `${r.period.startMonth}-01`, to: lastOfMonth(`${r.period.endMonth}-01`) },
  }),
});

export const datePeriodRequest = periodRequest<DatePeriodRequest>({
  ends: ['beginDate', 'endDate'],
  check: checkDate,
  schema: { type: 'string', format: 'date' },
  subject: (r) => ({ insz: r.ssin, period: { from: r.period.beginDate, to: r.period.endDate } }),
});
