import { MUNICIPALITIES, type Municipality } from './geo/municipalities.ts';
import { makeKbo } from './ids/kbo.ts';
import { makeRiziv } from './ids/riziv.ts';
import type { Organisation } from './model.ts';
import { drawFamilyName, drawGivenName } from './names.ts';
import type { Rng } from './rng.ts';

/**
 * The institutions a world shares between its persons, drawn once from the world seed: one OCMW per
 * municipality (Herstappe has none), social housing companies, employers, GP's, mutualities and funds.
 */
export interface Employer {
  kbo: string;
  name: string;
  jointCommittee: string;
  nis: string;
}

export interface Doctor {
  riziv: string;
  name: string;
  nis: string;
}

export interface Pools {
  organisations: Organisation[];
  ocmwByNis: Map<string, Organisation>;
  housingCompanies: Organisation[];
  employers: Employer[];
  doctors: Doctor[];
  municipalities: readonly Municipality[];
}

/** Landsbonden (national unions of mutualities) with their official codes. */
export const MUTUALITIES = [
  { code: '100', name: 'Christelijke Mutualiteiten / Mutualités chrétiennes', weight: 40 },
  { code: '200', name: 'Neutrale Ziekenfondsen / Mutualités neutres', weight: 5 },
  { code: '300', name: 'Socialistische Mutualiteiten / Solidaris', weight: 28 },
  { code: '400', name: 'Liberale Mutualiteiten / Mutualités libérales', weight: 6 },
  { code: '500', name: 'Onafhankelijke Ziekenfondsen / Mutualités libres', weight: 18 },
  { code: '600', name: 'Hulpkas voor Ziekte- en Invaliditeitsverzekering (HZIV) / CAAMI', weight: 2 },
  { code: '900', name: 'Kas der geneeskundige verzorging van HR Rail', weight: 1 },
] as const;

/** Joint committees (paritaire comités) common among OCMW clients, with a plausible weight. */
const JOINT_COMMITTEES: readonly (readonly [string, number])[] = [
  ['200', 30],
  ['124', 8],
  ['140', 6],
  ['302', 10],
  ['322', 12],
  ['121', 8],
  ['118', 6],
  ['330', 8],
  ['319', 4],
  ['111', 4],
  ['311', 4],
];

const EMPLOYER_KINDS = [
  'Bouwwerken',
  'Schoonmaak',
  'Logistiek',
  'Interim',
  'Horeca',
  'Zorg',
  'Retail',
  'Metaal',
  'Voeding',
  'Transport',
];
const LEGAL_FORMS = ['NV', 'BV', 'CV', 'VZW'];

export const HOUSING_COMPANIES: readonly { nl: string; fr: string; region: Municipality['region'] }[] = [
  { nl: 'Woonpunt Schelde-Rupel', fr: 'Woonpunt Schelde-Rupel', region: 'flanders' },
  { nl: 'De Ideale Woning', fr: 'De Ideale Woning', region: 'flanders' },
  { nl: 'WoonAnker Leie', fr: 'WoonAnker Leie', region: 'flanders' },
  { nl: 'Kempisch Wonen', fr: 'Kempisch Wonen', region: 'flanders' },
  { nl: 'Haspengouwse Huisvesting', fr: 'Haspengouwse Huisvesting', region: 'flanders' },
  { nl: 'Logement Social Hainuyer', fr: 'Logement Social Hainuyer', region: 'wallonia' },
  { nl: 'Foyer Mosan', fr: 'Foyer Mosan', region: 'wallonia' },
  { nl: 'Brusselse Haard', fr: 'Foyer Bruxellois', region: 'brussels' },
];
// These housing company names are invented for the sandbox (no real company is meant).

/** A synthetic KBO number `0P.xxxxxx` + check digits (`02…` like public bodies, `04`/`08` like companies). */
function kboFrom(rng: Rng, prefix: number): string {
  return makeKbo(prefix * 1_000_000 + rng.int(0, 999_999));
}

export function buildPools(rng: Rng): Pools {
  const organisations: Organisation[] = [];
  const ocmwByNis = new Map<string, Organisation>();
  const usedKbo = new Set<string>();
  const uniqueKbo = (prefix: number): string => {
    for (;;) {
      const kbo = kboFrom(rng, prefix);
      if (!usedKbo.has(kbo)) {
        usedKbo.add(kbo);
        return kbo;
      }
    }
  };

  for (const m of MUNICIPALITIES) {
    if (m.nis === '73028') continue; // Herstappe has no OCMW of its own.
    const ocmw: Organisation = {
      id: `ocmw-${m.nis}`,
      kind: 'ocmw',
      kbo: uniqueKbo(2),
      name: { nl: `OCMW ${m.nl}`, fr: /^[AEIOUYÉÈÊ]/i.test(m.fr) ? `CPAS d'${m.fr}` : `CPAS de ${m.fr}` },
      nis: m.nis,
      matrix: { id: 17, subId: 1 },
    };
    organisations.push(ocmw);
    ocmwByNis.set(m.nis, ocmw);
  }

  const housingCompanies: Organisation[] = HOUSING_COMPANIES.map((h, i) => ({
    id: `housing-${i + 1}`,
    kind: 'housing-company',
    kbo: uniqueKbo(4),
    name: { nl: h.nl, fr: h.fr },
  }));
  organisations.push(...housingCompanies);

  const employers: Employer[] = [];
  for (let i = 0; i < 240; i++) {
    const m = rng.pick(MUNICIPALITIES);
    const name = `${drawFamilyName(rng, m.region === 'flanders' ? 'nl' : 'fr', 'BE')} ${rng.pick(EMPLOYER_KINDS)} ${rng.pick(LEGAL_FORMS)}`;
    employers.push({
      kbo: uniqueKbo(rng.chance(0.5) ? 4 : 8),
      name,
      jointCommittee: rng.weighted(JOINT_COMMITTEES),
      nis: m.nis,
    });
  }

  const doctors: Doctor[] = [];
  const usedRiziv = new Set<string>();
  for (let i = 0; i < 160; i++) {
    const m = rng.pick(MUNICIPALITIES);
    const language = m.region === 'flanders' ? 'nl' : 'fr';
    const sex = rng.chance(0.5) ? 'M' : 'F';
    let riziv: string;
    do riziv = makeRiziv(rng.int(10_000, 99_999), rng.chance(0.5) ? '003' : '004');
    while (usedRiziv.has(riziv));
    usedRiziv.add(riziv);
    const title = language === 'nl' ? 'Dr.' : 'Dr';
    doctors.push({
      riziv,
      name: `${title} ${drawGivenName(rng, sex, language, 'BE')} ${drawFamilyName(rng, language, 'BE')}`,
      nis: m.nis,
    });
  }

  return { organisations, ocmwByNis, housingCompanies, employers, doctors, municipalities: MUNICIPALITIES };
}
