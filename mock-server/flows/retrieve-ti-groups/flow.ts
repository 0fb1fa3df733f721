import type { Element } from '@xmldom/xmldom';
import { formatInsz } from '../../../scenarios/engine/ids/insz.ts';
import type { Language } from '../../../scenarios/engine/model.ts';
import { defineFlow, defineOperation, RequestError } from '../../src/ksz/flows/define.ts';
import { kszStatus, OK } from '../../src/ksz/flows/status.ts';
import { RETRIEVE_TI_GROUPS_V2 } from '../../src/ksz/soa/namespaces.ts';
import { text } from '../../src/ksz/xml/dom.ts';
import { XmlWriter } from '../../src/ksz/xml/writer.ts';
import { checkSsinText, readCriteria } from '../_shared/commonv3.ts';
import { buildRecord, type PersonRef, type Place, type Tx25Record } from './record.ts';
import { itCodes, rrnItImplicit } from './rn25.ts';

export const LEGAL_CONTEXT = 'PCSA:SOCIAL_INQUIRY';
const LANGUAGES: readonly Language[] = ['nl', 'fr', 'de'];

export interface RetrieveTiRequest {
  ssin: string;
  language: Language;
  history: boolean;
}

export interface RetrieveTiResult {
  record: Tx25Record;
}

/**
 * Reads `retrieveTIGroupsRequest` after its CommonV3 part (already read by the SOAP face): searchInformation with
 * ssin, language (`nl`/`fr`/`de`, lower case as in the schema; default `fr`) and history (xsd:boolean, default false).
 */
export function fromXml(op: Element): RetrieveTiRequest {
  const inner = readCriteria(
    op,
    'searchInformation',
    [{ name: 'ssin' }, { name: 'language', min: 0 }, { name: 'history', min: 0 }],
    RETRIEVE_TI_GROUPS_V2.request,
  );
  const ssin = checkSsinText(text(inner.get('ssin')?.[0]));
  const languageEl = inner.get('language')?.[0];
  const language = languageEl ? text(languageEl) : 'fr';
  if (!LANGUAGES.includes(language as Language))
    throw new RequestError(
      `language must be nl, fr or de (lower case, as in the schema), got "${language}"`,
      'language',
    );
  const historyEl = inner.get('history')?.[0];
  let history = false;
  if (historyEl) {
    const raw = text(historyEl);
    if (raw === 'true' || raw === '1') history = true;
    else if (raw !== 'false' && raw !== '0')
      throw new RequestError(`history must be an xsd:boolean (true, false, 1 or 0), got "${raw}"`, 'history');
  }
  return { ssin, language: language as Language, history };
}

/** The JSON face: `{ legalContext, ssin, language?, history? }`; language case-insensitive here, default `fr`. */
export function fromJson(body: Record<string, unknown>): RetrieveTiRequest {
  if (typeof body.ssin !== 'string') throw new RequestError('ssin (11 digits) is required', 'ssin');
  const ssin = checkSsinText(body.ssin);
  let language: Language = 'fr';
  if (body.language !== undefined) {
    const l = typeof body.language === 'string' ? body.language.toLowerCase() : '';
    if (!LANGUAGES.includes(l as Language))
      throw new RequestError(`language must be nl, fr or de, got ${JSON.stringify(body.language)}`, 'language');
    language = l as Language;
  }
  if (body.history !== undefined && typeof body.history !== 'boolean')
    throw new RequestError(`history must be true or false, got ${JSON.stringify(body.history)}`, 'history');
  return { ssin, language, history: body.history === true };
}

/** The echo of the request's search parameters that the v2 response puts before `status`. */
export function searchInformationXml(r: RetrieveTiRequest): string {
  return new XmlWriter()
    .open('searchInformation')
    .leaf('ssin', r.ssin)
    .leaf('language', r.language)
    .leaf('history', r.history ? 'true' : 'false')
    .close()
    .toString();
}

const personJson = (p: PersonRef | null | undefined) =>
  p ? { ssin: p.insz, lastName: p.lastName, firstNames: p.firstNames, birthDate: p.birthDate || null } : null;

const placeJson = (p: Place | undefined) =>
  p
    ? p.kind === 'municipality'
      ? { nis: p.nis, name: p.label }
      : { country: p.code, iso: p.iso, name: p.label }
    : null;

