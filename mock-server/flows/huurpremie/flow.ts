import { indexOf } from '../../../scenarios/engine/as-of.ts';
import { defineFlow, defineOperation } from '../../src/ksz/flows/define.ts';
import { kszStatus, OK } from '../../src/ksz/flows/status.ts';
import { type DatedSsinRequest, datedSsinRequest, datedSubject, newStyleOperation } from '../_shared/commonv3.ts';
import { type PremiumView, premiumView, premiumXml } from './view.ts';

export const LEGAL_CONTEXT = 'PCSA:SOCIAL_INQUIRY';

/** The SOAP face (modelled: no public KSZ contract exists for the huurpremie). */
export const RENT_PREMIUM_V1 = newStyleOperation('RentPremiumService', 1, 'consultRentPremium');

/** Reads `searchCriteria(ssin, date?)` after the CommonV3 part; the JSON face `{ legalContext, ssin, date? }`. */
export const { fromXml, fromJson } = datedSsinRequest(RENT_PREMIUM_V1);

const consult = defineOperation<DatedSsinRequest, PremiumView>({
  name: 'consultRentPremium',
  description:
    'The social-housing waiting-list registration and Vlaamse huurpremie of a person, as of today or an asked date: housing company, registration and deregistration dates, potential entitlement, refusal reason, last payment.',
  integration: true,
  jsonSchema: {
    type: 'object',
    required: ['ssin'],
    properties: {
      ssin: { type: 'string', pattern: '^\\d{11}$', description: 'INSZ of the candidate tenant' },
      date: { type: 'string', format: 'date', description: 'the situation on this date (default: today)' },
    },
  },
  fromJson,
  fromXml,
  subject: datedSubject,
  handle(ctx, r) {
    if (ctx.asOf > ctx.today)
      return {
        status: kszStatus('MSG00008', [{ fieldName: 'date', fieldValue: `${ctx.asOf} is after today (${ctx.today})` }]),
      };
    const person = indexOf(ctx.world).persons.get(r.ssin);
    const view = person ? premiumView(person, ctx.asOf) : null;
    if (view) return { status: OK(), data: view };
    return {
      status: kszStatus('MSG00100', [
        { fieldName: 'ssin', fieldValue: `${r.ssin} is not on a social-housing waiting list on ${ctx.asOf}` },
      ]),
    };
  },
  toXml: (answer) => (answer.data ? { after: premiumXml(answer.data) } : {}),
  toJson: (answer) => (answer.data ? { rentPremiumFile: answer.data } : {}),
});

export default defineFlow({
  id: 'huurpremie',
  names: {
    nl: 'Vlaamse huurpremie',
    fr: 'Prime locative flamande (huurpremie)',
    en: 'Flemish rent premium (huurpremie)',
  },
  institution: 'Wonen in Vlaanderen and the social housing companies (via KSZ)',
  fidelity: 'simulated',
  basis:
    "Sourced: OCMW access authorised in May 2015, with the identity of the person on the social-housing waiting list, the housing company, registration and deregistration dates, whether the person is potentially entitled, refusal reason, last payment date and amount (VVSG page); the huurpremie is for private tenants at least four years on a waiting list, Wonen in Vlaanderen gives OCMWs candidate tenants' data for their own clients only (ksz-flows.md §10). Modelled: the whole KSZ message (service, operation, element names, the optional date, amounts in eurocent), the legal context PCSA:SOCIAL_INQUIRY, dates and payments shown as of the date, and the role matrix (social worker only).",
  legalContexts: [LEGAL_CONTEXT],
  roles: ['social-worker'],
  soa: {
    service: 'RentPremiumService',
    version: 1,
    wsdl: 'RentPremiumV1',
    operations: { consultRentPremium: RENT_PREMIUM_V1 },
  },
  operations: [consult],
  docs: 'mock-server/flows/huurpremie/README.md',
});
