import type { Element } from '@xmldom/xmldom';
import { RequestError } from '../../src/ksz/flows/define.ts';
import { SSDN_COMMON_NS } from '../../src/ksz/ssdn/namespaces.ts';
import { text } from '../../src/ksz/xml/dom.ts';
import { readSequence } from '../../src/ksz/xml/sequence.ts';
import { checkSsin } from '../_shared/commonv3.ts';
import { checkDate } from '../living-wages/request.ts';
import { SECTOR17_QUALITY_CODES } from '../manage-access/flow.ts';

export const NS = 'http://www.ksz-bcss.fgov.be/XSD/SSDN/ReferenceManagerFacade';

export interface ConsultOtherSectorsRequest {
  qualityCodeRequestor: string;
  ssin: string;
  /** The period the OCMW is integrated for, with `qualityCodeRequestor`. */
  integratedPeriod: { startDate: string; endDate: string };
  /** The period asked about; no end: up to now. */
  requestedPeriod: { startDate: string; endDate: string | null };
  fetchDescriptions: boolean;
}

interface Raw {
  quality: unknown;
  ssin: unknown;
  integrated: { start: unknown; end: unknown } | null;
  requested: { start: unknown; end: unknown } | null;
  fetch: unknown;
}

function validated(r: Raw): ConsultOtherSectorsRequest {
  if (typeof r.quality !== 'string' || !SECTOR17_QUALITY_CODES[r.quality])
    throw new RequestError(
      `QualityCodeRequestor must be a hoedanigheidscode of sector 17 (${Object.keys(SECTOR17_QUALITY_CODES).join(', ')}), got ${JSON.stringify(r.quality ?? null)}`,
      'QualityCodeRequestor',
    );
  const ssin = checkSsin(r.ssin, 'RequestedSsin');
  if (!r.integrated) throw new RequestError('IntegratedPeriod (StartDate, EndDate) is required', 'IntegratedPeriod');
  if (!r.requested) throw new RequestError('RequestedPeriod (StartDate, EndDate?) is required', 'RequestedPeriod');
  const integratedPeriod = {
    startDate: checkDate(r.integrated.start, 'IntegratedPeriod/StartDate'),
    endDate: checkDate(r.integrated.end, 'IntegratedPeriod/EndDate'),
  };
  const requestedPeriod = {
    startDate: checkDate(r.requested.start, 'RequestedPeriod/StartDate'),
    endDate:
      r.requested.end === undefined || r.requested.end === null || r.requested.end === ''
        ? null
        : checkDate(r.requested.end, 'RequestedPeriod/EndDate'),
  };
  for (const [name, p] of [
    ['IntegratedPeriod', integratedPeriod],
    ['RequestedPeriod', requestedPeriod],
  ] as const)
    if (p.endDate !== null && p.endDate < p.startDate)
      throw new RequestError(`${name}/EndDate ${p.endDate} is before ${name}/StartDate`, `${name}/EndDate`);
  const fetch = r.fetch === undefined || r.fetch === null ? 'true' : String(r.fetch);
  if (!['true', 'false', '1', '0'].includes(fetch))
    throw new RequestError(`FetchDescriptions must be a boolean, got ${JSON.stringify(fetch)}`, 'FetchDescriptions');
  return {
    qualityCodeRequestor: r.quality,
    ssin,
    integratedPeriod,
    requestedPeriod,
    fetchDescriptions: fetch === 'true' || fetch === '1',
  };
}

const fieldOf = (path: string) => path.replace(/^ReferenceManagerRequest\/(ConsultOtherSectorsCriteria\/)?/, '');

function seq(el: Element, ns: string, particles: { name: string; min?: number }[], path: string) {
  const r = readSequence(el, ns, particles, { path });
  if (!r.ok) throw new RequestError(r.error.message, fieldOf(r.error.path));
  return r.found;
}

/** Reads `ReferenceManagerRequest/ConsultOtherSectorsCriteria(…)`; the periods' dates are in the Common namespace. */
export function fromXml(el: Element): ConsultOtherSectorsRequest {
  const root = 'ReferenceManagerRequest';
  if (el.localName !== root)
    throw new RequestError(`the service request must be a ${root}, got ${el.localName}`, 'ServiceRequest');
  const criteria = seq(el, NS, [{ name: 'ConsultOtherSectorsCriteria' }], root).get('ConsultOtherSectorsCriteria')?.[0];
  const path = `${root}/ConsultOtherSectorsCriteria`;
  const c = seq(
    criteria as Element,
    NS,
    [
      { name: 'QualityCodeRequestor' },
      { name: 'RequestedSsin' },
      { name: 'IntegratedPeriod' },
      { name: 'RequestedPeriod' },
      { name: 'FetchDescriptions', min: 0 },
    ],
    path,
  );
  const period = (name: string, endMin: number) => {
    const p = seq(
      c.get(name)?.[0] as Element,
      SSDN_COMMON_NS,
      [{ name: 'StartDate' }, { name: 'EndDate', min: endMin }],
      `${path}/${name}`,
    );
    const end = p.get('EndDate')?.[0];
    return { start: text(p.get('StartDate')?.[0]), end: end ? text(end) : null };
  };
  const fetch = c.get('FetchDescriptions')?.[0];
  return validated({
    quality: text(c.get('QualityCodeRequestor')?.[0]),
    ssin: text(c.get('RequestedSsin')?.[0]),
    integrated: period('IntegratedPeriod', 1),
    requested: period('RequestedPeriod', 0),
    fetch: fetch ? text(fetch) : undefined,
  });
}

const periodOf = (v: unknown, name: string) => {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'object' || Array.isArray(v)) throw new RequestError(`${name} must be an object`, name);
  const p = v as Record<string, unknown>;
  return { start: p.startDate, end: p.endDate };
};

/** The JSON face: `{ qualityCodeRequestor, requestedSsin, integratedPeriod, requestedPeriod, fetchDescriptions? }`. */
export function fromJson(body: Record<string, unknown>): ConsultOtherSectorsRequest {
  return validated({
    quality: body.qualityCodeRequestor === undefined ? undefined : String(body.qualityCodeRequestor),
    ssin: body.requestedSsin,
    integrated: periodOf(body.integratedPeriod, 'IntegratedPeriod'),
    requested: periodOf(body.requestedPeriod, 'RequestedPeriod'),
    fetch: body.fetchDescriptions,
  });
}
