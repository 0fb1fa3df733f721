import { indexationDatesBetween, leefloonMonthlyCents } from './amounts.ts';
import type { WorldBuilder } from './builder.ts';
import { realDate } from './builder.ts';
import { addDays, addYears, dayBefore, maxDate, minDate, yearOf } from './dates.ts';
import type { IsoDate, OcmwDecision, Person } from './model.ts';
import { MUTUALITIES } from './pools.ts';
import { createRng } from './rng.ts';

/** The last day any timeline reaches: open periods are open, but derived series stop here. */
export const SPAN_END: IsoDate = '2030-12-31';

/**
 * Facts that follow from rules rather than from life events, computed once every timeline is played:
 * indexation revisions of running leefloon decisions, a default mutuality and GMD, child benefits,
 * tax assessments and the social energy tariff.
 */
export function finishWorld(b: WorldBuilder, seed: number): void {
  for (const p of b.persons) {
    if (p.replacedBy) continue;
    const rng = createRng(`${seed}/finish/${p.insz}`);
    addIndexationRevisions(b, p);
    if (p.healthInsurance.length === 0 && !b.uninsured.has(p.insz) && p.addresses.length > 0) {
      const from = p.addresses[0]?.from ?? realDate(p.birthDate);
      const m = rng.weighted(MUTUALITIES.map((x) => [x, x.weight] as const));
      p.healthInsurance.push({
        from,
        to: p.deathDate ?? null,
        mutualityCode: m.code,
        mutualityName: m.name,
        status: 'titular',
        increasedReimbursement: p.ocmwDecisions.length > 0,
      });
    }
    const insured = p.healthInsurance[0];
    if (insured && p.gmd.length === 0 && !b.uninsured.has(p.insz)) {
      const nis = p.addresses[p.addresses.length - 1]?.nis;
      const local = b.pools.doctors.filter((d) => d.nis === nis);
      const doctor = rng.pick(local.length > 0 ? local : b.pools.doctors);
      const from = maxDate(insured.from, maxDate(addYears(realDate(p.birthDate), 18), '2002-01-01'));
      if (from <= (p.deathDate ?? SPAN_END))
        p.gmd.push({ from, to: p.deathDate ?? null, doctorRiziv: doctor.riziv, doctorName: doctor.name });
    }
    addSocialTariff(p);
  }
  const heads = new Map<string, Person>();
  for (const p of b.persons)
    for (const m of p.households) if (m.role === 'head' && !heads.has(m.householdId)) heads.set(m.householdId, p);
  for (const p of b.persons) if (!p.replacedBy) addChildBenefits(b, p, seed, heads);
  for (const p of b.persons) if (!p.replacedBy) addTaxes(p, seed);
}

/** Each indexation inside a running decision ends it the day before and starts a revision at the new amount. */
function addIndexationRevisions(b: WorldBuilder, p: Person): void {
  const extra: OcmwDecision[] = [];
  for (const d of p.ocmwDecisions) {
    if ((d.kind !== 'leefloon' && d.kind !== 'equivalent-leefloon') || !d.category) continue;
    let current = d;
    for (const date of indexationDatesBetween(d.period.from, d.period.to ?? SPAN_END)) {
      const base = leefloonMonthlyCents(current.category ?? 'alleenstaande', date);
      const counted = current.calculation.resources.reduce((s, r) => s + r.monthlyCents, 0);
      const next: OcmwDecision = {
        ...current,
        id: b.nextId(`D${p.insz}`),
        decisionDate: addDays(date, -10),
        period: { from: date, to: current.period.to },
        amountCents: Math.max(0, base - Math.max(0, counted - current.calculation.exemptionCents)),
        calculation: { ...current.calculation, baseMonthlyCents: base },
        revises: current.id,
        revisionReason: 'indexering van de leefloonbedragen',
      };
      current.period.to = dayBefore(date);
      extra.push(next);
      current = next;
    }
    // A later revision or stop of `d` revises the decision in force when it took effect: the last indexation.
    if (current !== d)
      for (const x of p.ocmwDecisions)
        if (x.revises === d.id && x.period.from > current.period.from) x.revises = current.id;
  }
  if (extra.length === 0) return;
  p.ocmwDecisions.push(...extra);
  p.ocmwDecisions.sort((x, y) =>
    x.period.from < y.period.from ? -1 : x.period.from > y.period.from ? 1 : x.id < y.id ? -1 : 1,
  );
}

