import type { IsoDate, LedEvidence, Person } from '../../../scenarios/engine/model.ts';
import { XmlWriter } from '../../src/ksz/xml/writer.ts';
import { type Identity, identityOf, identityXml } from '../_shared/identity.ts';

/** The person's evidence in the LED as it stood on `asOf`. */
export interface LedView {
  asOf: IsoDate;
  person: Identity;
  evidence: {
    id: string;
    kind: LedEvidence['kind'];
    title: string;
    level: string | null;
    institution: string;
    issuedOn: IsoDate;
    source: LedEvidence['source'];
    verified: boolean;
  }[];
}

/**
 * The diplomas, certificates and experience evidence issued on or before `asOf`, oldest first; null when there is
 * none.
 *
 * @example
 * ledView(person, '2021-01-01')?.evidence.length; // 3 (the later certificate and experience not yet issued)
 */
export function ledView(person: Person, asOf: IsoDate): LedView | null {
  const evidence = person.led
    .filter((e) => e.issuedOn <= asOf)
    .sort((a, b) => a.issuedOn.localeCompare(b.issuedOn) || a.id.localeCompare(b.id))
    .map((e) => ({
      id: e.id,
      kind: e.kind,
      title: e.title,
      level: e.level ?? null,
      institution: e.institution,
      issuedOn: e.issuedOn,
      source: e.source,
      verified: e.verified,
    }));
  if (evidence.length === 0) return null;
  return {
    asOf,
    person: identityOf(person),
    evidence,
  };
}

/** The answer's content after `status`: unqualified elements in the style of the CommonV3 services. */
export function ledXml(v: LedView): string {
  const w = new XmlWriter();
  w.open('learningAndExperienceEvidence').leaf('referenceDate', v.asOf);
  identityXml(w, 'person', v.person);
  for (const e of v.evidence)
    w.open('evidence')
      .leaf('id', e.id)
      .leaf('kind', e.kind)
      .leaf('title', e.title)
      .optionalLeaf('level', e.level)
      .leaf('institution', e.institution)
      .leaf('issueDate', e.issuedOn)
      .leaf('source', e.source)
      .leaf('verified', String(e.verified))
      .close();
  return w.close().toString();
}
