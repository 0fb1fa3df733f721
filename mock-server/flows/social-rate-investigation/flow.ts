import { defineFlow, defineOperation, RequestError } from '../../src/ksz/flows/define.ts';
import { kszStatus, OK } from '../../src/ksz/flows/status.ts';
import { newStyleOperation, type SsinRequest, ssinRequest } from '../_shared/commonv3.ts';
import { type SocialRateView, socialRateOf, socialRateXml } from './view.ts';

/** The legal context the CPAS client code sends by default (ksz-flows.md §12.8, §13.1). */
export const LEGAL_CONTEXT = 'Social Rate Investigation';

/** The SOAP face: operation name from the client code; namespace, element and action names in the KSZ pattern. */
export const SOCIAL_RATE_V1 = newStyleOperation('SocialRateInvestigationService', 1, 'consultExchangedData');

const request = ssinRequest(SOCIAL_RATE_V1, 'criterion');

/** Reads `criterion(ssin)` after the CommonV3 part of the request element. */
export const fromXml = request.fromXml;

/** The JSON face: `{ legalContext, criterion: { ssin } }`, or `{ legalContext, ssin }`. */
export function fromJson(body: Record<string, unknown>): SsinRequest {
  const criterion = body.criterion;
  if (criterion !== undefined && (typeof criterion !== 'object' || criterion === null || Array.isArray(criterion)))
    throw new RequestError('criterion must be an object { ssin }', 'criterion');
  return request.fromJson(criterion ? (criterion as Record<string, unknown>) : body);
}

const consult = defineOperation<SsinRequest, SocialRateView[]>({
  name: 'consultExchangedData',
  description:
    'The social energy tariff (sociaal tarief / tarif social) of a person as exchanged for the electricity and gas suppliers: its periods up to today and the rights it rests on (leefloon, equivalent leefloon, handicap allowance).',
  integration: true,
  jsonSchema: {
    type: 'object',
    required: ['criterion'],
    properties: {
      criterion: {
        type: 'object',
        required: ['ssin'],
        properties: { ssin: { type: 'string', pattern: '^\\d{11}$', description: 'INSZ of the person' } },
      },
    },
  },
  fromJson,
  fromXml,
  subject: (r) => ({ insz: r.ssin }),
  handle(ctx, r) {
    const results = socialRateOf(ctx.world, r.ssin, ctx.asOf) ?? [];
    if (results.length > 0) return { status: OK(), data: results };
    return {
      status: kszStatus('MSG00100', [
        { fieldName: 'ssin', fieldValue: `no social tariff known for ${r.ssin} up to ${ctx.asOf}` },
      ]),
      data: [],
    };
  },
  toXml: (answer) => (answer.data?.length ? { after: socialRateXml(answer.data) } : {}),
  toJson: (answer) => ({ result: answer.data ?? [] }),
});

export default defineFlow({
  id: 'social-rate-investigation',
  names: {
    nl: 'Sociaal tarief energie (SocialRateInvestigation)',
    fr: 'Tarif social énergie (SocialRateInvestigation)',
    en: 'Social energy tariff (SocialRateInvestigation)',
  },
  institution: 'FOD Economie / SPF Economie (via KSZ)',
  fidelity: 'partial',
  basis:
    'Sourced from public CPAS client code (ksz-flows.md §12.8, §13.1): the new-style service "SocialRateInvestigation" ("Tarif social auprès des fournisseurs d\'électricité et de gaz"), operation consultExchangedData with criterion(ssin), legal context "Social Rate Investigation", MSG00000 when data is found and a repeatable `result` after status; the client notes that the KSZ never offered a time criterion, so there is none. Modelled: namespace, element and action names, the content of `result` (tariff period, the rights behind it: leefloon and equivalent leefloon per OCMW, handicap allowance; periods as known today), MSG00100 when no tariff is known, and the role matrix (social worker only). The tariff periods come from the world (leefloon, equivalent leefloon or handicap recognition, merged; scenarios/engine/finish.ts).',
  legalContexts: [LEGAL_CONTEXT],
  roles: ['social-worker'],
  soa: {
    service: 'SocialRateInvestigationService',
    version: 1,
    wsdl: 'SocialRateInvestigationV1',
    operations: { consultExchangedData: SOCIAL_RATE_V1 },
  },
  operations: [consult],
  docs: 'mock-server/flows/social-rate-investigation/README.md',
});
