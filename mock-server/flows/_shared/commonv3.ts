import type { Element } from '@xmldom/xmldom';
import { isValidIsoDate } from '../../../scenarios/engine/dates.ts';
import { RequestError } from '../../src/ksz/flows/define.ts';
import type { SoaOperation } from '../../src/ksz/soa/namespaces.ts';
import { text } from '../../src/ksz/xml/dom.ts';
import { type Particle, readSequence } from '../../src/ksz/xml/sequence.ts';

/**
 * The SOAP face of the KSZ new-style (CommonV3) services, shared by the flows that have one: the wire names in the
 * CBSS pattern, and reading the operation element (informationCustomer, informationCBSS?, legalContext, then the
 * service's own unqualified elements). Not a flow: this folder has no `flow.ts`, so discovery passes it by.
 */

/**
 * The wire names of an operation of a new-style service in the CBSS pattern: namespace
 * `http://kszbcss.fgov.be/intf/<service>/v<version>`, elements `<operation>Request` and `<operation>Response`, fault
 * element `<service without "Service", first letter lower case>Fault`, SOAP action
 * `http://kszbcss.fgov.be/<service>/<operation>`; `prefix` is the one of our replies.
 *
 * @example
 * newStyleOperation('CadnetService', 1, 'findProperties'); // { ns: '…/intf/CadnetService/v1', fault: 'cadnetFault', … }
 */
export function newStyleOperation(
  service: string,
  version: number,
  operation: string,
  prefix = `v${version}`,
): SoaOperation {
  const name = service.replace(/Service$/, '');
  return {
    ns: `http://kszbcss.fgov.be/intf/${service}/v${version}`,
    request: `${operation}Request`,
    response: `${operation}Response`,
    fault: `${name.charAt(0).toLowerCase()}${name.slice(1)}Fault`,
    soapAction: `http://kszbcss.fgov.be/${service}/${operation}`,
    prefix,
  };
}

/** The last step of a structure error's path: `…/searchCriteria/ssin` → `ssin`. */
export const lastStep = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/**
 * The element children of `el` against a sequence, by name; a deviation is a RequestError on the field
 * `fieldOf(error path)` (default: its last step).
 */
export function readChildren(
  el: Element,
  particles: readonly Particle[],
  path: string,
  fieldOf: (errorPath: string) => string = lastStep,
): Map<string, Element[]> {
  const seq = readSequence(el, null, particles, { path });
  if (!seq.ok) throw new RequestError(seq.error.message, fieldOf(seq.error.path));
  return seq.found;
}

/** The children of a part of a request read at the path `name`: a deviation names the field `name/<step>`. */
export const readPart = (el: Element, particles: readonly Particle[], name: string): Map<string, Element[]> =>
  readChildren(el, particles, name, (path) => `${name}/${lastStep(path)}`);

/** The CommonV3 part that starts every new-style request. */
const COMMON_V3: readonly Particle[] = [
  { name: 'informationCustomer' },
  { name: 'informationCBSS', min: 0 },
  { name: 'legalContext' },
];

/** The operation element's content after the CommonV3 part, against `particles`; `path` names it in messages. */
export function readOperation(
  op: Element,
  particles: readonly Particle[],
  path: string = op.localName ?? 'request',
): Map<string, Element[]> {
  return readChildren(op, [...COMMON_V3, ...particles], path);
}

/** The text of each of `particles` present after the CommonV3 part, by name (flat requests of simple elements). */
export function readBody(op: Element, particles: readonly Particle[]): Map<string, string> {
  const found = readOperation(op, particles);
  const out = new Map<string, string>();
  for (const p of particles) {
    const el = found.get(p.name)?.[0];
    if (el) out.set(p.name, text(el));
  }
  return out;
}

/**
 * The children of the one element after the CommonV3 part that holds a request's criteria (`searchCriteria`,
 * `criterion` …), against `particles`; `path` names the operation element in messages.
 */
