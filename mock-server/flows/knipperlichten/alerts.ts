import { createHash } from 'node:crypto';
import { addDays, addMonths, dayBefore, firstOfMonth, maxDate } from '../../../scenarios/engine/dates.ts';
import type { IsoDate, OcmwDecision, Period, Person, World } from '../../../scenarios/engine/model.ts';
import type { AlertType } from './codes.ts';

/** Evidence values: the facts of the other flows that raised the alert. */
export type Evidence = { [key: string]: string | number | boolean | null | Evidence | Evidence[] };

/** One alert (knipperlicht) of the POD MI to the OCMW that pays the leefloon, as the world makes it. */
export interface Alert {
  /** Numeric, ≤ 20 positions, derived from type, INSZ, paying OCMW, the fact and the start of the overlap. */
  alertId: string;
  /** IS reference of the leefloon form (decision) in force at the start: numeric, derived from the decision id. */
  reference: string;
  type: AlertType;
  ssin: string;
  ocmwKbo: string;
  /** The leefloon decision in force when the alert period starts. */
  decisionId: string;
  period: Period;
  /** The POD MI's monthly cross-check on the first of the month after the overlap and the decision are known. */
  emittedOn: IsoDate;
  evidence: Evidence;
}

const PAID: readonly OcmwDecision['kind'][] = ['leefloon', 'equivalent-leefloon'];
const END = '9999-12-31';
const endOf = (p: Period) => p.to ?? END;

/** A number of `length` digits (no leading zero, so it survives clients that read it as a number) derived from text. */
export function numericId(text: string, length: number): string {
  const hex = createHash('sha256').update(text).digest('hex').slice(0, 15);
  const low = 10n ** BigInt(length - 1);
  return ((BigInt(`0x${hex}`) % (9n * low)) + low).toString();
}

export const formReference = (decisionId: string): string => numericId(`form|${decisionId}`, 12);

function intersect(a: Period, b: Period): Period | null {
  const from = maxDate(a.from, b.from);
  const to = endOf(a) < endOf(b) ? a.to : b.to;
  return (to ?? END) < from ? null : { from, to };
}

/** `p` without the parts the `holes` cover. */
function subtract(p: Period, holes: readonly Period[]): Period[] {
  let parts: Period[] = [p];
  for (const h of holes)
    parts = parts.flatMap((x) => {
      if (!intersect(x, h)) return [x];
      const out: Period[] = [];
      if (x.from < h.from) out.push({ from: x.from, to: dayBefore(h.from) });
      if (h.to !== null && endOf(x) > h.to) out.push({ from: addDays(h.to, 1), to: x.to });
      return out;
    });
  return parts;
}

/** Contiguous runs of the parts of `fact` that the decisions cover, each with the decision in force at its start. */
function runs(fact: Period, decisions: readonly OcmwDecision[]): { period: Period; decision: OcmwDecision }[] {
  const out: { period: Period; decision: OcmwDecision }[] = [];
  for (const d of decisions) {
    const part = intersect(fact, d.period);
    if (!part) continue;
    const last = out[out.length - 1];
    if (last && last.period.to !== null && addDays(last.period.to, 1) === part.from) last.period.to = part.to;
    else out.push({ period: { ...part }, decision: d });
  }
  return out;
}

/** Contiguous periods of a list of decisions (revisions split one right into several decisions). */
function merged(decisions: readonly OcmwDecision[]): Period[] {
  const out: Period[] = [];
  for (const d of decisions) {
    const last = out[out.length - 1];
    if (last && last.to !== null && addDays(last.to, 1) >= d.period.from) {
      if (endOf(d.period) > endOf(last)) last.to = d.period.to;
    } else out.push({ ...d.period });
  }
  return out;
}

const paidBy = (p: Person, kbo: string, other = false) =>
  p.ocmwDecisions
    .filter((d) => PAID.includes(d.kind) && (other ? d.ocmwKbo !== kbo : d.ocmwKbo === kbo))
    .sort((a, b) => a.period.from.localeCompare(b.period.from));

