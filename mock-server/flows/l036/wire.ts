import { XmlWriter } from '../../src/ksz/xml/writer.ts';
import type { Page } from './paging.ts';
import type { L036Request } from './request.ts';
import type { A036 } from './view.ts';

/**
 * The reply payload `L036RequestReply` in the service namespace, prefix `ns3` (the client navigates
 * `ServiceReply->children("ns3")->L036RequestReply->L036->AnswerOK`): the request's own document with the answer in
 * `L036`, the request elements echoed after it (modelled).
 */
export function l036Xml(page: Page<A036>, req: L036Request, ns: string, prefix: string): string {
  const e = (name: string) => `${prefix}:${name}`;
  const w = new XmlWriter()
    .open(e('L036RequestReply'), { [`xmlns:${prefix}`]: ns })
    .open(e('L036'), { processType: 'L' })
    .open(e('AnswerOK'))
    .optionalLeaf(e('NextAnswerReference'), page.nextAnswerReference);
  for (const a of page.items) {
    w.open(e('A036'))
      .leaf(e('RecentAnswer'), String(a.recentAnswer))
      .leaf(e('OcmwCpas'), a.ocmwCpas)
      .open(e('Attestation'))
      .open(e('AttestationIdentification'))
      .leaf(e('AttestationStatus'), a.attestationStatus)
      .leaf(e('AttestationID'), a.attestationId)
      .optionalLeaf(e('UpdateAttestationID'), a.updateAttestationId)
      .leaf(e('CreationDate'), a.creationDate)
      .close()
      .open(e('Details'))
      .open(e('ValidityPeriod'))
      .leaf(e('BeginDate'), a.validityPeriod.from)
      .optionalLeaf(e('EndDate'), a.validityPeriod.to)
      .close()
      .leaf(e('CategoryCode'), a.categoryCode)
      .close()
      .close()
      .close();
  }
  w.close().close().optionalLeaf(e('UniqueReference'), req.uniqueReference).leaf(e('INSS'), req.inss);
  w.open(e('Period')).leaf(e('BeginDate'), req.period.beginDate).leaf(e('EndDate'), req.period.endDate).close();
  return w.close().toString();
}

/** The JSON face: the same content in camelCase, each A036 flattened to one object. */
export function l036Json(page: Page<A036>, req: L036Request): Record<string, unknown> {
  return {
    uniqueReference: req.uniqueReference,
    inss: req.inss,
    period: req.period,
    nextAnswerReference: page.nextAnswerReference,
    attestations: page.items.map((a) => ({
      recentAnswer: a.recentAnswer,
      ocmwCpas: a.ocmwCpas,
      attestationStatus: a.attestationStatus,
      attestationId: a.attestationId,
      updateAttestationId: a.updateAttestationId,
      creationDate: a.creationDate,
      validityPeriod: { beginDate: a.validityPeriod.from, endDate: a.validityPeriod.to },
      categoryCode: a.categoryCode,
    })),
  };
}
