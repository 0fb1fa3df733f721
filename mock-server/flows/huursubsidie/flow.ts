import { indexOf } from '../../../scenarios/engine/as-of.ts';
import { defineFlow, defineOperation } from '../../src/ksz/flows/define.ts';
import { kszStatus, OK } from '../../src/ksz/flows/status.ts';
import { type DatedSsinRequest, datedSsinRequest, datedSubject, newStyleOperation } from '../_shared/commonv3.ts';
import { type SubsidyView, subsidyView, subsidyXml } from './view.ts';

export const LEGAL_CONTEXT = 'PCSA:SOCIAL_INQUIRY';

/** The SOAP face (modelled: no public KSZ contract exists for huursubsidie). */
export const RENT_SUBSIDY_V1 = newStyleOperation('RentSubsidyService', 1, 'consultRentSubsidy');

/** Reads `searchCriteria(ssin, date?)` after the CommonV3 part; the JSON face `{ legalContext, ssin, date? }`. */
export const { fromXml, fromJson } = datedSsinRequest(RENT_SUBSIDY_V1);

const consult = defineOperation<DatedSsinRequest, SubsidyView>({
  name: 'consultRentSubsidy',
  description:
    'The huursubsidie (tegemoetkoming in de huurprijs) file of a person, as of today or an asked date: applicant and partner, social housing company, file number and status, refusal reason, last payment.',
  integration: true,
  jsonSchema: {
    type: 'object',
    required: ['ssin'],
    properties: {
      ssin: { type: 'string', pattern: '^\\d{11}$', description: 'INSZ of the applicant or the partner' },
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
    const view = person ? subsidyView(ctx.world, person, ctx.asOf) : null;
    if (view) return { status: OK(), data: view };
    return {
      status: kszStatus('MSG00100', [
        { fieldName: 'ssin', fieldValue: `${r.ssin} has no huursubsidie file on ${ctx.asOf}` },
      ]),
    };
  },
  toXml: (answer) => (answer.data ? { after: subsidyXml(answer.data) } : {}),
  toJson: (answer) => (answer.data ? { rentSubsidyFile: answer.data } : {}),
});

export default defineFlow({
  id: 'huursubsidie',
  names: {
    nl: 'Huursubsidie (tegemoetkoming in de huurprijs)',
    fr: 'Allocation de loyer flamande (huursubsidie)',
    en: 'Flemish rent subsidy (huursubsidie)',
  },
  institution: 'Wonen in Vlaanderen and the social housing companies (via KSZ)',
  fidelity: 'simulated',
  basis:
    'Sourced: OCMW access authorised mid-September 2016, with the identity of the person and the partner registered with the social housing company, the company name, file status and number, refusal reason, last payment date and amount (VVSG page); Wonen in Vlaanderen handles the huursubsidie (ksz-flows.md §10). Modelled: the whole KSZ message (service, operation, element names, the optional date, amounts in eurocent), the legal context PCSA:SOCIAL_INQUIRY, finding the file through the partner, status and payments shown as of the date, and the role matrix (social worker only).',
  legalContexts: [LEGAL_CONTEXT],
  roles: ['social-worker'],
  soa: {
    service: 'RentSubsidyService',
    version: 1,
    wsdl: 'RentSubsidyV1',
    operations: { consultRentSubsidy: RENT_SUBSIDY_V1 },
  },
  operations: [consult],
  docs: 'mock-server/flows/huursubsidie/README.md',
});
