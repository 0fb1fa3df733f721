import type { IsoDate, LeefloonCategory } from './model.ts';

/**
 * Leefloon (revenu d'intégration) monthly amounts per category, by the date they took effect.
 * Sources: POD MI / SPP IS "Primabook – Bedragen leefloon" table (amounts 2005-08-01 … 2020-01-01, monthly basis);
 * 2020-03-01 and 2024-05-01 as published by centenvoorstudenten.be ("index februari 2020", "index 1 mei 2024").
 * Rows marked `sourced: false` are NOT from a source: they are interpolated between sourced rows to model the
 * indexations of 2021–2023 and 2025 and must be read as plausible, not official.
 */
export interface LeefloonAmountRow {
  from: IsoDate;
  cents: Record<LeefloonCategory, number>;
  sourced: boolean;
}

const row = (from: IsoDate, cat1: number, cat2: number, cat3: number, sourced = true): LeefloonAmountRow => ({
  from,
  cents: { samenwonende: cat1, alleenstaande: cat2, gezinslast: cat3 },
  sourced,
});

export const LEEFLOON_AMOUNTS: readonly LeefloonAmountRow[] = [
  row('2005-08-01', 41707, 62560, 83414),
  row('2006-10-01', 42966, 64448, 85931),
  row('2007-04-01', 43825, 65737, 87650),
  row('2008-01-01', 45596, 68395, 91193),
  row('2008-05-01', 46507, 69761, 93014),
  row('2008-09-01', 47437, 71156, 94874),
  row('2009-06-01', 48385, 72579, 96772),
  row('2010-09-01', 49354, 74032, 98709),
  row('2011-05-01', 50339, 75508, 100678),
  row('2011-09-01', 51346, 77018, 102691),
  row('2012-02-01', 52374, 78561, 104748),
  row('2012-12-01', 53423, 80134, 106845),
  row('2013-09-01', 54491, 81736, 108982),
  row('2015-09-01', 55581, 83371, 111162),
  row('2016-04-01', 56692, 85039, 113385),
  row('2016-06-01', 57827, 86740, 115653),
  row('2017-06-01', 58982, 88474, 117965),
  row('2017-09-01', 59513, 89270, 119027),
  row('2018-07-01', 59513, 89270, 123027),
  row('2018-09-01', 60701, 91052, 125482),
  row('2019-07-01', 61915, 92873, 125482),
  row('2020-01-01', 62674, 94011, 127051),
  row('2020-03-01', 63927, 95891, 129591),
  row('2021-07-01', 66800, 100200, 135400, false),
  row('2022-06-01', 72500, 108750, 146900, false),
  row('2023-01-01', 80500, 120750, 163200, false),
  row('2024-05-01', 85897, 128846, 174129),
  row('2025-03-01', 87600, 131400, 177600, false),
];

/** The monthly leefloon amount in force on `date` for `category`, in eurocent. */
export function leefloonMonthlyCents(category: LeefloonCategory, date: IsoDate): number {
  let found: LeefloonAmountRow | undefined;
  for (const r of LEEFLOON_AMOUNTS) if (r.from <= date) found = r;
  if (!found) throw new Error(`no leefloon amount known before ${LEEFLOON_AMOUNTS[0]?.from} (asked ${date})`);
  return found.cents[category];
}

/** Dates on which the amounts changed inside a period: each one forces a revision of a running decision. */
export function indexationDatesBetween(from: IsoDate, to: IsoDate): IsoDate[] {
  return LEEFLOON_AMOUNTS.map((r) => r.from).filter((d) => d > from && d <= to);
}

/**
 * Installation premium (installatiepremie): one twelfth of the yearly category-3 amount, once in a lifetime,
 * for someone leaving homelessness (art. 14 §3 RMI law; amount rule as Primabook states it).
 */
export function installationPremiumCents(date: IsoDate): number {
  return Math.round((leefloonMonthlyCents('gezinslast', date) * 12) / 12);
}
