import { defineFlow } from '../../src/ksz/flows/define.ts';
import {
  consultCarmed,
  consultCarmedCoverage,
  consultCarmedIntervention,
  consultUrgentMedicalAidAttestation,
} from './consult.ts';
import { closeCarmed, modifyCarmed, openCarmed, stopCarmed } from './manage.ts';
import { wireOf } from './wire.ts';

export const LEGAL_CONTEXT = 'PCSA:SOCIAL_INQUIRY';

const operations = [
  openCarmed,
  modifyCarmed,
  stopCarmed,
  closeCarmed,
  consultCarmed,
  consultCarmedCoverage,
  consultCarmedIntervention,
  consultUrgentMedicalAidAttestation,
];

export default defineFlow({
  id: 'mediprima',
  names: {
    nl: 'Mediprima (medische kosten, dringende medische hulp)',
    fr: 'Mediprima (frais médicaux, aide médicale urgente)',
    en: 'Mediprima (medical costs, urgent medical aid)',
  },
  institution: 'POD MI / SPP IS (via KSZ)',
  fidelity: 'partial',
  basis:
    'The OCMW-side operations of Mediprima v2 (openCarmed … consultUrgentMedicalAidAttestation) are named after a public CPAS client (ksz-flows.md §7); the card content (CarmedIdentifier, MedicalCover per cover type with PswcSupport, RefundPodmiSppis with RefundCode, BeneficiaryStatus L/I, MedicalUrgencyInd, the agreement number and the urgent medical aid attestation number) follows the eHealth Mediprima XSD. Sourced too: decisions from 2013-10-01, compulsory flows for urgent medical aid (VVSG page), registration within 45 days. Modelled: the request fields, the SOAP element names of the OCMW side, which cover types each card kind includes, the support percentages, the statuses, the MEDP000n codes, and the role matrix (social worker, financial manager).',
  legalContexts: [LEGAL_CONTEXT],
  roles: ['social-worker', 'financial-manager'],
  soa: {
    service: 'MediprimaService',
    version: 2,
    wsdl: 'MediprimaV2',
    operations: Object.fromEntries(operations.map((o) => [o.name, wireOf(o.name)])),
  },
  operations,
  docs: 'mock-server/flows/mediprima/README.md',
});
