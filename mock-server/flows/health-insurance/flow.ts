import { indexOf } from '../../../scenarios/engine/as-of.ts';
import { covers } from '../../../scenarios/engine/dates.ts';
import type { GmdHolder, HealthInsurancePeriod, IsoDate } from '../../../scenarios/engine/model.ts';
import { defineFlow, defineOperation } from '../../src/ksz/flows/define.ts';
import { kszStatus, OK } from '../../src/ksz/flows/status.ts';
import { XmlWriter } from '../../src/ksz/xml/writer.ts';
import { newStyleOperation } from '../_shared/commonv3.ts';
import { DESIRED_DATA, type DesiredData, fromJson, fromXml, type InsuranceRequest, MODELLED } from './request.ts';

export const LEGAL_CONTEXT = 'social inquiry and financial help';

/** Wire names: the KSZ's WSDL is not public; namespace and elements follow the CBSS pattern (modelled). */
export const HEALTH_CARE_INSURANCE_V1 = newStyleOperation(
  'HealthCareInsuranceService',
  1,
  'getInsuranceOrganizationInformations',
  'hci',
);

interface Known {
  from: IsoDate;
  /** Only when the end is known on the tenant's today. */
  to: IsoDate | null;
}

interface InsuranceResult {
  date: IsoDate;
  insurance: HealthInsurancePeriod & Known;
  gmd: (GmdHolder & Known) | null;
}

const knownEnd = <T extends { to: IsoDate | null }>(x: T, today: IsoDate): T => ({
  ...x,
  to: x.to !== null && x.to <= today ? x.to : null,
});

const wants = (r: InsuranceRequest, flag: DesiredData) => r.desiredData.includes(flag);

function writePeriod(w: XmlWriter, p: Known): void {
  w.leaf('beginDate', p.from).optionalLeaf('endDate', p.to);
}

const periodJson = (p: Known) => ({ beginDate: p.from, endDate: p.to });

