import type { SoaOperation } from '../../src/ksz/soa/namespaces.ts';
import { XmlWriter } from '../../src/ksz/xml/writer.ts';
import { newStyleOperation } from '../_shared/commonv3.ts';
import { identityXml } from '../_shared/identity.ts';
import type { EsvReport } from './report.ts';

export const NS = 'http://kszbcss.fgov.be/intf/ElectronicSocialReportService/v1';

/** Wire names of an operation of the (simulated) ElectronicSocialReportService v1. */
export const wireOf = (operation: string): SoaOperation =>
  newStyleOperation('ElectronicSocialReportService', 1, operation, 'esv');

/** A UUID (version 4 form) drawn from the tenant's seeded stream. */
export function ticketFrom(random: () => number): string {
  const b = Array.from({ length: 16 }, () => Math.floor(random() * 256));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = b.map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The report as unqualified elements after `status` (CommonV3 style; amounts in eurocent). */
export function reportXml(r: EsvReport): string {
  const w = new XmlWriter();
  w.open('socialReport');
  identityXml(w, 'person', r.person);
  w.leaf('requestDate', r.requestDate);
  w.open('window').leaf('beginDate', r.window.from).leaf('endDate', r.window.to).close();
  for (const p of r.previousOcmws) {
    w.open('previousPcsa');
    w.open('pcsa')
      .leaf('cbeNumber', p.ocmw.kbo)
      .optionalLeaf('nisCode', p.ocmw.nis)
      .leaf('name', p.ocmw.name.nl, { lang: 'nl' })
      .leaf('name', p.ocmw.name.fr, { lang: 'fr' })
      .close();
    w.leaf('fileNumber', p.fileNumber);
    contactXml(w, 'contact', p.contact);
    for (const d of p.decisions) {
      w.open('decision')
        .leaf('decisionId', d.id)
        .leaf('decisionDate', d.decisionDate)
        .leaf('kind', d.kind)
        .optionalLeaf('category', d.category);
      w.open('period').leaf('beginDate', d.period.from).optionalLeaf('endDate', d.period.to).close();
      w.leaf('amount', d.amountCents);
      w.open('calculation').leaf('baseAmount', d.calculation.baseMonthlyCents);
      for (const res of d.calculation.resources)
        w.open('resource').leaf('kind', res.kind).leaf('monthlyAmount', res.monthlyCents).close();
      w.leaf('exemption', d.calculation.exemptionCents).close();
      w.optionalLeaf('revises', d.revises).optionalLeaf('revisionReason', d.revisionReason);
      w.leaf('piis', d.piis ? 'true' : 'false');
      contactXml(w, 'socialWorker', d.socialWorker);
      w.close();
    }
    w.close();
  }
  w.close();
  return w.toString();
}

function contactXml(w: XmlWriter, name: string, c: { name: string; phone: string; email: string }): void {
  w.open(name).leaf('name', c.name).leaf('phone', c.phone).leaf('email', c.email).close();
}
