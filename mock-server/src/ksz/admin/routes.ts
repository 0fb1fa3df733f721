import { type Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Store } from '../../store/types.ts';
import type { FaultEngine } from '../faults/engine.ts';
import { nextFaultId, toFaultRule, validateFaultInput } from '../faults/validate.ts';
import { type Tenant, TenantError, type TenantManager } from '../tenants/types.ts';
import { type AdminEnv, requireToken } from './auth.ts';
import { parseJournalQuery } from './journal-query.ts';
import { tenantUrls, tenantView, usersView } from './views.ts';

export type { AdminEnv, Caller } from './auth.ts';

export interface AdminDeps {
  store: Store;
  tenants: TenantManager;
  /** Only `forget` is needed: a rule added or removed here starts its random stream afresh. */
  faults: Pick<FaultEngine, 'forget'>;
  adminToken: string;
  /** Catalogue ids of the flows, to refuse a fault rule for a flow that does not exist. */
  knownFlows: () => string[];
  /** Creation time of fault rules; defaults to the wall clock. */
  now?: () => Date;
}

type Ctx = Context<AdminEnv>;
type Body = Record<string, unknown>;

/** A 4xx with a JSON message; thrown inside handlers, answered by `onError`. */
class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
    readonly errors?: string[],
  ) {
    super(message);
  }
}

/** The request body as a JSON object; an empty body is `{}`. */
async function readBody(c: Ctx, fields: readonly string[]): Promise<Body> {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'the body must be JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new ApiError(400, 'the body must be a JSON object');
  const unknown = Object.keys(body).filter((k) => !fields.includes(k));
  if (unknown.length > 0)
    throw new ApiError(400, `unknown field ${JSON.stringify(unknown[0])} (fields: ${fields.join(', ')})`);
  return body as Body;
}

