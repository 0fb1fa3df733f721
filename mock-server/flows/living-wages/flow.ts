import type { Element } from '@xmldom/xmldom';
import { indexOf } from '../../../scenarios/engine/as-of.ts';
import { defineFlow, defineOperation, RequestError } from '../../src/ksz/flows/define.ts';
import { kszStatus, OK } from '../../src/ksz/flows/status.ts';
import type { SoaOperation } from '../../src/ksz/soa/namespaces.ts';
import { text } from '../../src/ksz/xml/dom.ts';
import { checkSsin, newStyleOperation, readChildren, readOperation } from '../_shared/commonv3.ts';
import { readPeriodElement, readPeriodJson, type SearchPeriod } from './request.ts';
import { type Grouping, type LivingWagesView, livingWagesJson, livingWagesView, livingWagesXml } from './view.ts';

export const LEGAL_CONTEXT = 'PCSA:SOCIAL_INQUIRY';

/** Wire names of a LivingWages operation (modelled: the KSZ's WSDL is not public). */
export const livingWagesWire = (operation: string): SoaOperation =>
  newStyleOperation('LivingWagesService', 1, operation, 'lw1');

export interface LivingWagesRequest {
  ssin: string;
  /** The search period; null: every attestation the network knows. */
  period: SearchPeriod | null;
}

/** Reads `criteria(ssin, period?(beginDate, endDate))` after the CommonV3 part. */
export function fromXml(op: Element): LivingWagesRequest {
  const path = op.localName ?? 'request';
  const criteria = readOperation(op, [{ name: 'criteria' }], path).get('criteria')?.[0] as Element;
  const found = readChildren(criteria, [{ name: 'ssin' }, { name: 'period', min: 0 }], `${path}/criteria`);
  return {
    ssin: checkSsin(text(found.get('ssin')?.[0]), 'ssin'),
    period: readPeriodElement(found.get('period')?.[0], `${path}/criteria/period`),
  };
}

/** The JSON face: `{ legalContext, ssin, period?: { beginDate, endDate } }`. */
export function fromJson(body: Record<string, unknown>): LivingWagesRequest {
  if (body.ssin === undefined) throw new RequestError('ssin (11 digits) is required', 'ssin');
  return { ssin: checkSsin(body.ssin, 'ssin'), period: readPeriodJson(body.period) };
}

const OPERATIONS: { name: string; grouping: Grouping; flanders: boolean; description: string }[] = [
  {
    name: 'getLivingWages',
    grouping: 'livingWages',
    flanders: false,
    description:
      'The attestations regrouped by uninterrupted period, by OCMW, type of aid (leefloon or equivalent leefloon) and category.',
  },
  {
    name: 'getLivingWagePeriods',
    grouping: 'periods',
    flanders: false,
    description: 'Only the uninterrupted periods of social integration (leefloon or equivalent), whatever the OCMW.',
  },
  {
    name: 'getLivingWagePeriodsFlanders',
    grouping: 'periods',
    flanders: true,
    description: 'The uninterrupted periods of social integration granted by Flemish OCMWs.',
  },
  {
    name: 'getLivingWagePeriodsPerPCSA',
    grouping: 'perPcsa',
    flanders: false,
    description: 'The uninterrupted periods of social integration regrouped by OCMW.',
  },
  {
    name: 'getLivingWagePeriodsPerPCSAFlanders',
    grouping: 'perPcsa',
    flanders: true,
    description: 'The uninterrupted periods of social integration regrouped by Flemish OCMW.',
  },
];

const jsonSchema = {
  type: 'object',
  required: ['ssin'],
  properties: {
    ssin: { type: 'string', pattern: '^\\d{11}$', description: 'INSZ of the person' },
    period: {
      type: 'object',
      required: ['beginDate', 'endDate'],
      description: 'search period; without it, every attestation known today',
      properties: { beginDate: { type: 'string', format: 'date' }, endDate: { type: 'string', format: 'date' } },
    },
  },
};

const operations = OPERATIONS.map((o) =>
  defineOperation<LivingWagesRequest, LivingWagesView>({
    name: o.name,
    description: `${o.description} As the network knows them today (an attestation enters it 0–7 days after the decision); no amounts.`,
    integration: true,
    jsonSchema,
    fromJson,
    fromXml,
    subject: (r) =>
      r.period ? { insz: r.ssin, period: { from: r.period.beginDate, to: r.period.endDate } } : { insz: r.ssin },
    handle(ctx, r) {
      const person = indexOf(ctx.world).persons.get(r.ssin);
      const window = r.period ? { from: r.period.beginDate, to: r.period.endDate } : null;
      const view = person
        ? livingWagesView(ctx.world, person, ctx.today, { grouping: o.grouping, flanders: o.flanders, window })
        : null;
      if (view) return { status: OK(), data: view };
      return {
        status: kszStatus('MSG00100', [
          {
            fieldName: 'ssin',
            fieldValue: `no ${o.flanders ? 'Flemish ' : ''}living-wage attestation${r.period ? ` in ${r.period.beginDate} … ${r.period.endDate}` : ''} known on ${ctx.today}`,
          },
        ]),
      };
    },
    toXml: (answer) => (answer.data ? { after: livingWagesXml(answer.data) } : {}),
    toJson: (answer) => (answer.data ? livingWagesJson(answer.data) : {}),
  }),
);

export default defineFlow({
  id: 'living-wages',
  names: {
    nl: 'Leefloonperiodes (LivingWages, multifunctionele attesten)',
    fr: "Périodes de revenu d'intégration (LivingWages, attestations multifonctionnelles)",
    en: 'Living-wage periods (LivingWages, multifunctional attestations)',
  },
  institution: 'POD Maatschappelijke Integratie (via KSZ)',
  fidelity: 'partial',
  basis:
    'Sourced: OCMWs publish the right to leefloon and equivalent leefloon as multifunctional attestations, at most 7 days after the decision; consulting them shows the type of aid, the periods of the right and the originating OCMW, not amounts (KSZ OCMW/CPAS pages); the LivingWages service regroups them by uninterrupted period, by OCMW and by type of aid, with the operations getLivingWages, getLivingWagePeriods(Flanders), getLivingWagePeriodsPerPCSA(Flanders), asked by INSZ and an optional period (CPAS client code and console, ksz-flows.md §12.6). Inferred: the legal context PCSA:SOCIAL_INQUIRY. Modelled: namespace and element names, the 0–7 day network lag per decision, the ESV rule for periods cut by revisions not yet known, category codes 1–3, Flanders = OCMWs of Flemish municipalities (by NIS code), and the role matrix (simulated: social worker and financial manager).',
  legalContexts: [LEGAL_CONTEXT],
  roles: ['social-worker', 'financial-manager'],
  soa: {
    service: 'LivingWagesService',
    version: 1,
    wsdl: 'LivingWagesV1',
    operations: Object.fromEntries(OPERATIONS.map((o) => [o.name, livingWagesWire(o.name)])),
  },
  operations,
  docs: 'mock-server/flows/living-wages/README.md',
});
