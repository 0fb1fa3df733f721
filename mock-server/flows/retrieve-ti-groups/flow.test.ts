import { beforeAll, describe, expect, it } from 'vitest';
import { asOf } from '../../../scenarios/engine/as-of.ts';
import type { World } from '../../../scenarios/engine/model.ts';
import { buildWorld } from '../../../scenarios/engine/world.ts';
import { requestError } from '../../../test/support/flows.ts';
import { sampleRetrieveTiRequest } from '../../src/ksz/soa/examples.ts';
import { RETRIEVE_TI_GROUPS_V2 } from '../../src/ksz/soa/namespaces.ts';
import { parseSoaRequest } from '../../src/ksz/soa/parse-request.ts';
import { knownCountry } from './codes.ts';
import flow, { fromJson, fromXml, recordJson } from './flow.ts';
import { buildRecord, type Tx25Record } from './record.ts';
import { itCodes, rrnItImplicit } from './rn25.ts';
import { ask, ctxFor, makePerson, op, worldOf } from './testing.ts';

const TODAY = '2025-06-30';

/** The operation element of a RetrieveTIGroups v2 request whose searchInformation is `search`. */
function opElement(search: string) {
  const xml = sampleRetrieveTiRequest().replace(/<searchInformation>[\s\S]*<\/searchInformation>/, search);
  const r = parseSoaRequest(xml, { ns: RETRIEVE_TI_GROUPS_V2.ns, element: RETRIEVE_TI_GROUPS_V2.request });
  if (!r.ok) throw new Error(r.error.message);
  return r.request.request;
}

function found(world: World, insz: string, history = false, date = TODAY): Tx25Record {
  const r = buildRecord(world, insz, { asOf: date, history, language: 'nl' });
  if (!r.found) throw new Error(`${insz}: ${r.reason}`);
  return r.record;
}

describe('fromXml', () => {
  it('reads ssin, language and history', () => {
    const el = opElement(
      '<searchInformation><ssin>82060482345</ssin><language>de</language><history>true</history></searchInformation>',
    );
    expect(fromXml(el)).toEqual({ ssin: '82060482345', language: 'de', history: true });
  });

  it('applies the schema defaults: language fr, history false; accepts 1/0 booleans', () => {
    expect(fromXml(opElement('<searchInformation><ssin>82060482345</ssin></searchInformation>'))).toEqual({
      ssin: '82060482345',
      language: 'fr',
      history: false,
    });
    const one = opElement('<searchInformation><ssin>82060482345</ssin><history>1</history></searchInformation>');
    expect(fromXml(one).history).toBe(true);
  });

  it.each([
    ['<searchInformation><ssin>8206048234</ssin></searchInformation>', 'ssin', /11 digits/],
    ['<searchInformation><ssin>8206048234A</ssin></searchInformation>', 'ssin', /11 digits/],
    [
      '<searchInformation><ssin>82060482345</ssin><language>NL</language></searchInformation>',
      'language',
      /lower case/,
    ],
    [
      '<searchInformation><ssin>82060482345</ssin><language>en</language></searchInformation>',
      'language',
      /nl, fr or de/,
    ],
    ['<searchInformation><ssin>82060482345</ssin><history>yes</history></searchInformation>', 'history', /xsd:boolean/],
    ['<searchInformation><language>nl</language></searchInformation>', 'ssin', /ssin/],
    ['<searchInformation><ssin>82060482345</ssin><extra/></searchInformation>', 'extra', /extra/],
    ['', 'searchInformation', /searchInformation/],
  ])('refuses %s with a RequestError naming %s', (search, field, message) => {
    const e = requestError(() => fromXml(opElement(search)));
    expect(e.field).toBe(field);
    expect(e.message).toMatch(message);
  });
});

describe('fromJson', () => {
  it('reads the request, language case-insensitively, with the same defaults', () => {
    expect(fromJson({ ssin: '82060482345', language: 'NL', history: true })).toEqual({
      ssin: '82060482345',
      language: 'nl',
      history: true,
    });
    expect(fromJson({ ssin: '82060482345' })).toEqual({ ssin: '82060482345', language: 'fr', history: false });
  });

  it.each([
    [{}, 'ssin'],
    [{ ssin: 82060482345 }, 'ssin'],
    [{ ssin: '820604-823-45' }, 'ssin'],
    [{ ssin: '82060482345', language: 'en' }, 'language'],
    [{ ssin: '82060482345', language: 1 }, 'language'],
    [{ ssin: '82060482345', history: 'true' }, 'history'],
  ])('refuses %j (field %s)', (body, field) => {
    expect(requestError(() => fromJson(body as Record<string, unknown>)).field).toBe(field);
  });
});

