/**
 * Test-only helpers of the living-wages, list-of-attestations, dolsis and consult-other-sectors flows: an in-process
 * server with only the flows a test needs (so a broken folder elsewhere does not stop it), on the `small` preset
 * with the clock at 2025-06-30, like `test/support/server.ts`.
 */
import type { FlowDef } from '../../src/ksz/flows/define.ts';
import { createServer, type Server } from '../../src/server.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import manageAccess from '../manage-access/flow.ts';

export const TEST_NOW = new Date('2025-06-30T10:15:00Z');

export async function serverWith(...flows: FlowDef[]): Promise<Server> {
  const server = await createServer({
    store: openSqliteStore(':memory:'),
    adminToken: 'x'.repeat(20),
    now: () => TEST_NOW,
    flows: [manageAccess, ...flows],
  });
  server.tenants.create({ id: 'default', preset: 'small', seed: 1, clock: '2025-06-30' });
  return server;
}

/** The KBO number of the Gent OCMW of the small preset (the users' organisation). */
export function gentKbo(server: Server): string {
  const kbo = server.tenants.get('default')?.world.organisations.find((o) => o.id === 'ocmw-44021')?.kbo;
  if (!kbo) throw new Error('no OCMW Gent in the world');
  return kbo;
}
