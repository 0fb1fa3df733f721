import { createHash } from 'node:crypto';
import { indexOf } from '../../../scenarios/engine/as-of.ts';
import { addYears } from '../../../scenarios/engine/dates.ts';
import type { IsoDate, OcmwDecision, Organisation, Person, World } from '../../../scenarios/engine/model.ts';

/** The VVSG page: the ESV exists from 1 April 2016 (consulting it is compulsory from 1 November 2016). */
export const ESV_AVAILABLE_FROM = '2016-04-01';
/** The new OCMW sees the previous OCMW's decisions up to five years back (VVSG page). */
export const ESV_YEARS_BACK = 5;

/** One decision of a previous OCMW, as the ESV shows it (phase 1: leefloon, equivalent leefloon, installation premium). */
export interface EsvDecision {
  id: string;
  decisionDate: IsoDate;
  kind: OcmwDecision['kind'];
  category: string | null;
  /** The period as it was known on the request date (an end set by a later decision is not shown yet). */
  period: { from: IsoDate; to: IsoDate | null };
  amountCents: number;
  calculation: OcmwDecision['calculation'];
  revises: string | null;
  revisionReason: string | null;
  piis: boolean;
  socialWorker: OcmwDecision['socialWorker'];
}

export interface EsvPreviousOcmw {
  ocmw: { kbo: string; nis: string | null; name: { nl: string; fr: string } };
  /** The file number at the previous OCMW (modelled: derived from the OCMW and the INSZ). */
  fileNumber: string;
  /** The social worker of the most recent decision: the contact the ESV gives (phase 1, practical information). */
  contact: OcmwDecision['socialWorker'];
  decisions: EsvDecision[];
}

export interface EsvReport {
  person: { ssin: string; lastName: string; firstName: string; birthDate: IsoDate };
  requestDate: IsoDate;
  /** Decisions taken in this window are sent: five years back from the request date. */
  window: { from: IsoDate; to: IsoDate };
  previousOcmws: EsvPreviousOcmw[];
}

/** A stable number derived from text (never random): file numbers, attestation numbers. */
export function digitsOf(text: string, length: number): string {
  const hex = createHash('sha256').update(text).digest('hex').slice(0, 15);
  return (BigInt(`0x${hex}`) % 10n ** BigInt(length)).toString().padStart(length, '0');
}

/** The five-year window of a request made on `requestDate`. */
export function windowOf(requestDate: IsoDate): { from: IsoDate; to: IsoDate } {
  return { from: addYears(requestDate, -ESV_YEARS_BACK), to: requestDate };
}

/**
 * The period of `d` as known on `date`: when every decision that revised it (and so cut its period) was taken
 * after `date`, the period was still open then.
 */
function periodKnownOn(d: OcmwDecision, all: readonly OcmwDecision[], date: IsoDate): EsvDecision['period'] {
  const revisions = all.filter((r) => r.revises === d.id);
  if (revisions.length > 0 && revisions.every((r) => r.decisionDate > date)) return { from: d.period.from, to: null };
  return { from: d.period.from, to: d.period.to };
}

function decisionView(d: OcmwDecision, all: readonly OcmwDecision[], date: IsoDate): EsvDecision {
  return {
    id: d.id,
    decisionDate: d.decisionDate,
    kind: d.kind,
    category: d.category ?? null,
    period: periodKnownOn(d, all, date),
    amountCents: d.amountCents,
    calculation: d.calculation,
    revises: d.revises ?? null,
    revisionReason: d.revisionReason ?? null,
    piis: d.piis,
    socialWorker: d.socialWorker,
  };
}

/** The decisions the ESV sends: taken by other OCMW's than the asking one, within the window, known on that date. */
export function decisionsFor(person: Person, askingKbo: string, requestDate: IsoDate): OcmwDecision[] {
  const w = windowOf(requestDate);
  return person.ocmwDecisions.filter(
    (d) => d.ocmwKbo !== askingKbo && d.decisionDate >= w.from && d.decisionDate <= w.to,
  );
}

/** The previous OCMW's a request addresses: those with a decision in the window. */
export function addressees(world: World, person: Person, askingKbo: string, requestDate: IsoDate): Organisation[] {
  const kbos = [...new Set(decisionsFor(person, askingKbo, requestDate).map((d) => d.ocmwKbo))];
  return kbos.map((kbo) => organisationOf(world, kbo));
}

function organisationOf(world: World, kbo: string): Organisation {
  return (
    world.organisations.find((o) => o.kbo === kbo) ?? {
      id: `kbo-${kbo}`,
      kind: 'ocmw',
      kbo,
      name: { nl: `OCMW ${kbo}`, fr: `CPAS ${kbo}` },
    }
  );
}

/**
 * The ESV answer for a request made on `requestDate` by the OCMW `askingKbo`: per previous OCMW, every decision
 * of the last five years, oldest first, with the calculation elements and all revisions.
 *
 * @example
 * buildReport(world, '88033195482', '0251951263', '2025-10-01')?.previousOcmws[0]?.decisions.length; // 11 (seed 1)
 */
export function buildReport(world: World, ssin: string, askingKbo: string, requestDate: IsoDate): EsvReport | null {
  const person = indexOf(world).persons.get(ssin);
  if (!person) return null;
  const decisions = decisionsFor(person, askingKbo, requestDate);
  const byOcmw = new Map<string, OcmwDecision[]>();
  for (const d of decisions) byOcmw.set(d.ocmwKbo, [...(byOcmw.get(d.ocmwKbo) ?? []), d]);
  const previousOcmws: EsvPreviousOcmw[] = [];
  for (const [kbo, list] of byOcmw) {
    const sorted = [...list].sort((a, b) => a.decisionDate.localeCompare(b.decisionDate) || a.id.localeCompare(b.id));
    const org = organisationOf(world, kbo);
    previousOcmws.push({
      ocmw: { kbo, nis: org.nis ?? null, name: org.name },
      fileNumber: `${org.nis ?? kbo}/${digitsOf(`${kbo}/${ssin}`, 6)}`,
      contact: sorted[sorted.length - 1]!.socialWorker,
      decisions: sorted.map((d) => decisionView(d, person.ocmwDecisions, requestDate)),
    });
  }
  previousOcmws.sort((a, b) =>
    (b.decisions.at(-1)?.decisionDate ?? '').localeCompare(a.decisions.at(-1)?.decisionDate ?? ''),
  );
  return {
    person: {
      ssin,
      lastName: person.familyName,
      firstName: person.givenName,
      birthDate: person.birthDate,
    },
    requestDate,
    window: windowOf(requestDate),
    previousOcmws,
  };
}
