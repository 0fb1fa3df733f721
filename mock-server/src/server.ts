import type { Hono } from 'hono';
import { createRng } from '../../scenarios/engine/rng.ts';
import { createApp } from './app.ts';
import { adminRoutes } from './ksz/admin/routes.ts';
import { createFaultEngine, type FaultEngine } from './ksz/faults/index.ts';
import type { FlowDef } from './ksz/flows/define.ts';
import { discoverFlows } from './ksz/flows/discover.ts';
import { createJournalWriter } from './ksz/journal/writer.ts';
import { createTenantManager, type TenantManagerWithRecipe } from './ksz/tenants/manager.ts';
import type { Store } from './store/types.ts';
import { loadExercises } from './training/catalogue.ts';
import { trainingRoutes } from './training/routes.ts';
import type { TrainingStore } from './training/store.ts';
import type { Exercise } from './training/types.ts';

export interface Server {
  app: Hono;
  store: Store;
  tenants: TenantManagerWithRecipe;
  faults: FaultEngine;
  flows: FlowDef[];
}

export interface ServerOptions {
  store: Store;
  adminToken: string;
  /** Server time (journal, timestamps); fixtures and tests fix it. */
  now?: () => Date;
  /** Seed of the stream SSDN tickets and CBSS ticket UUIDs come from. */
  ticketSeed?: string;
  flows?: FlowDef[];
  /**
   * The training API over its own store; without it `/api/…` has only the world summary. `trainerPassword` guards
   * the workshop routes (503 without it); `publicUrl` is where participants reach the server (join URL, QR code).
   */
  training?: {
    store: TrainingStore;
    exercises?: Exercise[];
    trainerPassword?: string | null;
    publicUrl?: string | null;
  };
}

/**
 * Everything the app needs, assembled: tenants over the store, the fault engine, the discovered flows, the admin
 * routes. `main.ts` and the tests both build the server this way.
 *
 * @example
 * const server = await createServer({ store: openSqliteStore(':memory:'), adminToken: 'test' });
 * server.tenants.create({ id: 'default', preset: 'small', seed: 1, clock: '2025-06-30' });
 * await server.app.request('/ksz/flows');
 */
export async function createServer(opts: ServerOptions): Promise<Server> {
  const now = opts.now ?? (() => new Date());
  const flows = opts.flows ?? (await discoverFlows());
  const tenants = createTenantManager({ store: opts.store, now });
  const faults = createFaultEngine(opts.store);
  const tickets = createRng(opts.ticketSeed ?? 'tickets');
  const randomBytes = (n: number) => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = Math.floor(tickets.next() * 256);
    return out;
  };
  const admin = adminRoutes({
    store: opts.store,
    tenants,
    faults,
    adminToken: opts.adminToken,
    knownFlows: () => flows.map((f) => f.id),
    now,
  });
  const journal = createJournalWriter(opts.store);
  const training = opts.training
    ? trainingRoutes({
        store: opts.training.store,
        ksz: opts.store,
        tenants,
        flows,
        exercises: opts.training.exercises ?? loadExercises(),
        now,
        trainerPassword: opts.training.trainerPassword ?? null,
        publicUrl: opts.training.publicUrl ?? null,
      })
    : undefined;
  const app = createApp({
    store: opts.store,
    journal,
    tenants,
    faults,
    flows,
    now,
    randomBytes,
    admin,
    ...(training ? { training } : {}),
  });
  return { app, store: opts.store, tenants, faults, flows };
}
