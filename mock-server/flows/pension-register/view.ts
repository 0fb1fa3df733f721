import { addMonths, firstOfMonth, lastOfMonth } from '../../../scenarios/engine/dates.ts';
import type { IsoDate, PensionRight, Person } from '../../../scenarios/engine/model.ts';
import { SSDN_PAYLOAD_PREFIX } from '../../src/ksz/ssdn/namespaces.ts';
import { XmlWriter } from '../../src/ksz/xml/writer.ts';
import { NS, type PensionRegisterRequest } from './request.ts';

const INSTITUTIONS: Record<PensionRight['institution'], { NL: string; FR: string }> = {
  FPD: { NL: 'Federale Pensioendienst', FR: 'Service fédéral des Pensions' },
  RSVZ: {
    NL: 'Rijksinstituut voor de Sociale Verzekeringen der Zelfstandigen',
    FR: "Institut national d'assurances sociales pour travailleurs indépendants",
  },
  PDOS: { NL: 'Pensioendienst voor de overheidssector', FR: 'Service des Pensions du Secteur public' },
};

const KINDS: Record<PensionRight['kind'], { code: string; NL: string; FR: string }> = {
  retirement: { code: 'RETIREMENT', NL: 'Rustpensioen', FR: 'Pension de retraite' },
  survivor: { code: 'SURVIVOR', NL: 'Overlevingspensioen', FR: 'Pension de survie' },
  igo: {
    code: 'IGO',
    NL: 'Inkomensgarantie voor ouderen (IGO)',
    FR: 'Garantie de revenus aux personnes âgées (GRAPA)',
  },
};

export interface PensionItem {
  /** Every pension right of the world is a statutory (first-pillar) pension. */
  pillar: 'First';
  institution: { code: PensionRight['institution']; name: string };
  pensionType: { code: string; description: string };
  right: { startDate: IsoDate; endDate: IsoDate | null; monthlyGrossAmount: number };
  /** Gross monthly payments (eurocent) in the period; empty for RightsOnly. */
  payments: { month: string; grossAmount: number }[];
}

export interface PensionRegisterView {
  targetSsin: string;
  period: { startDate: IsoDate; endDate: IsoDate };
  items: PensionItem[];
}

/** Months whose first day the right covers and that touch the period, oldest first (`YYYY-MM`). */
function paidMonths(right: PensionRight, from: IsoDate, to: IsoDate): string[] {
  const months: string[] = [];
  for (let m = firstOfMonth(from); m <= to; m = addMonths(m, 1)) {
    if (right.from <= m && (right.to === null || m <= right.to) && lastOfMonth(m) >= from) months.push(m.slice(0, 7));
  }
  return months;
}

/**
 * The pension rights of the person that touch the asked period (the period ends on or before today), with the
 * monthly payments the request asks for: none (RightsOnly), the last one in the period (RightsMinimumPayments) or
 * every one (RightsMaximumPayments). A right's end is shown once it has passed.
 *
 * @example
 * pensionRegisterView(pensioner, request, '2025-06-30').items.map((i) => i.pensionType.code); // ['RETIREMENT', 'IGO', 'IGO']
 */
export function pensionRegisterView(person: Person, r: PensionRegisterRequest, today: IsoDate): PensionRegisterView {
  const { startDate, endDate } = r.period;
  const items = person.pensions
    .filter((p) => p.from <= endDate && (p.to === null || p.to >= startDate))
    .sort((a, b) => a.from.localeCompare(b.from) || a.kind.localeCompare(b.kind))
    .map((p): PensionItem => {
      const amounts = paidMonths(p, startDate, endDate).map((month) => ({ month, grossAmount: p.monthlyCents }));
      const info = r.requestedData.requestedInformation;
      return {
        pillar: 'First',
        institution: { code: p.institution, name: INSTITUTIONS[p.institution][r.language] },
        pensionType: { code: KINDS[p.kind].code, description: KINDS[p.kind][r.language] },
        right: {
          startDate: p.from,
          endDate: p.to !== null && p.to < today ? p.to : null,
          monthlyGrossAmount: p.monthlyCents,
        },
        payments: info === 'RightsOnly' ? [] : info === 'RightsMinimumPayments' ? amounts.slice(-1) : amounts,
      };
    });
  return { targetSsin: person.insz, period: r.period, items };
}

/** `Penskad_OpenPK_ConsultReply`: the request echoed, then one `PensionItem` per right (fields modelled). */
export function pensionRegisterXml(v: PensionRegisterView, r: PensionRegisterRequest): string {
  const p = SSDN_PAYLOAD_PREFIX;
  const w = new XmlWriter();
  w.open(`${p}:Penskad_OpenPK_ConsultReply`, { [`xmlns:${p}`]: NS }).leaf(`${p}:TargetSSIN`, v.targetSsin);
  w.open(`${p}:Period`).leaf(`${p}:StartDate`, v.period.startDate).leaf(`${p}:EndDate`, v.period.endDate).close();
  w.open(`${p}:RequestedData`)
    .leaf(`${p}:Pillar`, r.requestedData.pillar)
    .leaf(`${p}:RequestedInformation`, r.requestedData.requestedInformation)
    .leaf(`${p}:Focus`, r.requestedData.focus)
    .close();
  for (const item of v.items) {
    w.open(`${p}:PensionItem`).leaf(`${p}:Pillar`, item.pillar);
    w.open(`${p}:Institution`)
      .leaf(`${p}:Code`, item.institution.code)
      .leaf(`${p}:Name`, item.institution.name)
      .close();
    w.open(`${p}:PensionType`)
      .leaf(`${p}:Code`, item.pensionType.code)
      .leaf(`${p}:Description`, item.pensionType.description)
      .close();
    w.open(`${p}:Right`)
      .leaf(`${p}:StartDate`, item.right.startDate)
      .optionalLeaf(`${p}:EndDate`, item.right.endDate)
      .leaf(`${p}:MonthlyGrossAmount`, item.right.monthlyGrossAmount)
      .close();
    for (const pay of item.payments)
      w.open(`${p}:Payment`).leaf(`${p}:Month`, pay.month).leaf(`${p}:GrossAmount`, pay.grossAmount).close();
    w.close();
  }
  return w.close().toString();
}
