import { indexOf } from '../../../scenarios/engine/as-of.ts';
import { daysBetween } from '../../../scenarios/engine/dates.ts';
import { defineFlow, defineOperation } from '../../src/ksz/flows/define.ts';
import { kszStatus, OK, serviceStatus } from '../../src/ksz/flows/status.ts';
import { fromJson, fromXml, type HeatingRequest, JSON_SCHEMA, REQUEST_NS } from './request.ts';
import { CATEGORIES, MAX_DAYS_AFTER_DELIVERY } from './rules.ts';
import { type HeatingView, heatingView } from './view.ts';
import { allocationReplyXml } from './xml.ts';

/** The quality code that opens the flow: 17.40 "Begunstigde verwarmingstoelage" (ksz-flows.md §2.2). */
export const QUALITY_CODE = '40';

/** Service-specific codes of the flow (modelled in the style of the KSZ codes; the real ones are not public). */
export const HEATING_CODES = {
  categoryNotSupported: 'HEAT0001',
  yearlyCeilingReached: 'HEAT0002',
  deliveryTooOld: 'HEAT0003',
} as const;

const compute = defineOperation<HeatingRequest, HeatingView>({
  name: 'computeAllocation',
  description:
    'For one fuel delivery of a heating-allowance applicant: the household on the delivery date with increased reimbursement, social tariff and last assessed taxable income per member, whether the category asked is supported, the allowances the household already had that year, and the allowance this delivery gives.',
  integration: true,
  jsonSchema: JSON_SCHEMA,
  fromJson,
  fromXml,
  subject: (r) => ({ insz: r.ssin, date: r.invoice.deliveryDate }),
  handle(ctx, r) {
    const date = r.invoice.deliveryDate;
    if (date > ctx.today)
      return {
        status: kszStatus('MSG00008', [
          { fieldName: 'DeliveryDate', fieldValue: `${date} is after today (${ctx.today})` },
        ]),
      };
    if (r.kboBceNumber !== null && r.kboBceNumber !== ctx.organisation.kbo)
      return {
        status: kszStatus('MSG00008', [
          {
            fieldName: 'KboBceNumber',
            fieldValue: `${r.kboBceNumber} is not the OCMW of the caller (${ctx.organisation.kbo})`,
          },
        ]),
      };
    const age = daysBetween(date, ctx.today);
    if (age > MAX_DAYS_AFTER_DELIVERY)
      return {
        status: serviceStatus(
          'NO_RESULT',
          HEATING_CODES.deliveryTooOld,
          `The delivery is more than ${MAX_DAYS_AFTER_DELIVERY} days old.`,
          [{ fieldName: 'DeliveryDate', fieldValue: `${date}: ${age} days before ${ctx.today}` }],
        ),
      };
    const person = indexOf(ctx.world).persons.get(r.ssin);
    const debtMediation = ctx.register.list({ insz: r.ssin, activeOn: date }).some((x) => x.qualityCode === '7');
    const view = person ? heatingView(ctx.world, person, r, ctx.today, debtMediation) : null;
    if (!view)
      return {
        status: kszStatus('MSG00100', [
          { fieldName: 'ssin', fieldValue: `${r.ssin} has no address in Belgium on ${date}` },
        ]),
      };
    if (!view.categories[r.category])
      return {
        status: serviceStatus(
          'NO_RESULT',
          HEATING_CODES.categoryNotSupported,
          'The category asked is not supported by the data of the network.',
          [{ fieldName: 'Category', fieldValue: `${r.category}: ${CATEGORIES[r.category].basis} — not the case` }],
        ),
        data: view,
      };
    if ((view.allocation?.amountCents ?? 0) <= 0)
      return {
        status: serviceStatus(
          'NO_RESULT',
          HEATING_CODES.yearlyCeilingReached,
          'The household has reached the yearly maximum of the heating allowance.',
          [{ fieldName: 'DeliveryDate', fieldValue: `calendar year ${date.slice(0, 4)}` }],
        ),
        data: view,
      };
    return { status: OK(), data: view };
  },
  toXml: (answer, _ctx, r) => ({ after: allocationReplyXml(r, answer.data) }),
  toJson: (answer) => (answer.data ? { heatingAllocation: answer.data } : {}),
});

export default defineFlow({
  id: 'heating-allowance',
  names: {
    nl: 'Verwarmingstoelage (Sociaal Verwarmingsfonds)',
    fr: 'Allocation de chauffage (Fonds social chauffage)',
    en: 'Heating allowance (Social Heating Fund)',
  },
  institution: 'Sociaal Verwarmingsfonds / Fonds social chauffage (via KSZ, Smals)',
  fidelity: 'partial',
  basis:
    'Sourced (ksz-flows.md §12.8, §13.1, §2.2): SSDN service OCMWCPASHeatingAllocation v20090409, its request AllocationRequest(ComputeAllocation(PrimaryBeneficiary(SSIN, Category), Invoice(Amount, Quantity, HousingNumber, DeliveryDate, UnitFuel)), OCMW_CPAS/KboBceNumber) in namespace http://www.smals.be/XSD/OCMW_CPAS/HeatingAllocationRequest (invoice children in …/HeatingAllocationDataTypes) from a recorded test request; quality code 17.40 (only such an integration opens the flow); the check of the increased reimbursement for the heating allowance (Cevi/Logins). Inferred: Amount in ten-thousandths of a euro (test value 8390100 for 1000 litres), HousingNumber = housing units sharing a delivery, the reply namespace. Modelled: the whole reply (household with increased reimbursement, social tariff and last assessed income per member, the three category checks, previous allowances, the computed allowance), UnitFuel codes, the per-litre scale, the 1500-litre yearly maximum, the pump forfait, income ceilings, the 60-day limit, codes HEAT0001–0003 and the role matrix. Data from the world: households, health insurance, tax assessments, social tariff and heating allowances paid.',
  legalContexts: [],
  roles: ['social-worker', 'financial-manager'],
  qualityCodes: [QUALITY_CODE],
  ssdn: { serviceId: 'OCMWCPASHeatingAllocation', version: '20090409', namespace: REQUEST_NS },
  operations: [compute],
  docs: 'mock-server/flows/heating-allowance/README.md',
});