function optionalString(body: Body, name: string): string | undefined {
  const v = body[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new ApiError(400, `${name} must be a string; got ${JSON.stringify(v)}`);
  return v;
}

function clockField(body: Body, required: boolean): string | null {
  if (!('clock' in body)) {
    if (required) throw new ApiError(400, 'clock is required: a date YYYY-MM-DD, or null to follow real time');
    return null;
  }
  const v = body.clock;
  if (v !== null && typeof v !== 'string')
    throw new ApiError(400, `clock must be a date YYYY-MM-DD or null; got ${JSON.stringify(v)}`);
  return v;
}

const origin = (c: Ctx): string => new URL(c.req.url).origin;

/**
 * The admin API, to be mounted at `/__admin`: tenants (create, list, reset, fork, delete), their journal, faults,
 * clock and users. Every route needs `Authorization: Bearer <token>`: the admin token opens everything, a tenant
 * token only its own tenant's routes other than delete and fork. Without a valid token: 401 (the same answer for a
 * wrong token and an unknown tenant); with a tenant token on a route it may not use: 403.
 *
 * @example
 * app.route('/__admin', adminRoutes({ store, tenants, faults, adminToken: config.adminToken.value, knownFlows }));
 * // curl -X POST -H "Authorization: Bearer $KSZ_ADMIN_TOKEN" localhost:8080/__admin/tenants -d '{"preset":"small"}'
 */
export function adminRoutes(deps: AdminDeps): Hono {
  const { store, tenants, faults } = deps;
  const now = deps.now ?? (() => new Date());
  const app = new Hono<AdminEnv>();

  app.use('*', requireToken(deps.adminToken, tenants));

  function adminOnly(c: Ctx, what: string): void {
    if (c.get('caller').kind !== 'admin')
      throw new ApiError(403, `${what} needs the admin token; a tenant token manages only its own tenant`);
  }

  function tenantOf(c: Ctx): Tenant {
    const id = c.req.param('id') ?? '';
    const tenant = tenants.get(id);
    // Only an admin caller gets here for a tenant that does not exist: a tenant token for it fails auth first.
    if (!tenant) throw new ApiError(404, `no tenant ${JSON.stringify(id)}`);
    return tenant;
  }

  app.get('/tenants', (c) => {
    adminOnly(c, 'listing tenants');
    return c.json({ tenants: tenants.list().map((r) => tenantView(tenants.get(r.id) as Tenant)) });
  });

  app.post('/tenants', async (c) => {
    adminOnly(c, 'creating a tenant');
    const body = await readBody(c, ['id', 'preset', 'seed', 'clock', 'settings']);
    const seed = body.seed ?? 1;
    if (typeof seed !== 'number') throw new ApiError(400, `seed must be a number; got ${JSON.stringify(seed)}`);
    const settings = body.settings;
    if (settings !== undefined && (typeof settings !== 'object' || settings === null || Array.isArray(settings)))
      throw new ApiError(400, 'settings must be a JSON object');
    const id = optionalString(body, 'id');
    const { tenant, token } = tenants.create({
      ...(id === undefined ? {} : { id }),
      preset: optionalString(body, 'preset') ?? 'default',
      seed,
      clock: clockField(body, false),
      ...(settings === undefined ? {} : { settings: settings as Record<string, unknown> }),
    });
    return c.json({ tenant: tenantView(tenant), token, urls: tenantUrls(origin(c), tenant.record.id) }, 201);
  });

  app.get('/tenants/:id', (c) => {
    const tenant = tenantOf(c);
    return c.json({ tenant: tenantView(tenant), urls: tenantUrls(origin(c), tenant.record.id) });
  });

  app.delete('/tenants/:id', (c) => {
    adminOnly(c, 'deleting a tenant');
    const { id } = tenantOf(c).record;
    tenants.delete(id);
    faults.forget(id);
    return c.json({ deleted: id });
  });

  app.post('/tenants/:id/reset', (c) => {
    const { id } = tenantOf(c).record;
    tenants.reset(id);
    faults.forget(id);
    return c.json({ tenant: tenantView(tenantOf(c)) });
  });

  app.post('/tenants/:id/fork', async (c) => {
    adminOnly(c, 'forking a tenant');
    const source = tenantOf(c);
    const newId = optionalString(await readBody(c, ['id']), 'id');
    const { tenant, token } = tenants.fork(source.record.id, newId);
    faults.forget(tenant.record.id);
    return c.json({ tenant: tenantView(tenant), token, urls: tenantUrls(origin(c), tenant.record.id) }, 201);
  });

  app.get('/tenants/:id/journal', (c) => {
    const { id } = tenantOf(c).record;
    const parsed = parseJournalQuery(c.req.query());
    if (!parsed.ok) throw new ApiError(400, parsed.errors.join('; '), parsed.errors);
    // One row more than asked tells whether there are more.
    const rows = store.journal.query(id, { ...parsed.filter, limit: parsed.limit + 1 });
    const truncated = rows.length > parsed.limit;
    if (truncated) {
      if (parsed.filter.afterId === undefined) rows.shift();
      else rows.pop();
    }
    return c.json({ entries: rows, truncated });
  });

  app.get('/tenants/:id/faults', (c) => c.json({ faults: store.faults.list(tenantOf(c).record.id) }));

  app.post('/tenants/:id/faults', async (c) => {
    const tenant = tenantOf(c);
    const tenantId = tenant.record.id;
    const text = await c.req.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new ApiError(400, 'the body must be a JSON fault rule, e.g. {"kind":"unavailable","probability":0.3}');
    }
    const checked = validateFaultInput(body, deps.knownFlows());
    if (!checked.ok) throw new ApiError(400, checked.errors.join('; '), checked.errors);
    const existing = store.faults.list(tenantId);
    const ruleId = checked.value.id ?? nextFaultId(existing);
    if (existing.some((f) => f.id === ruleId))
      throw new ApiError(409, `fault ${JSON.stringify(ruleId)} already exists in this tenant; delete it first`);
    const rule = toFaultRule(checked.value, {
      tenant: tenantId,
      id: ruleId,
      defaultSeed: tenant.record.seed,
      createdAt: now().toISOString(),
    });
    store.faults.put(rule);
    faults.forget(tenantId, ruleId);
    return c.json({ fault: rule }, 201);
  });

  app.delete('/tenants/:id/faults', (c) => {
    const { id } = tenantOf(c).record;
    const deleted = store.faults.list(id).length;
    store.faults.clear(id);
    faults.forget(id);
    return c.json({ deleted });
  });

  app.delete('/tenants/:id/faults/:faultId', (c) => {
    const { id } = tenantOf(c).record;
    const faultId = c.req.param('faultId');
    if (!store.faults.delete(id, faultId))
      throw new ApiError(404, `no fault ${JSON.stringify(faultId)} in tenant ${JSON.stringify(id)}`);
    faults.forget(id, faultId);
    return c.json({ deleted: 1 });
  });

  app.get('/tenants/:id/clock', (c) => {
    const tenant = tenantOf(c);
    return c.json({ clock: tenant.record.clock, today: tenant.today() });
  });

  app.put('/tenants/:id/clock', async (c) => {
    const { id } = tenantOf(c).record;
    const clock = clockField(await readBody(c, ['clock']), true);
    const tenant = tenants.setClock(id, clock);
    return c.json({ clock: tenant.record.clock, today: tenant.today() });
  });

  app.get('/tenants/:id/users', (c) => c.json(usersView(tenantOf(c).world)));

  app.onError((err, c) => {
    if (err instanceof ApiError)
      return c.json(err.errors ? { error: err.message, errors: err.errors } : { error: err.message }, err.status);
    if (err instanceof TenantError) return c.json({ error: err.message }, err.status);
    // Never a stack trace to the caller; the operator sees it on stderr.
    console.error(err);
    return c.json({ error: 'internal error' }, 500);
  });

  // A plain Hono for app.ts to mount: the caller variable stays inside (routes and error handler carry over).
  return new Hono().route('/', app);
}
