import type { Period } from '../../../scenarios/engine/model.ts';
import { SSDN_COMMON_NS } from '../../src/ksz/ssdn/namespaces.ts';
import { XmlWriter } from '../../src/ksz/xml/writer.ts';
import { type Coded, describe } from './codes.ts';
import type { AttestationsView } from './view.ts';

/**
 * `ListOfAttestationsReply` in the service namespace (prefix `ns3`, as the client navigates it). The client reads
 * the dates of `period` and `prolongationPeriod` as unprefixed children: they are written in the SSDN Common
 * namespace declared as the default on those elements (the namespace of `SearchPeriod` in the request).
 */
export function attestationsXml(v: AttestationsView, ns: string, prefix: string): string {
  const e = (name: string) => `${prefix}:${name}`;
  const w = new XmlWriter().open(e('ListOfAttestationsReply'), { [`xmlns:${prefix}`]: ns });
  const period = (name: string, p: Period | null) => {
    if (!p) return;
    w.open(e(name), { xmlns: SSDN_COMMON_NS }).leaf('StartDate', p.from).optionalLeaf('EndDate', p.to).close();
  };
  const coded = (name: string, c: Coded) =>
    w.open(e(name)).leaf(e('Code'), c.code).leaf(e('Description'), describe(c)).close();
  if (v.gpmiPiis) {
    w.open(e('GpmiPiis'), { hasAttestation: String(v.gpmiPiis.hasAttestation) });
    period('period', v.gpmiPiis.period);
    period('prolongationPeriod', v.gpmiPiis.prolongationPeriod);
    w.close();
  }
  if (v.exonerationArt35) {
    const x = v.exonerationArt35;
    w.open(e('ExonerationArt35'), { hasExoneration: String(x.hasExoneration) })
      .optionalLeaf(e('FirstExonerationDate'), x.firstExonerationDate)
      .optionalLeaf(e('PaymentExoneratedDays'), x.paymentExoneratedDays)
      .close();
  }
  for (const a of v.attestations) {
    w.open(e('Attestation'))
      .leaf(e('SocialSecurityUser'), a.socialSecurityUser)
      .leaf(e('CPAS_KBOBCE_code'), a.cpasKboBce)
      .leaf(e('EntryDate'), a.entryDate);
    coded('AttestType', a.attestType);
    coded('FormType', a.formType);
    if (a.duration)
      w.open(e('Duration'))
        .leaf(e('Days'), a.duration.days)
        .leaf(e('Weeks'), a.duration.weeks)
        .leaf(e('Months'), a.duration.months)
        .close();
    w.leaf(e('DecisionDate'), a.decisionDate).leaf(e('Reference'), a.reference).leaf(e('Status'), a.status);
    coded('RelationType', a.relationType);
    w.close();
  }
  return w.close().toString();
}

const codedJson = (c: Coded) => ({ code: c.code, description: { fr: c.fr, nl: c.nl } });
const periodJson = (p: Period | null) => (p ? { startDate: p.from, endDate: p.to } : null);

/** The JSON face: the reply's content in camelCase. */
export function attestationsJson(v: AttestationsView): Record<string, unknown> {
  return {
    requestType: v.requestType,
    ...(v.gpmiPiis
      ? {
          gpmiPiis: {
            hasAttestation: v.gpmiPiis.hasAttestation,
            period: periodJson(v.gpmiPiis.period),
            prolongationPeriod: periodJson(v.gpmiPiis.prolongationPeriod),
          },
        }
      : {}),
    ...(v.exonerationArt35 ? { exonerationArt35: v.exonerationArt35 } : {}),
    attestations: v.attestations.map((a) => ({
      socialSecurityUser: a.socialSecurityUser,
      cpasKboBceCode: a.cpasKboBce,
      entryDate: a.entryDate,
      attestType: codedJson(a.attestType),
      formType: codedJson(a.formType),
      duration: a.duration,
      decisionDate: a.decisionDate,
      reference: a.reference,
      status: a.status,
      relationType: codedJson(a.relationType),
    })),
  };
}
