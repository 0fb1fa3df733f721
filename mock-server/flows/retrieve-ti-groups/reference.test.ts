import { beforeAll, expect, it } from 'vitest';
import type { World } from '../../../scenarios/engine/model.ts';
import { buildWorld } from '../../../scenarios/engine/world.ts';
import { validateWithOurs } from '../../../test/reference/ours.ts';
import { describeWithReference, validateWithReference } from '../../../test/reference/validate.ts';
import { kszStatus } from '../../src/ksz/flows/status.ts';
import { ask, ctxFor, makePerson, soapResponse, worldOf } from './testing.ts';

const TODAY = '2025-06-30';
const VALID = { valid: true, errors: [] };

/** The complete SOAP response for `ssin`, checked against the KSZ's schemas (xm25 for the Tx25 part) and ours. */
function expectValid(
  world: World,
  ssin: string,
  history: boolean,
  language: 'nl' | 'fr' | 'de' = 'nl',
  date = TODAY,
  ours = true,
) {
  const ctx = ctxFor(world, date);
  const { req, answer } = ask(ctx, ssin, history, language);
  const xml = soapResponse(ctx, req, answer);
  expect(validateWithReference(xml, 'retrieveTI-v2-response'), `${ssin} history=${history}`).toEqual(VALID);
  if (ours) expect(validateWithOurs(xml, 'retrieveTI-v2-response'), `${ssin} (ours)`).toEqual(VALID);
  return { xml, answer };
}

describeWithReference('RetrieveTIGroups v2 responses against the KSZ reference schemas', () => {
  let world: World;
  beforeAll(() => {
    world = buildWorld({ preset: 'small', seed: 1 });
  });

  it('a living person with a household (IT140 with spouse and children) validates', () => {
    const { xml, answer } = expectValid(world, '82060482345', false);
    expect(answer.status.code).toBe('MSG00000');
    expect(xml).toContain('<r:FamilyMembers xmlns:r="http://www.ibz.rrn.fgov.be/XSD/xm25/rn25Schema">');
  });

  it('a member of a household (IT141) validates, in French and German', () => {
    expectValid(world, '85111455415', false, 'fr');
    expectValid(world, '15052056686', true, 'de');
  });

  it('a deceased person (IT150) validates', () => {
    const { xml } = expectValid(world, '46082737135', false);
    expect(xml).toContain('<r:Deceases xmlns:r=');
  });

  it('history=true validates: addresses with a reference address (IT024), civil states, household over time', () => {
    const { xml } = expectValid(world, '88033195482', true, 'fr');
    expect(xml).toContain('<r:AddressReferences xmlns:r=');
    expect(xml).toContain('<r:DelDate>');
    expectValid(world, '48052117049', true);
  });

  it('legal cohabitation (IT123) validates', () => {
    const { xml } = expectValid(world, '73022460330', true, 'de');
    expect(xml).toContain('<r:LegalCohabitations xmlns:r=');
  });

  it('a NO_DATA_FOUND answer (BIS number) validates, without rrn_it_implicit', () => {
    const { xml } = expectValid(world, '99512185380', false);
    expect(xml).not.toContain('rrn_it_implicit');
  });

  it('a refusal status response (MSG00012, no payload) validates', () => {
    const ctx = ctxFor(world, TODAY);
    const req = { ssin: '73022460330', language: 'nl' as const, history: false };
    const status = kszStatus('MSG00012', [
      { fieldName: 'details', fieldValue: 'no integration covering the requested date or period' },
      { fieldName: 'ssin', fieldValue: req.ssin },
      { fieldName: 'cbeNumber', fieldValue: ctx.organisation.kbo },
    ]);
    const xml = soapResponse(ctx, req, { status });
    expect(xml).not.toContain('rrn_it_implicit');
    expect(validateWithReference(xml, 'retrieveTI-v2-response')).toEqual(VALID);
    expect(validateWithOurs(xml, 'retrieveTI-v2-response')).toEqual(VALID);
  });

  it('every named-scenario person validates with history, now and in 2012 (the reference schemas only)', () => {
    let checked = 0;
    for (const p of world.persons.filter((x) => !x.origin.startsWith('background'))) {
      for (const date of [TODAY, '2012-01-01']) {
        expectValid(world, p.insz, true, 'nl', date, false);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('struck off, an address abroad, a box, a birth abroad and a cessation by marriage validate', () => {
    const m = { nl: 'Gent', fr: 'Gand' };
    const head = makePerson({
      birthDate: '1980-02-02',
      sex: 'M',
      birthPlace: 'MA',
      nationality: 'MA',
      addresses: [
        {
          from: '2005-01-01',
          to: '2009-12-31',
          nis: '44021',
          postcode: '9000',
          municipality: m,
          street: 'Kouter',
          houseNumber: '5',
          box: 'B',
          kind: 'main',
        },
        {
          from: '2010-03-01',
          to: '2011-12-31',
          nis: '',
          postcode: '',
          municipality: { nl: '', fr: '' },
          street: '',
          houseNumber: '',
          kind: 'main',
          country: 'NL',
        },
        {
          from: '2012-01-01',
          to: '2024-12-31',
          nis: '44021',
          postcode: '9000',
          municipality: m,
          street: 'Kouter',
          houseNumber: '7',
          kind: 'main',
        },
      ],
      households: [{ householdId: 'T-1', role: 'head', from: '2005-01-01', to: null }],
    });
    const partner = makePerson({
      birthDate: '1982-03-03',
      sex: 'F',
      households: [{ householdId: 'T-1', role: 'partner', from: '2012-01-01', to: null }],
    });
    head.civilStates = [
      { from: '1980-02-02', to: '2011-12-31', state: 'single' },
      { from: '2012-01-01', to: '2013-05-04', state: 'legal-cohabitation', partner: partner.insz },
      { from: '2013-05-05', to: null, state: 'married', partner: partner.insz },
    ];
    const w = worldOf([head, partner], world);
    const { xml } = expectValid(w, head.insz, true);
    for (const it of ['Type="022"', '<r:Code>99991</r:Code>', '<r:Box>   B</r:Box>', '<r:Cessation>', '<r:Place2>'])
      expect(xml).toContain(it);
    expectValid(w, head.insz, false, 'fr');
  });
});
