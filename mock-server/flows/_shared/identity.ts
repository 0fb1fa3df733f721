import type { IsoDate, Person } from '../../../scenarios/engine/model.ts';
import type { XmlWriter } from '../../src/ksz/xml/writer.ts';

/** A person as the new-style answers name them: INSZ, names and birth date. */
export interface Identity {
  ssin: string;
  lastName: string;
  firstName: string;
  birthDate: IsoDate;
}

export const identityOf = (p: Person): Identity => ({
  ssin: p.insz,
  lastName: p.familyName,
  firstName: p.givenName,
  birthDate: p.birthDate,
});

/** `<name>` with the unqualified `ssin`, `lastName`, `firstName` and `birthDate` of an identity. */
export const identityXml = (w: XmlWriter, name: string, p: Identity): XmlWriter =>
  w
    .open(name)
    .leaf('ssin', p.ssin)
    .leaf('lastName', p.lastName)
    .leaf('firstName', p.firstName)
    .leaf('birthDate', p.birthDate)
    .close();
