import type { Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { dayBefore } from '../../../scenarios/engine/dates.ts';
import { validateWithOurs } from '../../../test/reference/ours.ts';
import { describeWithReference, validateWithReference } from '../../../test/reference/validate.ts';
import { describeWithXmllint } from '../../../test/reference/xmllint.ts';
import { personIn, requestError } from '../../../test/support/flows.ts';
import type { Answer, FlowContext } from '../../src/ksz/flows/define.ts';
import { buildSsdnReply, type SsdnServiceReply, summarizeServiceReplies } from '../../src/ksz/ssdn/reply.ts';
import { parseXmlSafely } from '../../src/ksz/xml/parse.ts';
import { flowContext, operationOf, smallWorld, ssdnReplyFor, TODAY } from '../identify-person/testkit.ts';
import flow, {
  fromJson,
  fromXml,
  type InvestigationResult,
  NS,
  type PerformInvestigationRequest,
  RELATIONSHIP_CODES,
} from './flow.ts';

const op = operationOf<PerformInvestigationRequest, InvestigationResult>(flow);
const world = smallWorld();
const ctx = flowContext(world);
const father = personIn(world, 'family-child-benefits', 'father');
const mother = personIn(world, 'family-child-benefits', 'mother');
const children = ['child1', 'child2', 'child3'].map((r) => personIn(world, 'family-child-benefits', r));
const homeless = personIn(world, 'homeless-reference-address');
const deceased = personIn(world, 'deceased-partner-widowed', 'deceased');
const widow = personIn(world, 'deceased-partner-widowed', 'widow');
const undocumented = personIn(world, 'undocumented-urgent-medical-aid');
const cohabitant = world.persons.find(
  (p) =>
    p.households.at(-1)?.role === 'partner' &&
    p.households.at(-1)?.to === null &&
    p.civilStates.at(-1)?.state === 'legal-cohabitation' &&
    p.civilStates.at(-1)?.to === null,
)!;

function payload(inner: string): Element {
  const r = parseXmlSafely(
    `<pi:PerformInvestigationRequest xmlns:pi="${NS}">${inner}</pi:PerformInvestigationRequest>`,
  );
  if (!r.ok) throw new Error(r.error.message);
  return r.doc.documentElement as unknown as Element;
}

const ask = (body: Record<string, unknown>, c: FlowContext = ctx) => op.handle(c, fromJson(body));

describe('perform-investigation: reading the request', () => {
  it('reads the SocialSecurityUser and the data groups (xs:boolean: true/false/1/0)', () => {
    const r = fromXml(
      payload(
        `<pi:SocialSecurityUser>${father.insz}</pi:SocialSecurityUser><pi:DataGroups><pi:FamilyCompositionGroup>1</pi:FamilyCompositionGroup><pi:CitizenGroup>true</pi:CitizenGroup><pi:AddressHistoryGroup>0</pi:AddressHistoryGroup></pi:DataGroups>`,
      ),
    );
    expect(r).toEqual({
      ssin: father.insz,
      dataGroups: { familyComposition: true, citizen: true, addressHistory: false, waitRegister: false },
    });
  });

  it('reads an absent DataGroups as "all groups"', () => {
    expect(fromXml(payload(`<pi:SocialSecurityUser>${father.insz}</pi:SocialSecurityUser>`)).dataGroups).toBeNull();
    expect(fromJson({ socialSecurityUser: father.insz }).dataGroups).toBeNull();
  });

  it('gives the same request from both faces', () => {
    expect(
      fromJson({ socialSecurityUser: father.insz, dataGroups: { citizenGroup: true, waitRegisterGroup: false } }),
    ).toEqual(
      fromXml(
        payload(
          `<pi:SocialSecurityUser>${father.insz}</pi:SocialSecurityUser><pi:DataGroups><pi:CitizenGroup>1</pi:CitizenGroup></pi:DataGroups>`,
        ),
      ),
    );
  });

  it.each([
    [
      'no SocialSecurityUser',
      '<pi:DataGroups><pi:CitizenGroup>1</pi:CitizenGroup></pi:DataGroups>',
      'SocialSecurityUser',
    ],
    ['an SSIN of 12 digits', '<pi:SocialSecurityUser>820604823450</pi:SocialSecurityUser>', 'SocialSecurityUser'],
    [
      '"yes" as a boolean',
      '<pi:SocialSecurityUser>82060482345</pi:SocialSecurityUser><pi:DataGroups><pi:CitizenGroup>yes</pi:CitizenGroup></pi:DataGroups>',
      'DataGroups/CitizenGroup',
    ],
    [
      'DataGroups asking for nothing',
      '<pi:SocialSecurityUser>82060482345</pi:SocialSecurityUser><pi:DataGroups><pi:CitizenGroup>false</pi:CitizenGroup></pi:DataGroups>',
      'DataGroups',
    ],
    ['an empty DataGroups', '<pi:SocialSecurityUser>82060482345</pi:SocialSecurityUser><pi:DataGroups/>', 'DataGroups'],
    [
      'groups out of order',
      '<pi:SocialSecurityUser>82060482345</pi:SocialSecurityUser><pi:DataGroups><pi:CitizenGroup>1</pi:CitizenGroup><pi:FamilyCompositionGroup>1</pi:FamilyCompositionGroup></pi:DataGroups>',
      'DataGroups/FamilyCompositionGroup',
    ],
    [
      'an unknown group',
      '<pi:SocialSecurityUser>82060482345</pi:SocialSecurityUser><pi:DataGroups><pi:IncomeGroup>1</pi:IncomeGroup></pi:DataGroups>',
      'DataGroups/IncomeGroup',
    ],
    [
      'two SocialSecurityUsers',
      '<pi:SocialSecurityUser>82060482345</pi:SocialSecurityUser><pi:SocialSecurityUser>85111455415</pi:SocialSecurityUser>',
      'SocialSecurityUser',
    ],
  ])('refuses %s in XML, naming the field', (_what, inner, field) => {
    expect(requestError(() => fromXml(payload(inner))).field).toBe(field);
  });

  it('refuses a payload that is not a PerformInvestigationRequest', () => {
    const r = parseXmlSafely(`<pi:PerformInvestigationReply xmlns:pi="${NS}"/>`);
    if (!r.ok) throw new Error(r.error.message);
    expect(requestError(() => fromXml(r.doc.documentElement as unknown as Element)).field).toBe(
      'PerformInvestigationRequest',
    );
  });

  it.each([
    ['no socialSecurityUser', {}, 'socialSecurityUser'],
    ['socialSecurityUser as a number', { socialSecurityUser: 82060482345 }, 'socialSecurityUser'],
    ['socialSecurityUser with dots', { socialSecurityUser: '82.06.04-823.45' }, 'socialSecurityUser'],
    ['dataGroups as an array', { socialSecurityUser: '82060482345', dataGroups: ['citizenGroup'] }, 'dataGroups'],
    [
      'a flag as a string',
      { socialSecurityUser: '82060482345', dataGroups: { citizenGroup: 'true' } },
      'dataGroups.citizenGroup',
    ],
    ['dataGroups asking for nothing', { socialSecurityUser: '82060482345', dataGroups: {} }, 'dataGroups'],
  ])('refuses %s in JSON, naming the field', (_what, body, field) => {
    expect(requestError(() => fromJson(body as Record<string, unknown>)).field).toBe(field);
  });

  it('names the SocialSecurityUser as the subject, on the tenant date', () => {
    expect(op.subject(fromJson({ socialSecurityUser: father.insz }))).toEqual({ insz: father.insz });
  });
});

describe('perform-investigation: answering from the world', () => {
  it('answers every group when DataGroups is absent: the household, and citizen and address history of each member', () => {
    const a = ask({ socialSecurityUser: father.insz });
    expect(a.status.code).toBe('MSG00000');
    const d = a.data!;
    expect(d.familyComposition).toEqual({
      origin: 'RN_RR',
      members: [
        { ssin: father.insz, relationship: RELATIONSHIP_CODES.head.code, entryDate: father.households.at(-1)!.from },
        { ssin: mother.insz, relationship: RELATIONSHIP_CODES.spouse.code, entryDate: mother.households.at(-1)!.from },
        ...children.map((c) => ({
          ssin: c.insz,
          relationship: RELATIONSHIP_CODES.child.code,
          entryDate: c.households.at(-1)!.from,
        })),
      ],
    });
    const members = [father, mother, ...children].map((p) => p.insz);
    expect(d.citizens!.map((c) => c.ssin)).toEqual(members);
    expect(d.addressHistories!.map((h) => h.ssin)).toEqual(members);
    const me = d.citizens![0]!;
    expect(me).toMatchObject({
      lastName: father.familyName,
      firstName: father.givenName,
      gender: 1,
      birth: { date: father.birthDate, location: { code: 150 } },
      civilState: { code: 20, partner: { ssin: mother.insz, gender: 2, birthDate: mother.birthDate } },
      decease: null,
      nationality: { code: 150 },
    });
  });

  it('answers only the groups asked, and only about the subject without the family composition', () => {
    const citizenOnly = ask({ socialSecurityUser: father.insz, dataGroups: { citizenGroup: true } }).data!;
    expect(citizenOnly.familyComposition).toBeNull();
    expect(citizenOnly.addressHistories).toBeNull();
    expect(citizenOnly.citizens!.map((c) => c.ssin)).toEqual([father.insz]);
    const familyOnly = ask({ socialSecurityUser: mother.insz, dataGroups: { familyCompositionGroup: true } }).data!;
    expect(familyOnly.familyComposition!.members).toHaveLength(5);
    expect(familyOnly.citizens).toBeNull();
  });

  it('gives the legal address history, most recent first, reference address included', () => {
    const h = ask({ socialSecurityUser: homeless.insz, dataGroups: { addressHistoryGroup: true } }).data!
      .addressHistories![0]!;
    const started = homeless.addresses.filter((x) => x.from <= TODAY);
    expect(h.legalAddresses.map((x) => x.since)).toEqual(
      started
        .map((x) => x.from)
        .sort()
        .reverse(),
    );
    expect(h.legalAddresses.map((x) => x.kind)).toContain('reference');
    expect(h.managerLocations).toEqual([expect.objectContaining({ code: started[0]!.nis, since: started[0]!.from })]);
  });

  it('computes everything as of the date: a move to another municipality is there from its day on', () => {
    const mover = world.persons.find(
      (p) => !p.deathDate && p.addresses.length > 1 && p.addresses.at(-1)!.nis !== p.addresses.at(-2)!.nis,
    )!;
    const move = mover.addresses.at(-1)!;
    const history = (asOf: string) =>
      op.handle(
        flowContext(world, { today: asOf, asOf }),
        fromJson({ socialSecurityUser: mover.insz, dataGroups: { addressHistoryGroup: true } }),
      ).data!.addressHistories![0]!;
    const before = history(dayBefore(move.from));
    const after = history(move.from);
    expect(before.legalAddresses[0]!.since).toBe(mover.addresses.at(-2)!.from);
    expect(after.legalAddresses[0]!.since).toBe(move.from);
    expect(after.legalAddresses).toHaveLength(before.legalAddresses.length + 1);
    expect(after.managerLocations[0]).toMatchObject({ code: move.nis, since: move.from });
    expect(after.managerLocations.slice(1)).toEqual(before.managerLocations);
  });

  it('makes the surviving member the reference person once the head has died', () => {
    const whileMarried = op.handle(
      flowContext(world, { asOf: '2020-01-01' }),
      fromJson({ socialSecurityUser: widow.insz }),
    ).data!;
    expect(whileMarried.familyComposition!.members.map((m) => [m.ssin, m.relationship])).toEqual([
      [deceased.insz, 1],
      [widow.insz, 2],
    ]);
    const now = ask({ socialSecurityUser: widow.insz }).data!;
    expect(now.familyComposition!.members.map((m) => [m.ssin, m.relationship])).toEqual([[widow.insz, 1]]);
    expect(now.citizens![0]!.civilState!.code).toBe(30);
  });

  it('gives a legal cohabitant the code "not related" (12), the civil state before the cohabitation', () => {
    const d = ask({
      socialSecurityUser: cohabitant.insz,
      dataGroups: { familyCompositionGroup: true, citizenGroup: true },
    }).data!;
    expect(d.familyComposition!.members.find((m) => m.ssin === cohabitant.insz)!.relationship).toBe(12);
    expect(d.citizens!.find((c) => c.ssin === cohabitant.insz)!.civilState!.code).not.toBe(20);
  });

  it('answers about a BIS person without household or address: no family composition, origin BCSS_KSZ', () => {
    const d = ask({ socialSecurityUser: undocumented.insz }).data!;
    expect(d.familyComposition).toBeNull();
    expect(d.citizens![0]).toMatchObject({ origin: 'BCSS_KSZ', address: null });
    expect(d.addressHistories![0]).toEqual({ ssin: undocumented.insz, managerLocations: [], legalAddresses: [] });
  });

  it('answers MSG00100 when only the wait register is asked (no person of the world is in it)', () => {
    const a = ask({ socialSecurityUser: father.insz, dataGroups: { waitRegisterGroup: true } });
    expect(a.status).toMatchObject({ value: 'NO_DATA_FOUND', code: 'MSG00100' });
    expect(a.status.information).toEqual([
      { fieldName: 'WaitRegisterGroup', fieldValue: 'the person is not in the wait register' },
    ]);
    expect(op.toXml!(a, ctx, fromJson({ socialSecurityUser: father.insz }))).toEqual({
      after: `<ns3:PerformInvestigationReply xmlns:ns3="${NS}" xmlns:ns4="http://www.ksz-bcss.fgov.be/XSD/SSDN/Person"><ns3:SocialSecurityUser>${father.insz}</ns3:SocialSecurityUser></ns3:PerformInvestigationReply>`,
    });
  });

  it('answers MSG00005 for a person not yet born on the date', () => {
    const youngest = children[2]!;
    expect(
      op.handle(flowContext(world, { asOf: '2019-01-01' }), fromJson({ socialSecurityUser: youngest.insz })).status
        .code,
    ).toBe('MSG00005');
  });

  it('renders the same content in JSON as in XML', () => {
    const a = ask({ socialSecurityUser: father.insz });
    const req = fromJson({ socialSecurityUser: father.insz });
    const json = op.toJson(a, ctx, req) as {
      dataGroups: {
        familyCompositionGroup: { familyMembers: { socialSecurityUser: string; relationShip: number }[] };
        citizenGroup: unknown[];
        waitRegisterGroup: null;
      };
    };
    const xml = op.toXml!(a, ctx, req).after!;
    const members = json.dataGroups.familyCompositionGroup.familyMembers;
    for (const m of members)
      expect(xml).toContain(
        `<ns3:SocialSecurityUser>${m.socialSecurityUser}</ns3:SocialSecurityUser><ns3:RelationShip>${m.relationShip}</ns3:RelationShip>`,
      );
    expect(json.dataGroups.citizenGroup).toHaveLength(5);
    expect(json.dataGroups.waitRegisterGroup).toBeNull();
    expect(members[1]).toMatchObject({ relationShipLabel: { code: 2, nl: 'echtgeno(o)t(e)' } });
  });
});

function reply(a: Answer<InvestigationResult>, ssin: string): string {
  return ssdnReplyFor(flow, a, ctx, fromJson({ socialSecurityUser: ssin }));
}

function replies(): [string, string][] {
  const cases: [string, Record<string, unknown>][] = [
    ['all groups (family of five)', { socialSecurityUser: father.insz }],
    [
      'family and citizen',
      { socialSecurityUser: father.insz, dataGroups: { familyCompositionGroup: true, citizenGroup: true } },
    ],
    [
      'address history with a reference address',
      { socialSecurityUser: homeless.insz, dataGroups: { addressHistoryGroup: true } },
    ],
    ['widow, all groups', { socialSecurityUser: widow.insz }],
    ['legal cohabitant, all groups', { socialSecurityUser: cohabitant.insz }],
    ['BIS person without address', { socialSecurityUser: undocumented.insz }],
    [
      'WARNING MSG00100 (wait register only)',
      { socialSecurityUser: father.insz, dataGroups: { waitRegisterGroup: true } },
    ],
  ];
  return cases.map(([name, body]) => [name, reply(ask(body), body.socialSecurityUser as string)]);
}

/** One SSDNReply with a ServiceReply for every living, current person of the world (all groups). */
function wholeWorldReply(): string {
  const serviceReplies: SsdnServiceReply[] = world.persons
    .filter(
      (p) =>
        !p.replacedBy &&
        !p.cancelled &&
        !(p.deathDate && p.deathDate < TODAY) &&
        p.birthDate.replace(/-00/g, '-01') <= TODAY,
    )
    .map((p) => ({
      resultSummary: { returnCode: 0 },
      serviceId: flow.ssdn!.serviceId,
      version: flow.ssdn!.version,
      payloadXml: op.toXml!(ask({ socialSecurityUser: p.insz }), ctx, fromJson({ socialSecurityUser: p.insz })).after!,
    }));
  return buildSsdnReply({
    resultSummary: summarizeServiceReplies(serviceReplies),
    message: {
      ticket: 'TESTTICKET00002',
      timeReceive: new Date('2025-06-30T08:00:00Z'),
      timeResponse: new Date('2025-06-30T08:00:01Z'),
    },
    serviceReplies,
  });
}

describeWithReference('perform-investigation replies against the KSZ reference schemas', () => {
  it.each(replies())('%s validates (SSDNReply + PerformInvestigation, Person)', (_name, xml) => {
    expect(validateWithReference(xml, 'ssdn-reply', 'PerformInvestigation')).toEqual({ valid: true, errors: [] });
  });

  it('validates the investigation of every living person of the world', () => {
    expect(validateWithReference(wholeWorldReply(), 'ssdn-reply', 'PerformInvestigation')).toEqual({
      valid: true,
      errors: [],
    });
  });
});

describeWithXmllint('perform-investigation replies against our own SSDN contract', () => {
  it.each(replies())('%s validates (SsdnService.xsd)', (_name, xml) => {
    expect(validateWithOurs(xml, 'ssdn-reply')).toEqual({ valid: true, errors: [] });
  });
});