const getInsuranceOrganizationInformations = defineOperation<InsuranceRequest, InsuranceResult>({
  name: 'getInsuranceOrganizationInformations',
  description:
    'Insurability at the mutualities on a date (default today): the insuring organisation, the right to reimbursement as titular or dependant, the increased intervention, and the doctor who holds the global medical file (GMD).',
  integration: true,
  jsonSchema: {
    type: 'object',
    required: ['ssin'],
    properties: {
      ssin: { type: 'string', pattern: '^\\d{11}$' },
      date: { type: 'string', format: 'date', description: 'the date asked; default today' },
      desiredData: {
        type: 'array',
        items: { enum: [...DESIRED_DATA] },
        description: `flags of the data wanted; default all the modelled ones (${MODELLED.join(', ')})`,
      },
    },
  },
  fromJson,
  fromXml,
  subject: (r) => (r.date ? { insz: r.ssin, date: r.date } : { insz: r.ssin }),
  handle(ctx, r) {
    if (r.date !== null && r.date > ctx.today)
      return { status: kszStatus('MSG00008', [{ fieldName: 'date', fieldValue: `${r.date} is after today` }]) };
    const person = indexOf(ctx.world).persons.get(r.ssin);
    const insurance = person?.healthInsurance.find((h) => covers(h, ctx.asOf));
    if (!person || !insurance)
      return {
        status: kszStatus('MSG00100', [
          { fieldName: 'ssin', fieldValue: r.ssin },
          { fieldName: 'date', fieldValue: ctx.asOf },
        ]),
      };
    const gmd = person.gmd.find((g) => covers(g, ctx.asOf));
    return {
      status: OK(),
      data: {
        date: ctx.asOf,
        insurance: knownEnd(insurance, ctx.today),
        gmd: gmd ? knownEnd(gmd, ctx.today) : null,
      },
    };
  },
  toXml(answer, _ctx, r) {
    const d = answer.data;
    if (!d) return {};
    const i = d.insurance;
    const w = new XmlWriter().open('result').leaf('ssin', r.ssin).leaf('date', d.date);
    if (wants(r, 'insuringOrganization')) {
      w.open('insuringOrganization').leaf('code', i.mutualityCode).leaf('name', i.mutualityName);
      writePeriod(w, i);
      w.close();
    }
    if (wants(r, 'reimbursementRight')) {
      w.open('reimbursementRight')
        .leaf('entitled', 'true')
        .leaf('quality', i.status === 'titular' ? 'TITULAR' : 'DEPENDANT')
        .optionalLeaf('titularSsin', i.titular);
      writePeriod(w, i);
      w.close();
    }
    if (wants(r, 'increasedIntervention')) {
      w.open('increasedIntervention').leaf('entitled', String(i.increasedReimbursement));
      if (i.increasedReimbursement) writePeriod(w, i);
      w.close();
    }
    if (wants(r, 'globalMedicalFile') && d.gmd) {
      w.open('globalMedicalFile')
        .open('doctor')
        .leaf('nihii', d.gmd.doctorRiziv)
        .leaf('name', d.gmd.doctorName)
        .close()
        .leaf('insuringOrganization', i.mutualityCode);
      writePeriod(w, d.gmd);
      w.close();
    }
    return { after: w.close().toString() };
  },
  toJson(answer, _ctx, r) {
    const d = answer.data;
    const base = { ssin: r.ssin, date: r.date, desiredData: r.desiredData };
    if (!d) return base;
    const i = d.insurance;
    return {
      ...base,
      result: {
        date: d.date,
        ...(wants(r, 'insuringOrganization')
          ? { insuringOrganization: { code: i.mutualityCode, name: i.mutualityName, ...periodJson(i) } }
          : {}),
        ...(wants(r, 'reimbursementRight')
          ? {
              reimbursementRight: {
                entitled: true,
                quality: i.status === 'titular' ? 'TITULAR' : 'DEPENDANT',
                titularSsin: i.titular ?? null,
                ...periodJson(i),
              },
            }
          : {}),
        ...(wants(r, 'increasedIntervention')
          ? {
              increasedIntervention: i.increasedReimbursement
                ? { entitled: true, ...periodJson(i) }
                : { entitled: false, beginDate: null, endDate: null },
            }
          : {}),
        ...(wants(r, 'globalMedicalFile')
          ? {
              globalMedicalFile: d.gmd
                ? {
                    doctor: { nihii: d.gmd.doctorRiziv, name: d.gmd.doctorName },
                    insuringOrganization: i.mutualityCode,
                    ...periodJson(d.gmd),
                  }
                : null,
            }
          : {}),
      },
    };
  },
});

export default defineFlow({
  id: 'health-insurance',
  names: {
    nl: 'Verzekerbaarheid ziekenfonds en GMD (HealthCareInsurance)',
    fr: 'Assurabilité soins de santé et DMG (HealthCareInsurance)',
    en: 'Health-care insurability and GMD (HealthCareInsurance)',
  },
  institution: 'Mutualiteiten via NIC/CIN (via KSZ)',
  fidelity: 'partial',
  basis:
    'New-style service HealthCareInsurance, operation getInsuranceOrganizationInformations, legal context "social inquiry and financial help", request criterion(ssin, temporalCriteria(date | today), desiredData flags) as public CPAS client code calls it (ksz-flows.md §3.2); the VVSG page states that Verzekerbaarheid also shows the global medical file (GMD): the treating doctor (RIZIV number) and the insurer. Modelled: namespaces, version and the response elements (no public WSDL/XSD), the doctor\'s name beside the RIZIV number, MSG00100 for a person not insured on the date (the NO_DATA_FOUND form of the central list, §13.4), the role matrix (simulated). Mutuality codes and RIZIV numbers are synthetic; CT1/CT2, third-party payer, maximum billing, medical house, complementary insurance and L891 data are not modelled (those flags are accepted and answered with nothing).',
  legalContexts: [LEGAL_CONTEXT],
  roles: ['social-worker', 'financial-manager'],
  soa: {
    service: 'HealthCareInsuranceService',
    version: 1,
    wsdl: 'HealthCareInsuranceV1',
    operations: { getInsuranceOrganizationInformations: HEALTH_CARE_INSURANCE_V1 },
  },
  operations: [getInsuranceOrganizationInformations],
  docs: 'mock-server/flows/health-insurance/README.md',
});
