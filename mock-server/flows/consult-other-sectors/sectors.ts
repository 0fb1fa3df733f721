import type { IsoDate, Period, Person, World } from '../../../scenarios/engine/model.ts';
import { mergePeriods, overlapsWindow } from '../living-wages/attestations.ts';

/**
 * Sectors of the KSZ network other than the OCMWs (17), and the hoedanigheidscodes under which they know a person.
 * Numbers and the quality-code labels are the KSZ lists ("lijst_hoedanigheidscodes", "lijst van sectoren", as copied
 * in lino-framework/welfare `purposes.py` / `sectors.py`, ksz-flows.md §2.2); the sector descriptions are written
 * for the mock from the institutions' names.
 */
export const SECTORS: Readonly<Record<number, { nl: string; fr: string }>> = {
  5: { nl: 'Federale Pensioendienst (ex-RVP)', fr: 'Service fédéral des Pensions (ex-ONP)' },
  7: { nl: 'Gezinsbijslag (ex-RKW / FAMIFED)', fr: 'Prestations familiales (ex-ONAFTS / FAMIFED)' },
  11: { nl: 'Ziekenfondsen (NIC)', fr: 'Mutualités (CIN)' },
  12: { nl: 'Rijksdienst voor Sociale Zekerheid (RSZ)', fr: 'Office national de sécurité sociale (ONSS)' },
  15: {
    nl: 'Rijksinstituut voor de Sociale Verzekeringen der Zelfstandigen (RSVZ)',
    fr: "Institut national d'assurances sociales pour travailleurs indépendants (INASTI)",
  },
  16: {
    nl: 'FOD Sociale Zekerheid – DG Personen met een handicap',
    fr: 'SPF Sécurité sociale – DG Personnes handicapées',
  },
  18: { nl: 'Rijksdienst voor Arbeidsvoorziening (RVA)', fr: "Office national de l'Emploi (ONEM)" },
};

/** `sector.qualityCode` → labels, after the KSZ list. */
export const QUALITY_CODES: Readonly<Record<string, { nl: string; fr: string }>> = {
  '5.30': { nl: 'Toekenning IGO', fr: 'Attribution GRAPA' },
  '5.100': { nl: 'Betalingsdossier', fr: 'Dossier paiement' },
  '7.102': { nl: 'Bijslagtrekkende type 1', fr: 'Allocataire type 1' },
  '7.104': { nl: 'Rechtgevend kind', fr: 'Enfant bénéficiaire' },
  '11.1': { nl: 'Verzekerbaarheid geneeskundige verzorging', fr: 'Assurabilité soins de santé' },
  '11.2': { nl: 'Persoon met dossier arbeidsongeschiktheid', fr: 'Personne avec dossier indemnité' },
  '12.10': { nl: 'Werknemer', fr: 'Salarié' },
  '15.2': { nl: 'Sociaal statuut van zelfstandige', fr: 'Statut social de travailleur indépendant' },
  '16.3': { nl: 'Medische erkenning', fr: 'Reconnaissance médicale' },
  '16.5': {
    nl: 'Dossier gerechtigde op inkomensvervangende tegemoetkoming / integratietegemoetkoming',
    fr: "Dossier bénéficiaire d'une allocation d'intégration / allocation de remplacement de revenu",
  },
  '16.7': {
    nl: 'Dossier gerechtigde op tegemoetkoming voor hulp aan bejaarden',
    fr: "Dossier bénéficiaire d'une allocation d'aide aux personnes âgées",
  },
  '18.1': { nl: 'Gecontroleerde werkloze', fr: 'Chômeur contrôlé' },
  '18.4': { nl: 'Werkzoekende', fr: "Demandeur d'emploi" },
};

/** One line of the answer: the person is known at a sector, under a quality code, for a period. */
export interface Consultation {
  sector: number;
  qualityCode: number;
  period: Period;
}

const childIndex = new WeakMap<World, Map<string, Period[]>>();

/** Child benefits paid for a child, found on the parent who receives them (the world stores them there). */
function benefitsForChild(world: World, insz: string): Period[] {
  let idx = childIndex.get(world);
  if (!idx) {
    idx = new Map();
    for (const p of world.persons)
      for (const b of p.childBenefits) idx.set(b.child, [...(idx.get(b.child) ?? []), { from: b.from, to: b.to }]);
    childIndex.set(world, idx);
  }
  return idx.get(insz) ?? [];
}

/** Every fact of the person that makes a sector know it, as (sector, quality code, period). */
function facts(world: World, p: Person): { key: string; period: Period }[] {
  const out: { key: string; period: Period }[] = [];
  const add = (key: string, list: readonly Period[]) => {
    for (const x of list) out.push({ key, period: { from: x.from, to: x.to } });
  };
  add(
    '18.1',
    p.unemployment.filter((u) => u.kind !== 'youth-waiting'),
  );
  add(
    '18.4',
    p.unemployment.filter((u) => u.kind === 'youth-waiting'),
  );
  add('11.1', p.healthInsurance);
  add('11.2', p.sickness);
  add('12.10', p.employment);
  add('15.2', p.selfEmployed?.periods ?? []);
  add(
    '5.100',
    p.pensions.filter((x) => x.kind !== 'igo'),
  );
  add(
    '5.30',
    p.pensions.filter((x) => x.kind === 'igo'),
  );
  add('16.3', p.handicap);
  add(
    '16.5',
    p.handicap.flatMap((h) => h.allowances.filter((a) => a.kind !== 'THAB').map((a) => a.period)),
  );
  add(
    '16.7',
    p.handicap.flatMap((h) => h.allowances.filter((a) => a.kind === 'THAB').map((a) => a.period)),
  );
  add('7.102', p.childBenefits);
  add('7.104', benefitsForChild(world, p.insz));
  return out;
}

/**
 * The sectors other than the OCMWs that know `p`, as the personenrepertorium shows it on `today`: an integration
 * starts when the fact does and gets its end only once that end has passed; periods of the same sector and quality
 * code that follow each other are one integration. Those overlapping the requested period, by sector and code.
 *
 * @example
 * otherSectors(world, person, '2025-06-30', { from: '2020-01-01', to: '2025-06-30' });
 */
export function otherSectors(world: World, p: Person, today: IsoDate, requested: Period): Consultation[] {
  const byKey = new Map<string, Period[]>();
  for (const f of facts(world, p)) {
    if (f.period.from > today) continue;
    const to = f.period.to !== null && f.period.to <= today ? f.period.to : null;
    byKey.set(f.key, [...(byKey.get(f.key) ?? []), { from: f.period.from, to }]);
  }
  const out: Consultation[] = [];
  for (const [key, periods] of byKey) {
    const [sector, code] = key.split('.').map(Number);
    for (const period of mergePeriods(periods))
      if (overlapsWindow(period, requested)) out.push({ sector: sector ?? 0, qualityCode: code ?? 0, period });
  }
  return out.sort(
    (a, b) => a.sector - b.sector || a.qualityCode - b.qualityCode || a.period.from.localeCompare(b.period.from),
  );
}
