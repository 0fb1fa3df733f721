import { defineFlow, defineOperation, type FlowContext } from '../../src/ksz/flows/define.ts';
import { kszStatus, OK, serviceStatus } from '../../src/ksz/flows/status.ts';
import { type Mutation, mutationsFor } from './derive.ts';
import {
  ACKNOWLEDGE_MUTATIONS_V1,
  type AcknowledgeRequest,
  type AcknowledgeResult,
  acknowledgeFromJson,
  acknowledgeFromXml,
  acknowledgeXml,
  DEFAULT_MAX_RESULTS,
  type FetchRequest,
  type FetchResult,
  fetchFromJson,
  fetchFromXml,
  fetchXml,
  GET_MUTATIONS_V1,
  MAX_ACKNOWLEDGE,
  MAX_RESULTS,
} from './wire.ts';

export const LEGAL_CONTEXT = 'PCSA:SOCIAL_INQUIRY';
/** Acknowledging an id that is not a mutation of the caller's organisation (modelled code). */
export const UNKNOWN_MUTATION = 'MUTA0001';

/** What `acknowledgeMutations` keeps in the tenant (cleared by reset, copied by fork). */
interface Acknowledgement {
  acknowledgedOn: string;
  acknowledgedBy: string;
}
const ackKey = (id: string) => `ack/${id}`;

/** The organisation's mutations up to today, from its integration register (the flow filters it itself). */
const mutationsOf = (ctx: FlowContext): Mutation[] =>
  mutationsFor(ctx.world, ctx.organisation.kbo, ctx.register.list(), ctx.today);

const getMutations = defineOperation<FetchRequest, FetchResult>({
  name: 'getMutations',
  description:
    'The pending (not yet acknowledged) change notifications for the persons the OCMW had a running integration for on the day of the change: new or ended employment, self-employed activity, Mediprima card, address, household, death. Oldest first, at most maxResults.',
  integration: false,
  jsonSchema: {
    type: 'object',
    properties: {
      maxResults: { type: 'integer', minimum: 1, maximum: MAX_RESULTS, default: DEFAULT_MAX_RESULTS },
    },
  },
  fromJson: fetchFromJson,
  fromXml: fetchFromXml,
  subject: () => ({ insz: null }),
  handle(ctx, r) {
    const pending = mutationsOf(ctx).filter((m) => ctx.state.get(ackKey(m.mutationId)) === undefined);
    const data: FetchResult = {
      mutations: pending.slice(0, r.maxResults),
      moreAvailable: pending.length > r.maxResults,
      pendingTotal: pending.length,
    };
    if (pending.length === 0)
      return {
        status: kszStatus('MSG00100', [
          {
            fieldName: 'organisation',
            fieldValue: `no pending mutation for ${ctx.organisation.kbo} up to ${ctx.today}`,
          },
        ]),
        data,
      };
    return { status: OK(), data };
  },
  toXml: (answer) => (answer.data ? { after: fetchXml(answer.data) } : {}),
  toJson: (answer) => ({ ...(answer.data ?? { mutations: [], moreAvailable: false, pendingTotal: 0 }) }),
});

const acknowledgeMutations = defineOperation<AcknowledgeRequest, AcknowledgeResult>({
  name: 'acknowledgeMutations',
  description: `Marks mutations as received (up to ${MAX_ACKNOWLEDGE} ids): they are never delivered again. All or nothing: one id that is not a mutation of the caller's OCMW (unknown, another OCMW's, not happened yet) refuses the request with ${UNKNOWN_MUTATION}.`,
  integration: false,
  jsonSchema: {
    type: 'object',
    required: ['mutationIds'],
    properties: {
      mutationIds: {
        type: 'array',
        minItems: 1,
        maxItems: MAX_ACKNOWLEDGE,
        items: { type: 'string', pattern: '^\\d{10}\\.\\d{11}\\.[A-Z_]+\\.\\d{8}$' },
      },
    },
  },
  fromJson: acknowledgeFromJson,
  fromXml: acknowledgeFromXml,
  subject: () => ({ insz: null }),
  handle(ctx, r) {
    const known = new Set(mutationsOf(ctx).map((m) => m.mutationId));
    const unknown = r.mutationIds.filter((id) => !known.has(id));
    if (unknown.length > 0)
      return {
        status: serviceStatus(
          'NO_RESULT',
          UNKNOWN_MUTATION,
          'Unknown mutation id: not a mutation of your organisation. Nothing was acknowledged.',
          unknown.slice(0, 10).map((id) => ({ fieldName: 'mutationId', fieldValue: id })),
        ),
      };
    const acknowledgements = r.mutationIds.map((mutationId) => {
      if (ctx.state.get<Acknowledgement>(ackKey(mutationId)))
        return { mutationId, result: 'ALREADY_ACKNOWLEDGED' as const };
      ctx.state.put(ackKey(mutationId), { acknowledgedOn: ctx.today, acknowledgedBy: ctx.user.username });
      return { mutationId, result: 'ACKNOWLEDGED' as const };
    });
    return { status: OK(), data: { acknowledgements } };
  },
  toXml: (answer) => (answer.data ? { after: acknowledgeXml(answer.data) } : {}),
  toJson: (answer) => ({ acknowledgements: answer.data?.acknowledgements ?? [] }),
});

export default defineFlow({
  id: 'mutations',
  names: {
    nl: 'Mutaties (wijzigingsberichten)',
    fr: 'Mutations (notifications de changement)',
    en: 'Mutations (change notifications)',
  },
  institution: 'KSZ (prepared by the social security institutions and the Rijksregister)',
  fidelity: 'simulated',
  basis:
    'Sourced (ksz-flows.md §12.10, §2.1; Cevi/Logins manuals): a mutation is a notification through the KSZ that data of a person changed (e.g. an employment contract, a self-employed activity, a Mediprima change); the institutions prepare them on the basis of the integrations, and an OCMW receives them only for files with a running integration; the OCMW fetches them every night with a technical user managed by the security adviser. Modelled: the whole interface (a new-style service with getMutations and acknowledgeMutations, element names, the id form <KBO>.<INSZ>.<type>.<YYYYMMDD>, legal context PCSA:SOCIAL_INQUIRY, code MUTA0001), the list of mutation types and their details, the rule that a change counts when it happens after the registration started and while it runs, up to the tenant date, and the role matrix (social worker, security adviser). Mutations are derived from the world timeline, so moving the clock makes new ones appear; acknowledgements are tenant state.',
  legalContexts: [LEGAL_CONTEXT],
  roles: ['social-worker', 'security-adviser'],
  soa: {
    service: 'MutationService',
    version: 1,
    wsdl: 'MutationV1',
    operations: { getMutations: GET_MUTATIONS_V1, acknowledgeMutations: ACKNOWLEDGE_MUTATIONS_V1 },
  },
  operations: [getMutations, acknowledgeMutations],
  docs: 'mock-server/flows/mutations/README.md',
});
