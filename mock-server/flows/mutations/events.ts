import { indexOf } from '../../../scenarios/engine/as-of.ts';
import { addDays, covers } from '../../../scenarios/engine/dates.ts';
import type { IsoDate, Person, World } from '../../../scenarios/engine/model.ts';

/** The kinds of change an OCMW is notified of, with the institution that reports each (modelled names). */
export const MUTATION_TYPES = {
  EMPLOYMENT_START: { source: 'RSZ/ONSS (DIMONA)', nl: 'nieuwe tewerkstelling', fr: 'nouvelle occupation' },
  EMPLOYMENT_END: { source: 'RSZ/ONSS (DIMONA)', nl: 'einde tewerkstelling', fr: "fin d'occupation" },
  SELF_EMPLOYED_START: {
    source: 'RSVZ/INASTI',
    nl: 'begin zelfstandige activiteit',
    fr: "début d'activité indépendante",
  },
  SELF_EMPLOYED_END: { source: 'RSVZ/INASTI', nl: 'einde zelfstandige activiteit', fr: "fin d'activité indépendante" },
  MEDIPRIMA_START: {
    source: 'POD MI/SPP IS (Mediprima)',
    nl: 'Mediprima-kaart geopend',
    fr: 'carte Mediprima ouverte',
  },
  MEDIPRIMA_END: {
    source: 'POD MI/SPP IS (Mediprima)',
    nl: 'Mediprima-kaart beëindigd',
    fr: 'carte Mediprima clôturée',
  },
  ADDRESS_CHANGE: { source: 'Rijksregister/Registre national', nl: 'adreswijziging', fr: "changement d'adresse" },
  HOUSEHOLD_CHANGE: {
    source: 'Rijksregister/Registre national',
    nl: 'wijziging gezinssamenstelling',
    fr: 'modification de la composition de ménage',
  },
  DEATH: { source: 'Rijksregister/Registre national', nl: 'overlijden', fr: 'décès' },
} as const;
export type MutationType = keyof typeof MUTATION_TYPES;

/** One change in a person's timeline, with what the notification says about it. */
export interface LifeEvent {
  insz: string;
  type: MutationType;
  date: IsoDate;
  details: Record<string, string>;
}

const str = (v: string | number | undefined | null) => (v === undefined || v === null ? '' : String(v));

/**
 * Every change of the kinds above in a person's timeline, at any date: employments and self-employed periods
 * starting and ending (the end on its last day), Mediprima cards opened and ended, moves (every address start),
 * household changes (joining a household, a member joining or leaving it — the day after its last day) and death.
 * The world is clock-independent: which of these have happened is the caller's business.
 *
 * @example
 * lifeEvents(world, person).filter((e) => e.type === 'EMPLOYMENT_START').map((e) => e.date);
 */
export function lifeEvents(world: World, p: Person): LifeEvent[] {
  const out: LifeEvent[] = [];
  const add = (type: MutationType, date: IsoDate | null, details: Record<string, string>) => {
    if (date) out.push({ insz: p.insz, type, date, details });
  };
  for (const e of p.employment) {
    const d = {
      employerKbo: e.employerKbo,
      employerName: e.employerName,
      jointCommittee: e.jointCommittee,
      workerType: e.workerType,
      dimonaId: e.dimonaId,
    };
    add('EMPLOYMENT_START', e.from, { ...d, startDate: e.from });
    add('EMPLOYMENT_END', e.to, { ...d, endDate: str(e.to) });
  }
  for (const s of p.selfEmployed?.periods ?? []) {
    const d = { kind: s.kind, occupation: s.occupation, time: s.time, fund: s.fund };
    add('SELF_EMPLOYED_START', s.from, { ...d, startDate: s.from });
    add('SELF_EMPLOYED_END', s.to, { ...d, endDate: str(s.to) });
  }
  for (const m of p.mediprima) {
    const d = { cardId: m.cardId, ocmwKbo: m.ocmwKbo, coverType: m.coverType };
    add('MEDIPRIMA_START', m.from, { ...d, startDate: m.from });
    add('MEDIPRIMA_END', m.to, { ...d, endDate: str(m.to), endReason: str(m.endReason) });
  }
  for (const a of p.addresses)
    add('ADDRESS_CHANGE', a.from, {
      kind: a.kind,
      street: a.street,
      houseNumber: a.houseNumber,
      ...(a.box ? { box: a.box } : {}),
      postalCode: a.postcode,
      municipality: a.municipality.nl,
      nisCode: a.nis,
      ...(a.country ? { country: a.country } : {}),
    });
  householdEvents(world, p, add);
  if (p.deathDate) add('DEATH', p.deathDate, { deathDate: p.deathDate });
  return out;
}

function householdEvents(
  world: World,
  p: Person,
  add: (type: MutationType, date: IsoDate | null, details: Record<string, string>) => void,
): void {
  const households = indexOf(world).households;
  for (const m of p.households) {
    const h = households.get(m.householdId);
    const dates = new Set<IsoDate>([m.from]);
    for (const other of h?.members ?? []) {
      if (other.insz === p.insz) continue;
      if (other.from > m.from) dates.add(other.from);
      if (other.to !== null) dates.add(addDays(other.to, 1));
    }
    for (const date of [...dates].sort()) {
      if (!covers(m, date)) continue;
      const members = (h?.members ?? []).filter((x) => covers(x, date));
      add('HOUSEHOLD_CHANGE', date, {
        householdId: m.householdId,
        role: m.role,
        members: String(members.length),
        memberSsins: members.map((x) => x.insz).join(' '),
      });
    }
  }
}
