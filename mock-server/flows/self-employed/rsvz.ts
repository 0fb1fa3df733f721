/**
 * What the RSVZ/INASTI (ARZA/RGTI file) knows of a person as of the tenant's today: a view of
 * `Person.selfEmployed` (periods under the social statute and the affiliation attestation).
 */
import { covers, minDate, overlaps } from '../../../scenarios/engine/dates.ts';
import type { IsoDate, SelfEmployedCareer, SelfEmployedPeriod } from '../../../scenarios/engine/model.ts';

/** The older attestations consultation holds attestations filed or changed from this date on (VVSG page). */
export const ATTESTATIONS_FROM: IsoDate = '2003-01-01';

export interface CareerComponent {
  beginDate: IsoDate;
  /** Only when the end is known on the tenant's today. */
  endDate: IsoDate | null;
  statute: 'ACTIVE' | 'ASSIMILATED';
  occupation: 'MAIN' | 'SECONDARY';
  workTime: 'FULL_TIME' | 'HALF_TIME';
  fund: string;
  assimilationReason: string | null;
}

export interface Attestation {
  attestationId: string;
  lastChangeDate: IsoDate;
  fund: string;
  affiliation: { beginDate: IsoDate; endDate: IsoDate | null };
  /** The statute in force on the tenant's today, or the last one when the affiliation ended. */
  current: CareerComponent;
}

export function component(p: SelfEmployedPeriod, today: IsoDate): CareerComponent {
  return {
    beginDate: p.from,
    endDate: p.to !== null && p.to <= today ? p.to : null,
    statute: p.kind === 'active' ? 'ACTIVE' : 'ASSIMILATED',
    occupation: p.occupation === 'main' ? 'MAIN' : 'SECONDARY',
    workTime: p.time === 'full' ? 'FULL_TIME' : 'HALF_TIME',
    fund: p.fund,
    assimilationReason: p.assimilationReason ?? null,
  };
}

/** The career components that started by today and touch the asked period. */
export function careerIn(
  career: SelfEmployedCareer | undefined,
  period: { beginDate: IsoDate; endDate: IsoDate | null },
  today: IsoDate,
): CareerComponent[] {
  const asked = { from: period.beginDate, to: minDate(period.endDate ?? today, today) };
  return (career?.periods ?? []).filter((p) => p.from <= today && overlaps(p, asked)).map((p) => component(p, today));
}

/**
 * The date the affiliation attestation last changed, as known today: the world's `attestationChanged` when it has
 * happened, else the start of the last period begun by today (every new period changes the attestation, modelled).
 */
export function attestationChange(career: SelfEmployedCareer, today: IsoDate): IsoDate | null {
  if (career.attestationChanged <= today) return career.attestationChanged;
  return career.periods.filter((p) => p.from <= today).at(-1)?.from ?? null;
}

/** A unique reference of the RSVZ (ksz-flows.md §5), here a stable 12-digit number derived from INSZ and date. */
export function attestationId(insz: string, changed: IsoDate): string {
  let h = 0x811c9dc5;
  for (const ch of `${insz}/${changed}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return `${changed.slice(0, 4)}${String(h % 100_000_000).padStart(8, '0')}`;
}

export function attestationOf(
  insz: string,
  career: SelfEmployedCareer | undefined,
  today: IsoDate,
): Attestation | null {
  if (!career) return null;
  const changed = attestationChange(career, today);
  const started = career.periods.filter((p) => p.from <= today);
  const first = started[0];
  const last = started.at(-1);
  if (!changed || !first || !last) return null;
  const current = started.find((p) => covers(p, today)) ?? last;
  return {
    attestationId: attestationId(insz, changed),
    lastChangeDate: changed,
    fund: current.fund,
    affiliation: { beginDate: first.from, endDate: last.to !== null && last.to <= today ? last.to : null },
    current: component(current, today),
  };
}
