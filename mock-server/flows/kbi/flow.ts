import type { Element } from '@xmldom/xmldom';
import { indexOf } from '../../../scenarios/engine/as-of.ts';
import { defineFlow, defineOperation, RequestError } from '../../src/ksz/flows/define.ts';
import { kszStatus, OK } from '../../src/ksz/flows/status.ts';
import type { SoaOperation } from '../../src/ksz/soa/namespaces.ts';
import { text } from '../../src/ksz/xml/dom.ts';
import { readSequence } from '../../src/ksz/xml/sequence.ts';
import { type KbiView, kbiView, kbiXml } from './view.ts';

export const LEGAL_CONTEXT = 'PCSA:SOCIAL_INQUIRY';

/** The SOAP face (modelled: no public KSZ contract exists for KBI). */
export const CIVIC_INTEGRATION_V1: SoaOperation = {
  ns: 'http://kszbcss.fgov.be/intf/CivicIntegrationService/v1',
  request: 'consultCivicIntegrationFileRequest',
  response: 'consultCivicIntegrationFileResponse',
  fault: 'civicIntegrationFault',
  soapAction: 'http://kszbcss.fgov.be/CivicIntegrationService/consultCivicIntegrationFile',
  prefix: 'v1',
};

export interface KbiRequest {
  ssin: string;
}

function checkSsin(ssin: string, field: string): KbiRequest {
  if (!/^\d{11}$/.test(ssin)) throw new RequestError(`ssin must be 11 digits, got "${ssin}"`, field);
  return { ssin };
}

/** The last step of a structure error's path: `…/searchCriteria/ssin` → `ssin`. */
const fieldOf = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** Reads the request element after its CommonV3 part: `searchCriteria(ssin)`, as MAGDA asks by INSZ only. */
export function fromXml(op: Element): KbiRequest {
  const path = CIVIC_INTEGRATION_V1.request;
  const seq = readSequence(
    op,
    null,
    [
      { name: 'informationCustomer' },
      { name: 'informationCBSS', min: 0 },
      { name: 'legalContext' },
      { name: 'searchCriteria' },
    ],
    { path },
  );
  if (!seq.ok) throw new RequestError(seq.error.message, fieldOf(seq.error.path));
  const criteria = seq.found.get('searchCriteria')?.[0];
  if (!criteria) throw new RequestError('searchCriteria is missing', 'searchCriteria');
  const inner = readSequence(criteria, null, [{ name: 'ssin' }], { path: `${path}/searchCriteria` });
  if (!inner.ok) throw new RequestError(inner.error.message, fieldOf(inner.error.path));
  return checkSsin(text(inner.found.get('ssin')?.[0]), 'ssin');
}

/** The JSON face: `{ legalContext, ssin }`. */
export function fromJson(body: Record<string, unknown>): KbiRequest {
  if (typeof body.ssin !== 'string') throw new RequestError('ssin (11 digits) is required', 'ssin');
  return checkSsin(body.ssin, 'ssin');
}

const consult = defineOperation<KbiRequest, KbiView>({
  name: 'consultCivicIntegrationFile',
  description:
    'The civic-integration (inburgering) file of one person at the KBI as of today: trajectory (kind, status, period), contract, certificate, NT2 courses and the organisation that registered the person.',
  integration: true,
  jsonSchema: {
    type: 'object',
    required: ['ssin'],
    properties: { ssin: { type: 'string', pattern: '^\\d{11}$', description: 'INSZ of the person' } },
  },
  fromJson,
  fromXml,
  subject: (r) => ({ insz: r.ssin }),
  handle(ctx, r) {
    const person = indexOf(ctx.world).persons.get(r.ssin);
    const view = person ? kbiView(person, ctx.asOf) : null;
    if (view) return { status: OK(), data: view };
    return {
      status: kszStatus('MSG00100', [
        { fieldName: 'ssin', fieldValue: `${r.ssin} has no civic-integration file at the KBI on ${ctx.asOf}` },
      ]),
    };
  },
  toXml: (answer) => (answer.data ? { after: kbiXml(answer.data) } : {}),
  toJson: (answer) => (answer.data ? { civicIntegrationFile: answer.data } : {}),
});

export default defineFlow({
  id: 'kbi',
  names: {
    nl: 'Kruispuntbank Inburgering (KBI)',
    fr: "Banque-carrefour de l'intégration civique (KBI)",
    en: 'Civic integration crossroads bank (KBI)',
  },
  institution: 'Agentschap Integratie en Inburgering (via KSZ)',
  fidelity: 'simulated',
  basis:
    'Sourced: the KBI is the client-tracking system of the Agentschap Integratie en Inburgering for inburgeraars and NT2 students, consulted by OCMWs via the KSZ (VVSG page); the MAGDA service GeefDossierKBI asks by INSZ only and answers the personalia (INSZ, UniekNummer, names, birth date, sex), the registering organisation (KBO) and the trajectory parts; municipalities get contract and certificate yes/no (ksz-flows.md §9). Modelled: the KSZ message itself (service, operation, element names in the CommonV3 style), the legal context PCSA:SOCIAL_INQUIRY, the UniekNummer values, statuses shown as of the date, and the role matrix (social worker only).',
  legalContexts: [LEGAL_CONTEXT],
  roles: ['social-worker'],
  soa: {
    service: 'CivicIntegrationService',
    version: 1,
    wsdl: 'CivicIntegrationV1',
    operations: { consultCivicIntegrationFile: CIVIC_INTEGRATION_V1 },
  },
  operations: [consult],
  docs: 'mock-server/flows/kbi/README.md',
});
