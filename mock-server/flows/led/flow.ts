import { indexOf } from '../../../scenarios/engine/as-of.ts';
import { defineFlow, defineOperation } from '../../src/ksz/flows/define.ts';
import { kszStatus, OK } from '../../src/ksz/flows/status.ts';
import { newStyleOperation, type SsinRequest, ssinRequest } from '../_shared/commonv3.ts';
import { type LedView, ledView, ledXml } from './view.ts';

export const LEGAL_CONTEXT = 'PCSA:SOCIAL_INQUIRY';

/** The SOAP face (modelled: no public KSZ contract exists for the LED). */
export const LED_V1 = newStyleOperation('LearningAndExperienceEvidenceService', 1, 'consultEvidence');

/** Reads `searchCriteria(ssin)` after the CommonV3 part (modelled: by INSZ only); the JSON face `{ legalContext, ssin }`. */
export const { fromXml, fromJson } = ssinRequest(LED_V1);

const consult = defineOperation<SsinRequest, LedView>({
  name: 'consultEvidence',
  description:
    'The diplomas, certificates and experience evidence of one person in the LED as of today, authentic or self-declared (verified or not).',
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
    const view = person ? ledView(person, ctx.asOf) : null;
    if (view) return { status: OK(), data: view };
    return {
      status: kszStatus('MSG00100', [
        { fieldName: 'ssin', fieldValue: `${r.ssin} has no evidence in the LED on ${ctx.asOf}` },
      ]),
    };
  },
  toXml: (answer) => (answer.data ? { after: ledXml(answer.data) } : {}),
  toJson: (answer) => (answer.data ? { learningAndExperienceEvidence: answer.data } : {}),
});

export default defineFlow({
  id: 'led',
  names: {
    nl: 'Leer- en Ervaringsbewijzendatabank (LED)',
    fr: "Banque de données des preuves d'apprentissage et d'expérience (LED)",
    en: 'Learning and experience evidence database (LED)',
  },
  institution: 'AHOVOKS (via KSZ)',
  fidelity: 'simulated',
  basis:
    'Sourced: OCMW access to diplomas and experience evidence approved by the Flemish supervisory commission, implementation expected mid-2015 (VVSG page); the LED, managed by AHOVOKS, holds qualification records (programme, institution, date of issue, no copy of the diploma) from authentic sources and self-declared evidence registered at VDAB, verified when a VDAB consultant saw the paper (ksz-flows.md §11). Modelled: the whole KSZ message (service, operation, element names, by INSZ only), the legal context PCSA:SOCIAL_INQUIRY, the evidence ids, kinds and levels, evidence shown from its date of issue, and the role matrix (social worker only).',
  legalContexts: [LEGAL_CONTEXT],
  roles: ['social-worker'],
  soa: {
    service: 'LearningAndExperienceEvidenceService',
    version: 1,
    wsdl: 'LearningAndExperienceEvidenceV1',
    operations: { consultEvidence: LED_V1 },
  },
  operations: [consult],
  docs: 'mock-server/flows/led/README.md',
});
