import type { Employment, IsoDate, Period, Person } from '../../../scenarios/engine/model.ts';
import { XmlWriter } from '../../src/ksz/xml/writer.ts';

export const SCOPES = ['active', 'activeInPeriod', 'mutations'] as const;
export type Scope = (typeof SCOPES)[number];

/** Dimona actions as the CPAS client names them (in, out, modification, cancel); the world makes in and out. */
export type DimonaAction = 'in' | 'out';

export interface EmploymentView {
  employer: { cbeNumber: string; name: string };
  /** The occupation as the RSZ knows it today: no end before the Dimona out has happened. */
  period: { beginDate: IsoDate; endDate: IsoDate | null };
  jointCommittee: string;
  /** Dimona worker type: STU (student), FLX (flexi-job), OTH (other). */
  workerType: 'STU' | 'FLX' | 'OTH';
  workerCategory: 'WHITE_COLLAR' | 'BLUE_COLLAR' | 'STUDENT' | 'FLEXI' | 'ARTICLE_60';
  dimonaId: string;
  lastDimonaAction: DimonaAction;
  /** The Dimona declarations made in the period (scope `mutations` only). */
  mutations: { action: DimonaAction; date: IsoDate }[];
}

const CATEGORY: Record<Employment['workerType'], EmploymentView['workerCategory']> = {
  'white-collar': 'WHITE_COLLAR',
  'blue-collar': 'BLUE_COLLAR',
  student: 'STUDENT',
  flexi: 'FLEXI',
  art60: 'ARTICLE_60',
};

const DIMONA_TYPE: Record<Employment['workerType'], EmploymentView['workerType']> = {
  'white-collar': 'OTH',
  'blue-collar': 'OTH',
  student: 'STU',
  flexi: 'FLX',
  art60: 'OTH',
};

/** The Dimona declarations of an employment that had happened by `today`: in on its start, out on its end. */
function actions(e: Employment, today: IsoDate): { action: DimonaAction; date: IsoDate }[] {
  const out: { action: DimonaAction; date: IsoDate }[] = [];
  if (e.from <= today) out.push({ action: 'in', date: e.from });
  if (e.to !== null && e.to <= today) out.push({ action: 'out', date: e.to });
  return out;
}

function view(e: Employment, today: IsoDate, mutations: EmploymentView['mutations']): EmploymentView {
  const ended = e.to !== null && e.to <= today;
  return {
    employer: { cbeNumber: e.employerKbo, name: e.employerName },
    period: { beginDate: e.from, endDate: ended ? e.to : null },
    jointCommittee: e.jointCommittee,
    workerType: DIMONA_TYPE[e.workerType],
    workerCategory: CATEGORY[e.workerType],
    dimonaId: e.dimonaId,
    lastDimonaAction: ended ? 'out' : 'in',
    mutations,
  };
}

/**
 * The employments of `person` the RSZ knows on `today` (`Person.employment`, the facts knipperlichten checks against
 * leefloon), for a scope: active today, active in the period, or with a Dimona declaration in the period.
 *
 * @example
 * employmentsView(person, 'active', null, '2025-06-30').map((e) => e.employer.name);
 */
export function employmentsView(person: Person, scope: Scope, period: Period | null, today: IsoDate): EmploymentView[] {
  const known = person.employment.filter((e) => e.from <= today).sort((a, b) => a.from.localeCompare(b.from));
  if (scope === 'active') return known.filter((e) => e.to === null || e.to >= today).map((e) => view(e, today, []));
  const from = period?.from ?? today;
  const to = period?.to ?? today;
  if (scope === 'activeInPeriod')
    return known
      .filter((e) => e.from <= to && (e.to === null || e.to > today || e.to >= from))
      .map((e) => view(e, today, []));
  return known
    .map((e) => ({ e, m: actions(e, today).filter((a) => a.date >= from && a.date <= to) }))
    .filter((x) => x.m.length > 0)
    .map((x) => view(x.e, today, x.m));
}

/** The answer's content after `status`: `result/employment*`, unqualified, CommonV3 style. */
export function employmentsXml(list: readonly EmploymentView[]): string {
  const w = new XmlWriter().open('result');
  for (const e of list) {
    w.open('employment');
    w.open('employer').leaf('cbeNumber', e.employer.cbeNumber).leaf('name', e.employer.name).close();
    w.open('period').leaf('beginDate', e.period.beginDate).optionalLeaf('endDate', e.period.endDate).close();
    w.leaf('jointCommittee', e.jointCommittee)
      .leaf('workerType', e.workerType)
      .leaf('workerCategory', e.workerCategory)
      .leaf('dimonaId', e.dimonaId)
      .leaf('lastDimonaAction', e.lastDimonaAction);
    for (const m of e.mutations) w.open('mutation').leaf('action', m.action).leaf('date', m.date).close();
    w.close();
  }
  return w.close().toString();
}