describe('handle() on the small world (seed 1)', () => {
  let world: World;
  beforeAll(() => {
    world = buildWorld({ preset: 'small', seed: 1 });
  });

  it('declares the flow as the catalogue and the SOAP face expect', () => {
    expect(flow.id).toBe('retrieve-ti-groups');
    expect(flow.soa?.operations.retrieveTI).toBe(RETRIEVE_TI_GROUPS_V2);
    expect(flow.legalContexts).toEqual(['PCSA:SOCIAL_INQUIRY']);
    expect(op.integration).toBe(true);
    expect(flow.answersDeceased).toBe(true);
    expect(op.subject({ ssin: '82060482345', language: 'nl', history: false })).toEqual({ insz: '82060482345' });
  });

  it('answers a head of household with the spouse (02) and the children (03) in IT140', () => {
    const { answer } = ask(ctxFor(world, TODAY), '82060482345');
    expect(answer.status).toEqual({
      value: 'DATA_FOUND',
      code: 'MSG00000',
      description: 'Treatment completed successfully.',
    });
    const r = answer.data!.record;
    expect(itCodes(r)).toEqual(['000', '001', '010', '020', '031', '100', '120', '140', '253', '254']);
    expect(r.identity).toMatchObject({ insz: '82060482345', lastName: 'de Ruiter', sex: 'M', birthDate: '1982-06-04' });
    expect(r.civilStates).toMatchObject([{ code: '20', label: 'Gehuwd', spouse: { insz: '85111455415' }, to: null }]);
    const roles = r.household.map((h) => [h.it, h.role.code, h.person?.insz, h.to]);
    expect(roles).toEqual(
      expect.arrayContaining([
        ['140', '02', '85111455415', null],
        ['140', '03', '08101246524', null],
        ['140', '03', '12030565480', null],
        ['140', '03', '19062142297', null],
      ]),
    );
    expect(roles).toHaveLength(4);
  });

  it('answers a member of a household with IT141: the role and the head', () => {
    const r = ask(ctxFor(world, TODAY), '85111455415', false, 'fr').answer.data!.record;
    expect(r.household).toMatchObject([
      { it: '141', role: { code: '02', label: 'Épouse' }, person: { insz: '82060482345' }, to: null },
    ]);
    const child = ask(ctxFor(world, TODAY), '08101246524', false, 'de').answer.data!.record;
    expect(child.household).toMatchObject([{ it: '141', role: { code: '03', label: 'Sohn' } }]);
  });

  it('shows a deceased person as at death, with IT150, and the widow as widowed (30)', () => {
    const r = ask(ctxFor(world, TODAY), '46082737135').answer.data!.record;
    expect(r.effective).toBe('2023-02-17');
    expect(r.death).toMatchObject({ date: '2023-02-17', place: { kind: 'municipality', nis: '46021' } });
    expect(itCodes(r)).toContain('150');
    expect(r.addresses).toMatchObject([{ street: { label: 'Meersstraat' }, to: null }]);
    expect(r.lastUpdate).toBe('2023-02-17');
    expect(recordJson(r)).toMatchObject({
      deathDate: '2023-02-17',
      deathPlace: { nis: '46021', name: 'Sint-Niklaas' },
    });
    const widow = found(world, '48052117049');
    expect(widow.civilStates).toMatchObject([{ code: '30', label: 'Weduwe', spouse: { insz: '46082737135' } }]);
    expect(widow.death).toBeUndefined();
    // The head died and she stayed: she is the reference person of the household now (alone).
    expect(widow.household).toMatchObject([{ it: '140', relation: 'lives-alone', from: '2023-02-18', to: null }]);
    expect(found(world, '48052117049', true).household.map((h) => [h.it, h.role.code, h.from, h.to])).toEqual([
      ['140', '01', '2023-02-18', null],
      ['141', '02', '1972-06-10', '2023-02-17'],
      ['140', '01', '1971-01-01', '1972-06-09'],
    ]);
  });

  it('gives the whole history newest first when asked, only what holds today otherwise', () => {
    const now = found(world, '88033195482');
    const all = found(world, '88033195482', true);
    expect(now.addresses).toHaveLength(1);
    expect(all.addresses.map((a) => [a.kind, a.from, a.to])).toEqual([
      ['main', '2024-06-03', null],
      ['reference', '2024-01-15', '2024-06-02'],
      ['main', '2010-09-01', '2024-01-14'],
    ]);
    expect(all.referenceAddresses).toEqual([{ from: '2024-01-15', to: '2024-06-02' }]);
    expect(now.referenceAddresses).toEqual([]);
    expect(all.civilStates.map((c) => c.code)).toEqual(['40', '20', '10']);
    expect(all.civilStates[0]?.spouse?.insz).toBe('84040391511');
    expect(now.civilStates.map((c) => c.code)).toEqual(['40']);
    expect(all.household.map((h) => [h.relation, h.role.code, h.from, h.to])).toEqual([
      ['lives-alone', '01', '2022-09-01', null],
      ['member-of-my-household', '03', '2015-05-20', '2022-08-31'],
      ['member-of-my-household', '02', '2013-06-15', '2020-01-14'],
      ['lives-alone', '01', '2010-09-01', '2013-06-14'],
    ]);
    expect(now.household.map((h) => h.relation)).toEqual(['lives-alone']);
    // IT254 does not depend on the history flag.
    expect(now.lastUpdate).toBe(all.lastUpdate);
    // As recorded: ended IT020 addresses carry no DelDate, ended household situations (IT140) do.
    const xml = rrnItImplicit(all);
    expect(xml).not.toMatch(/Type="020" Structure="A1"><r:Date>(?:(?!<\/r:Date>).)*<\/r:Date><r:DelDate>/);
    expect(xml).toMatch(/Type="140" Structure="B1"><r:Date>(?:(?!<\/r:Date>).)*<\/r:Date><r:DelDate>/);
  });

  it('shows legal cohabitation as IT123 and the cohabitant as "not related" (12); civil state stays 10', () => {
    const r = found(world, '73022460330', true);
    expect(r.legalCohabitations).toMatchObject([
      { kind: 'declaration', from: '2016-09-01', to: null, partner: { insz: '77062904862' } },
    ]);
    expect(r.civilStates.map((c) => c.code)).toEqual(['10']);
    expect(r.household.find((h) => h.person?.insz === '77062904862')?.role.code).toBe('12');
  });

  it('answers NO_DATA_FOUND (MSG00100) for a BIS number and before birth, MSG00005 for an unknown INSZ', () => {
    const bis = ask(ctxFor(world, TODAY), '99512185380').answer;
    expect(bis.status).toMatchObject({ value: 'NO_DATA_FOUND', code: 'MSG00100' });
    expect(bis.status.information?.[0]?.fieldValue).toMatch(/BIS number/);
    expect(bis.data).toBeUndefined();
    expect(ask(ctxFor(world, '2018-01-01'), '19062142297').answer.status.code).toBe('MSG00100');
    expect(ask(ctxFor(world, TODAY), '92070624603').answer.status.code).toBe('MSG00005');
  });

  it('renders JSON and the XML payload from the same record', () => {
    const ctx = ctxFor(world, TODAY);
    const { req, answer } = ask(ctx, '82060482345', true);
    const json = op.toJson(answer, ctx, req);
    expect(json).toMatchObject({
      searchInformation: { ssin: '82060482345', language: 'nl', history: true },
      person: { ssinFormatted: '820604 823-45', nationality: { code: '150', iso: 'BE' } },
      deathDate: null,
    });
    expect(json.addresses).toEqual([
      expect.objectContaining({ from: '2005-09-01', to: null, municipality: { nis: '44021', name: 'Gent' } }),
    ]);
    const xml = op.toXml?.(answer, ctx, req);
    expect(xml?.before).toBe(
      '<searchInformation><ssin>82060482345</ssin><language>nl</language><history>true</history></searchInformation>',
    );
    expect(xml?.after).toContain('<r:FamilyMember Type="140" Structure="B1">');
    const bisAnswer = ask(ctx, '99512185380');
    expect(op.toXml?.(bisAnswer.answer, ctx, bisAnswer.req)).toEqual({ before: expect.any(String) });
    expect(op.toJson(bisAnswer.answer, ctx, bisAnswer.req)).toEqual({
      searchInformation: { ssin: '99512185380', language: 'nl', history: false },
    });
  });

  it('agrees with the as-of view every identity flow reads (address, household, civil state), for everyone', () => {
    for (const date of [TODAY, '2012-01-01']) {
      const view = asOf(world, date);
      for (const p of world.persons) {
        const r = buildRecord(world, p.insz, { asOf: date, history: false, language: 'nl' });
        if (!r.found) continue;
        const on = view.person(p.insz)!;
        if (on.deceased) continue;
        const address = r.record.addresses[0];
        expect(address?.street.label, p.insz).toBe(on.address?.street);
        expect(address?.houseNumber, p.insz).toBe(on.address?.houseNumber);
        expect(address?.nis, p.insz).toBe(on.address?.nis);
        const others = (on.household?.members ?? []).filter((m) => m.insz !== p.insz);
        if (on.household?.role === 'head') {
          const listed = r.record.household.filter((h) => h.person).map((h) => h.person?.insz);
          expect(listed.sort(), p.insz).toEqual(others.map((m) => m.insz).sort());
        } else if (on.household) {
          const head = others.find((m) => m.role === 'head');
          // Without a head (the head died), the register names a successor: the partner, else the oldest member.
          if (head)
            expect(
              r.record.household.map((h) => h.person?.insz),
              p.insz,
            ).toEqual([head.insz]);
          else expect(r.record.household.length, p.insz).toBeGreaterThan(0);
        }
        const civil = r.record.civilStates[0];
        const expected = { single: '10', married: '20', separated: '20', widowed: '30', divorced: '40' } as const;
        if (on.civilState && on.civilState.state !== 'legal-cohabitation')
          expect(civil?.code, p.insz).toBe(expected[on.civilState.state]);
        expect(knownCountry(p.nationality), p.nationality).toBe(true);
      }
    }
  });

  it('is deterministic: the same world, date and request give the same bytes', () => {
    const a = rrnItImplicit(found(world, '88033195482', true));
    const b = rrnItImplicit(found(buildWorld({ preset: 'small', seed: 1 }), '88033195482', true));
    expect(a).toBe(b);
  });
});

