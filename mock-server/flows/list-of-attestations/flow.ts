import type { Element } from '@xmldom/xmldom';
import { indexOf } from '../../../scenarios/engine/as-of.ts';
import { defineFlow, defineOperation, RequestError } from '../../src/ksz/flows/define.ts';
import { kszStatus, OK } from '../../src/ksz/flows/status.ts';
import { SSDN_COMMON_NS, SSDN_PAYLOAD_PREFIX } from '../../src/ksz/ssdn/namespaces.ts';
import { text } from '../../src/ksz/xml/dom.ts';
import { readSequence } from '../../src/ksz/xml/sequence.ts';
import { checkSsin } from '../_shared/commonv3.ts';
import { checkDate } from '../living-wages/request.ts';
import { REQUEST_TYPES, type RequestType } from './codes.ts';
import { type AttestationsView, attestationsView } from './view.ts';
import { attestationsJson, attestationsXml } from './wire.ts';

export const NS = 'http://www.ksz-bcss.fgov.be/XSD/SSDN/OCMW_CPAS/ManageAttests';

export interface ListOfAttestationsRequest {
  ssin: string;
  requestType: RequestType;
  /** SearchPeriod; null: every attestation the network knows. */
  period: { startDate: string; endDate: string } | null;
}

function validated(ssin: unknown, type: unknown, period: { start: unknown; end: unknown } | null) {
  const checked = checkSsin(ssin, 'SocialSecurityUser');
  if (typeof type !== 'string' || !(REQUEST_TYPES as readonly string[]).includes(type))
    throw new RequestError(
      `RequestType must be one of ${REQUEST_TYPES.join(', ')} (the mock does not answer Formulaires or A036), got ${JSON.stringify(type ?? null)}`,
      'RequestType',
    );
  if (!period) return { ssin: checked, requestType: type as RequestType, period: null };
  const startDate = checkDate(period.start, 'SearchPeriod/StartDate');
  const endDate = checkDate(period.end, 'SearchPeriod/EndDate');
  if (endDate < startDate)
    throw new RequestError(`SearchPeriod/EndDate ${endDate} is before StartDate ${startDate}`, 'SearchPeriod/EndDate');
  return { ssin: checked, requestType: type as RequestType, period: { startDate, endDate } };
}