/** The social energy tariff follows from a leefloon (or equivalent) right: same periods, merged. */
function addSocialTariff(p: Person): void {
  const periods = p.ocmwDecisions
    .filter((d) => (d.kind === 'leefloon' || d.kind === 'equivalent-leefloon') && d.amountCents > 0)
    .map((d) => ({ from: d.period.from, to: d.period.to }))
    .concat(p.handicap.map((h) => ({ from: h.from, to: h.to })))
    .sort((a, b) => (a.from < b.from ? -1 : 1));
  const merged: { from: IsoDate; to: IsoDate | null }[] = [];
  for (const q of periods) {
    const last = merged[merged.length - 1];
    if (last && (last.to === null || addDays(last.to, 1) >= q.from)) {
      last.to = last.to === null || q.to === null ? null : maxDate(last.to, q.to);
    } else merged.push({ ...q });
  }
  p.energy.socialTariff.push(...merged);
}

const FUNDS: Record<string, readonly string[]> = {
  flanders: ['FONS', 'Infino', 'KidsLife Vlaanderen', 'MyFamily', 'Parentia'],
  wallonia: ['FAMIWAL', 'Camille', 'Infino Wallonie', 'Parentia Wallonie', 'KidsLife Wallonie'],
  brussels: ['Famiris', 'Brussels Family', 'Parentia Brussels', 'KidsLife Brussels', 'Infino Brussels'],
};

/** Children under 18 living with a parent draw child benefits from a regional fund, paid to the household head. */
function addChildBenefits(b: WorldBuilder, child: Person, seed: number, heads: Map<string, Person>): void {
  const first = child.households[0];
  if (first?.role !== 'child') return;
  const born = realDate(child.birthDate);
  const from = maxDate(born, '2005-01-01');
  const to = minDate(dayBefore(addYears(born, 18)), child.deathDate ?? SPAN_END);
  if (from > to) return;
  const nis = child.addresses[0]?.nis ?? '';
  const region = b.pools.municipalities.find((m) => m.nis === nis)?.region ?? 'flanders';
  const rng = createRng(`${seed}/child-benefit/${child.insz}`);
  const head = heads.get(first.householdId);
  (head ?? child).childBenefits.push({
    from,
    to: to >= SPAN_END ? null : to,
    child: child.insz,
    fund: rng.pick(FUNDS[region] ?? FUNDS.flanders ?? []),
    monthlyCents: yearOf(from) >= 2019 ? 17_320 : 9_328,
  });
}

/** A yearly assessment of the taxable income made of wages, unemployment benefit and pensions. */
function addTaxes(p: Person, seed: number): void {
  const rng = createRng(`${seed}/tax/${p.insz}`);
  for (let year = 2015; year <= 2025; year++) {
    const start = `${year}-01-01`;
    const end = `${year}-12-31`;
    if (p.deathDate && p.deathDate < start) break;
    let income = 0;
    for (const e of p.employment) income += overlapMonths(e.from, e.to, start, end) * e.grossMonthlyCents;
    for (const u of p.unemployment) income += overlapMonths(u.from, u.to, start, end) * 26 * u.dailyAmountCents;
    for (const r of p.pensions) income += overlapMonths(r.from, r.to, start, end) * r.monthlyCents;
    if (income <= 0) continue;
    p.taxes.push({
      incomeYear: year,
      taxableIncomeCents: Math.round(income * 0.87),
      assessmentDate: `${year + 1}-${String(rng.int(6, 11)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
    });
  }
}

function overlapMonths(from: IsoDate, to: IsoDate | null, start: IsoDate, end: IsoDate): number {
  const a = maxDate(from, start);
  const z = minDate(to ?? end, end);
  if (a > z) return 0;
  const days = (Date.parse(`${z}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000 + 1;
  return Math.round((days / 30.4) * 10) / 10;
}
