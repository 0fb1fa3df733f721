import type { Element } from '@xmldom/xmldom';
import { RequestError } from '../../src/ksz/flows/define.ts';
import { text } from '../../src/ksz/xml/dom.ts';
import { XmlWriter } from '../../src/ksz/xml/writer.ts';
import { newStyleOperation, readOperation } from '../_shared/commonv3.ts';
import { MUTATION_ID, type Mutation } from './derive.ts';

/** The SOAP face (modelled: the KSZ's mutation interface for OCMW's is not public). */
export const GET_MUTATIONS_V1 = newStyleOperation('MutationService', 1, 'getMutations');
export const ACKNOWLEDGE_MUTATIONS_V1 = newStyleOperation('MutationService', 1, 'acknowledgeMutations');

export const DEFAULT_MAX_RESULTS = 100;
export const MAX_RESULTS = 500;
export const MAX_ACKNOWLEDGE = 100;

export interface FetchRequest {
  maxResults: number;
}
export interface AcknowledgeRequest {
  mutationIds: string[];
}
export interface FetchResult {
  mutations: Mutation[];
  moreAvailable: boolean;
  pendingTotal: number;
}
export interface AcknowledgeResult {
  acknowledgements: { mutationId: string; result: 'ACKNOWLEDGED' | 'ALREADY_ACKNOWLEDGED' }[];
}

function maxResults(value: unknown, field: string): number {
  if (value === undefined || value === null) return DEFAULT_MAX_RESULTS;
  const s = typeof value === 'number' ? String(value) : value;
  if (typeof s !== 'string' || !/^\d{1,4}$/.test(s) || Number(s) < 1 || Number(s) > MAX_RESULTS)
    throw new RequestError(`${field} must be a whole number from 1 to ${MAX_RESULTS}`, field);
  return Number(s);
}

function mutationIds(values: unknown[], field: string): string[] {
  if (values.length === 0) throw new RequestError('at least one mutationId is required', field);
  if (values.length > MAX_ACKNOWLEDGE)
    throw new RequestError(`at most ${MAX_ACKNOWLEDGE} mutation ids per request, got ${values.length}`, field);
  for (const v of values)
    if (typeof v !== 'string' || !MUTATION_ID.test(v))
      throw new RequestError(
        `"${String(v)}" is not a mutation id (<organisation KBO>.<INSZ>.<type>.<YYYYMMDD>, as getMutations gives it)`,
        field,
      );
  return [...new Set(values as string[])];
}

export function fetchFromXml(el: Element): FetchRequest {
  const found = readOperation(el, [{ name: 'maxResults', min: 0 }], GET_MUTATIONS_V1.request);
  const m = found.get('maxResults')?.[0];
  return { maxResults: maxResults(m ? text(m) : undefined, 'maxResults') };
}

export function fetchFromJson(body: Record<string, unknown>): FetchRequest {
  return { maxResults: maxResults(body.maxResults, 'maxResults') };
}

export function acknowledgeFromXml(el: Element): AcknowledgeRequest {
  const found = readOperation(el, [{ name: 'mutationId', max: MAX_ACKNOWLEDGE }], ACKNOWLEDGE_MUTATIONS_V1.request);
  return {
    mutationIds: mutationIds(
      (found.get('mutationId') ?? []).map((e) => text(e)),
      'mutationId',
    ),
  };
}

export function acknowledgeFromJson(body: Record<string, unknown>): AcknowledgeRequest {
  if (!Array.isArray(body.mutationIds))
    throw new RequestError('mutationIds (an array of ids) is required', 'mutationIds');
  return { mutationIds: mutationIds(body.mutationIds, 'mutationIds') };
}

/** After `status`: `moreAvailable`, `pendingTotal`, then one `mutation` per mutation (unqualified, CommonV3 style). */
export function fetchXml(r: FetchResult): string {
  const w = new XmlWriter();
  w.leaf('moreAvailable', String(r.moreAvailable)).leaf('pendingTotal', r.pendingTotal);
  for (const m of r.mutations) {
    w.open('mutation')
      .leaf('mutationId', m.mutationId)
      .leaf('ssin', m.ssin)
      .leaf('type', m.type)
      .leaf('eventDate', m.eventDate)
      .leaf('source', m.source);
    for (const [k, v] of Object.entries(m.details))
      w.open('information').leaf('fieldName', k).leaf('fieldValue', v).close();
    w.close();
  }
  return w.toString();
}

export function acknowledgeXml(r: AcknowledgeResult): string {
  const w = new XmlWriter();
  for (const a of r.acknowledgements)
    w.open('acknowledgement').leaf('mutationId', a.mutationId).leaf('result', a.result).close();
  return w.toString();
}
