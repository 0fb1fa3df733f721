import { indexOf } from '../../../scenarios/engine/as-of.ts';
import { defineFlow, defineOperation } from '../../src/ksz/flows/define.ts';
import { kszStatus, OK, serviceStatus } from '../../src/ksz/flows/status.ts';
import { fromJson, fromXml, jsonSchema, NS, type PensionRegisterRequest } from './request.ts';
import { type PensionRegisterView, pensionRegisterView, pensionRegisterXml } from './view.ts';

const consult = defineOperation<PensionRegisterRequest, PensionRegisterView>({
  name: 'pensionRegisterConsult',
  description:
    'The pension rights (retirement, survivor, IGO) of one person in the Pensioenkadaster over a period, with the institution, the monthly gross amount and, on request, the monthly payments.',
  integration: true,
  jsonSchema,
  fromJson,
  fromXml,
  // The integration must cover the whole period; the answer is as of the period's end.
  subject: (r) => ({
    insz: r.targetSsin,
    date: r.period.endDate,
    period: { from: r.period.startDate, to: r.period.endDate },
  }),
  handle(ctx, r) {
    if (r.period.endDate > ctx.today)
      return {
        status: kszStatus('MSG00008', [
          { fieldName: 'Period/EndDate', fieldValue: `${r.period.endDate} is after today (${ctx.today})` },
        ]),
      };
    const person = indexOf(ctx.world).persons.get(r.targetSsin);
    const view = person
      ? pensionRegisterView(person, r, ctx.today)
      : { targetSsin: r.targetSsin, period: r.period, items: [] };
    if (view.items.length > 0) return { status: OK(), data: view };
    return {
      status: serviceStatus('NO_DATA_FOUND', 'MSG00100', 'No pension right in the Pensioenkadaster for this period.', [
        { fieldName: 'TargetSSIN', fieldValue: r.targetSsin },
      ]),
      data: view,
    };
  },
  toXml: (answer, _ctx, r) => (answer.data ? { after: pensionRegisterXml(answer.data, r) } : {}),
  toJson: (answer, _ctx, r) =>
    answer.data
      ? {
          targetSsin: answer.data.targetSsin,
          period: answer.data.period,
          requestedData: r.requestedData,
          pensionItems: answer.data.items,
        }
      : {},
});

export default defineFlow({
  id: 'pension-register',
  names: {
    nl: 'Pensioenkadaster (PensionRegister)',
    fr: 'Cadastre des pensions (PensionRegister)',
    en: 'Pension register (PensionRegister)',
  },
  institution: 'Pensioenkadaster / Federale Pensioendienst (via KSZ)',
  fidelity: 'partial',
  basis:
    "Sourced (ksz-flows.md §12.2, public CPAS client code): SSDN service OCMWCPASPensionRegisterConsult version 20090706, payload namespace http://www.ksz-bcss.fgov.be/XSD/SSDN/PensionRegister, request Penskad_OpenPK_ConsultRequest(TargetSSIN, Period(StartDate, EndDate), RequestedData(Pillar FirstOnly|FirstSecond, RequestedInformation RightsOnly|RightsMinimumPayments|RightsMaximumPayments, Focus ReferencePeriod|MonthOfPayment), Language FR|NL) and a reply Penskad_OpenPK_ConsultReply holding PensionItem elements; institutions FPD, RSVZ, PDOS (sectors 5, 22, 23). Modelled: the PensionItem fields (PensionItem is UNVERIFIED), the meaning of minimum and maximum payments (last payment vs every payment), payments made for the month they relate to (so both Focus values give the same answer), refusing a period that ends after today, and the role matrix (social worker and financial manager). The rights, amounts and periods are the world's pension rights; all are first pillar.",
  legalContexts: [],
  roles: ['social-worker', 'financial-manager'],
  ssdn: { serviceId: 'OCMWCPASPensionRegisterConsult', version: '20090706', namespace: NS },
  operations: [consult],
  docs: 'mock-server/flows/pension-register/README.md',
});
