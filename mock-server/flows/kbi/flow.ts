import { indexOf } from '../../../scenarios/engine/as-of.ts';
import { defineFlow, defineOperation } from '../../src/ksz/flows/define.ts';
import { kszStatus, OK } from '../../src/ksz/flows/status.ts';
import { newStyleOperation, type SsinRequest, ssinRequest } from '../_shared/commonv3.ts';
import { type KbiView, kbiView, kbiXml } from './view.ts';

export const LEGAL_CONTEXT = 'PCSA:SOCIAL_INQUIRY';

/** The SOAP face (modelled: no public KSZ contract exists for KBI). */
export const CIVIC_INTEGRATION_V1 = newStyleOperation('CivicIntegrationService', 1, 'consultCivicIntegrationFile');

/** Reads `searchCriteria(ssin)` after the CommonV3 part, as MAGDA asks by INSZ only; the JSON face `{ legalContext, ssin }`. */
export const { fromXml, fromJson } = ssinRequest(CIVIC_INTEGRATION_V1);

const consult = defineOperation<SsinRequest, KbiView>({
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
