import { indexOf } from '../../../scenarios/engine/as-of.ts';
import type { FlowContext } from '../../src/ksz/flows/define.ts';
import { defineFlow, defineOperation } from '../../src/ksz/flows/define.ts';
import { kszStatus, OK } from '../../src/ksz/flows/status.ts';
import type { SoaOperation } from '../../src/ksz/soa/namespaces.ts';
import { XmlWriter } from '../../src/ksz/xml/writer.ts';
import { newStyleOperation } from '../_shared/commonv3.ts';
import { type AttestationRequest, attestationRequest, type CareerRequest, careerRequest } from './request.ts';
import { ATTESTATIONS_FROM, type Attestation, attestationOf, type CareerComponent, careerIn } from './rsvz.ts';

export const LEGAL_CONTEXT = 'PCSA:SOCIAL_INQUIRY';

/** Wire names: the SelfEmployed WSDL is not public; namespace and elements follow the CBSS pattern (modelled). */
export const selfEmployedWire = (operation: string): SoaOperation =>
  newStyleOperation('SelfEmployedService', 2, operation, 'se');

const careerOf = (ctx: FlowContext, ssin: string) => indexOf(ctx.world).persons.get(ssin)?.selfEmployed;
const notFound = (ssin: string, why: string) =>
  kszStatus('MSG00100', [
    { fieldName: 'ssin', fieldValue: ssin },
    { fieldName: 'details', fieldValue: why },
  ]);

function writeComponent(w: XmlWriter, c: CareerComponent, element: string): void {
  w.open(element)
    .leaf('beginDate', c.beginDate)
    .optionalLeaf('endDate', c.endDate)
    .leaf('statute', c.statute)
    .leaf('occupation', c.occupation)
    .leaf('workTime', c.workTime)
    .leaf('fund', c.fund)
    .optionalLeaf('assimilationReason', c.assimilationReason)
    .close();
}

const consultCareer = defineOperation<CareerRequest, { components: CareerComponent[] }>({
  name: 'consultCareer',
  description:
    'The career under the social statute of the self-employed (RSVZ data since 1956): periods active or assimilated, main or secondary occupation, full or half time, with the social insurance fund.',
  integration: true,
  ...careerRequest,
  subject: (r) => ({ insz: r.ssin }),
  handle(ctx, r) {
    const components = careerIn(careerOf(ctx, r.ssin), r.period, ctx.today);
    if (components.length === 0) return { status: notFound(r.ssin, 'no career as self-employed in the period') };
    return { status: OK(), data: { components } };
  },
  toXml(answer) {
    if (!answer.data) return {};
    const w = new XmlWriter().open('result').open('membership');
    for (const c of answer.data.components) writeComponent(w, c, 'careerComponent');
    return { after: w.close().close().toString() };
  },
  toJson(answer, _ctx, r) {
    return { ssin: r.ssin, period: r.period, ...(answer.data ? { careerComponents: answer.data.components } : {}) };
  },
});

const L302 = defineOperation<AttestationRequest, { attestation: Attestation }>({
  name: 'L302',
  description:
    'The older attestations consultation of the ARZA file: the affiliation attestation (reference, fund, last change, statute). Attestations filed before 2003 and never changed since are not in it: consultCareer finds those people.',
  integration: true,
  ...attestationRequest,
  subject: (r) => ({ insz: r.ssin }),
  handle(ctx, r) {
    const attestation = attestationOf(r.ssin, careerOf(ctx, r.ssin), ctx.today);
    if (!attestation) return { status: notFound(r.ssin, 'no affiliation attestation at the RSVZ') };
    if (attestation.lastChangeDate < ATTESTATIONS_FROM)
      return { status: notFound(r.ssin, `no attestation filed or changed since ${ATTESTATIONS_FROM}`) };
    return { status: OK(), data: { attestation } };
  },
  toXml(answer) {
    const a = answer.data?.attestation;
    if (!a) return {};
    const w = new XmlWriter()
      .open('result')
      .open('attestation')
      .leaf('attestationId', a.attestationId)
      .leaf('lastChangeDate', a.lastChangeDate)
      .leaf('fund', a.fund)
      .open('affiliation')
      .leaf('beginDate', a.affiliation.beginDate)
      .optionalLeaf('endDate', a.affiliation.endDate)
      .close();
    writeComponent(w, a.current, 'currentStatute');
    return { after: w.close().close().toString() };
  },
  toJson(answer, _ctx, r) {
    const a = answer.data?.attestation;
    if (!a) return { ssin: r.ssin };
    const { current, ...rest } = a;
    return { ssin: r.ssin, attestation: { ...rest, currentStatute: current } };
  },
});

export default defineFlow({
  id: 'self-employed',
  names: {
    nl: 'RSVZ — loopbaan en attesten van zelfstandigen (SelfEmployed)',
    fr: 'INASTI — carrière et attestations des indépendants (SelfEmployed)',
    en: 'RSVZ/INASTI self-employed career and attestations (SelfEmployed)',
  },
  institution: 'RSVZ / INASTI (via KSZ)',
  fidelity: 'partial',
  basis:
    'SelfEmployed v2, operation consultCareer with legal context PCSA:SOCIAL_INQUIRY and criteria(ssin, period(beginDate, endDate)), response result/membership/careerComponent(beginDate, endDate) as public CPAS client code calls it; the older ARZA attestations consultation L302 with an AttestationID assigned by the RSVZ (ksz-flows.md §5). The VVSG page states that the career flow holds RSVZ data since 1956 (active or assimilated, full or half time, main or secondary occupation) and also finds people whose attestation dates from before 2003 and never changed since, whom the older attestations flow may not show. Modelled: namespaces and elements (no public WSDL), serving L302 in the SelfEmployed SOAP style, the statute/occupation/workTime/fund elements (the real contributionCode letters are unverified and not sent), the rule that L302 misses every attestation last changed before 2003, attestation references (synthetic), the role matrix (simulated).',
  legalContexts: [LEGAL_CONTEXT],
  roles: ['social-worker'],
  soa: {
    service: 'SelfEmployedService',
    version: 2,
    wsdl: 'SelfEmployedV2',
    operations: { consultCareer: selfEmployedWire('consultCareer'), L302: selfEmployedWire('L302') },
  },
  operations: [consultCareer, L302],
  docs: 'mock-server/flows/self-employed/README.md',
});
