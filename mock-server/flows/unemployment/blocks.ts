/** The XML (unqualified, CommonV3 style) and JSON of the RVA blocks both UnemploymentData flows answer with. */
import type { IsoDate } from '../../../scenarios/engine/model.ts';
import type { XmlWriter } from '../../src/ksz/xml/writer.ts';
import { type PaymentView, type RightView, type SanctionView, UNEMPLOYMENT_CODES } from './rva.ts';

export interface NoRightView {
  /** End of the last right before the asked date. */
  rightEndDate: IsoDate | null;
  exclusion: SanctionView | null;
}

export function writeRight(w: XmlWriter, r: RightView): void {
  w.open('right')
    .leaf('rightStartingDate', r.beginDate)
    .optionalLeaf('rightEndingDate', r.endDate)
    .optionalLeaf('theoricRightEndingDate', r.theoricEndDate)
    .leaf('unemployedWorkerStatus', r.unemployedWorkerStatus)
    .leaf('unemploymentCode', r.unemploymentCode)
    .leaf('familyState', r.familyState)
    .leaf('theoricDailyAllowanceAmount', r.dailyAmount)
    .leaf('cbeNumber', r.payer.cbeNumber)
    .close();
}

export function writeSanction(w: XmlWriter, s: SanctionView, element = 'sanction'): void {
  w.open(element)
    .leaf('sanctionType', s.kind)
    .leaf('triggerDate', s.triggerDate)
    .optionalLeaf('endDate', s.endDate)
    .leaf('nbrOfWeeksSanction', s.nbrOfWeeksSanction)
    .leaf('reason', s.reason)
    .close();
}

export function writePayment(w: XmlWriter, p: PaymentView, element = 'payment'): void {
  w.open(element)
    .leaf('relatedMonth', p.relatedMonth)
    .leaf('paidMonth', p.paidMonth)
    .leaf('dossierStatus', p.dossierStatus)
    .leaf('nbrOfAllowances', p.nbrOfAllowances)
    .leaf('paidAmount', p.paidAmount)
    .leaf('acceptedAmount', p.acceptedAmount)
    .leaf('theoricDailyAllowanceAmount', p.theoricDailyAllowanceAmount)
    .leaf('unemploymentCode', p.unemploymentCode)
    .leaf('cbeNumber', p.payer.cbeNumber)
    .close();
}

export function writeNoRight(w: XmlWriter, n: NoRightView): void {
  w.open('noRight').optionalLeaf('rightEndDate', n.rightEndDate);
  if (n.exclusion) writeSanction(w, n.exclusion, 'exclusion');
  w.close();
}

export const rightJson = (r: RightView) => ({
  rightStartingDate: r.beginDate,
  rightEndingDate: r.endDate,
  theoricRightEndingDate: r.theoricEndDate,
  unemployedWorkerStatus: r.unemployedWorkerStatus,
  unemploymentCode: r.unemploymentCode,
  unemploymentCodeLabel: UNEMPLOYMENT_CODES[r.unemploymentCode] ?? null,
  familyState: r.familyState,
  theoricDailyAllowanceAmount: r.dailyAmount,
  paymentInstitution: r.payer,
});

export const sanctionJson = (s: SanctionView) => ({
  sanctionType: s.kind,
  triggerDate: s.triggerDate,
  endDate: s.endDate,
  nbrOfWeeksSanction: s.nbrOfWeeksSanction,
  reason: s.reason,
});

export const paymentJson = (p: PaymentView) => ({
  relatedMonth: p.relatedMonth,
  paidMonth: p.paidMonth,
  dossierStatus: p.dossierStatus,
  nbrOfAllowances: p.nbrOfAllowances,
  paidAmount: p.paidAmount,
  acceptedAmount: p.acceptedAmount,
  theoricDailyAllowanceAmount: p.theoricDailyAllowanceAmount,
  unemploymentCode: p.unemploymentCode,
  paymentInstitution: p.payer,
});

export const noRightJson = (n: NoRightView) => ({
  rightEndDate: n.rightEndDate,
  exclusion: n.exclusion ? sanctionJson(n.exclusion) : null,
});