const fieldOf = (path: string) => path.replace(/^ListOfAttestationsRequest\//, '');

/** Reads `ListOfAttestationsRequest(SocialSecurityUser, RequestType, SearchPeriod?(common:StartDate, common:EndDate))`. */
export function fromXml(el: Element): ListOfAttestationsRequest {
  const path = 'ListOfAttestationsRequest';
  if (el.localName !== path)
    throw new RequestError(`the service request must be a ${path}, got ${el.localName}`, 'ServiceRequest');
  const seq = readSequence(
    el,
    NS,
    [{ name: 'SocialSecurityUser' }, { name: 'RequestType' }, { name: 'SearchPeriod', min: 0 }],
    { path },
  );
  if (!seq.ok) throw new RequestError(seq.error.message, fieldOf(seq.error.path));
  const periodEl = seq.found.get('SearchPeriod')?.[0];
  let period: { start: unknown; end: unknown } | null = null;
  if (periodEl) {
    const p = readSequence(periodEl, SSDN_COMMON_NS, [{ name: 'StartDate' }, { name: 'EndDate' }], {
      path: `${path}/SearchPeriod`,
    });
    if (!p.ok) throw new RequestError(p.error.message, fieldOf(p.error.path));
    period = { start: text(p.found.get('StartDate')?.[0]), end: text(p.found.get('EndDate')?.[0]) };
  }
  return validated(text(seq.found.get('SocialSecurityUser')?.[0]), text(seq.found.get('RequestType')?.[0]), period);
}

/** The JSON face: `{ socialSecurityUser, requestType, searchPeriod?: { startDate, endDate } }`. */
export function fromJson(body: Record<string, unknown>): ListOfAttestationsRequest {
  const sp = body.searchPeriod;
  if (sp !== undefined && sp !== null && (typeof sp !== 'object' || Array.isArray(sp)))
    throw new RequestError('searchPeriod must be an object { startDate, endDate }', 'SearchPeriod');
  const period = sp ? (sp as Record<string, unknown>) : null;
  return validated(
    body.socialSecurityUser,
    body.requestType,
    period ? { start: period.startDate, end: period.endDate } : null,
  );
}

const list = defineOperation<ListOfAttestationsRequest, AttestationsView>({
  name: 'listOfAttestations',
  description:
    'The attestations of one type the network knows today: GPMI/PIIS, law-65 status (equivalent leefloon, urgent medical aid), art. 35 exemptions, installation premiums; optionally within a search period.',
  integration: true,
  jsonSchema: {
    type: 'object',
    required: ['socialSecurityUser', 'requestType'],
    properties: {
      socialSecurityUser: { type: 'string', pattern: '^\\d{11}$', description: 'INSZ of the person' },
      requestType: { enum: [...REQUEST_TYPES] },
      searchPeriod: {
        type: 'object',
        required: ['startDate', 'endDate'],
        properties: { startDate: { type: 'string', format: 'date' }, endDate: { type: 'string', format: 'date' } },
      },
    },
  },
  fromJson,
  fromXml,
  subject: (r) =>
    r.period ? { insz: r.ssin, period: { from: r.period.startDate, to: r.period.endDate } } : { insz: r.ssin },
  handle(ctx, r) {
    const person = indexOf(ctx.world).persons.get(r.ssin);
    if (!person) throw new Error(`person ${r.ssin} passed the access checks but is not in the world`);
    const window = r.period ? { from: r.period.startDate, to: r.period.endDate } : null;
    const view = attestationsView(person, r.requestType, window, ctx.today);
    if (view.attestations.length > 0) return { status: OK(), data: view };
    return {
      status: kszStatus('MSG00100', [
        { fieldName: 'RequestType', fieldValue: `no ${r.requestType} attestation known on ${ctx.today}` },
      ]),
      data: view,
    };
  },
  toXml: (answer) => (answer.data ? { after: attestationsXml(answer.data, NS, SSDN_PAYLOAD_PREFIX) } : {}),
  toJson: (answer) => (answer.data ? attestationsJson(answer.data) : {}),
});

export default defineFlow({
  id: 'list-of-attestations',
  names: {
    nl: 'Lijst van attesten (OCMWCPASListOfAttestations)',
    fr: 'Liste des attestations (OCMWCPASListOfAttestations)',
    en: 'List of attestations (OCMWCPASListOfAttestations)',
  },
  institution: 'POD Maatschappelijke Integratie (via KSZ)',
  fidelity: 'partial',
  basis:
    'SSDN service OCMWCPASListOfAttestations v20080317, namespace …/OCMW_CPAS/ManageAttests: request SocialSecurityUser, RequestType (GPMI_PIIS, STATUT65, EXONERATIONSART35, PRIME_INSTALLATION), SearchPeriod; reply GpmiPiis@hasAttestation(period, prolongationPeriod), ExonerationArt35@hasExoneration(FirstExonerationDate, PaymentExoneratedDays), Attestation*(SocialSecurityUser, CPAS_KBOBCE_code, EntryDate, AttestType, FormType, Duration, DecisionDate, Reference, Status, RelationType) — all from public CPAS client code (ksz-flows.md §12.6); no public XSD. Modelled: the code values, which decisions each request type lists (PIIS decisions, art. 35 = decisions with an exemption, installation premiums, law 65 = equivalent leefloon and Mediprima cards), EntryDate as the start of the right, the 12-month PIIS term, the 0–7 day network lag shared with LivingWages, and the role matrix (simulated: social worker and financial manager).',
  legalContexts: [],
  roles: ['social-worker', 'financial-manager'],
  ssdn: { serviceId: 'OCMWCPASListOfAttestations', version: '20080317', namespace: NS },
  operations: [list],
  docs: 'mock-server/flows/list-of-attestations/README.md',
});
