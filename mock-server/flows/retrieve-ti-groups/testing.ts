/**
 * Test helpers of this flow: a hand-made FlowContext over a world, the operation with its real types, and a
 * complete SOAP response built the way the SOAP face builds it.
 */
import { makeInsz } from '../../../scenarios/engine/ids/insz.ts';
import type { IsoDate, Person, World } from '../../../scenarios/engine/model.ts';
import type { Answer, FlowContext, OperationDef, Status } from '../../src/ksz/flows/define.ts';
import { RETRIEVE_TI_GROUPS_V2 } from '../../src/ksz/soa/namespaces.ts';
import { buildSoaResponse } from '../../src/ksz/soa/response.ts';
import flow, { type RetrieveTiRequest, type RetrieveTiResult, searchInformationXml } from './flow.ts';

export const op = flow.operations[0] as unknown as OperationDef<RetrieveTiRequest, RetrieveTiResult>;

/** The OCMW and social worker of the small and default presets (seed 1) that the examples use. */
export function ctxFor(world: World, asOf: IsoDate): FlowContext {
  const user = world.users.find((u) => u.username === 'mw.gent');
  const organisation = world.organisations.find((o) => o.id === user?.organisation);
  if (!user || !organisation) throw new Error('the world has no user mw.gent with an OCMW');
  return {
    tenant: {
      record: {
        id: 'test',
        preset: world.preset,
        seed: world.seed,
        clock: asOf,
        tokenHash: '',
        createdAt: '2025-01-01T00:00:00.000Z',
        settings: {},
      },
      world,
      today: () => asOf,
    },
    world,
    today: asOf,
    asOf,
    user,
    organisation,
    registration: null,
    register: {
      list: () => [],
      add: () => {
        throw new Error('retrieveTI does not register');
      },
      end: () => {
        throw new Error('retrieveTI does not unregister');
      },
    },
    state: {
      get: () => undefined,
      put: () => {
        throw new Error('retrieveTI keeps no state');
      },
      list: () => [],
    },
    random: () => 0.5,
  };
}

export function ask(ctx: FlowContext, ssin: string, history = false, language: RetrieveTiRequest['language'] = 'nl') {
  const req: RetrieveTiRequest = { ssin, language, history };
  return { req, answer: op.handle(ctx, req) };
}

/**
 * The whole SOAP response for an answer of the flow, or for a refusal of the access checks (a status and no
 * payload). Both carry the searchInformation echo the v2 response type requires before `status`.
 */
export function soapResponse(
  ctx: FlowContext,
  req: RetrieveTiRequest,
  answer: Answer<RetrieveTiResult> | { status: Status },
): string {
  const after = 'data' in answer && answer.data ? op.toXml?.(answer, ctx, req).after : undefined;
  return buildSoaResponse({
    operation: RETRIEVE_TI_GROUPS_V2,
    informationCustomer: {
      ticket: 'test-1',
      timestampSent: '2025-06-30T10:15:00.000+02:00',
      customerIdentification: { cbeNumber: ctx.organisation.kbo },
    },
    informationCBSS: {
      ticketCBSS: '3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b',
      timestampReceive: new Date('2025-06-30T08:15:00.300Z'),
      timestampReply: new Date('2025-06-30T08:15:00.420Z'),
    },
    legalContext: 'PCSA:SOCIAL_INQUIRY',
    beforeStatusXml: searchInformationXml(req),
    status: answer.status,
    ...(after ? { afterStatusXml: after } : {}),
  }).body;
}

/** A person of a hand-made world: every list empty unless given. */
export function makePerson(p: Partial<Person> & Pick<Person, 'birthDate' | 'sex'>): Person {
  return {
    insz: makeInsz({ birthDate: p.birthDate, sequence: p.sex === 'M' ? 201 : 202 }),
    kind: 'rr',
    givenName: 'Testa',
    familyName: 'Synthetica',
    birthPlace: 'België',
    nationality: 'BE',
    language: 'nl',
    origin: 'test',
    originRole: 'main',
    civilStates: [{ from: p.birthDate, to: null, state: 'single' }],
    addresses: [],
    households: [],
    employment: [],
    unemployment: [],
    unemploymentSanctions: [],
    healthInsurance: [],
    gmd: [],
    ocmwDecisions: [],
    mediprima: [],
    housing: {},
    led: [],
    pensions: [],
    handicap: [],
    sickness: [],
    childBenefits: [],
    taxes: [],
    property: [],
    energy: { socialTariff: [], heatingAllowances: [] },
    staysAbroad: [],
    ...p,
  };
}

/** A world of the given persons (households derived from their memberships), with the users of `from`. */
export function worldOf(persons: Person[], from: World): World {
  const households = new Map<string, World['households'][number]>();
  for (const p of persons)
    for (const m of p.households) {
      const h = households.get(m.householdId) ?? { id: m.householdId, members: [], origin: 'test' };
      h.members.push({ insz: p.insz, role: m.role, from: m.from, to: m.to });
      households.set(m.householdId, h);
    }
  return {
    preset: 'test',
    seed: 0,
    span: { from: '1950-01-01', to: '2030-12-31' },
    organisations: from.organisations,
    users: from.users,
    households: [...households.values()],
    persons,
  };
}
