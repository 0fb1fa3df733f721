import { addMonths, covers, firstOfMonth, lastOfMonth } from '../../../scenarios/engine/dates.ts';
import type { HandicapRecognition, IsoDate, Person } from '../../../scenarios/engine/model.ts';
import { XmlWriter } from '../../src/ksz/xml/writer.ts';
import type { HandiFluxRequest } from './request.ts';

type Allowance = HandicapRecognition['allowances'][number]['kind'];

export const ALLOWANCES: Record<Allowance, { nl: string; fr: string }> = {
  IVT: { nl: 'Inkomensvervangende tegemoetkoming', fr: 'Allocation de remplacement de revenus' },
  IT: { nl: 'Integratietegemoetkoming', fr: "Allocation d'intégration" },
  THAB: { nl: 'Tegemoetkoming voor hulp aan bejaarden', fr: "Allocation pour l'aide aux personnes âgées" },
};

export interface HandiFluxFile {
  ssin: string;
  informationAtReferenceDate?: {
    referenceDate: IsoDate;
    /** The recognition decisions taken up to the reference date, oldest first. */
    evolutionOfRequest?: { decisionDate: IsoDate; kind: 'FIRST_RECOGNITION' | 'REVISION'; points: number }[];
    handicapRecognition?: { points: number; validFrom: IsoDate; validUntil: IsoDate | null } | null;
    rights?: { allowance: Allowance; monthlyAmount: number; startDate: IsoDate; endDate: IsoDate | null }[];
    socialCards?: { kind: 'SOCIAL_ENERGY_TARIFF'; validFrom: IsoDate; validUntil: IsoDate | null }[];
  };
  paymentsAtPeriod?: {
    startDate: IsoDate;
    endDate: IsoDate;
    payments: { allowance: Allowance; month: string; paymentDate: IsoDate; amount: number }[];
  };
}

/** Is the person known at the DG Persons with a Handicap by `today` (a recognition decided on or before it)? */
export const knownAtDgph = (person: Person, today: IsoDate): boolean => person.handicap.some((h) => h.from <= today);

/** An end date is shown once it has passed. */
const known = (to: IsoDate | null, today: IsoDate) => (to !== null && to < today ? to : null);

/**
 * The file as the DGPH shows it: at the reference date the decisions so far, the recognition and allowances in
 * force and the social energy tariff the recognition opens (the engine's rule); over the payment period, one
 * payment per allowance and month, made on the month's last day, up to today.
 *
 * @example
 * handiFluxFile(person, request, '2025-06-30').informationAtReferenceDate?.handicapRecognition?.points; // 15
 */
export function handiFluxFile(person: Person, r: HandiFluxRequest, today: IsoDate): HandiFluxFile {
  const file: HandiFluxFile = { ssin: person.insz };
  const ask = r.atReferenceDate;
  if (ask) {
    const date = ask.referenceDate ?? today;
    const inForce = person.handicap.find((h) => covers(h, date));
    const at: NonNullable<HandiFluxFile['informationAtReferenceDate']> = { referenceDate: date };
    if (ask.evolutionOfRequest)
      at.evolutionOfRequest = person.handicap
        .filter((h) => h.from <= date)
        .map((h, i) => ({ decisionDate: h.from, kind: i === 0 ? 'FIRST_RECOGNITION' : 'REVISION', points: h.points }));
    if (ask.handicapRecognition)
      at.handicapRecognition = inForce
        ? { points: inForce.points, validFrom: inForce.from, validUntil: known(inForce.to, today) }
        : null;
    if (ask.rights)
      at.rights = (inForce?.allowances ?? [])
        .filter((a) => covers(a.period, date))
        .map((a) => ({
          allowance: a.kind,
          monthlyAmount: a.monthlyCents,
          startDate: a.period.from,
          endDate: known(a.period.to, today),
        }));
    if (ask.socialCards)
      at.socialCards = inForce
        ? [{ kind: 'SOCIAL_ENERGY_TARIFF', validFrom: inForce.from, validUntil: known(inForce.to, today) }]
        : [];
    file.informationAtReferenceDate = at;
  }
  const pay = r.paymentsAtPeriod;
  if (pay) {
    const payments: NonNullable<HandiFluxFile['paymentsAtPeriod']>['payments'] = [];
    for (let m = firstOfMonth(pay.startDate); m <= pay.endDate && lastOfMonth(m) <= today; m = addMonths(m, 1))
      for (const h of person.handicap)
        for (const a of h.allowances)
          if (covers(a.period, m))
            payments.push({
              allowance: a.kind,
              month: m.slice(0, 7),
              paymentDate: lastOfMonth(m),
              amount: a.monthlyCents,
            });
    file.paymentsAtPeriod = { ...pay, payments };
  }
  return file;
}

/** True when a requested part holds something. */
export function hasData(f: HandiFluxFile): boolean {
  const at = f.informationAtReferenceDate;
  return (
    (f.paymentsAtPeriod?.payments.length ?? 0) > 0 ||
    (at?.evolutionOfRequest?.length ?? 0) > 0 ||
    !!at?.handicapRecognition ||
    (at?.rights?.length ?? 0) > 0 ||
    (at?.socialCards?.length ?? 0) > 0
  );
}

/** `file` after `status`: unqualified elements in the style of the CommonV3 services (modelled). */
export function handiFluxXml(f: HandiFluxFile): string {
  const w = new XmlWriter();
  w.open('file').leaf('ssin', f.ssin);
  const at = f.informationAtReferenceDate;
  if (at) {
    w.open('informationAtReferenceDate').leaf('referenceDate', at.referenceDate);
    if (at.evolutionOfRequest) {
      w.open('evolutionOfRequest');
      for (const d of at.evolutionOfRequest)
        w.open('decision').leaf('decisionDate', d.decisionDate).leaf('kind', d.kind).leaf('points', d.points).close();
      w.close();
    }
    if (at.handicapRecognition)
      w.open('handicapRecognition')
        .leaf('points', at.handicapRecognition.points)
        .leaf('validFrom', at.handicapRecognition.validFrom)
        .optionalLeaf('validUntil', at.handicapRecognition.validUntil)
        .close();
    if (at.rights) {
      w.open('rights');
      for (const a of at.rights)
        w.open('right')
          .leaf('allowance', a.allowance)
          .leaf('monthlyAmount', a.monthlyAmount)
          .leaf('startDate', a.startDate)
          .optionalLeaf('endDate', a.endDate)
          .close();
      w.close();
    }
    if (at.socialCards) {
      w.open('socialCards');
      for (const c of at.socialCards)
        w.open('socialCard')
          .leaf('kind', c.kind)
          .leaf('validFrom', c.validFrom)
          .optionalLeaf('validUntil', c.validUntil)
          .close();
      w.close();
    }
    w.close();
  }
  const pay = f.paymentsAtPeriod;
  if (pay) {
    w.open('paymentsAtPeriod').leaf('startDate', pay.startDate).leaf('endDate', pay.endDate);
    for (const p of pay.payments)
      w.open('payment')
        .leaf('allowance', p.allowance)
        .leaf('month', p.month)
        .leaf('paymentDate', p.paymentDate)
        .leaf('amount', p.amount)
        .close();
    w.close();
  }
  return w.close().toString();
}
