import { asOf, indexOf } from '../../../scenarios/engine/as-of.ts';
import { covers, yearOf } from '../../../scenarios/engine/dates.ts';
import type { IsoDate, Person, TaxAssessment, World } from '../../../scenarios/engine/model.ts';
import { XmlWriter } from '../../src/ksz/xml/writer.ts';
import type { TaxAssessmentRequest } from './request.ts';

interface PersonRef {
  ssin: string;
  lastName: string;
  firstName: string;
}

export interface TaxAssessmentView {
  taxpayer: PersonRef;
  incomeYear: number;
  /** The tax year (aanslagjaar): the income year + 1. */
  assessmentYear: number;
  assessmentDate: IsoDate;
  globalTaxableIncome?: number;
  distinctlyTaxableIncome?: number;
  /** Children in the taxpayer's household on 1 January of the assessment year. */
  dependentChildren?: { total?: number; withHandicap: number };
  /** Joint assessment: the spouse or legal cohabitant on 1 January of the assessment year. */
  fiscalFamily?: { partner: PersonRef | null; partnerGlobalTaxableIncome: number | null; globalTaxableIncome: number };
}

const ref = (p: Person): PersonRef => ({ ssin: p.insz, lastName: p.familyName, firstName: p.givenName });
const knownBy = (p: Person, today: IsoDate) => p.taxes.filter((t) => t.assessmentDate <= today);

/**
 * The assessment the request designates among those sent out by today: the asked income year, the most recent of
 * the last three income years (MOST_RECENT), or the most recent of all (MOST_RECENT_UNLIMITED); null when none.
 *
 * @example
 * pickAssessment(pensioner, { year: 2024 }, '2025-06-30'); // null: assessed on 2025-07-26
 */
export function pickAssessment(
  person: Person,
  referenceYear: TaxAssessmentRequest['referenceYear'],
  today: IsoDate,
): TaxAssessment | null {
  const known = knownBy(person, today);
  if ('year' in referenceYear) return known.find((t) => t.incomeYear === referenceYear.year) ?? null;
  const floor = referenceYear.derivedYear === 'MOST_RECENT' ? yearOf(today) - 3 : 0;
  return known.filter((t) => t.incomeYear >= floor).sort((a, b) => b.incomeYear - a.incomeYear)[0] ?? null;
}

/** The answer for one assessment, with the fields the elements and groups select (GLOBAL_TAXABLE_INCOME when none). */
export function taxAssessmentView(
  world: World,
  person: Person,
  t: TaxAssessment,
  r: TaxAssessmentRequest,
  today: IsoDate,
): TaxAssessmentView {
  const has = (x: string) => (r.elements as string[]).includes(x) || (r.groups as string[]).includes(x);
  const nothing = r.elements.length === 0 && r.groups.length === 0;
  const view: TaxAssessmentView = {
    taxpayer: ref(person),
    incomeYear: t.incomeYear,
    assessmentYear: t.incomeYear + 1,
    assessmentDate: t.assessmentDate,
  };
  if (nothing || has('GLOBAL_TAXABLE_INCOME') || has('TAXABLE_INCOME') || has('MOST_RECENT'))
    view.globalTaxableIncome = t.taxableIncomeCents;
  if (has('DISTINCTLY_TAXABLE_INCOME')) view.distinctlyTaxableIncome = 0;
  const situationOn = `${t.incomeYear + 1}-01-01`;
  if (has('CHILDREN_DEPENDENT') || has('CHILDREN_DEPENDENT_HANDICAP')) {
    const persons = indexOf(world).persons;
    const home = asOf(world, situationOn).person(person.insz)?.household;
    const children =
      home && home.role !== 'child'
        ? home.members.filter((m) => m.role === 'child').map((m) => persons.get(m.insz))
        : [];
    const withHandicap = children.filter((c) => c?.handicap.some((h) => covers(h, situationOn))).length;
    view.dependentChildren = has('CHILDREN_DEPENDENT') ? { total: children.length, withHandicap } : { withHandicap };
  }
  if (has('GLOBAL_TAXABLE_INCOME_FISCAL_FAMILY')) {
    const civil = person.civilStates.find((c) => covers(c, situationOn));
    const joint =
      civil && (civil.state === 'married' || civil.state === 'legal-cohabitation') ? civil.partner : undefined;
    const partner = joint ? indexOf(world).persons.get(joint) : undefined;
    const theirs = partner ? knownBy(partner, today).find((x) => x.incomeYear === t.incomeYear) : undefined;
    view.fiscalFamily = {
      partner: partner ? ref(partner) : null,
      partnerGlobalTaxableIncome: theirs?.taxableIncomeCents ?? null,
      globalTaxableIncome: t.taxableIncomeCents + (theirs?.taxableIncomeCents ?? 0),
    };
  }
  return view;
}

/** `taxAssessmentData` after `status` (unqualified elements, modelled). */
export function taxAssessmentXml(v: TaxAssessmentView): string {
  const w = new XmlWriter();
  const person = (name: string, p: PersonRef) =>
    w.open(name).leaf('ssin', p.ssin).leaf('lastName', p.lastName).leaf('firstName', p.firstName).close();
  w.open('taxAssessmentData');
  person('taxpayer', v.taxpayer);
  w.leaf('incomeYear', v.incomeYear).leaf('assessmentYear', v.assessmentYear).leaf('assessmentDate', v.assessmentDate);
  w.optionalLeaf('globalTaxableIncome', v.globalTaxableIncome).optionalLeaf(
    'distinctlyTaxableIncome',
    v.distinctlyTaxableIncome,
  );
  if (v.dependentChildren)
    w.open('dependentChildren')
      .optionalLeaf('total', v.dependentChildren.total)
      .leaf('withHandicap', v.dependentChildren.withHandicap)
      .close();
  if (v.fiscalFamily) {
    w.open('fiscalFamily');
    if (v.fiscalFamily.partner) person('partner', v.fiscalFamily.partner);
    w.optionalLeaf('partnerGlobalTaxableIncome', v.fiscalFamily.partnerGlobalTaxableIncome)
      .leaf('globalTaxableIncome', v.fiscalFamily.globalTaxableIncome)
      .close();
  }
  return w.close().toString();
}
