import type { World } from '../../../../scenarios/engine/model.ts';
import type { Tenant } from '../tenants/types.ts';

/** A tenant as the admin API shows it: never its token hash. */
export function tenantView(t: Tenant) {
  const { id, preset, seed, clock, createdAt, settings } = t.record;
  return { id, preset, seed, clock, today: t.today(), createdAt, settings };
}

/** Where a vendor points its software for this tenant (the tenant prefix works for `default` too). */
export function tenantUrls(origin: string, id: string) {
  const base = `${origin}/t/${encodeURIComponent(id)}`;
  return {
    base,
    soap: `${base}/connectors/webservice/KSZBCSSWebServiceConnectorPort`,
    json: `${base}/ksz/json`,
    wsdl: `${base}/ksz/wsdl`,
  };
}

/**
 * The organisations that have users (the OCMWs of the preset) and the users with their synthetic training
 * credentials, published on purpose (CONTRACT.md, Credentials).
 */
export function usersView(world: World) {
  const withUsers = new Set(world.users.map((u) => u.organisation));
  const organisations = world.organisations
    .filter((o) => withUsers.has(o.id))
    .map((o) => ({ id: o.id, kind: o.kind, kbo: o.kbo, name: o.name, ...(o.nis ? { nis: o.nis } : {}) }));
  const byId = new Map(organisations.map((o) => [o.id, o]));
  const users = world.users.map((u) => {
    const o = byId.get(u.organisation);
    return {
      username: u.username,
      password: u.password,
      userId: u.userId,
      name: u.name,
      role: u.role,
      email: u.email,
      organisation: { id: u.organisation, kbo: o?.kbo ?? null, name: o?.name ?? null },
    };
  });
  return { synthetic: true, organisations, users };
}
