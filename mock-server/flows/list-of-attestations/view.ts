import { addDays, addMonths, dayBefore, daysBetween, minDate, monthsBetween } from '../../../scenarios/engine/dates.ts';
import type { IsoDate, MediprimaCard, Period, Person } from '../../../scenarios/engine/model.ts';
import { formReference, numericId } from '../knipperlichten/alerts.ts';
import { type KnownDecision, knownDecisions, mergePeriods, overlapsWindow } from '../living-wages/attestations.ts';
import {
  ATTEST_TYPES,
  type Coded,
  FORM_TYPES,
  PIIS_FIRST_TERM_MONTHS,
  RELATION_TYPES,
  type RequestType,
  STATUSES,
} from './codes.ts';

export interface Duration {
  days: number;
  weeks: number;
  months: number;
}

/** One attestation of the reply. */
export interface AttestationView {
  socialSecurityUser: string;
  cpasKboBce: string;
  /** The day the right starts (entrée en vigueur): with `duration`, the period of the attestation. */
  entryDate: IsoDate;
  attestType: Coded;
  formType: Coded;
  /** Length of the period; null while its end is not known. */
  duration: Duration | null;
  decisionDate: IsoDate;
  reference: string;
  status: number;
  relationType: Coded;
}

export interface AttestationsView {
  requestType: RequestType;
  gpmiPiis?: { hasAttestation: boolean; period: Period | null; prolongationPeriod: Period | null };
  exonerationArt35?: {
    hasExoneration: boolean;
    firstExonerationDate: IsoDate | null;
    paymentExoneratedDays: number | null;
  };
  attestations: AttestationView[];
}

/** A period's length in whole months, then whole weeks, then days (both ends inclusive). */
export function durationOf(p: Period): Duration | null {
  if (p.to === null) return null;
  const end = addDays(p.to, 1);
  const months = monthsBetween(p.from, end);
  const rest = daysBetween(addMonths(p.from, months), end);
  return { months, weeks: Math.floor(rest / 7), days: rest % 7 };
}

const paying = (k: KnownDecision) =>
  (k.decision.kind === 'leefloon' || k.decision.kind === 'equivalent-leefloon') && k.decision.amountCents > 0;

function fromDecision(person: Person, k: KnownDecision): AttestationView {
  const d = k.decision;
  const law65 = d.kind === 'equivalent-leefloon';
  return {
    socialSecurityUser: person.insz,
    cpasKboBce: d.ocmwKbo,
    entryDate: k.period.from,
    attestType:
      d.kind === 'installation-premium'
        ? ATTEST_TYPES.installationPremium
        : law65
          ? ATTEST_TYPES.equivalentLivingWage
          : ATTEST_TYPES.livingWage,
    formType: law65 ? FORM_TYPES.law65Decision : FORM_TYPES.rmiDecision,
    duration: durationOf(k.period),
    decisionDate: d.decisionDate,
    reference: formReference(d.id),
    status: k.revisedBy ? STATUSES.changed : STATUSES.inForce,
    relationType: RELATION_TYPES.beneficiary,
  };
}

/** A Mediprima card of the world as a law-65 attestation: known from its start, as the Mediprima flow shows it. */
function fromCard(person: Person, c: MediprimaCard, today: IsoDate): AttestationView {
  const ended = c.to !== null && c.to < today && c.endReason !== undefined;
  return {
    socialSecurityUser: person.insz,
    cpasKboBce: c.ocmwKbo,
    entryDate: c.from,
    attestType: ATTEST_TYPES.urgentMedicalAid,
    formType: FORM_TYPES.law65Decision,
    duration: durationOf(c),
    decisionDate: c.from,
    reference: numericId(`card|${c.cardId}`, 12),
    status: ended ? STATUSES.changed : STATUSES.inForce,
    relationType: RELATION_TYPES.beneficiary,
  };
}

/**
 * The GPMI/PIIS of the latest uninterrupted run of PIIS decisions in the window: its first term (modelled: 12 months)
 * and, once the run went on beyond it, the prolongation.
 */
function piisBlock(
  list: readonly KnownDecision[],
  window: Period | null,
  today: IsoDate,
): AttestationsView['gpmiPiis'] {
  const run = mergePeriods(list.map((k) => k.period))
    .filter((p) => overlapsWindow(p, window))
    .at(-1);
  if (!run) return { hasAttestation: false, period: null, prolongationPeriod: null };
  const termEnd = dayBefore(addMonths(run.from, PIIS_FIRST_TERM_MONTHS));
  const period = { from: run.from, to: run.to === null ? termEnd : minDate(run.to, termEnd) };
  const prolonged = (run.to === null || run.to > termEnd) && addDays(termEnd, 1) <= today;
  return {
    hasAttestation: true,
    period,
    prolongationPeriod: prolonged ? { from: addDays(termEnd, 1), to: run.to } : null,
  };
}

/** Days of the exempted decisions up to today (an open one counts until today). */
function exemptedDays(list: readonly KnownDecision[], today: IsoDate): number {
  return list.reduce((sum, k) => {
    if (k.period.from > today) return sum;
    const to = k.period.to === null ? today : minDate(k.period.to, today);
    return sum + daysBetween(k.period.from, to) + 1;
  }, 0);
}

const byStart = (a: AttestationView, b: AttestationView) =>
  a.entryDate.localeCompare(b.entryDate) || a.decisionDate.localeCompare(b.decisionDate);

/**
 * The attestations of one request type the network knows on `today`, within the search window (null: all).
 *
 * @example
 * attestationsView(person, 'PRIME_INSTALLATION', null, '2025-06-30').attestations.length; // 1
 */
export function attestationsView(
  person: Person,
  type: RequestType,
  window: Period | null,
  today: IsoDate,
): AttestationsView {
  const known = knownDecisions(person, today);
  const inWindow = (k: KnownDecision) => overlapsWindow(k.period, window);
  if (type === 'GPMI_PIIS') {
    const piis = known.filter((k) => paying(k) && k.decision.piis);
    return {
      requestType: type,
      gpmiPiis: piisBlock(piis, window, today),
      attestations: piis.filter(inWindow).map((k) => fromDecision(person, k)),
    };
  }
  if (type === 'EXONERATIONSART35') {
    const exempted = known.filter((k) => paying(k) && k.decision.calculation.exemptionCents > 0);
    const shown = exempted.filter(inWindow);
    return {
      requestType: type,
      exonerationArt35: {
        hasExoneration: shown.length > 0,
        firstExonerationDate: shown.length > 0 ? (exempted[0]?.period.from ?? null) : null,
        paymentExoneratedDays: shown.length > 0 ? exemptedDays(exempted, today) : null,
      },
      attestations: shown.map((k) => fromDecision(person, k)),
    };
  }
  if (type === 'PRIME_INSTALLATION')
    return {
      requestType: type,
      attestations: known
        .filter((k) => k.decision.kind === 'installation-premium' && inWindow(k))
        .map((k) => fromDecision(person, k)),
    };
  const equivalent = known.filter((k) => paying(k) && k.decision.kind === 'equivalent-leefloon' && inWindow(k));
  const cards = person.mediprima.filter((c) => c.from <= today && overlapsWindow(c, window));
  return {
    requestType: type,
    attestations: [
      ...equivalent.map((k) => fromDecision(person, k)),
      ...cards.map((c) => fromCard(person, c, today)),
    ].sort(byStart),
  };
}
