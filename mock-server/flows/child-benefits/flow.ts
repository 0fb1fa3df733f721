import { indexOf } from '../../../scenarios/engine/as-of.ts';
import { lastOfMonth } from '../../../scenarios/engine/dates.ts';
import { defineFlow, defineOperation } from '../../src/ksz/flows/define.ts';
import { kszStatus, OK, serviceStatus } from '../../src/ksz/flows/status.ts';
import { newStyleOperation } from '../_shared/commonv3.ts';
import { type ChildBenefitsRequest, fromJson, fromXml, jsonSchema } from './request.ts';
import { type ChildBenefitFile, childBenefitFiles, childBenefitsXml } from './view.ts';

export const LEGAL_CONTEXT = 'PCSA:SOCIAL_INQUIRY';

/**
 * The SOAP face. `ChildBenefitsService`, WSDL `ChildBenefitsV1` and operation `consultFilesBySsin` are sourced (the
 * CPAS client's WSDL path); the namespace follows the KSZ's pattern and the element names are modelled.
 */
export const CHILD_BENEFITS_V1 = newStyleOperation('ChildBenefitsService', 1, 'consultFilesBySsin');

const consult = defineOperation<ChildBenefitsRequest, ChildBenefitFile[]>({
  name: 'consultFilesBySsin',
  description:
    'The child-benefit files of one person in the cadastre of family allowances (Cadaf), as the one who receives the benefit or as the child: authentic source, fund, period and monthly amount.',
  integration: true,
  jsonSchema,
  fromJson,
  fromXml,
  subject: (r) => {
    const to = lastOfMonth(`${r.period.endMonth}-01`);
    return { insz: r.ssin, date: to, period: { from: `${r.period.beginMonth}-01`, to } };
  },
  handle(ctx, r) {
    if (r.period.endMonth > ctx.today.slice(0, 7))
      return {
        status: kszStatus('MSG00008', [
          { fieldName: 'period/endMonth', fieldValue: `${r.period.endMonth} is after the current month` },
        ]),
      };
    const person = indexOf(ctx.world).persons.get(r.ssin);
    const files = person ? childBenefitFiles(ctx.world, person, r, ctx.today) : [];
    if (files.length > 0) return { status: OK(), data: files };
    return {
      status: serviceStatus('NO_DATA_FOUND', 'MSG00100', 'No child-benefit file in the asked sources and period.', [
        { fieldName: 'authenticSources', fieldValue: r.authenticSources.join(' ') },
      ]),
    };
  },
  toXml: (answer) => (answer.data ? { after: childBenefitsXml(answer.data) } : {}),
  toJson: (answer, _ctx, r) => (answer.data ? { criteria: r, result: { files: answer.data } } : {}),
});

export default defineFlow({
  id: 'child-benefits',
  names: {
    nl: 'Kadaster van de kinderbijslag (ChildBenefits / Cadaf)',
    fr: 'Cadastre des allocations familiales (ChildBenefits / Cadaf)',
    en: 'Child benefits cadastre (ChildBenefits / Cadaf)',
  },
  institution: 'Kinderbijslagfondsen: FAMIFED, Groeipakket, Famiwal, Iriscare, Ostbelgien (via KSZ)',
  fidelity: 'partial',
  basis:
    "Sourced (ksz-flows.md §12.4; public CPAS client code): service ChildBenefitsService with WSDL ChildBenefitsV1, operation consultFilesBySsin, legal context PCSA:SOCIAL_INQUIRY, criteria(ssin, period(beginMonth, endMonth YYYY-MM), authenticSources/authenticSource WALLONIA|FEDERAL|BRUSSELS|EASTBELGIUM|FLANDERS), the roles ATTRIBUTED/ALLOCATED/BENEFICIARY_CHILD of the older version, and the client asking each source separately over 59 months. Inferred from public knowledge, not the domain notes: the federal source (FAMIFED) holds a right until its region took over (Flanders and the German-speaking Community 2019-01-01, Wallonia and Brussels 2020-01-01). Modelled: the namespace and every element of the answer, one file per right and source, the payee as ALLOCATED, all sources when none is named, refusing a period after the current month, and the role matrix (social worker, financial manager). The facts are the world's child benefits (paid to the household head; the child referenced by INSZ).",
  legalContexts: [LEGAL_CONTEXT],
  roles: ['social-worker', 'financial-manager'],
  soa: {
    service: 'ChildBenefitsService',
    version: 1,
    wsdl: 'ChildBenefitsV1',
    operations: { consultFilesBySsin: CHILD_BENEFITS_V1 },
  },
  operations: [consult],
  docs: 'mock-server/flows/child-benefits/README.md',
});
