import { randomBytes } from 'node:crypto';
import { isValidIsoDate } from '../../../../scenarios/engine/dates.ts';
import type { IsoDate, World } from '../../../../scenarios/engine/model.ts';
import { presetIds } from '../../../../scenarios/engine/presets.ts';
import { buildWorld as buildWorldFromPreset } from '../../../../scenarios/engine/world.ts';
import type { Store, TenantRecord } from '../../store/types.ts';
import { runForkHooks, runResetHooks } from './hooks.ts';
import { hashToken, newToken, tokenMatches } from './tokens.ts';
import { type CreateTenantInput, type Tenant, TenantError, type TenantManager } from './types.ts';
import { createWorldCache, type WorldCache, worldKey } from './world-cache.ts';

export { onTenantFork, onTenantReset } from './hooks.ts';

/** Tenant ids: they appear in URLs (`/t/<id>/…`) and in file-like places, so lower-case letters, digits, dashes. */
export const TENANT_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
export const DEFAULT_TENANT = 'default';

export interface TenantManagerOptions {
  store: Store;
  /** Wall clock for tenants that follow real time and for creation times. */
  now?: () => Date;
  /** Builds a world; defaults to the scenario engine. Tests pass a cheaper one. */
  buildWorld?: (preset: string, seed: number) => World;
  /** Preset ids a tenant may use; defaults to the files in `scenarios/presets/`. */
  presets?: () => string[];
  /** Worlds no tenant uses that are kept for a tenant that comes back (default 8). */
  spareWorlds?: number;
}

/** The manager as created here: the shared interface plus what only start-up needs. */
export interface TenantManagerWithRecipe extends TenantManager {
  /**
   * Changes a tenant's preset or seed. A different recipe is a different world, so everything requests added is
   * cleared as by `reset`; the token, clock and settings stay. Does nothing when the recipe is the same.
   */
  setRecipe(id: string, recipe: { preset: string; seed: number }): Tenant;
  /** Recipes of the worlds held in memory (diagnostics). */
  worldKeys(): string[];
}

function checkId(id: string): void {
  if (!TENANT_ID.test(id))
    throw new TenantError(
      400,
      `tenant id must be 1 to 63 lower-case letters, digits or dashes, starting with a letter or digit; got ${JSON.stringify(id)}`,
    );
}

function checkSeed(seed: number): void {
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new TenantError(400, `seed must be a non-negative integer, got ${JSON.stringify(seed)}`);
}

function checkClock(clock: IsoDate | null): void {
  if (clock !== null && (typeof clock !== 'string' || !isValidIsoDate(clock)))
    throw new TenantError(400, `clock must be null or a calendar date YYYY-MM-DD, got ${JSON.stringify(clock)}`);
}

/**
 * Tenants over a store: records and data in the store (so they survive a restart), worlds in a shared cache keyed
 * by recipe (`preset/seed`), tokens only as SHA-256 hashes. A world is built when a tenant is created, or on first
 * use after a restart.
 *
 * @example
 * const tenants = createTenantManager({ store: openSqliteStore(':memory:') });
 * const { tenant, token } = tenants.create({ preset: 'small', seed: 7, clock: '2025-06-30' });
 * tenants.get(tenant.record.id)?.today(); // '2025-06-30'
 * tenants.verifyToken(tenant.record.id, token); // true
 */
