import { indexOf } from '../../../scenarios/engine/as-of.ts';
import { defineFlow, defineOperation } from '../../src/ksz/flows/define.ts';
import { kszStatus, OK } from '../../src/ksz/flows/status.ts';
import { SSDN_PAYLOAD_PREFIX } from '../../src/ksz/ssdn/namespaces.ts';
import { offsetOf, PAGE_SIZE, type Page, pageOf } from './paging.ts';
import { fromJson, fromXml, type L036Request, NS } from './request.ts';
import { type A036, a036List } from './view.ts';
import { l036Json, l036Xml } from './wire.ts';

export { fromJson, fromXml, NS };

const l036 = defineOperation<L036Request, Page<A036>>({
  name: 'l036',
  description: `The multifunctional attestations (A036) of leefloon and equivalent leefloon known in the network today whose period overlaps the asked period, with revisions pointing at the attestation they update; ${PAGE_SIZE} per answer, NextAnswerReference for the next.`,
  integration: true,
  jsonSchema: {
    type: 'object',
    required: ['inss', 'period'],
    properties: {
      inss: { type: 'string', pattern: '^\\d{11}$', description: 'INSZ of the person' },
      period: {
        type: 'object',
        required: ['beginDate', 'endDate'],
        properties: { beginDate: { type: 'string', format: 'date' }, endDate: { type: 'string', format: 'date' } },
      },
      nextAnswerReference: {
        type: 'string',
        pattern: '^[0-9A-F]{12}\\d{4}$',
        description: 'the NextAnswerReference of the previous answer, with the same inss and period',
      },
      uniqueReference: { type: 'string', maxLength: 64, description: 'the client reference, echoed' },
    },
  },
  fromJson,
  fromXml,
  subject: (r) => ({ insz: r.inss, period: { from: r.period.beginDate, to: r.period.endDate } }),
  handle(ctx, r) {
    const person = indexOf(ctx.world).persons.get(r.inss);
    if (!person) throw new Error(`person ${r.inss} passed the access checks but is not in the world`);
    const window = { from: r.period.beginDate, to: r.period.endDate };
    const all = a036List(person, window, ctx.today);
    let offset = 0;
    if (r.nextAnswerReference !== null) {
      const at = offsetOf(r.nextAnswerReference, window, ctx.today);
      if (at === null || at >= all.length)
        return {
          status: kszStatus('MSG00008', [
            {
              fieldName: 'Request/NextAnswerReference',
              fieldValue: `${r.nextAnswerReference} does not belong to a consultation of this period on ${ctx.today}`,
            },
          ]),
        };
      offset = at;
    }
    const page = pageOf(all, offset, window, ctx.today);
    if (all.length > 0) return { status: OK(), data: page };
    return {
      status: kszStatus('MSG00100', [
        {
          fieldName: 'Period',
          fieldValue: `no leefloon attestation known on ${ctx.today} for ${r.period.beginDate} … ${r.period.endDate}`,
        },
      ]),
      data: page,
    };
  },
  toXml: (answer, _ctx, req) => (answer.data ? { after: l036Xml(answer.data, req, NS, SSDN_PAYLOAD_PREFIX) } : {}),
  toJson: (answer, _ctx, req) => (answer.data ? l036Json(answer.data, req) : {}),
});

export default defineFlow({
  id: 'l036',
  names: {
    nl: 'Multifunctionele attesten leefloon (L036/A036)',
    fr: "Attestations multifonctionnelles revenu d'intégration (L036/A036)",
    en: 'Multifunctional living-wage attestations (L036/A036)',
  },
  institution: 'POD Maatschappelijke Integratie (via KSZ)',
  fidelity: 'partial',
  basis:
    "SSDN service OCMWCPASL036 v20060315, namespace …/OCMW_CPAS/L036: request L036RequestReply(L036 processType='L'(Request/NextAnswerReference), UniqueReference, INSS, Period(BeginDate, EndDate), AuthorizedUser), reply L036RequestReply/L036/AnswerOK(NextAnswerReference, A036*(RecentAnswer, OcmwCpas, Attestation(AttestationIdentification(AttestationStatus, AttestationID, UpdateAttestationID, CreationDate), Details(ValidityPeriod(BeginDate, EndDate), CategoryCode)))) and the paging loop — all from public CPAS client code (ksz-flows.md §12.6); no public XSD. Sourced from the KSZ OCMW/CPAS pages: the attestations show the type of aid, the periods and the OCMW (no amounts), reach the network at most 7 days after the decision, and changes are communicated. Modelled: every value (AttestationStatus 1/2, RecentAnswer as the latest version of an attestation, OcmwCpas as the KBO number, CategoryCode 1–3 plus 10 for an equivalent leefloon, AttestationID as the form reference ListOfAttestations shows, CreationDate as the network entry day with the 0–7 day lag shared with LivingWages), the page size of 10 and the reference format, the echo of the request in the reply, and the role matrix (simulated: social worker and financial manager).",
  legalContexts: [],
  roles: ['social-worker', 'financial-manager'],
  ssdn: { serviceId: 'OCMWCPASL036', version: '20060315', namespace: NS },
  operations: [l036],
  docs: 'mock-server/flows/l036/README.md',
});
