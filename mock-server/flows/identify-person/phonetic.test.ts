import { describe, expect, it } from 'vitest';
import type { Person } from '../../../scenarios/engine/model.ts';
import { FOREIGN_NATIONALITIES } from '../../../scenarios/engine/names.ts';
import { birthRange, dateDistance, firstNameKey, phoneticKey, rangesMeet } from './phonetic.ts';
import { CIVIL_STATE_CODES, COUNTRIES, civilStateOn, genderCode, legalAddressOn } from './rr.ts';

describe('phoneticKey', () => {
  it.each([
    ['Peeters', 'Pieters', 'Peters'],
    ['Claes', 'Claeys', 'Claus'],
    ['Janssens', 'Jansens', 'JANSSENS'],
    ['Hendrickx', 'Hendriks', 'Hendrix'],
    ['Dupont', 'Dupond', 'du Pont'],
    ['Meyer', 'Meijer', 'Meier'],
    ['Van den Berghe', 'Vandenberg', 'van den Berg'],
    ['Declerck', 'Declercq', 'De Clercq'],
    ['Goossens', 'Gossens', 'Goosens'],
    ['Thijs', 'Tijs', 'Thys'],
    ['Müller', 'Muller', 'MULLER'],
    ['Popescu', 'Popesco', 'Popeskou'],
  ])('gives %s, %s and %s the same key', (a, b, c) => {
    expect(phoneticKey(b)).toBe(phoneticKey(a));
    expect(phoneticKey(c)).toBe(phoneticKey(a));
  });

  it.each([
    ['Peeters', 'Maes'],
    ['Janssens', 'Jacobs'],
    ['Dubois', 'Lambert'],
    ['Willems', 'Wouters'],
  ])('keeps %s and %s apart', (a, b) => {
    expect(phoneticKey(a)).not.toBe(phoneticKey(b));
  });

  it('never returns an empty key for a name with letters, and an empty one for none', () => {
    expect(phoneticKey('Ee')).toBe('*');
    expect(phoneticKey(' - ')).toBe('');
  });

  it('keys a first name on its first word', () => {
    expect(firstNameKey('Jean-Pierre')).toBe(phoneticKey('Jean'));
    expect(firstNameKey('MAX MORITZ')).toBe(phoneticKey('Max'));
  });
});

describe('birth date ranges', () => {
  it('reads the tolerance in days, months or years by the format of the date', () => {
    expect(birthRange('1982-06-04', 3)).toEqual({ from: '1982-06-01', to: '1982-06-07' });
    expect(birthRange('1982-06-00', 0)).toEqual({ from: '1982-06-01', to: '1982-06-30' });
    expect(birthRange('1982-01-00', 2)).toEqual({ from: '1981-11-01', to: '1982-03-31' });
    expect(birthRange('1982-00-00', 0)).toEqual({ from: '1982-01-01', to: '1982-12-31' });
    expect(birthRange('1982-00-00', 2)).toEqual({ from: '1980-01-01', to: '1984-12-31' });
  });

  it('meets when the ranges share a day', () => {
    expect(rangesMeet(birthRange('1994-06-00'), birthRange('1994-06-30'))).toBe(true);
    expect(rangesMeet(birthRange('1994-06-00'), birthRange('1994-07-01'))).toBe(false);
    expect(rangesMeet(birthRange('1994-06-00'), birthRange('1994-07-01', 1))).toBe(true);
  });

  it('measures the distance between incomplete dates from their first day', () => {
    expect(dateDistance('1994-06-00', '1994-06-03')).toBe(2);
    expect(dateDistance('1994-00-00', '1993-12-31')).toBe(1);
  });
});

const person = (p: Partial<Person>): Person =>
  ({
    insz: '82060482345',
    kind: 'rr',
    sex: 'M',
    birthDate: '1982-06-04',
    civilStates: [],
    addresses: [],
    ...p,
  }) as Person;

describe('Rijksregister codes', () => {
  it('maps the civil states of the world, a legal cohabitation keeping the state before it', () => {
    const p = person({
      civilStates: [
        { from: '1982-06-04', to: '2005-04-01', state: 'single' },
        { from: '2005-04-02', to: '2010-01-01', state: 'married', partner: '85111455415' },
        { from: '2010-01-02', to: '2015-01-01', state: 'divorced' },
        { from: '2015-01-02', to: null, state: 'legal-cohabitation', partner: '85111455415' },
      ],
    });
    expect(civilStateOn(p, '2000-01-01')).toEqual({ code: 10, since: '1982-06-04' });
    expect(civilStateOn(p, '2006-01-01')).toEqual({ code: 20, since: '2005-04-02', partner: '85111455415' });
    expect(civilStateOn(p, '2012-01-01')).toEqual({ code: 40, since: '2010-01-02' });
    expect(civilStateOn(p, '2020-01-01')).toEqual({ code: 40, since: '2010-01-02' });
    expect(
      civilStateOn(
        person({ civilStates: [{ from: '2000-01-01', to: null, state: 'legal-cohabitation' }] }),
        '2020-01-01',
      ),
    ).toEqual({ code: 10, since: '2000-01-01' });
  });

  it('uses only codes of the SSDN civil-state list', () => {
    const allowed = [10, 20, 25, 26, 30, 40, 41, 50, 51, 60];
    for (const c of Object.values(CIVIL_STATE_CODES)) expect(allowed).toContain(c.code);
  });

  it('reads the gender from the number: 0 for a BIS number given without sex', () => {
    expect(genderCode(person({ insz: '82060482345' }))).toBe(1);
    expect(genderCode(person({ insz: '85111455415', sex: 'F' }))).toBe(2);
    expect(genderCode(person({ insz: '94260089401', kind: 'bis' }))).toBe(0);
  });

  it('keeps the last address of a deceased person', () => {
    const address = {
      nis: '44021',
      postcode: '9000',
      municipality: { nl: 'Gent', fr: 'Gand' },
      street: 'Oefenstraat',
      houseNumber: '1',
      kind: 'main' as const,
    };
    const p = person({ deathDate: '2020-05-01', addresses: [{ ...address, from: '2000-01-01', to: '2020-05-01' }] });
    expect(legalAddressOn(p, '2025-06-30')?.street).toBe('Oefenstraat');
  });

  it('knows every nationality the world draws', () => {
    for (const iso of ['BE', ...FOREIGN_NATIONALITIES]) expect(COUNTRIES.map((c) => c.iso)).toContain(iso);
  });

  it('has one NIS code per country, all five digits at most, and labels the unverified ones', () => {
    expect(new Set(COUNTRIES.map((c) => c.code)).size).toBe(COUNTRIES.length);
    for (const c of COUNTRIES) expect(c.code).toBeLessThanOrEqual(99999);
    expect(COUNTRIES.find((c) => c.iso === 'BE')).toMatchObject({ code: 150, basis: 'observed' });
    expect(
      COUNTRIES.filter((c) => c.basis === 'modelled')
        .map((c) => c.iso)
        .sort(),
    ).toEqual(['AF', 'CD', 'ER', 'MA', 'PL', 'RO', 'SY', 'TR']);
  });
});