/** The record as readable JSON: the same facts as the IT groups, with inclusive `to` dates. */
export function recordJson(r: Tx25Record): Record<string, unknown> {
  const id = r.identity;
  return {
    asOf: r.asOf,
    itGroups: itCodes(r),
    person: {
      ssin: id.insz,
      ssinFormatted: formatInsz(id.insz),
      lastName: id.lastName,
      firstNames: id.firstNames,
      sex: id.sex,
      birthDate: id.birthDate,
      birthPlace: placeJson(id.birthPlace),
      nationality: { code: id.nationality.code, iso: id.nationality.iso, name: id.nationality.label },
    },
    residences: r.residences.map((x) => ({ from: x.from, kind: x.kind, code: x.code, name: x.label })),
    addresses: r.addresses.map((a) => ({
      from: a.from,
      to: a.to,
      kind: a.kind,
      municipality: { nis: a.nis, name: a.municipality },
      postalCode: a.postalCode,
      street: a.street.label,
      streetCode: a.street.code,
      houseNumber: a.houseNumber,
      box: a.box ?? null,
    })),
    addressesAbroad: r.abroad.map((a) => ({ from: a.from, to: a.to, country: a.country.code, name: a.country.label })),
    civilStates: r.civilStates.map((c) => ({
      from: c.from,
      to: c.to,
      code: c.code,
      label: c.label,
      spouse: personJson(c.spouse),
      place: placeJson(c.place),
    })),
    legalCohabitations: r.legalCohabitations.map((c) =>
      c.kind === 'declaration'
        ? { kind: c.kind, from: c.from, to: c.to, partner: personJson(c.partner), place: placeJson(c.place) }
        : { kind: c.kind, from: c.from, reason: c.reason, place: placeJson(c.place) },
    ),
    household: r.household.map((h) => ({
      it: h.it,
      relation: h.relation,
      from: h.from,
      to: h.to,
      role: h.role,
      person: personJson(h.person),
    })),
    deathDate: r.death?.date ?? null,
    deathPlace: placeJson(r.death?.place),
    createdOn: r.createdOn,
    lastUpdate: r.lastUpdate,
  };
}

const retrieveTI = defineOperation<RetrieveTiRequest, RetrieveTiResult>({
  name: 'retrieveTI',
  description:
    'The National Register record of one person (transaction 25) as IT groups: national number, residences, names, addresses, nationality, birth place, civil states, legal cohabitation, household, death; current or with history.',
  integration: true,
  jsonSchema: {
    type: 'object',
    required: ['ssin'],
    properties: {
      ssin: { type: 'string', pattern: '^\\d{11}$' },
      language: { enum: ['nl', 'fr', 'de'], default: 'fr', description: 'language of the labels' },
      history: { type: 'boolean', default: false, description: 'all facts over time instead of the current ones' },
    },
  },
  fromJson,
  fromXml,
  subject: (r) => ({ insz: r.ssin }),
  handle(ctx, r) {
    const result = buildRecord(ctx.world, r.ssin, { asOf: ctx.asOf, history: r.history, language: r.language });
    if (result.found) return { status: OK(), data: { record: result.record } };
    if (result.reason === 'unknown')
      return { status: kszStatus('MSG00005', [{ fieldName: 'ssin', fieldValue: r.ssin }]) };
    return {
      status: kszStatus('MSG00100', [
        {
          fieldName: 'ssin',
          fieldValue:
            result.reason === 'bis-number'
              ? `${r.ssin} is a BIS number: the National Register has no file for this person`
              : `${r.ssin} has no National Register file on ${ctx.asOf} (born later)`,
        },
      ]),
    };
  },
  echoBefore: (r) => searchInformationXml(r),
  toXml(answer, _ctx, r) {
    const before = searchInformationXml(r);
    return answer.data ? { before, after: rrnItImplicit(answer.data.record) } : { before };
  },
  toJson(answer, _ctx, r) {
    const searchInformation = { ssin: r.ssin, language: r.language, history: r.history };
    return answer.data ? { searchInformation, ...recordJson(answer.data.record) } : { searchInformation };
  },
});

export default defineFlow({
  id: 'retrieve-ti-groups',
  names: {
    nl: 'Rijksregister — transactie 25 (RetrieveTIGroups)',
    fr: 'Registre national — transaction 25 (RetrieveTIGroups)',
    en: 'National Register transaction 25 (RetrieveTIGroups)',
  },
  institution: 'Rijksregister (via KSZ)',
  fidelity: 'real',
  basis:
    'RetrieveTIGroups v2 (operation retrieveTI): request, response and fault as in the KSZ WSDL/XSD, Tx25 content in the National Register xm25 schema; element structure and codes after the recorded replies (ksz-flows.md §1.2, §1.3, §13). Synthetic: name, street and act codes; modelled: birth municipality, which facts become which IT group, the role matrix.',
  legalContexts: [LEGAL_CONTEXT],
  roles: ['social-worker'],
  answersDeceased: true,
  soa: {
    service: 'RetrieveTIGroupsService',
    version: 2,
    wsdl: 'RetrieveTIGroupsV2',
    operations: { retrieveTI: RETRIEVE_TI_GROUPS_V2 },
  },
  operations: [retrieveTI],
  docs: 'mock-server/flows/retrieve-ti-groups/README.md',
});
