import type { Element } from '@xmldom/xmldom';
import { indexOf } from '../../../scenarios/engine/as-of.ts';
import { isValidIsoDate } from '../../../scenarios/engine/dates.ts';
import { defineFlow, defineOperation, RequestError } from '../../src/ksz/flows/define.ts';
import { kszStatus, OK } from '../../src/ksz/flows/status.ts';
import type { SoaOperation } from '../../src/ksz/soa/namespaces.ts';
import { text } from '../../src/ksz/xml/dom.ts';
import { readSequence } from '../../src/ksz/xml/sequence.ts';
import { type SubsidyView, subsidyView, subsidyXml } from './view.ts';

export const LEGAL_CONTEXT = 'PCSA:SOCIAL_INQUIRY';

/** The SOAP face (modelled: no public KSZ contract exists for huursubsidie). */
export const RENT_SUBSIDY_V1: SoaOperation = {
  ns: 'http://kszbcss.fgov.be/intf/RentSubsidyService/v1',
  request: 'consultRentSubsidyRequest',
  response: 'consultRentSubsidyResponse',
  fault: 'rentSubsidyFault',
  soapAction: 'http://kszbcss.fgov.be/RentSubsidyService/consultRentSubsidy',
  prefix: 'v1',
};

export interface SubsidyRequest {
  ssin: string;
  /** The date the answer is as of; null: today. */
  date: string | null;
}

function validated(ssin: string, date: string | null): SubsidyRequest {
  if (!/^\d{11}$/.test(ssin)) throw new RequestError(`ssin must be 11 digits, got "${ssin}"`, 'ssin');
  if (date !== null && !isValidIsoDate(date)) throw new RequestError(`date must be YYYY-MM-DD, got "${date}"`, 'date');
  return { ssin, date };
}

const fieldOf = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** Reads `searchCriteria(ssin, date?)` after the CommonV3 part of the request element. */
export function fromXml(op: Element): SubsidyRequest {
  const path = RENT_SUBSIDY_V1.request;
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
  const inner = readSequence(criteria, null, [{ name: 'ssin' }, { name: 'date', min: 0 }], {
    path: `${path}/searchCriteria`,
  });
  if (!inner.ok) throw new RequestError(inner.error.message, fieldOf(inner.error.path));
  const dateEl = inner.found.get('date')?.[0];
  return validated(text(inner.found.get('ssin')?.[0]), dateEl ? text(dateEl) : null);
}

/** The JSON face: `{ legalContext, ssin, date? }`. */
export function fromJson(body: Record<string, unknown>): SubsidyRequest {
  if (typeof body.ssin !== 'string') throw new RequestError('ssin (11 digits) is required', 'ssin');
  if (body.date !== undefined && body.date !== null && typeof body.date !== 'string')
    throw new RequestError('date must be a string YYYY-MM-DD', 'date');
  return validated(body.ssin, typeof body.date === 'string' ? body.date : null);
}

const consult = defineOperation<SubsidyRequest, SubsidyView>({
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
  subject: (r) => (r.date ? { insz: r.ssin, date: r.date } : { insz: r.ssin }),
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
