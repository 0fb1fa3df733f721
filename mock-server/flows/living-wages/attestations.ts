import { createHash } from 'node:crypto';
import { addDays } from '../../../scenarios/engine/dates.ts';
import { municipalityByNis, type Region } from '../../../scenarios/engine/geo/municipalities.ts';
import type {
  IsoDate,
  LeefloonCategory,
  OcmwDecision,
  Organisation,
  Period,
  Person,
  World,
} from '../../../scenarios/engine/model.ts';

/**
 * The multifunctional attestations of the OCMW's as the network knows them (ksz-flows.md §12.6): a view of
 * `Person.ocmwDecisions`, shared by the `living-wages` and `list-of-attestations` flows so both show the same
 * decisions from the same day.
 */

/** Sourced: at most 7 days between the OCMW's decision and its presence in the network (KSZ OCMW/CPAS pages). */
export const NETWORK_LAG_MAX_DAYS = 7;

/** Decisions that pay a living wage: leefloon and equivalent leefloon with an amount (stops and refusals pay none). */
export const PAYING_KINDS: readonly OcmwDecision['kind'][] = ['leefloon', 'equivalent-leefloon'];

const END = '9999-12-31';

/** Days between a decision and its attestation in the network: 0–7, a pure function of the decision id (modelled). */
export function networkLagDays(decisionId: string): number {
  return (createHash('sha256').update(`network-lag|${decisionId}`).digest()[0] ?? 0) % (NETWORK_LAG_MAX_DAYS + 1);
}

/** The day the attestation of `d` entered the network (the POD MI database): the decision date plus the lag. */
export function entryDate(d: OcmwDecision): IsoDate {
  return addDays(d.decisionDate, networkLagDays(d.id));
}

/** A decision as the network knows it on a date. */
export interface KnownDecision {
  decision: OcmwDecision;
  entryDate: IsoDate;
  /** The period as known: open when every decision that revised (and so ended) it was not yet in the network. */
  period: Period;
  /** Id of a known decision that revises this one, if any. */
  revisedBy: string | null;
}

/**
 * Every decision of `person` whose attestation was in the network on `date`, in decision order. The period rule is
 * the ESV's (a period cut by revisions nobody knew yet is still open), applied to the network entry dates.
 *
 * @example
 * knownDecisions(person, '2025-06-30').filter((k) => k.decision.kind === 'leefloon');
 */
export function knownDecisions(person: Person, date: IsoDate): KnownDecision[] {
  const known = person.ocmwDecisions.filter((d) => entryDate(d) <= date);
  return known
    .map((d) => {
      const revisions = person.ocmwDecisions.filter((r) => r.revises === d.id);
      const knownRevision = known.find((r) => r.revises === d.id) ?? null;
      const open = revisions.length > 0 && knownRevision === null;
      return {
        decision: d,
        entryDate: entryDate(d),
        period: open ? { from: d.period.from, to: null } : { ...d.period },
        revisedBy: knownRevision?.id ?? null,
      };
    })
    .sort(
      (a, b) =>
        a.decision.period.from.localeCompare(b.decision.period.from) ||
        a.decision.decisionDate.localeCompare(b.decision.decisionDate) ||
        a.decision.id.localeCompare(b.decision.id),
    );
}

/** The known decisions that pay a living wage (leefloon or equivalent leefloon, amount > 0). */
export function knownPayingDecisions(person: Person, date: IsoDate): KnownDecision[] {
  return knownDecisions(person, date).filter(
    (k) => PAYING_KINDS.includes(k.decision.kind) && k.decision.amountCents > 0,
  );
}

/** Uninterrupted periods: periods that overlap or follow each other day after day become one. */
export function mergePeriods(periods: readonly Period[]): Period[] {
  const sorted = [...periods].sort((a, b) => a.from.localeCompare(b.from));
  const out: Period[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last && (last.to === null || addDays(last.to, 1) >= p.from)) {
      if (last.to !== null && (p.to === null || p.to > last.to)) last.to = p.to;
    } else out.push({ ...p });
  }
  return out;
}

/** Do the period and the (inclusive) search window share a day? */
export function overlapsWindow(p: Period, window: Period | null): boolean {
  if (!window) return true;
  return p.from <= (window.to ?? END) && window.from <= (p.to ?? END);
}

const orgIndex = new WeakMap<World, Map<string, Organisation>>();

/** The organisation with this KBO number, or a stand-in named after the number when the world has none. */
export function organisationByKbo(world: World, kbo: string): Organisation {
  let idx = orgIndex.get(world);
  if (!idx) {
    idx = new Map(world.organisations.map((o) => [o.kbo, o]));
    orgIndex.set(world, idx);
  }
  return idx.get(kbo) ?? { id: `kbo-${kbo}`, kind: 'ocmw', kbo, name: { nl: `OCMW ${kbo}`, fr: `CPAS ${kbo}` } };
}

/** The region of an OCMW, from the NIS code of its municipality (null when unknown). */
export function regionOf(org: Organisation): Region | null {
  return org.nis ? (municipalityByNis(org.nis)?.region ?? null) : null;
}

/** Leefloon categories as numbered by the RMI law (category 1, 2, 3), with their names. */
export const CATEGORIES: Readonly<Record<LeefloonCategory, { code: number; nl: string; fr: string }>> = {
  samenwonende: { code: 1, nl: 'samenwonende', fr: 'cohabitant' },
  alleenstaande: { code: 2, nl: 'alleenstaande', fr: 'isolé' },
  gezinslast: { code: 3, nl: 'persoon met gezinslast', fr: 'personne avec famille à charge' },
};
