import { indexOf } from '../../../scenarios/engine/as-of.ts';
import { addYears, dayBefore, maxDate, minDate } from '../../../scenarios/engine/dates.ts';
import { defineFlow, defineOperation, type Status } from '../../src/ksz/flows/define.ts';
import { kszStatus, OK, serviceStatus } from '../../src/ksz/flows/status.ts';
import { newStyleOperation } from '../_shared/commonv3.ts';
import { FLAGS, fromJson, fromXml, type HandiFluxRequest, jsonSchema } from './request.ts';
import { ALLOWANCES, type HandiFluxFile, handiFluxFile, handiFluxXml, hasData, knownAtDgph } from './view.ts';

/** The legal context the CPAS client sends for HandiFlux (ksz-flows.md §12.3, §13.1c). */
export const LEGAL_CONTEXT = 'social inquiry';

/** The SOAP face: operation `consultFile` is sourced; service name, namespace and element names are modelled. */
export const HANDIFLUX_V1 = newStyleOperation('HandiFluxService', 1, 'consultFile');

const han = (value: Status['value'], code: string, description: string, field?: string, fieldValue?: string) =>
  serviceStatus(value, code, description, field ? [{ fieldName: field, fieldValue: fieldValue ?? '' }] : undefined);

/** The DGPH's own checks of the request, in this order; null when it may be answered. */
function requestStatus(r: HandiFluxRequest, today: string): Status | null {
  const at = r.atReferenceDate;
  const pay = r.paymentsAtPeriod;
  if (!at && !pay) return han('NO_DATA_FOUND', 'HAN00022', 'No information was requested.');
  if (!pay && at && FLAGS.every((f) => !at[f]))
    return han('NO_DATA_FOUND', 'HAN00023', 'All requested information is set to false.');
  if (pay && pay.endDate < pay.startDate)
    return han(
      'NO_RESULT',
      'HAN00021',
      'The payment period is not ascending.',
      'paymentsAtPeriod',
      `${pay.startDate} … ${pay.endDate}`,
    );
  if (pay && pay.endDate > dayBefore(addYears(pay.startDate, 2)))
    return han(
      'NO_RESULT',
      'HAN00020',
      'The payment period is longer than two years.',
      'paymentsAtPeriod',
      `${pay.startDate} … ${pay.endDate}`,
    );
  if (at?.referenceDate && at.referenceDate > today)
    return kszStatus('MSG00008', [
      {
        fieldName: 'informationAtReferenceDate/referenceDate',
        fieldValue: `${at.referenceDate} is after today (${today})`,
      },
    ]);
  return null;
}

const consult = defineOperation<HandiFluxRequest, HandiFluxFile>({
  name: 'consultFile',
  description:
    'The file of one person at the DG Persons with a Handicap: at a reference date the recognition decisions, the recognition (points), the allowances (IVT, IT, THAB) and the social advantages; over a period of at most two years the monthly payments.',
  integration: true,
  jsonSchema,
  fromJson,
  fromXml,
  subject(r) {
    const ref = r.atReferenceDate?.referenceDate ?? null;
    const pay = r.paymentsAtPeriod;
    if (!pay) return ref ? { insz: r.ssin, date: ref } : { insz: r.ssin };
    // The integration must cover the reference date and the payment period (in whatever order they were given).
    const dates = [pay.startDate, pay.endDate, ...(ref ? [ref] : [])];
    const from = dates.reduce(minDate);
    const to = dates.reduce(maxDate);
    return { insz: r.ssin, date: ref ?? to, period: { from, to } };
  },
  handle(ctx, r) {
    const refused = requestStatus(r, ctx.today);
    if (refused) return { status: refused };
    const medical =
      r.atReferenceDate && (r.atReferenceDate.evolutionOfRequest || r.atReferenceDate.handicapRecognition);
    if (ctx.user.role === 'financial-manager' && medical)
      return {
        status: han(
          'NO_RESULT',
          'HAN00011',
          'The requested information is not authorized.',
          'informationAtReferenceDate',
          'evolutionOfRequest and handicapRecognition are not open to the financial manager',
        ),
      };
    const person = indexOf(ctx.world).persons.get(r.ssin);
    if (!person || !knownAtDgph(person, ctx.today))
      return { status: kszStatus('MSG00021', [{ fieldName: 'ssin', fieldValue: r.ssin }]) };
    const file = handiFluxFile(person, r, ctx.today);
    if (hasData(file)) return { status: OK(), data: file };
    return {
      status: serviceStatus(
        'NO_DATA_FOUND',
        'MSG00100',
        'The person is known, but nothing was found for the date or period.',
        [{ fieldName: 'ssin', fieldValue: r.ssin }],
      ),
    };
  },
  toXml: (answer) => (answer.data ? { after: handiFluxXml(answer.data) } : {}),
  toJson(answer) {
    if (!answer.data) return {};
    const rights = answer.data.informationAtReferenceDate?.rights;
    if (!rights) return { file: answer.data };
    // JSON adds the allowance names for people; the XML keeps the codes.
    const labelled = rights.map((a) => ({ ...a, label: ALLOWANCES[a.allowance] }));
    return {
      file: {
        ...answer.data,
        informationAtReferenceDate: { ...answer.data.informationAtReferenceDate, rights: labelled },
      },
    };
  },
});

export default defineFlow({
  id: 'handiflux',
  names: {
    nl: 'Personen met een handicap (HandiFlux)',
    fr: 'Personnes handicapées (HandiFlux)',
    en: 'Persons with a handicap (HandiFlux)',
  },
  institution: 'FOD Sociale Zekerheid, DG Personen met een handicap (via KSZ)',
  fidelity: 'partial',
  basis:
    'Sourced (ksz-flows.md §12.3, §13.4; public CPAS client code): operation consultFile with legal context "social inquiry"; the request wantedInformation(ssin, informationAtReferenceDate(referenceDate, evolutionOfRequest, handicapRecognition, rights, socialCards), paymentsAtPeriod(startDate, endDate)); the answer in `file`; the codes MSG00021/SSK00003 (person unknown at the DGPH), HAN00010, HAN00011, HAN00020 (payment period over two years), HAN00021 (not ascending), HAN00022 (nothing requested), HAN00023 (all false), HAN00030-33 and INCOMPLETE_DATA/HAN20200; the allowances IVT, IT and THAB and the purposes 16.1-16.8. Modelled: the service name, namespace and every element of the answer, the decisions as the start of each recognition, the social energy tariff as the social card a recognition opens (the engine rule), payments on the last day of each month up to today, refusing a reference date after today, MSG00100 for a known person with nothing at the date, and the role matrix (social worker; financial manager without the recognition and its evolution, HAN00011). The facts are the world\'s handicap recognitions.',
  legalContexts: [LEGAL_CONTEXT],
  roles: ['social-worker', 'financial-manager'],
  soa: { service: 'HandiFluxService', version: 1, wsdl: 'HandiFluxV1', operations: { consultFile: HANDIFLUX_V1 } },
  operations: [consult],
  docs: 'mock-server/flows/handiflux/README.md',
});
