import type { IsoDate, Period, Person, World } from '../../../scenarios/engine/model.ts';
import { XmlWriter } from '../../src/ksz/xml/writer.ts';
import {
  CATEGORIES,
  type KnownDecision,
  knownPayingDecisions,
  mergePeriods,
  organisationByKbo,
  overlapsWindow,
  regionOf,
} from './attestations.ts';

/** What an operation groups by: nothing (periods only), the OCMW, or the OCMW, type of aid and category. */
export type Grouping = 'periods' | 'perPcsa' | 'livingWages';

export interface LwPeriod {
  beginDate: IsoDate;
  endDate: IsoDate | null;
}

export interface PcsaRef {
  cbeNumber: string;
  nisCode: string | null;
  name: { nl: string; fr: string };
}

export type TypeOfAid = 'LIVING_WAGE' | 'EQUIVALENT_LIVING_WAGE';

export interface LivingWageGroup {
  pcsa: PcsaRef;
  typeOfAid: TypeOfAid;
  category: { code: number; nl: string; fr: string } | null;
  periods: LwPeriod[];
}

export type LivingWagesView =
  | { grouping: 'periods'; periods: LwPeriod[] }
  | { grouping: 'perPcsa'; pcsas: { pcsa: PcsaRef; periods: LwPeriod[] }[] }
  | { grouping: 'livingWages'; livingWages: LivingWageGroup[] };

const lw = (p: Period): LwPeriod => ({ beginDate: p.from, endDate: p.to });

/** Merged periods of the decisions, those that overlap the search window, in date order. */
function periodsOf(list: readonly KnownDecision[], window: Period | null): LwPeriod[] {
  return mergePeriods(list.map((k) => k.period))
    .filter((p) => overlapsWindow(p, window))
    .map(lw);
}

function pcsaRef(world: World, kbo: string): PcsaRef {
  const org = organisationByKbo(world, kbo);
  return { cbeNumber: kbo, nisCode: org.nis ?? null, name: org.name };
}

function groupBy<K>(list: readonly KnownDecision[], key: (k: KnownDecision) => K): Map<K, KnownDecision[]> {
  const out = new Map<K, KnownDecision[]>();
  for (const k of list) out.set(key(k), [...(out.get(key(k)) ?? []), k]);
  return out;
}

/**
 * The living-wage periods of `person` as the network knows them on `date`, grouped as the operation asks, within
 * the search window (whole uninterrupted periods that overlap it), optionally only for Flemish OCMW's. Null when
 * there is nothing to show.
 *
 * @example
 * livingWagesView(world, person, '2025-06-30', { grouping: 'perPcsa', flanders: false, window: null });
 */
export function livingWagesView(
  world: World,
  person: Person,
  date: IsoDate,
  opts: { grouping: Grouping; flanders: boolean; window: Period | null },
): LivingWagesView | null {
  const decisions = knownPayingDecisions(person, date).filter(
    (k) => !opts.flanders || regionOf(organisationByKbo(world, k.decision.ocmwKbo)) === 'flanders',
  );
  if (opts.grouping === 'periods') {
    const periods = periodsOf(decisions, opts.window);
    return periods.length > 0 ? { grouping: 'periods', periods } : null;
  }
  if (opts.grouping === 'perPcsa') {
    const pcsas = [...groupBy(decisions, (k) => k.decision.ocmwKbo)]
      .map(([kbo, list]) => ({ pcsa: pcsaRef(world, kbo), periods: periodsOf(list, opts.window) }))
      .filter((g) => g.periods.length > 0)
      .sort((a, b) => (a.periods[0]?.beginDate ?? '').localeCompare(b.periods[0]?.beginDate ?? ''));
    return pcsas.length > 0 ? { grouping: 'perPcsa', pcsas } : null;
  }
  const groups = groupBy(decisions, (k) => `${k.decision.ocmwKbo}|${k.decision.kind}|${k.decision.category ?? ''}`);
  const livingWages: LivingWageGroup[] = [...groups.values()]
    .map((list) => {
      const d = (list[0] as KnownDecision).decision;
      return {
        pcsa: pcsaRef(world, d.ocmwKbo),
        typeOfAid: (d.kind === 'leefloon' ? 'LIVING_WAGE' : 'EQUIVALENT_LIVING_WAGE') as TypeOfAid,
        category: d.category ? CATEGORIES[d.category] : null,
        periods: periodsOf(list, opts.window),
      };
    })
    .filter((g) => g.periods.length > 0)
    .sort((a, b) => (a.periods[0]?.beginDate ?? '').localeCompare(b.periods[0]?.beginDate ?? ''));
  return livingWages.length > 0 ? { grouping: 'livingWages', livingWages } : null;
}

function writePeriod(w: XmlWriter, name: string, p: LwPeriod): void {
  w.open(name).leaf('beginDate', p.beginDate).optionalLeaf('endDate', p.endDate).close();
}

function writePcsa(w: XmlWriter, p: PcsaRef): void {
  w.open('pcsa')
    .leaf('cbeNumber', p.cbeNumber)
    .optionalLeaf('nisCode', p.nisCode)
    .leaf('nameNl', p.name.nl)
    .leaf('nameFr', p.name.fr)
    .close();
}

/** The answer's content after `status`: `result` with unqualified children, CommonV3 style. */
export function livingWagesXml(v: LivingWagesView): string {
  const w = new XmlWriter().open('result');
  if (v.grouping === 'periods') for (const p of v.periods) writePeriod(w, 'livingWagePeriod', p);
  if (v.grouping === 'perPcsa')
    for (const g of v.pcsas) {
      w.open('pcsaLivingWagePeriods');
      writePcsa(w, g.pcsa);
      for (const p of g.periods) writePeriod(w, 'livingWagePeriod', p);
      w.close();
    }
  if (v.grouping === 'livingWages')
    for (const g of v.livingWages) {
      w.open('livingWage');
      writePcsa(w, g.pcsa);
      w.leaf('typeOfAid', g.typeOfAid);
      if (g.category)
        w.open('category')
          .leaf('code', g.category.code)
          .leaf('descriptionNl', g.category.nl)
          .leaf('descriptionFr', g.category.fr)
          .close();
      for (const p of g.periods) writePeriod(w, 'livingWagePeriod', p);
      w.close();
    }
  return w.close().toString();
}

/** The JSON face: the same content, camelCase. */
export function livingWagesJson(v: LivingWagesView): Record<string, unknown> {
  if (v.grouping === 'periods') return { livingWagePeriods: v.periods };
  if (v.grouping === 'perPcsa') return { pcsaLivingWagePeriods: v.pcsas };
  return { livingWages: v.livingWages };
}