interface Raw {
  type: AlertType;
  key: string;
  period: Period;
  decision: OcmwDecision;
  evidence: Evidence;
}

const span = (p: Period): Evidence => ({ from: p.from, to: p.to });

/** The co-members of `p`'s household on `date` (INSZ → role), without `p`. */
function coMembers(p: Person, date: IsoDate, households: Map<string, World['households'][number]>) {
  const m = p.households.find((x) => x.from <= date && endOf(x) >= date);
  const out = new Map<string, string>();
  if (!m) return out;
  for (const x of households.get(m.householdId)?.members ?? [])
    if (x.insz !== p.insz && x.from <= date && (x.to ?? END) >= date) out.set(x.insz, x.role);
  return out;
}

function householdChanges(
  p: Person,
  own: readonly OcmwDecision[],
  households: Map<string, World['households'][number]>,
): Raw[] {
  const ids = new Set(p.households.map((m) => m.householdId));
  const dates = new Set<IsoDate>();
  for (const m of p.households) dates.add(m.from);
  for (const id of ids)
    for (const x of households.get(id)?.members ?? []) {
      dates.add(x.from);
      if (x.to) dates.add(addDays(x.to, 1));
    }
  const out: Raw[] = [];
  for (const period of merged(own))
    for (const date of [...dates].sort()) {
      if (date <= period.from || date > endOf(period)) continue;
      const before = coMembers(p, dayBefore(date), households);
      const after = coMembers(p, date, households);
      const joined = [...after].filter(([i]) => !before.has(i)).map(([ssin, role]) => ({ ssin, role }));
      const left = [...before].filter(([i]) => !after.has(i)).map(([ssin, role]) => ({ ssin, role }));
      if (joined.length === 0 && left.length === 0) continue;
      const decision = own.find((d) => d.period.from <= date && endOf(d.period) >= date);
      if (!decision) continue;
      const previous = own.find((d) => d.period.to === dayBefore(date));
      if (decision.period.from === date && previous && previous.category !== decision.category) continue;
      out.push({
        type: 'HOUSEHOLD_CHANGE',
        key: date,
        period: { from: date, to: period.to },
        decision,
        evidence: { changeDate: date, joined, left },
      });
    }
  return out;
}

