import { createRng, type Rng } from '../../../scenarios/engine/rng.ts';
import type { Face, Registration, Store } from '../store/types.ts';
import { checkAccess, type Granted, type Refused } from './access/check.ts';
import { type Caller, identify } from './access/identity.ts';
import type { Answer, FlowContext, FlowDef, OperationDef, Status } from './flows/define.ts';
import { RequestError } from './flows/define.ts';
import { kszStatus } from './flows/status.ts';
import type { JournalWriter } from './journal/writer.ts';
import type { Tenant } from './tenants/types.ts';

/** What the fault engine decides for one request (see `faults/`). */
export interface FaultDecision {
  latencyMs: number;
  fault: 'unavailable' | 'internal-error' | 'drop' | null;
  code: string | null;
  ruleIds: string[];
}

export interface FaultDecider {
  decide(tenant: string, ctx: { flow: string; insz: string | null }): FaultDecision;
}

export interface PipelineDeps {
  store: Store;
  journal: JournalWriter;
  faults: FaultDecider;
  /** Server time; injected so fixtures can fix it. */
  now: () => Date;
}

export interface Invocation<Req> {
  tenant: Tenant;
  flow: FlowDef;
  operation: OperationDef<never, never>;
  caller: Caller;
  legalContext: string | null;
  face: Face;
  /** The raw request as received, for the journal. */
  raw: string;
  /** `performance.now()` when the request arrived. */
  started: number;
  /** Reads the request; throws RequestError. */
  read: () => Req;
}

export type Outcome =
  | { kind: 'answer'; status: Status; answer: Answer<unknown>; ctx: FlowContext | null; request: unknown }
  | { kind: 'refused'; status: Status; step: string; reason: string; request?: unknown }
  | { kind: 'fault'; status: Status }
  | { kind: 'drop' };

const MAX_JOURNALED_REQUEST = 64 * 1024;
const randoms = new Map<string, Rng>();

/** One seeded stream per tenant (for the life of the process): flows never use an unseeded source. */
export function tenantRandom(tenant: Tenant): Rng {
  const key = `${tenant.record.id}/${tenant.record.seed}`;
  let rng = randoms.get(key);
  if (!rng) {
    rng = createRng(`${tenant.record.seed}/${tenant.record.id}/requests`);
    randoms.set(key, rng);
  }
  return rng;
}

function registerApi(
  store: Store,
  tenant: Tenant,
  organisation: string,
  registeredBy: string,
  now: () => Date,
): FlowContext['register'] {
  return {
    list: (filter) =>
      store.registrations
        .list(tenant.record.id, { organisation, ...(filter?.insz ? { insz: filter.insz } : {}) })
        .filter((r) => !filter?.activeOn || (r.from <= filter.activeOn && (r.to === null || filter.activeOn <= r.to))),
    add: (r) =>
      store.registrations.add({
        tenant: tenant.record.id,
        organisation,
        insz: r.insz,
        qualityCode: r.qualityCode,
        from: r.from,
        to: r.to,
        registeredBy,
        registeredAt: now().toISOString(),
        unregisteredAt: null,
      }),
    end: (id, to) => store.registrations.end(tenant.record.id, id, to, now().toISOString()),
  };
}

/**
 * The path every request of every face takes: who calls → read the request → faults → access checks (fixed
 * order) → the flow's answer → journal (committed before the reply is sent).
 */
