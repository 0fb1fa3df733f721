import { createServer, type Server } from '../../mock-server/src/server.ts';
import { openSqliteStore } from '../../mock-server/src/store/sqlite.ts';

export const ADMIN_TOKEN = 'test-admin-token';
/** The fixed server time of tests: journal rows and timestamps are reproducible. */
export const TEST_NOW = new Date('2025-06-30T10:15:00Z');

/**
 * A server in process with an in-memory store and a `default` tenant on the `small` preset, its clock fixed.
 *
 * @example
 * const { app } = await testServer();
 * const res = await app.request('/ksz/flows');
 */
export async function testServer(opts: { seed?: number; clock?: string; now?: () => Date } = {}): Promise<Server> {
  const server = await createServer({
    store: openSqliteStore(':memory:'),
    adminToken: ADMIN_TOKEN,
    now: opts.now ?? (() => TEST_NOW),
  });
  server.tenants.create({ id: 'default', preset: 'small', seed: opts.seed ?? 1, clock: opts.clock ?? '2025-06-30' });
  return server;
}

/** `Authorization` header value for HTTP Basic. */
export function basic(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}