describe('register facts the small world does not show (hand-made persons)', () => {
  let world: World;
  beforeAll(() => {
    world = buildWorld({ preset: 'small', seed: 1, households: 0 });
  });

  it('marks a gap in the addresses as struck off (99991) and an address abroad as IT001 country + IT022', () => {
    const m = { nl: 'Gent', fr: 'Gand' };
    const p = makePerson({
      birthDate: '1990-05-17',
      sex: 'F',
      birthPlace: 'MA',
      nationality: 'MA',
      addresses: [
        {
          from: '2010-01-01',
          to: '2014-12-31',
          nis: '44021',
          postcode: '9000',
          municipality: m,
          street: 'Kouter',
          houseNumber: '5',
          box: 'B',
          kind: 'main',
        },
        {
          from: '2016-03-01',
          to: '2019-12-31',
          nis: '',
          postcode: '',
          municipality: { nl: '', fr: '' },
          street: '',
          houseNumber: '',
          kind: 'main',
          country: 'NL',
        },
        {
          from: '2020-01-01',
          to: '2021-06-30',
          nis: '44021',
          postcode: '9000',
          municipality: m,
          street: 'Kouter',
          houseNumber: '7',
          kind: 'main',
        },
      ],
    });
    const w = worldOf([p], world);
    const r = found(w, p.insz, true);
    expect(r.residences.map((x) => [x.from, x.code])).toEqual([
      ['2021-07-01', '99991'],
      ['2020-01-01', '44021'],
      ['2016-03-01', '129'],
      ['2015-01-01', '99991'],
      ['2010-01-01', '44021'],
    ]);
    expect(r.abroad).toEqual([{ from: '2016-03-01', to: '2019-12-31', country: { code: '129', label: 'Nederland' } }]);
    expect(r.identity.birthPlace).toMatchObject({ kind: 'country', code: '354' });
    expect(r.createdOn).toBe('2010-01-01');
    const now = found(w, p.insz);
    expect(now.residences).toMatchObject([{ code: '99991', label: 'Ambtshalve schrapping' }]);
    expect(now.addresses).toEqual([]);
    const xml = rrnItImplicit(r);
    expect(xml).toContain('<r:Box>   B</r:Box>');
    expect(xml).toContain('<r:ResidenceAbroad xmlns:r=');
    expect(xml).toContain('<r:Place2><r:Country><r:Code>354</r:Code>');
  });

  it('names a successor when the head of a household dies: the partner, who then lists the child', () => {
    const head = makePerson({ birthDate: '1950-01-10', sex: 'M', deathDate: '2020-04-30' });
    const partner = makePerson({ birthDate: '1952-06-06', sex: 'F' });
    const child = makePerson({ birthDate: '1990-09-09', sex: 'M' });
    head.households = [{ householdId: 'T-2', role: 'head', from: '1989-01-01', to: '2020-04-30' }];
    partner.households = [{ householdId: 'T-2', role: 'partner', from: '1989-01-01', to: null }];
    child.households = [{ householdId: 'T-2', role: 'child', from: '1990-09-09', to: null }];
    const w = worldOf([head, partner, child], world);
    expect(
      found(w, partner.insz, true).household.map((h) => [h.it, h.role.code, h.person?.insz, h.from, h.to]),
    ).toEqual([
      ['140', '03', child.insz, '2020-05-01', null],
      ['141', '12', head.insz, '1989-01-01', '2020-04-30'],
    ]);
    expect(found(w, child.insz).household).toMatchObject([
      { it: '141', role: { code: '03' }, person: { insz: partner.insz } },
    ]);
    expect(found(w, child.insz, true).household.map((h) => h.person?.insz)).toEqual([partner.insz, head.insz]);
  });

  it('ends a legal cohabitation by marriage with a cessation (reason 01) and splits the partner role 12 → 02', () => {
    const head = makePerson({ birthDate: '1980-02-02', sex: 'M' });
    const partner = makePerson({ birthDate: '1982-03-03', sex: 'F', givenName: 'Anna Maria' });
    head.civilStates = [
      { from: '1980-02-02', to: '2009-12-31', state: 'single' },
      { from: '2010-01-01', to: '2012-05-04', state: 'legal-cohabitation', partner: partner.insz },
      { from: '2012-05-05', to: null, state: 'married', partner: partner.insz },
    ];
    partner.civilStates = head.civilStates.map((c) => ({ ...c, ...(c.partner ? { partner: head.insz } : {}) }));
    const addr = {
      nis: '11002',
      postcode: '2000',
      municipality: { nl: 'Antwerpen', fr: 'Anvers' },
      street: 'Meir',
      houseNumber: '1',
      kind: 'main' as const,
    };
    head.addresses = [{ ...addr, from: '2005-01-01', to: null }];
    partner.addresses = [{ ...addr, from: '2010-01-01', to: null }];
    head.households = [{ householdId: 'T-1', role: 'head', from: '2005-01-01', to: null }];
    partner.households = [{ householdId: 'T-1', role: 'partner', from: '2010-01-01', to: null }];
    const w = worldOf([head, partner], world);
    const r = found(w, head.insz, true);
    expect(r.legalCohabitations).toMatchObject([
      { kind: 'cessation', from: '2012-05-05', reason: { code: '01', label: 'Huwelijk' } },
      { kind: 'declaration', from: '2010-01-01', to: '2012-05-04', endedByMarriage: true },
    ]);
    expect(r.civilStates.map((c) => [c.code, c.from])).toEqual([
      ['20', '2012-05-05'],
      ['10', '1980-02-02'],
    ]);
    expect(r.household.map((h) => [h.role.code, h.from, h.to])).toEqual([
      ['02', '2012-05-05', null],
      ['12', '2010-01-01', '2012-05-04'],
      ['01', '2005-01-01', '2009-12-31'],
    ]);
    expect(r.household[0]?.person?.firstNames).toEqual(['Anna', 'Maria']);
    const xml = rrnItImplicit(r);
    // Ended by marriage: the declaration has no DelDate, the cessation tells.
    expect(xml).not.toMatch(
      /<r:LegalCohabitation Type="123" Structure="A1"><r:Date>(?:(?!<\/r:Date>).)*<\/r:Date><r:DelDate>/,
    );
    expect(xml).toContain(
      '<r:DelDate><r:Century>20</r:Century><r:Year>12</r:Year><r:Month>05</r:Month><r:Day>05</r:Day></r:DelDate>',
    );
  });
});