/** Every alert the world makes for `p` towards the OCMW `kbo` (clock-independent: the whole timeline). */
export function alertsOf(
  world: World,
  p: Person,
  kbo: string,
  households: Map<string, World['households'][number]>,
): Alert[] {
  const own = paidBy(p, kbo);
  if (own.length === 0) return [];
  const raw: Raw[] = [];
  const add = (type: AlertType, key: string, fact: Period, evidence: Evidence, decisions = own) => {
    for (const r of runs(fact, decisions)) raw.push({ type, key, period: r.period, decision: r.decision, evidence });
  };
  const workNotCounted = own.filter((d) => d.calculation.exemptionCents === 0);
  for (const e of p.employment) {
    if (e.workerType === 'art60' && e.employerKbo === kbo) continue;
    add(
      'EMPLOYMENT',
      e.dimonaId,
      e,
      {
        source: 'DIMONA',
        employerKbo: e.employerKbo,
        employerName: e.employerName,
        dimonaId: e.dimonaId,
        jointCommittee: e.jointCommittee,
        workerType: e.workerType,
        hoursPerWeek: e.hoursPerWeek,
        employment: span(e),
      },
      workNotCounted,
    );
  }
  // No benefit is paid during a sanction: leefloon then bridges the gap (unemployed-sanction-exclusion).
  for (const u of p.unemployment)
    for (const paid of subtract(u, p.unemploymentSanctions))
      add('UNEMPLOYMENT_BENEFIT', u.id, paid, {
        source: 'RVA',
        rightId: u.id,
        kind: u.kind,
        category: u.category,
        dailyAmountCents: u.dailyAmountCents,
        paymentInstitution: u.paymentInstitution,
        right: span(u),
      });
  for (const s of p.sickness) {
    const insurer = p.healthInsurance.find((h) => h.from <= s.from && endOf(h) >= s.from);
    add('SICKNESS_BENEFIT', `${s.kind}|${s.from}`, s, {
      source: 'RIZIV',
      kind: s.kind,
      dailyAmountCents: s.dailyCents,
      mutualityCode: insurer?.mutualityCode ?? null,
      benefit: span(s),
    });
  }
  for (const x of p.pensions)
    add('PENSION', `${x.kind}|${x.from}`, x, {
      source: x.institution,
      kind: x.kind,
      monthlyAmountCents: x.monthlyCents,
      pension: span(x),
    });
  for (const s of p.staysAbroad) {
    const suspendedFrom = addMonths(s.from, 1);
    if (s.to !== null && s.to < suspendedFrom) continue;
    add(
      'STAY_ABROAD',
      s.from,
      { from: suspendedFrom, to: s.to },
      {
        country: s.country,
        stay: span(s),
        firstMonthEnds: dayBefore(suspendedFrom),
      },
    );
  }
  const others = paidBy(p, kbo, true);
  for (const other of [...new Set(others.map((d) => d.ocmwKbo))]) {
    const theirs = others.filter((d) => d.ocmwKbo === other);
    const org = world.organisations.find((o) => o.kbo === other);
    for (const period of merged(theirs)) {
      const first = theirs.find((d) => d.period.from === period.from) ?? theirs[0]!;
      add('OTHER_OCMW', `${other}|${period.from}`, period, {
        otherOcmwKbo: other,
        otherOcmwName: org?.name.nl ?? other,
        otherDecisionId: first.id,
        kind: first.kind,
        category: first.category ?? null,
        otherPeriod: span(period),
      });
    }
  }
  raw.push(...householdChanges(p, own, households));
  if (p.deathDate) add('DEATH', p.deathDate, { from: addDays(p.deathDate, 1), to: null }, { deathDate: p.deathDate });
  return raw.map((r) => ({
    alertId: numericId(`${r.type}|${p.insz}|${kbo}|${r.key}|${r.period.from}`, 15),
    reference: formReference(r.decision.id),
    type: r.type,
    ssin: p.insz,
    ocmwKbo: kbo,
    decisionId: r.decision.id,
    period: r.period,
    emittedOn: firstOfMonth(addMonths(maxDate(r.period.from, r.decision.decisionDate), 1)),
    evidence: r.evidence,
  }));
}

const cache = new WeakMap<World, Map<string, Alert[]>>();

/** Every alert of the world for the OCMW `kbo` (its leefloon clients), computed once per world. */
export function alertsFor(world: World, kbo: string): Alert[] {
  let byKbo = cache.get(world);
  if (!byKbo) {
    byKbo = new Map();
    cache.set(world, byKbo);
  }
  let list = byKbo.get(kbo);
  if (!list) {
    const households = new Map(world.households.map((h) => [h.id, h]));
    list = world.persons
      .filter((p) => p.ocmwDecisions.some((d) => d.ocmwKbo === kbo && PAID.includes(d.kind)))
      .flatMap((p) => alertsOf(world, p, kbo, households))
      .sort(
        (a, b) =>
          a.emittedOn.localeCompare(b.emittedOn) || a.ssin.localeCompare(b.ssin) || a.alertId.localeCompare(b.alertId),
      );
    byKbo.set(kbo, list);
  }
  return list;
}

/** The alerts sent by `date`: emitted on or before it. */
export const sentBy = (alerts: readonly Alert[], date: IsoDate): Alert[] => alerts.filter((a) => a.emittedOn <= date);

/** The reminder lists are sent twice a year, in March and October (the first of the month: modelled). */
export function lastReminderDate(today: IsoDate): IsoDate {
  const y = Number(today.slice(0, 4));
  const candidates = [`${y}-10-01`, `${y}-03-01`, `${y - 1}-10-01`];
  return candidates.find((d) => d <= today)!;
}
