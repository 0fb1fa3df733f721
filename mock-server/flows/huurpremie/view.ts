import type { IsoDate, Person } from '../../../scenarios/engine/model.ts';
import { XmlWriter } from '../../src/ksz/xml/writer.ts';
import { type Identity, identityOf, identityXml } from '../_shared/identity.ts';

/** The candidate tenant's waiting-list registration and huurpremie decision as known on `asOf`. */
export interface PremiumView {
  asOf: IsoDate;
  candidate: Identity;
  housingCompany: { cbeNumber: string; name: string };
  waitingList: { fileNumber: string; registrationDate: IsoDate; deregistrationDate: IsoDate | null };
  /** null: no huurpremie decision known on that date. */
  huurpremie: {
    potentiallyEntitled: boolean;
    refusalReason: string | null;
    lastPayment: { date: IsoDate; amountCents: number } | null;
  } | null;
}

/**
 * The person's social-housing waiting-list registration and huurpremie on `asOf`, or null when the person was not
 * (yet) on a waiting list. A deregistration after `asOf` is not shown. The world keeps no decision date: a grant is
 * known from its first payment; a refusal (no payments) is shown whatever the date.
 *
 * @example
 * premiumView(mother, '2025-06-30')?.huurpremie?.lastPayment; // { date: '2025-06-01', amountCents: 16873 }
 */
export function premiumView(person: Person, asOf: IsoDate): PremiumView | null {
  const list = person.housing.waitingList;
  if (!list || list.from > asOf) return null;
  const premie = person.housing.huurpremie;
  const payments = [...(premie?.payments ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  const decided = premie !== undefined && (payments[0] === undefined || payments[0].date <= asOf);
  const last = payments.filter((x) => x.date <= asOf).at(-1);
  return {
    asOf,
    candidate: identityOf(person),
    housingCompany: { cbeNumber: list.companyKbo, name: list.company },
    waitingList: {
      fileNumber: list.fileNumber,
      registrationDate: list.from,
      deregistrationDate: list.to !== null && list.to <= asOf ? list.to : null,
    },
    huurpremie:
      premie && decided
        ? {
            potentiallyEntitled: premie.potentiallyEntitled,
            refusalReason: premie.refusalReason ?? null,
            lastPayment: last ? { date: last.date, amountCents: last.amountCents } : null,
          }
        : null,
  };
}

/** The answer's content after `status`: unqualified elements, amounts in eurocent as the KSZ sends them. */
export function premiumXml(v: PremiumView): string {
  const w = new XmlWriter();
  w.open('rentPremiumFile').leaf('referenceDate', v.asOf);
  identityXml(w, 'candidate', v.candidate);
  w.open('housingCompany').leaf('cbeNumber', v.housingCompany.cbeNumber).leaf('name', v.housingCompany.name).close();
  w.open('waitingList')
    .leaf('fileNumber', v.waitingList.fileNumber)
    .leaf('registrationDate', v.waitingList.registrationDate)
    .optionalLeaf('deregistrationDate', v.waitingList.deregistrationDate)
    .close();
  const p = v.huurpremie;
  if (p) {
    w.open('rentPremium')
      .leaf('potentiallyEntitled', String(p.potentiallyEntitled))
      .optionalLeaf('refusalReason', p.refusalReason);
    if (p.lastPayment)
      w.open('lastPayment').leaf('date', p.lastPayment.date).leaf('amount', p.lastPayment.amountCents).close();
    w.close();
  }
  return w.close().toString();
}