export function createTenantManager(opts: TenantManagerOptions): TenantManagerWithRecipe {
  const { store } = opts;
  const now = opts.now ?? (() => new Date());
  const presets = opts.presets ?? presetIds;
  const build = opts.buildWorld ?? ((preset: string, seed: number) => buildWorldFromPreset({ preset, seed }));
  const worlds: WorldCache = createWorldCache({
    build,
    inUse: () => new Set(table.list().map((t) => worldKey(t.preset, t.seed))),
    ...(opts.spareWorlds === undefined ? {} : { spare: opts.spareWorlds }),
  });

  // Tenants are looked up on every request: keep the live ones in memory; every write below goes through `table`.
  const live = new Map<string, Tenant>();
  const table = {
    get: (id: string): TenantRecord | undefined => live.get(id)?.record ?? store.tenants.get(id),
    put(record: TenantRecord): void {
      store.tenants.put(record);
      live.delete(record.id);
    },
    delete(id: string): void {
      store.tenants.delete(id);
      live.delete(id);
    },
    list: (): TenantRecord[] => store.tenants.list(),
  };

  function tenantOf(record: TenantRecord): Tenant {
    let world: World | undefined;
    return {
      record,
      // Lazy: after a restart, a tenant's world is built by its first request, not all at start-up.
      get world() {
        world ??= worlds.get(record.preset, record.seed);
        return world;
      },
      today: () => record.clock ?? now().toISOString().slice(0, 10),
    };
  }

  function recordOf(id: string): TenantRecord {
    const record = table.get(id);
    if (!record) throw new TenantError(404, `no tenant ${JSON.stringify(id)}`);
    return record;
  }

  function checkPreset(preset: string): void {
    const known = presets();
    if (typeof preset !== 'string' || !known.includes(preset))
      throw new TenantError(400, `unknown preset ${JSON.stringify(preset)} (known: ${known.join(', ')})`);
  }

  /** A free id for a new tenant: the requested one (checked) or a generated one. */
  function claimId(requested: string | undefined): string {
    if (requested !== undefined) {
      checkId(requested);
      if (table.get(requested)) throw new TenantError(409, `tenant ${JSON.stringify(requested)} already exists`);
      return requested;
    }
    for (;;) {
      const id = `t-${randomBytes(5).toString('hex')}`;
      if (!table.get(id)) return id;
    }
  }

  /** Whatever a crash may have left under an id that has no record (data is written before the record). */
  function clearData(id: string): void {
    store.registrations.clear(id);
    store.journal.clear(id);
    store.faults.clear(id);
    store.flowState.clear(id);
  }

  function clearAndNotify(id: string): void {
    clearData(id);
    runResetHooks(id);
  }

  return {
    list: () => table.list(),

    get(id) {
      const cached = live.get(id);
      if (cached) return cached;
      const record = store.tenants.get(id);
      if (!record) return undefined;
      const tenant = tenantOf(record);
      live.set(id, tenant);
      return tenant;
    },

    create(input: CreateTenantInput) {
      checkPreset(input.preset);
      checkSeed(input.seed);
      checkClock(input.clock);
      if (input.settings !== undefined && (typeof input.settings !== 'object' || Array.isArray(input.settings)))
        throw new TenantError(400, 'settings must be an object');
      const id = claimId(input.id);
      // Built now, so a tenant is ready for its first request and a broken recipe fails here, not there.
      worlds.get(input.preset, input.seed);
      const token = newToken();
      const record: TenantRecord = {
        id,
        preset: input.preset,
        seed: input.seed,
        clock: input.clock,
        tokenHash: hashToken(token),
        createdAt: now().toISOString(),
        settings: structuredClone(input.settings ?? {}),
      };
      clearData(id);
      table.put(record);
      return { tenant: tenantOf(record), token };
    },

    reset(id) {
      recordOf(id);
      clearAndNotify(id);
    },

    fork(id, newId) {
      const source = recordOf(id);
      const target = claimId(newId);
      clearData(target);
      store.registrations.copy(id, target);
      store.faults.copy(id, target);
      store.flowState.copy(id, target);
      runForkHooks(id, target);
      const token = newToken();
      const record: TenantRecord = {
        ...source,
        id: target,
        tokenHash: hashToken(token),
        createdAt: now().toISOString(),
        settings: structuredClone(source.settings),
      };
      // The record last: until it exists, the copy is invisible (and cleared by whoever claims the id next).
      table.put(record);
      return { tenant: tenantOf(record), token };
    },

    delete(id) {
      if (id === DEFAULT_TENANT)
        throw new TenantError(409, `the tenant "${DEFAULT_TENANT}" cannot be deleted; reset it instead`);
      recordOf(id);
      table.delete(id);
      clearAndNotify(id);
    },

    setClock(id, clock) {
      const record = recordOf(id);
      checkClock(clock);
      const updated = { ...record, clock };
      table.put(updated);
      return tenantOf(updated);
    },

    setRecipe(id, recipe) {
      const record = recordOf(id);
      checkPreset(recipe.preset);
      checkSeed(recipe.seed);
      if (record.preset === recipe.preset && record.seed === recipe.seed) return tenantOf(record);
      worlds.get(recipe.preset, recipe.seed);
      const updated = { ...record, preset: recipe.preset, seed: recipe.seed };
      table.put(updated);
      clearAndNotify(id);
      return tenantOf(updated);
    },

    verifyToken(id, token) {
      return tokenMatches(table.get(id)?.tokenHash, token);
    },

    worldKeys: () => worlds.keys(),
  };
}

/**
 * Makes sure the tenant `default` exists with preset `default` and the seed and clock given at start-up (SEED,
 * CLOCK): creates it when absent, otherwise updates it (a new seed clears what requests added, as a new world makes
 * it meaningless). Builds its world, so the server is ready when it starts listening. The token is returned only
 * when the tenant was created; the admin token manages `default` anyway.
 *
 * @example
 * const { tenant, created } = ensureDefaultTenant(tenants, { seed: config.seed, clock: config.clock });
 */
export function ensureDefaultTenant(
  manager: TenantManagerWithRecipe,
  opts: { seed: number; clock: IsoDate | null },
): { tenant: Tenant; token: string | null; created: boolean } {
  const existing = manager.get(DEFAULT_TENANT);
  let tenant: Tenant;
  let token: string | null = null;
  if (!existing) {
    ({ tenant, token } = manager.create({ id: DEFAULT_TENANT, preset: 'default', seed: opts.seed, clock: opts.clock }));
  } else {
    manager.setRecipe(DEFAULT_TENANT, { preset: 'default', seed: opts.seed });
    tenant = manager.setClock(DEFAULT_TENANT, opts.clock);
  }
  // Touching the world builds it now rather than on the first request.
  void tenant.world;
  return { tenant, token, created: existing === undefined };
}
