import { indexOf } from '../../../scenarios/engine/as-of.ts';
import { dayBefore, lastOfMonth, maxDate, minDate } from '../../../scenarios/engine/dates.ts';
import { municipalityByNis } from '../../../scenarios/engine/geo/municipalities.ts';
import type { ChildBenefit, IsoDate, Person, World } from '../../../scenarios/engine/model.ts';
import { XmlWriter } from '../../src/ksz/xml/writer.ts';
import type { AuthenticSource, ChildBenefitsRequest } from './request.ts';

/** The day each region's own child-benefit system took over from the federal one (FAMIFED). */
const REGIONAL_FROM: Record<Exclude<AuthenticSource, 'FEDERAL'>, IsoDate> = {
  FLANDERS: '2019-01-01',
  EASTBELGIUM: '2019-01-01',
  WALLONIA: '2020-01-01',
  BRUSSELS: '2020-01-01',
};

/** The nine municipalities of the German-speaking Community (NIS). */
const GERMAN_SPEAKING = new Set(['63001', '63012', '63013', '63023', '63040', '63048', '63061', '63067', '63087']);

interface PersonRef {
  ssin: string;
  lastName: string;
  firstName: string;
}

export interface ChildBenefitFile {
  authenticSource: AuthenticSource;
  fund: string;
  /** The asked person's role in the file. */
  role: 'ALLOCATED' | 'BENEFICIARY_CHILD';
  /** Who receives the benefit: the head of the child's household. */
  allocated: PersonRef;
  beneficiaryChild: PersonRef & { birthDate: IsoDate };
  /** endMonth only once the right has ended. */
  period: { beginMonth: string; endMonth: string | null };
  monthlyAmount: number;
}

const ref = (p: Person | undefined, insz: string): PersonRef => ({
  ssin: insz,
  lastName: p?.familyName ?? '',
  firstName: p?.givenName ?? '',
});

/** The regional source of a child, by the municipality where the engine placed its benefit (its first address). */
function regionalSource(child: Person | undefined): Exclude<AuthenticSource, 'FEDERAL'> {
  const nis = child?.addresses[0]?.nis ?? '';
  if (GERMAN_SPEAKING.has(nis)) return 'EASTBELGIUM';
  const region = municipalityByNis(nis)?.region;
  return region === 'wallonia' ? 'WALLONIA' : region === 'brussels' ? 'BRUSSELS' : 'FLANDERS';
}

const byChild = new WeakMap<World, Map<string, { payee: Person; benefit: ChildBenefit }[]>>();

/** Child INSZ → the benefits drawn for that child and who draws them (built once per world). */
function benefitsOfChild(world: World, insz: string): { payee: Person; benefit: ChildBenefit }[] {
  let idx = byChild.get(world);
  if (!idx) {
    idx = new Map();
    for (const payee of world.persons)
      for (const benefit of payee.childBenefits) {
        const list = idx.get(benefit.child) ?? [];
        list.push({ payee, benefit });
        idx.set(benefit.child, list);
      }
    byChild.set(world, idx);
  }
  return idx.get(insz) ?? [];
}

/**
 * The child-benefit files of a person, as payee (ALLOCATED) or as the child (BENEFICIARY_CHILD), in the asked
 * sources and months: a right is the federal source's (FAMIFED) before its region took over and the region's
 * after, so one right can be two files. Files starting after today are not known yet.
 *
 * @example
 * childBenefitFiles(world, father, { …, authenticSources: ['FLANDERS'] }, '2025-06-30').length; // 3
 */
export function childBenefitFiles(
  world: World,
  person: Person,
  r: ChildBenefitsRequest,
  today: IsoDate,
): ChildBenefitFile[] {
  const persons = indexOf(world).persons;
  const from = `${r.period.beginMonth}-01`;
  const to = lastOfMonth(`${r.period.endMonth}-01`);
  const rights = [
    ...person.childBenefits.map((benefit) => ({ payee: person, benefit, role: 'ALLOCATED' as const })),
    ...benefitsOfChild(world, person.insz).map((x) => ({ ...x, role: 'BENEFICIARY_CHILD' as const })),
  ];
  const files: ChildBenefitFile[] = [];
  for (const { payee, benefit, role } of rights) {
    const child = persons.get(benefit.child);
    const region = regionalSource(child);
    const switchAt = REGIONAL_FROM[region];
    const parts: { source: AuthenticSource; from: IsoDate; to: IsoDate | null }[] = [];
    if (benefit.from < switchAt)
      parts.push({
        source: 'FEDERAL',
        from: benefit.from,
        to: benefit.to === null ? dayBefore(switchAt) : minDate(benefit.to, dayBefore(switchAt)),
      });
    if (benefit.to === null || benefit.to >= switchAt)
      parts.push({ source: region, from: maxDate(benefit.from, switchAt), to: benefit.to });
    for (const part of parts) {
      if (!r.authenticSources.includes(part.source) || part.from > today) continue;
      if (part.from > to || (part.to !== null && part.to < from)) continue;
      files.push({
        authenticSource: part.source,
        fund: benefit.fund,
        role,
        allocated: ref(payee, payee.insz),
        beneficiaryChild: { ...ref(child, benefit.child), birthDate: child?.birthDate ?? '' },
        period: {
          beginMonth: part.from.slice(0, 7),
          endMonth: part.to !== null && part.to < today ? part.to.slice(0, 7) : null,
        },
        monthlyAmount: benefit.monthlyCents,
      });
    }
  }
  return files.sort(
    (a, b) =>
      a.period.beginMonth.localeCompare(b.period.beginMonth) ||
      a.beneficiaryChild.ssin.localeCompare(b.beneficiaryChild.ssin),
  );
}

/** `result` after `status`: one `file` per right and source (unqualified elements, modelled). */
export function childBenefitsXml(files: ChildBenefitFile[]): string {
  const w = new XmlWriter();
  const person = (name: string, p: PersonRef, birthDate?: string) => {
    w.open(name).leaf('ssin', p.ssin).leaf('lastName', p.lastName).leaf('firstName', p.firstName);
    w.optionalLeaf('birthDate', birthDate).close();
  };
  w.open('result');
  for (const f of files) {
    w.open('file').leaf('authenticSource', f.authenticSource).leaf('fund', f.fund).leaf('role', f.role);
    person('allocated', f.allocated);
    person('beneficiaryChild', f.beneficiaryChild, f.beneficiaryChild.birthDate);
    w.open('period').leaf('beginMonth', f.period.beginMonth).optionalLeaf('endMonth', f.period.endMonth).close();
    w.leaf('monthlyAmount', f.monthlyAmount).close();
  }
  return w.close().toString();
}