export async function invoke<Req>(deps: PipelineDeps, inv: Invocation<Req>): Promise<Outcome> {
  const { tenant, flow, operation } = inv;
  let request: Req | undefined;
  let insz: string | null = null;
  let outcome: Outcome;
  let granted: Granted | Refused | undefined;
  const who = identify(tenant.world, inv.caller);
  try {
    if (!who.ok) {
      outcome = { kind: 'refused', status: kszStatus('MSG00013'), step: who.step, reason: who.reason };
    } else {
      // The request is read now so the journal can say whom it was about; its problems are reported only after
      // the role and legal-context checks, in the order of docs/decisions/002.
      let readError: RequestError | undefined;
      try {
        request = inv.read();
      } catch (e) {
        if (!(e instanceof RequestError)) throw e;
        readError = e;
      }
      if (!flow.roles.includes(who.user.role)) {
        outcome = {
          kind: 'refused',
          status: kszStatus('MSG00013'),
          step: 'role',
          request,
          reason: `role ${who.user.role} may not use flow ${flow.id}`,
        };
      } else if (
        flow.legalContexts.length > 0 &&
        inv.legalContext !== null &&
        !flow.legalContexts.includes(inv.legalContext)
      ) {
        outcome = {
          kind: 'refused',
          status: kszStatus('MSG00013'),
          step: 'legal-context',
          request,
          reason: `legal context "${inv.legalContext}" is not allowed for ${flow.id}`,
        };
      } else if (readError) {
        const info = [{ fieldName: readError.field ?? 'request', fieldValue: readError.message }];
        outcome = { kind: 'refused', status: kszStatus('MSG00008', info), step: 'request', reason: readError.message };
      } else {
        outcome = await afterRead(deps, inv, request as Req);
      }
    }
  } catch (e) {
    // A bug in a flow must not become a stack trace on the wire: it is the KSZ's MSG00003.
    console.error(`flow ${flow.id}/${operation.name} failed:`, e);
    outcome = { kind: 'fault', status: kszStatus('MSG00003') };
  }
  if (request !== undefined) {
    try {
      insz = (operation.subject as (r: Req) => { insz: string | null })(request).insz;
    } catch {
      insz = null;
    }
  }
  if (outcome.kind === 'answer' && outcome.ctx)
    granted = {
      ok: true,
      user: outcome.ctx.user,
      organisation: outcome.ctx.organisation,
      person: null,
      registration: outcome.ctx.registration,
      asOf: outcome.ctx.asOf,
    };
  const user = who.ok ? who.user : who.user;
  const organisation = who.ok ? who.organisation : undefined;
  const status = outcome.kind === 'drop' ? kszStatus('MSG00002') : outcome.status;
  await deps.journal.append({
    tenant: tenant.record.id,
    at: deps.now().toISOString(),
    asOf: outcome.kind === 'answer' && outcome.ctx ? outcome.ctx.asOf : tenant.today(),
    organisation:
      organisation?.kbo ?? (inv.caller.kind === 'ssdn' ? inv.caller.orgUnit : (inv.caller.cbeNumber ?? null)),
    userId: user?.userId ?? (inv.caller.kind === 'ssdn' ? inv.caller.userId : null),
    username: user?.username ?? (inv.caller.kind === 'basic' ? inv.caller.username : null),
    role: user?.role ?? null,
    flow: flow.id,
    operation: operation.name,
    face: inv.face,
    insz,
    legalContext: inv.legalContext,
    registrationId: granted?.ok ? (granted.registration?.id ?? null) : null,
    outcome: outcome.kind === 'drop' ? 'DROPPED' : status.code,
    ok: outcome.kind === 'answer' && (status.value === 'DATA_FOUND' || status.code === 'MSG00100'),
    latencyMs: Math.round((performance.now() - inv.started) * 100) / 100,
    request: inv.raw.length > MAX_JOURNALED_REQUEST ? inv.raw.slice(0, MAX_JOURNALED_REQUEST) : inv.raw,
  });
  return outcome;
}

async function afterRead<Req>(deps: PipelineDeps, inv: Invocation<Req>, request: Req): Promise<Outcome> {
  const { tenant, flow, operation } = inv;
  const op = operation as unknown as OperationDef<Req, unknown>;
  const subject = op.subject(request);
  const fault = deps.faults.decide(tenant.record.id, { flow: flow.id, insz: subject.insz });
  if (fault.latencyMs > 0) await new Promise((r) => setTimeout(r, fault.latencyMs));
  if (fault.fault === 'drop') return { kind: 'drop' };
  if (fault.fault === 'internal-error') return { kind: 'fault', status: kszStatus('MSG00003') };
  if (fault.fault === 'unavailable')
    return { kind: 'refused', status: kszStatus(fault.code ?? 'MSG00001'), step: 'fault', reason: 'injected fault' };
  const access = checkAccess({
    tenant,
    flow,
    operation,
    caller: inv.caller,
    legalContext: inv.legalContext,
    subject,
    registrations: (organisation, insz) =>
      deps.store.registrations
        .list(tenant.record.id, { organisation, insz })
        .filter((r: Registration) => r.unregisteredAt === null || r.to !== null),
    answersDeceased: flow.answersDeceased === true,
  });
  if (!access.ok) return { kind: 'refused', status: access.status, step: access.step, reason: access.reason, request };
  const rng = tenantRandom(tenant);
  const ctx: FlowContext = {
    tenant,
    world: tenant.world,
    today: tenant.today(),
    asOf: access.asOf,
    user: access.user,
    organisation: access.organisation,
    registration: access.registration,
    register: registerApi(deps.store, tenant, access.organisation.kbo, access.user.userId, deps.now),
    state: {
      get: <T>(key: string) => deps.store.flowState.get(tenant.record.id, flow.id, key) as T | undefined,
      put: (key: string, value: unknown) =>
        deps.store.flowState.put(tenant.record.id, flow.id, key, value, deps.now().toISOString()),
      list: <T>(prefix?: string) =>
        deps.store.flowState.list(tenant.record.id, flow.id, prefix) as { key: string; value: T }[],
    },
    random: () => rng.next(),
  };
  const answer = op.handle(ctx, request);
  return { kind: 'answer', status: answer.status, answer, ctx, request };
}
