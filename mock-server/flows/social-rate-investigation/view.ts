import { indexOf } from '../../../scenarios/engine/as-of.ts';
import { addDays, maxDate, overlaps } from '../../../scenarios/engine/dates.ts';
import type { IsoDate, Period, Person, World } from '../../../scenarios/engine/model.ts';
import { XmlWriter } from '../../src/ksz/xml/writer.ts';

/** The rights that open the social energy tariff in the world (engine rule, scenarios/engine/finish.ts). */
export type RightCategory = 'RIS' | 'ERIS' | 'HANDICAP';

export const RIGHT_CATEGORIES: Record<RightCategory, { nl: string; fr: string; institution: string }> = {
  RIS: { nl: 'leefloon', fr: "revenu d'intégration", institution: 'POD Maatschappelijke Integratie / SPP IS' },
  ERIS: {
    nl: 'equivalent leefloon',
    fr: "équivalent du revenu d'intégration",
    institution: 'POD Maatschappelijke Integratie / SPP IS',
  },
  HANDICAP: {
    nl: 'tegemoetkoming aan personen met een handicap',
    fr: 'allocation aux personnes handicapées',
    institution: 'FOD Sociale Zekerheid, DG Personen met een handicap',
  },
};

export interface RightView {
  category: RightCategory;
  description: { nl: string; fr: string };
  institution: { name: string; cbeNumber: string | null; pcsaName: string | null };
  beginDate: IsoDate;
  /** null: still running as far as known on the date. */
  endDate: IsoDate | null;
}

export interface SocialRateView {
  ssin: string;
  socialRate: { beginDate: IsoDate; endDate: IsoDate | null };
  rights: RightView[];
}

/** A period as known on `asOf`: an end after that date is not known yet. */
const known = (p: Period, asOf: IsoDate): { beginDate: IsoDate; endDate: IsoDate | null } => ({
  beginDate: p.from,
  endDate: p.to !== null && p.to <= asOf ? p.to : null,
});

/** Contiguous periods of the same key merged (indexation revisions split a leefloon right into pieces). */
function merge<T extends Period & { key: string }>(list: T[]): T[] {
  const out: T[] = [];
  for (const x of [...list].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))) {
    const last = out.findLast((o) => o.key === x.key);
    if (last && (last.to === null || addDays(last.to, 1) >= x.from)) {
      last.to = last.to === null || x.to === null ? null : maxDate(last.to, x.to);
    } else out.push({ ...x });
  }
  return out;
}

/** The rights behind the tariff: leefloon and equivalent leefloon (per OCMW) and handicap recognitions. */
function rightsOf(person: Person): (Period & { key: string; category: RightCategory; kbo: string | null })[] {
  const ocmw = person.ocmwDecisions
    .filter((d) => (d.kind === 'leefloon' || d.kind === 'equivalent-leefloon') && d.amountCents > 0)
    .map((d) => {
      const category: RightCategory = d.kind === 'leefloon' ? 'RIS' : 'ERIS';
      return { from: d.period.from, to: d.period.to, key: `${category}/${d.ocmwKbo}`, category, kbo: d.ocmwKbo };
    });
  const handicap = person.handicap.map((h) => ({
    from: h.from,
    to: h.to,
    key: 'HANDICAP',
    category: 'HANDICAP' as const,
    kbo: null,
  }));
  return merge([...ocmw, ...handicap]);
}

/**
 * The social energy tariff of a person as known on `asOf`: one entry per tariff period that started on or before
 * that date, each with the rights it rests on. Empty when the person never had the tariff (or only later).
 *
 * @example
 * socialRateView(world, person, '2025-06-30')[0]?.rights[0]?.category; // 'RIS'
 */
export function socialRateView(world: World, person: Person, asOf: IsoDate): SocialRateView[] {
  const rights = rightsOf(person).filter((r) => r.from <= asOf);
  const orgs = new Map(world.organisations.map((o) => [o.kbo, o]));
  return person.energy.socialTariff
    .filter((t) => t.from <= asOf)
    .map((t) => ({
      ssin: person.insz,
      socialRate: known(t, asOf),
      rights: rights
        .filter((r) => overlaps(r, t))
        .map((r) => {
          const meta = RIGHT_CATEGORIES[r.category];
          const org = r.kbo ? orgs.get(r.kbo) : undefined;
          return {
            category: r.category,
            description: { nl: meta.nl, fr: meta.fr },
            institution: { name: meta.institution, cbeNumber: r.kbo, pcsaName: org ? org.name.nl : null },
            ...known(r, asOf),
          };
        }),
    }));
}

/** The view for an INSZ of the world (undefined when the world does not hold it). */
export function socialRateOf(world: World, ssin: string, asOf: IsoDate): SocialRateView[] | undefined {
  const person = indexOf(world).persons.get(ssin);
  return person ? socialRateView(world, person, asOf) : undefined;
}

/** The answer after `status`: one unqualified `result` per tariff period, as the client code reads `result`. */
export function socialRateXml(results: SocialRateView[]): string {
  const w = new XmlWriter();
  for (const r of results) {
    w.open('result').leaf('ssin', r.ssin);
    w.open('socialRate').leaf('beginDate', r.socialRate.beginDate).optionalLeaf('endDate', r.socialRate.endDate);
    w.close();
    for (const right of r.rights) {
      w.open('right')
        .leaf('category', right.category)
        .open('description')
        .leaf('nl', right.description.nl)
        .leaf('fr', right.description.fr)
        .close()
        .open('institution')
        .leaf('name', right.institution.name)
        .optionalLeaf('cbeNumber', right.institution.cbeNumber)
        .optionalLeaf('pcsaName', right.institution.pcsaName)
        .close()
        .leaf('beginDate', right.beginDate)
        .optionalLeaf('endDate', right.endDate)
        .close();
    }
    w.close();
  }
  return w.toString();
}
