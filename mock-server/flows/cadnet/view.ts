import { indexOf } from '../../../scenarios/engine/as-of.ts';
import { covers } from '../../../scenarios/engine/dates.ts';
import { municipalityByNis } from '../../../scenarios/engine/geo/municipalities.ts';
import type { IsoDate, Person, World } from '../../../scenarios/engine/model.ts';
import { XmlWriter } from '../../src/ksz/xml/writer.ts';
import { type Identity, identityOf, identityXml } from '../_shared/identity.ts';
import { type CadnetRequest, NATURES } from './request.ts';

export type CadnetOutcome =
  | 'PERSON_WITH_PROPERTIES_AND_PARTNER'
  | 'PERSON_WITHOUT_PARTNER_WITH_PROPERTIES'
  | 'PERSON_WITH_PARTNER_WITHOUT_PROPERTIES'
  | 'PERSON_WITHOUT_PARTNER_AND_PROPERTIES';

export interface CadnetProperty {
  parcelId: string;
  location: { nis: string; municipality: string; postalCode: string | null };
  description: string;
  /** Yearly cadastral income of the whole parcel, eurocent. */
  cadastralIncome: number;
  /** The person's share, e.g. `1/2`. */
  share: string;
  period: { beginDate: IsoDate };
}

export interface CadnetBusinessData {
  person: Identity;
  naturePerson: { code: string; description: string };
  partner: Identity | null;
  properties: CadnetProperty[];
}

/** Does the FPS Finance know the person by `today`: an assessment sent, or a parcel owned? */
export const knownAtFodFin = (p: Person, today: IsoDate): boolean =>
  p.taxes.some((t) => t.assessmentDate <= today) || p.property.some((x) => x.period.from <= today);

/**
 * The cadastral situation on `today`: the parcels the person owns (a share of), and the spouse or legal cohabitant.
 *
 * @example
 * cadnetData(world, owner, { naturePerson: '1', language: 'NL', … }, '2025-06-30').properties.length; // 2
 */
export function cadnetData(world: World, person: Person, r: CadnetRequest, today: IsoDate): CadnetBusinessData {
  const lang = r.language === 'FR' ? 'fr' : 'nl';
  const civil = person.civilStates.find((c) => covers(c, today));
  const partnerInsz =
    civil && (civil.state === 'married' || civil.state === 'legal-cohabitation') ? civil.partner : undefined;
  const partner = partnerInsz ? indexOf(world).persons.get(partnerInsz) : undefined;
  return {
    person: identityOf(person),
    naturePerson: { code: r.naturePerson, description: NATURES[r.naturePerson]?.[lang] ?? '' },
    partner: partner ? identityOf(partner) : null,
    properties: person.property
      .filter((x) => covers(x.period, today))
      .map((x) => {
        const m = municipalityByNis(x.nis);
        return {
          parcelId: x.id,
          location: { nis: x.nis, municipality: m?.[lang] ?? '', postalCode: m?.postcode ?? null },
          description: x.description,
          cadastralIncome: x.cadastralIncomeCents,
          share: x.share,
          period: { beginDate: x.period.from },
        };
      }),
  };
}

/** Cadnet's textual status for the data found. */
export function outcomeOf(d: CadnetBusinessData): CadnetOutcome {
  const owns = d.properties.length > 0;
  if (d.partner) return owns ? 'PERSON_WITH_PROPERTIES_AND_PARTNER' : 'PERSON_WITH_PARTNER_WITHOUT_PROPERTIES';
  return owns ? 'PERSON_WITHOUT_PARTNER_WITH_PROPERTIES' : 'PERSON_WITHOUT_PARTNER_AND_PROPERTIES';
}

/** `businessData` after `status` (unqualified elements, modelled). */
export function cadnetXml(d: CadnetBusinessData): string {
  const w = new XmlWriter();
  w.open('businessData');
  identityXml(w, 'person', d.person);
  w.open('naturePerson').leaf('code', d.naturePerson.code).leaf('description', d.naturePerson.description).close();
  if (d.partner) identityXml(w, 'partner', d.partner);
  for (const p of d.properties) {
    w.open('property').leaf('parcelId', p.parcelId);
    w.open('location')
      .leaf('nis', p.location.nis)
      .leaf('municipality', p.location.municipality)
      .optionalLeaf('postalCode', p.location.postalCode)
      .close();
    w.leaf('description', p.description).leaf('cadastralIncome', p.cadastralIncome).leaf('share', p.share);
    w.open('period').leaf('beginDate', p.period.beginDate).close().close();
  }
  return w.close().toString();
}
