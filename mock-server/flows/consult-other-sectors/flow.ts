import { indexOf } from '../../../scenarios/engine/as-of.ts';
import { covers } from '../../../scenarios/engine/dates.ts';
import { defineFlow, defineOperation } from '../../src/ksz/flows/define.ts';
import { kszStatus, OK } from '../../src/ksz/flows/status.ts';
import { SSDN_COMMON_NS, SSDN_PAYLOAD_PREFIX } from '../../src/ksz/ssdn/namespaces.ts';
import { XmlWriter } from '../../src/ksz/xml/writer.ts';
import { type ConsultOtherSectorsRequest, fromJson, fromXml, NS } from './request.ts';
import { type Consultation, otherSectors, QUALITY_CODES, SECTORS } from './sectors.ts';

export { fromJson, fromXml, NS };

interface Result {
  consultations: Consultation[];
}

const describeCode = (c: Consultation) => ({
  sector: SECTORS[c.sector] ?? null,
  qualityCode: QUALITY_CODES[`${c.sector}.${c.qualityCode}`] ?? null,
});

const consult = defineOperation<ConsultOtherSectorsRequest, Result>({
  name: 'consultOtherSectors',
  description:
    'Which sectors other than the OCMWs know the person (personenrepertorium): sector, hoedanigheidscode and period, in the requested period.',
  integration: true,
  jsonSchema: {
    type: 'object',
    required: ['qualityCodeRequestor', 'requestedSsin', 'integratedPeriod', 'requestedPeriod'],
    properties: {
      qualityCodeRequestor: { type: 'string', description: 'the OCMW’s own hoedanigheidscode (sector 17), e.g. "2"' },
      requestedSsin: { type: 'string', pattern: '^\\d{11}$' },
      integratedPeriod: {
        type: 'object',
        required: ['startDate', 'endDate'],
        properties: { startDate: { type: 'string', format: 'date' }, endDate: { type: 'string', format: 'date' } },
      },
      requestedPeriod: {
        type: 'object',
        required: ['startDate'],
        properties: { startDate: { type: 'string', format: 'date' }, endDate: { type: 'string', format: 'date' } },
      },
      fetchDescriptions: { type: 'boolean' },
    },
  },
  fromJson,
  fromXml,
  subject: (r) => ({ insz: r.ssin, period: { from: r.integratedPeriod.startDate, to: r.integratedPeriod.endDate } }),
  handle(ctx, r) {
    const { startDate, endDate } = r.integratedPeriod;
    const withCode = ctx.register
      .list({ insz: r.ssin })
      .filter(
        (x) =>
          x.qualityCode === r.qualityCodeRequestor &&
          (x.unregisteredAt === null || x.to !== null) &&
          covers(x, startDate) &&
          covers(x, endDate),
      );
    if (withCode.length === 0)
      return {
        status: kszStatus('MSG00012', [
          {
            fieldName: 'details',
            fieldValue: `no integration with quality code 17.${r.qualityCodeRequestor} covering ${startDate} … ${endDate}`,
          },
          { fieldName: 'ssin', fieldValue: r.ssin },
          { fieldName: 'cbeNumber', fieldValue: ctx.organisation.kbo },
        ]),
      };
    const person = indexOf(ctx.world).persons.get(r.ssin);
    if (!person) throw new Error(`person ${r.ssin} passed the access checks but is not in the world`);
    const consultations = otherSectors(ctx.world, person, ctx.today, {
      from: r.requestedPeriod.startDate,
      to: r.requestedPeriod.endDate,
    });
    if (consultations.length === 0)
      return {
        status: kszStatus('MSG00100', [
          { fieldName: 'RequestedSsin', fieldValue: 'no integration outside the OCMW sector in the requested period' },
        ]),
      };
    return { status: OK(), data: { consultations } };
  },
  toXml(answer, _ctx, r) {
    if (!answer.data) return {};
    const p = SSDN_PAYLOAD_PREFIX;
    const w = new XmlWriter().open(`${p}:ReferenceManagerReply`, {
      [`xmlns:${p}`]: NS,
      'xmlns:common': SSDN_COMMON_NS,
    });
    w.open(`${p}:ConsultOtherSectorsResult`);
    for (const c of answer.data.consultations) {
      const d = describeCode(c);
      w.open(`${p}:Consultation`).leaf(`${p}:Sector`, c.sector).leaf(`${p}:QualityCode`, c.qualityCode);
      w.open(`${p}:Period`).leaf('common:StartDate', c.period.from).optionalLeaf('common:EndDate', c.period.to).close();
      if (r.fetchDescriptions)
        w.optionalLeaf(`${p}:SectorDescriptionNl`, d.sector?.nl)
          .optionalLeaf(`${p}:SectorDescriptionFr`, d.sector?.fr)
          .optionalLeaf(`${p}:QualityCodeDescriptionNl`, d.qualityCode?.nl)
          .optionalLeaf(`${p}:QualityCodeDescriptionFr`, d.qualityCode?.fr);
      w.close();
    }
    return { after: w.close().close().toString() };
  },
  toJson(answer, _ctx, r) {
    if (!answer.data) return {};
    return {
      consultations: answer.data.consultations.map((c) => {
        const d = describeCode(c);
        return {
          sector: c.sector,
          qualityCode: c.qualityCode,
          period: { startDate: c.period.from, endDate: c.period.to },
          ...(r.fetchDescriptions ? { sectorDescription: d.sector, qualityCodeDescription: d.qualityCode } : {}),
        };
      }),
    };
  },
});

export default defineFlow({
  id: 'consult-other-sectors',
  names: {
    nl: 'Andere sectoren (ReferenceManager, personenrepertorium)',
    fr: 'Autres secteurs (ReferenceManager, répertoire des personnes)',
    en: 'Other sectors (ReferenceManager, person directory)',
  },
  institution: 'KSZ',
  fidelity: 'partial',
  basis:
    'SSDN service ReferenceManager.consult v20050525, namespace …/SSDN/ReferenceManagerFacade: ConsultOtherSectorsCriteria(QualityCodeRequestor, RequestedSsin, IntegratedPeriod, RequestedPeriod, FetchDescriptions) and ConsultOtherSectorsResult/Consultation*(Sector, QualityCode, Period, Sector/QualityCode descriptions nl/fr) from public CPAS client code, labelled "intégrations hors CPAS"; the KSZ manual "consultatie van het personenrepertorium voor andere sectoren dan de eigen sector"; sector numbers and hoedanigheidscodes from the KSZ lists (ksz-flows.md §2.2, §2.4). Modelled: which facts of the world make which sector know the person (RVA 18.1/18.4, mutualities 11.1/11.2, RSZ 12.10, RSVZ 15.2, pensions 5.100/5.30, handicap 16.3/16.5/16.7, family allowances 7.102/7.104), integration ends shown once passed, sector 17 left out (the own sector), MSG00012 when no integration has the QualityCodeRequestor, the sector descriptions, and the role matrix (simulated: social worker only).',
  legalContexts: [],
  roles: ['social-worker'],
  ssdn: { serviceId: 'ReferenceManager.consult', version: '20050525', namespace: NS },
  operations: [consult],
  docs: 'mock-server/flows/consult-other-sectors/README.md',
});
