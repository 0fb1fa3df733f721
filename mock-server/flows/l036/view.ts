import type { IsoDate, OcmwDecision, Period, Person } from '../../../scenarios/engine/model.ts';
import { formReference } from '../knipperlichten/alerts.ts';
import { STATUSES } from '../list-of-attestations/codes.ts';
import {
  CATEGORIES,
  type KnownDecision,
  knownPayingDecisions,
  overlapsWindow,
  PAYING_KINDS,
} from '../living-wages/attestations.ts';

/**
 * The A036 attestations of a person: the leefloon and equivalent-leefloon decisions of `Person.ocmwDecisions` as the
 * network knows them on a date, through the helpers LivingWages and ListOfAttestations use (same network lag, same
 * periods, same references). Every value encoding below is modelled.
 */

/** Added to the category code for an equivalent leefloon (law of 2 April 1965): 11, 12, 13 (modelled). */
export const EQUIVALENT_OFFSET = 10;

export interface A036 {
  /** Whether this is the latest version of the attestation: no known attestation updates it. */
  recentAnswer: boolean;
  /** KBO number of the OCMW that granted the right. */
  ocmwCpas: string;
  /** `1` in force, `2` changed or ended by a later decision known in the network (as ListOfAttestations' Status). */
  attestationStatus: string;
  /** The attestation's number: the form reference ListOfAttestations and knipperlichten give the same decision. */
  attestationId: string;
  /** The attestation this one updates (a revision), or null for a first attestation. */
  updateAttestationId: string | null;
  /** The day the attestation entered the network (the decision date plus 0–7 days). */
  creationDate: IsoDate;
  /** The period of the right as known; `to` null while no end is known. */
  validityPeriod: Period;
  /** 1 samenwonende, 2 alleenstaande, 3 gezinslast; plus 10 for an equivalent leefloon. */
  categoryCode: number;
}

export function categoryCode(d: OcmwDecision): number {
  const base = d.category ? CATEGORIES[d.category].code : 0;
  return d.kind === 'equivalent-leefloon' ? base + EQUIVALENT_OFFSET : base;
}

function toA036(person: Person, k: KnownDecision, updatedBy: ReadonlySet<string>): A036 {
  const d = k.decision;
  const revised = d.revises ? person.ocmwDecisions.find((x) => x.id === d.revises) : undefined;
  const isAttestation = revised !== undefined && PAYING_KINDS.includes(revised.kind) && revised.amountCents > 0;
  return {
    recentAnswer: !updatedBy.has(d.id),
    ocmwCpas: d.ocmwKbo,
    attestationStatus: String(k.revisedBy ? STATUSES.changed : STATUSES.inForce),
    attestationId: formReference(d.id),
    updateAttestationId: isAttestation && revised ? formReference(revised.id) : null,
    creationDate: k.entryDate,
    validityPeriod: k.period,
    categoryCode: categoryCode(d),
  };
}

/**
 * Every A036 of `person` known on `asOf` whose validity period overlaps `window`, in the order of the rights (start,
 * then decision date): the list the L036 answer pages through.
 *
 * @example
 * a036List(person, { from: '2015-01-01', to: '2025-12-31' }, '2025-06-30').length; // 16 for a long leefloon file
 */
export function a036List(person: Person, window: Period, asOf: IsoDate): A036[] {
  const known = knownPayingDecisions(person, asOf);
  const updatedBy = new Set(known.flatMap((k) => (k.decision.revises ? [k.decision.revises] : [])));
  return known.filter((k) => overlapsWindow(k.period, window)).map((k) => toA036(person, k, updatedBy));
}
