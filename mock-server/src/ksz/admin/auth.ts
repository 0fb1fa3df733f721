import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { TenantManager } from '../tenants/types.ts';

/** Who is calling: the holder of the admin token, or of one tenant's token. */
export type Caller = { kind: 'admin' } | { kind: 'tenant'; tenant: string };

export interface AdminEnv {
  Variables: { caller: Caller };
}

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** Constant-time comparison through hashes, which also evens out the lengths. */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(sha256(given), sha256(expected));
}

/** The tenant a path is about (`…/tenants/<id>[/…]`), or null for routes about all tenants. */
export function tenantInPath(path: string): string | null {
  const m = /\/tenants\/([^/]+)/.exec(path);
  if (!m?.[1]) return null;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return null;
  }
}

export const UNAUTHORIZED = {
  error: "a valid token is required: send 'Authorization: Bearer <token>' with the admin token or this tenant's token",
};

/**
 * Every admin route needs a token. The admin token opens everything; a tenant token only the routes of its own
 * tenant. Anything else gets the same 401, whether the tenant exists or not, so a tenant token cannot be used to
 * find out which other tenants exist.
 */
export function requireToken(
  adminToken: string,
  tenants: Pick<TenantManager, 'verifyToken'>,
): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    const header = c.req.header('Authorization') ?? '';
    const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
    const token = m?.[1];
    if (token !== undefined) {
      if (sameSecret(token, adminToken)) {
        c.set('caller', { kind: 'admin' });
        return next();
      }
      const tenant = tenantInPath(c.req.path);
      if (tenant !== null && tenants.verifyToken(tenant, token)) {
        c.set('caller', { kind: 'tenant', tenant });
        return next();
      }
    }
    c.header('WWW-Authenticate', 'Bearer realm="ksz-admin"');
    return c.json(UNAUTHORIZED, 401);
  };
}
