import type { Element } from '@xmldom/xmldom';
import { RequestError } from '../../src/ksz/flows/define.ts';
import { text } from '../../src/ksz/xml/dom.ts';
import { type Particle, readSequence } from '../../src/ksz/xml/sequence.ts';
import { checkSsin } from '../_shared/commonv3.ts';
import { checkDate } from '../living-wages/request.ts';
import { REFERENCE_PATTERN } from './paging.ts';

export const NS = 'http://www.ksz-bcss.fgov.be/XSD/SSDN/OCMW_CPAS/L036';

/** The L036 consultation (processType L): one person, one period, optionally the next page of an earlier answer. */
export interface L036Request {
  /** The client's reference (its SSDN Message/Reference), echoed in the reply. */
  uniqueReference: string | null;
  inss: string;
  period: { beginDate: string; endDate: string };
  /** `Request/NextAnswerReference`: the page after the one that gave this reference. */
  nextAnswerReference: string | null;
}

const MAX_UNIQUE_REFERENCE = 64;

function validated(raw: {
  uniqueReference: unknown;
  inss: unknown;
  begin: unknown;
  end: unknown;
  next: unknown;
}): L036Request {
  const inss = checkSsin(raw.inss, 'INSS');
  const beginDate = checkDate(raw.begin, 'Period/BeginDate');
  const endDate = checkDate(raw.end, 'Period/EndDate');
  if (endDate < beginDate)
    throw new RequestError(`Period/EndDate ${endDate} is before BeginDate ${beginDate}`, 'Period/EndDate');
  const ref = raw.uniqueReference;
  if (ref !== null && ref !== undefined && (typeof ref !== 'string' || ref.length > MAX_UNIQUE_REFERENCE))
    throw new RequestError(
      `UniqueReference must be a text of at most ${MAX_UNIQUE_REFERENCE} characters`,
      'UniqueReference',
    );
  const next = raw.next;
  if (next !== null && next !== undefined && (typeof next !== 'string' || !REFERENCE_PATTERN.test(next)))
    throw new RequestError(
      `Request/NextAnswerReference must be a reference from an earlier AnswerOK (16 characters), got ${JSON.stringify(next)}`,
      'Request/NextAnswerReference',
    );
  return {
    uniqueReference: typeof ref === 'string' && ref !== '' ? ref : null,
    inss,
    period: { beginDate, endDate },
    nextAnswerReference: typeof next === 'string' ? next : null,
  };
}

/** `L036RequestReply/L036/Period` → `Period`: fields are named from the request root, without the `L036/` nesting. */
const fieldOf = (path: string) => path.replace(/^L036RequestReply\//, '').replace(/^L036\/(?=.)/, '');

function read(el: Element, particles: readonly Particle[], path: string): Map<string, Element[]> {
  const seq = readSequence(el, NS, particles, { path });
  if (!seq.ok) throw new RequestError(seq.error.message, fieldOf(seq.error.path));
  return seq.found;
}

const CONTENT = ['UniqueReference', 'INSS', 'Period'] as const;

/**
 * Reads `L036RequestReply(L036 processType='L'(Request?(NextAnswerReference)), UniqueReference?, INSS, Period(BeginDate,
 * EndDate), AuthorizedUser?)` as the public CPAS client sends it. The same three elements nested in `L036` (before
 * `Request`) are read too; `AuthorizedUser` is ignored (the envelope's user is the one checked).
 */
export function fromXml(el: Element): L036Request {
  const path = 'L036RequestReply';
  if (el.localName !== path)
    throw new RequestError(`the service request must be a ${path}, got ${el.localName}`, 'ServiceRequest');
  const optional = (name: string): Particle => ({ name, min: 0 });
  const root = read(el, [{ name: 'L036' }, ...CONTENT.map(optional), optional('AuthorizedUser')], path);
  const l036 = root.get('L036')?.[0] as Element;
  const processType = l036.getAttribute('processType');
  if (processType !== 'L')
    throw new RequestError(
      `L036/@processType must be 'L' (consultation), got ${JSON.stringify(processType)}`,
      'L036/@processType',
    );
  const inner = read(l036, [...CONTENT.map(optional), optional('Request')], `${path}/L036`);
  const one = (name: (typeof CONTENT)[number]): Element | undefined => {
    const outside = root.get(name)?.[0];
    const nested = inner.get(name)?.[0];
    if (outside && nested) throw new RequestError(`${name} is given both in L036 and beside it`, name);
    return outside ?? nested;
  };
  const inss = one('INSS');
  const period = one('Period');
  if (!inss) throw new RequestError('INSS is missing', 'INSS');
  if (!period) throw new RequestError('Period (BeginDate, EndDate) is missing', 'Period');
  const dates = read(period, [{ name: 'BeginDate' }, { name: 'EndDate' }], `${path}/Period`);
  const request = inner.get('Request')?.[0];
  const next = request
    ? read(request, [{ name: 'NextAnswerReference' }], `${path}/Request`).get('NextAnswerReference')?.[0]
    : undefined;
  const unique = one('UniqueReference');
  return validated({
    uniqueReference: unique ? text(unique) : null,
    inss: text(inss),
    begin: text(dates.get('BeginDate')?.[0]),
    end: text(dates.get('EndDate')?.[0]),
    next: next ? text(next) : null,
  });
}

/** The JSON face: `{ inss, period: { beginDate, endDate }, nextAnswerReference?, uniqueReference? }`. */
export function fromJson(body: Record<string, unknown>): L036Request {
  const p = body.period;
  if (typeof p !== 'object' || p === null || Array.isArray(p))
    throw new RequestError('period must be an object { beginDate, endDate }', 'Period');
  const period = p as Record<string, unknown>;
  return validated({
    uniqueReference: body.uniqueReference,
    inss: body.inss,
    begin: period.beginDate,
    end: period.endDate,
    next: body.nextAnswerReference,
  });
}
