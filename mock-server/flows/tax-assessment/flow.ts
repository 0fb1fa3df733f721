import { indexOf } from '../../../scenarios/engine/as-of.ts';
import { defineFlow, defineOperation } from '../../src/ksz/flows/define.ts';
import { OK, serviceStatus } from '../../src/ksz/flows/status.ts';
import { newStyleOperation } from '../_shared/commonv3.ts';
import { fromJson, fromXml, jsonSchema, type TaxAssessmentRequest } from './request.ts';
import { pickAssessment, type TaxAssessmentView, taxAssessmentView, taxAssessmentXml } from './view.ts';

/** The CPAS client sends SOCIAL_INVESTIGATION_OF_PCSA (PCSA:SOCIAL_INQUIRY commented as the alternative). */
export const LEGAL_CONTEXTS = ['SOCIAL_INVESTIGATION_OF_PCSA', 'PCSA:SOCIAL_INQUIRY'];

/** The SOAP face: WSDL TaxAssessmentDataV2 and operation consultTaxAssessmentData are sourced; the namespace is modelled. */
export const TAX_ASSESSMENT_V2 = newStyleOperation('TaxAssessmentDataService', 2, 'consultTaxAssessmentData');

const consult = defineOperation<TaxAssessmentRequest, TaxAssessmentView>({
  name: 'consultTaxAssessmentData',
  description:
    'The tax assessment (aanslagbiljet / avertissement-extrait de rôle) of one person for an income year, asked explicitly or derived (most recent): taxable income, assessment date, and on request the dependent children and the fiscal family.',
  integration: true,
  jsonSchema,
  fromJson,
  fromXml,
  subject: (r) => ({ insz: r.ssin }),
  handle(ctx, r) {
    const person = indexOf(ctx.world).persons.get(r.ssin);
    const assessment = person ? pickAssessment(person, r.referenceYear, ctx.today) : null;
    if (person && assessment)
      return { status: OK(), data: taxAssessmentView(ctx.world, person, assessment, r, ctx.today) };
    return {
      status: serviceStatus(
        'NO_DATA_FOUND',
        'TAXA0007',
        'No tax declaration data was found at the FPS Finance for this SSIN for an income year up to three years back.',
        [
          {
            fieldName: 'referenceYear',
            fieldValue: 'year' in r.referenceYear ? String(r.referenceYear.year) : r.referenceYear.derivedYear,
          },
        ],
      ),
    };
  },
  toXml: (answer) => (answer.data ? { after: taxAssessmentXml(answer.data) } : {}),
  toJson: (answer) => (answer.data ? { taxAssessmentData: answer.data } : {}),
});

export default defineFlow({
  id: 'tax-assessment',
  names: {
    nl: 'Aanslagbiljet personenbelasting (TaxAssessmentData v2)',
    fr: 'Avertissement-extrait de rôle (TaxAssessmentData v2)',
    en: 'Tax assessment (TaxAssessmentData v2)',
  },
  institution: 'FOD Financiën (via KSZ)',
  fidelity: 'partial',
  basis:
    'Sourced (ksz-flows.md §12.5, §13.1c; public CPAS client and console code): TaxAssessmentData v2 "Avertissement extrait de rôle", WSDL TaxAssessmentDataV2, operation consultTaxAssessmentData, legal context SOCIAL_INVESTIGATION_OF_PCSA (PCSA:SOCIAL_INQUIRY as the alternative), criteria(ssin, referenceYear(year | derivedYear MOST_RECENT|MOST_RECENT_UNLIMITED), fiscalDataSelection(elements/element GLOBAL_TAXABLE_INCOME|CHILDREN_DEPENDENT_HANDICAP, groups/group MOST_RECENT|TAXABLE_INCOME|CHILDREN_DEPENDENT|SOME_OTHER_GROUP|DISTINCTLY_TAXABLE_INCOME|GLOBAL_TAXABLE_INCOME_FISCAL_FAMILY)), the answer in taxAssessmentData, TAXA0007 (no tax data for an income year up to three years back, a non-error), deliberation AF 05/2013 (taxable income of applicants and cohabitants). Modelled: the namespace and every element of the answer, which fields each element and group selects, the family situation on 1 January of the assessment year, MOST_RECENT as the last three income years, an assessment known from its date on, and the role matrix (social worker, financial manager). The facts are the world\'s yearly assessments (wages, unemployment benefit and pensions, assessed the next year).',
  legalContexts: LEGAL_CONTEXTS,
  roles: ['social-worker', 'financial-manager'],
  soa: {
    service: 'TaxAssessmentDataService',
    version: 2,
    wsdl: 'TaxAssessmentDataV2',
    operations: { consultTaxAssessmentData: TAX_ASSESSMENT_V2 },
  },
  operations: [consult],
  docs: 'mock-server/flows/tax-assessment/README.md',
});