export function readCriteria(
  op: Element,
  criteria: string,
  particles: readonly Particle[],
  path: string = op.localName ?? 'request',
  fieldOf: (errorPath: string) => string = lastStep,
): Map<string, Element[]> {
  const el = readOperation(op, [{ name: criteria }], path).get(criteria)?.[0];
  if (!el) throw new RequestError(`${criteria} is missing`, criteria);
  return readChildren(el, particles, `${path}/${criteria}`, fieldOf);
}

/** An INSZ of a request: 11 digits, or a RequestError on `field`. */
export function checkSsin(ssin: unknown, field = 'ssin'): string {
  if (typeof ssin !== 'string' || !/^\d{11}$/.test(ssin))
    throw new RequestError(`${field} must be 11 digits, got ${JSON.stringify(ssin ?? null)}`, field);
  return ssin;
}

// ——— a consultation by INSZ: `searchCriteria(ssin)` or `searchCriteria(ssin, date?)` ———

/** A consultation of one person by INSZ. */
export interface SsinRequest {
  ssin: string;
}

/** A consultation of one person by INSZ, as of a date. */
export interface DatedSsinRequest extends SsinRequest {
  /** The date the answer is as of; null: today. */
  date: string | null;
}

/** An INSZ as read from a request's text: 11 digits, or a RequestError on `ssin` quoting the text. */
export function checkSsinText(ssin: string): string {
  if (!/^\d{11}$/.test(ssin)) throw new RequestError(`ssin must be 11 digits, got "${ssin}"`, 'ssin');
  return ssin;
}

/**
 * The faces of a request by INSZ only: `<criteria>(ssin)` after the CommonV3 part of the operation `wire`, and the
 * JSON `{ legalContext, ssin }`.
 */
export function ssinRequest(wire: SoaOperation, criteria = 'searchCriteria') {
  return {
    fromXml(op: Element): SsinRequest {
      const found = readCriteria(op, criteria, [{ name: 'ssin' }], wire.request);
      return { ssin: checkSsinText(text(found.get('ssin')?.[0])) };
    },
    fromJson(body: Record<string, unknown>): SsinRequest {
      if (typeof body.ssin !== 'string') throw new RequestError('ssin (11 digits) is required', 'ssin');
      return { ssin: checkSsinText(body.ssin) };
    },
  };
}

function validDated(ssin: string, date: string | null): DatedSsinRequest {
  checkSsinText(ssin);
  if (date !== null && !isValidIsoDate(date)) throw new RequestError(`date must be YYYY-MM-DD, got "${date}"`, 'date');
  return { ssin, date };
}

/**
 * The faces of a request by INSZ as of a date: `searchCriteria(ssin, date?)` after the CommonV3 part of the
 * operation `wire`, and the JSON `{ legalContext, ssin, date? }`.
 */
export function datedSsinRequest(wire: SoaOperation) {
  return {
    fromXml(op: Element): DatedSsinRequest {
      const found = readCriteria(op, 'searchCriteria', [{ name: 'ssin' }, { name: 'date', min: 0 }], wire.request);
      const dateEl = found.get('date')?.[0];
      return validDated(text(found.get('ssin')?.[0]), dateEl ? text(dateEl) : null);
    },
    fromJson(body: Record<string, unknown>): DatedSsinRequest {
      if (typeof body.ssin !== 'string') throw new RequestError('ssin (11 digits) is required', 'ssin');
      if (body.date !== undefined && body.date !== null && typeof body.date !== 'string')
        throw new RequestError('date must be a string YYYY-MM-DD', 'date');
      return validDated(body.ssin, typeof body.date === 'string' ? body.date : null);
    },
  };
}

/** The access-check subject of a dated request: the person, on the date asked when there is one. */
export const datedSubject = (r: DatedSsinRequest) => (r.date ? { insz: r.ssin, date: r.date } : { insz: r.ssin });
