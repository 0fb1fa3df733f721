import type { Element } from '@xmldom/xmldom';
import { RequestError } from '../../src/ksz/flows/define.ts';
import { text } from '../../src/ksz/xml/dom.ts';
import { readChildren, readOperation, readPart } from '../_shared/commonv3.ts';

/** The authentic sources of the child-benefit cadastre, as the CPAS client asks them (ksz-flows.md §12.4). */
export const SOURCES = ['WALLONIA', 'FEDERAL', 'BRUSSELS', 'EASTBELGIUM', 'FLANDERS'] as const;
export type AuthenticSource = (typeof SOURCES)[number];

export interface ChildBenefitsRequest {
  ssin: string;
  /** `YYYY-MM`, begin ≤ end. */
  period: { beginMonth: string; endMonth: string };
  /** The sources asked; all five when the request names none. */
  authenticSources: AuthenticSource[];
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

function monthOf(value: unknown, field: string): string {
  if (typeof value !== 'string' || !MONTH.test(value))
    throw new RequestError(`${field} must be a month YYYY-MM, got ${JSON.stringify(value)}`, field);
  return value;
}

function validated(
  ssin: unknown,
  begin: unknown,
  end: unknown,
  sources: unknown[],
  sep: '.' | '/',
): ChildBenefitsRequest {
  if (typeof ssin !== 'string' || !/^\d{11}$/.test(ssin))
    throw new RequestError(`ssin must be 11 digits, got ${JSON.stringify(ssin)}`, 'ssin');
  const beginMonth = monthOf(begin, `period${sep}beginMonth`);
  const endMonth = monthOf(end, `period${sep}endMonth`);
  if (endMonth < beginMonth)
    throw new RequestError(`period ends (${endMonth}) before it begins (${beginMonth})`, `period${sep}endMonth`);
  const field = sep === '.' ? 'authenticSources' : 'authenticSources/authenticSource';
  const authenticSources = sources.map((s) => {
    if (typeof s !== 'string' || !(SOURCES as readonly string[]).includes(s))
      throw new RequestError(`${field} must be one of ${SOURCES.join(', ')}, got ${JSON.stringify(s)}`, field);
    return s as AuthenticSource;
  });
  return {
    ssin,
    period: { beginMonth, endMonth },
    authenticSources: authenticSources.length > 0 ? [...new Set(authenticSources)] : [...SOURCES],
  };
}

/** Reads `criteria(ssin, period(beginMonth, endMonth), authenticSources?(authenticSource+))` after the CommonV3 part. */
export function fromXml(op: Element): ChildBenefitsRequest {
  const root = op.localName ?? 'consultFilesBySsinRequest';
  const seq = readOperation(op, [{ name: 'criteria' }], root);
  const c = readChildren(
    seq.get('criteria')?.[0] as Element,
    [{ name: 'ssin' }, { name: 'period' }, { name: 'authenticSources', min: 0 }],
    `${root}/criteria`,
  );
  const p = readPart(c.get('period')?.[0] as Element, [{ name: 'beginMonth' }, { name: 'endMonth' }], 'period');
  let sources: unknown[] = [];
  const list = c.get('authenticSources')?.[0];
  if (list) {
    const s = readPart(list, [{ name: 'authenticSource', max: SOURCES.length }], 'authenticSources');
    sources = (s.get('authenticSource') ?? []).map((e) => text(e));
  }
  return validated(
    text(c.get('ssin')?.[0]),
    text(p.get('beginMonth')?.[0]),
    text(p.get('endMonth')?.[0]),
    sources,
    '/',
  );
}

/** The JSON face: `{ ssin, period: { beginMonth, endMonth }, authenticSources?: ["FLANDERS", …] }`. */
export function fromJson(body: Record<string, unknown>): ChildBenefitsRequest {
  const period = body.period;
  if (typeof period !== 'object' || period === null || Array.isArray(period))
    throw new RequestError('period must be an object { beginMonth, endMonth }', 'period');
  const sources = body.authenticSources;
  if (sources !== undefined && !Array.isArray(sources))
    throw new RequestError('authenticSources must be an array of sources', 'authenticSources');
  const p = period as Record<string, unknown>;
  return validated(body.ssin, p.beginMonth, p.endMonth, sources ?? [], '.');
}

export const jsonSchema = {
  type: 'object',
  required: ['ssin', 'period'],
  properties: {
    ssin: { type: 'string', pattern: '^\\d{11}$', description: 'INSZ of the person (payee or child)' },
    period: {
      type: 'object',
      required: ['beginMonth', 'endMonth'],
      properties: {
        beginMonth: { type: 'string', pattern: '^\\d{4}-\\d{2}$' },
        endMonth: { type: 'string', pattern: '^\\d{4}-\\d{2}$', description: 'not after the current month' },
      },
    },
    authenticSources: {
      type: 'array',
      items: { enum: [...SOURCES] },
      description: 'the sources to consult; default all five',
    },
  },
};
