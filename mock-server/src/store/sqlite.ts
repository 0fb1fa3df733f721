import Database from 'better-sqlite3';
import { sqliteJournal } from './sqlite-journal.ts';
import { migrate } from './sqlite-schema.ts';
import type { FaultKind, FaultRule, Registration, Store, TenantRecord } from './types.ts';

interface TenantRow {
  id: string;
  preset: string;
  seed: number;
  clock: string | null;
  token_hash: string;
  created_at: string;
  settings: string;
}

interface RegistrationRow {
  id: number;
  tenant: string;
  organisation: string;
  insz: string;
  quality_code: string;
  from_date: string;
  to_date: string | null;
  registered_by: string;
  registered_at: string;
  unregistered_at: string | null;
}

interface FaultRow {
  tenant: string;
  id: string;
  kind: string;
  flow: string | null;
  insz: string | null;
  probability: number;
  latency_ms: string | null;
  code: string | null;
  seed: number;
  created_at: string;
}

const toTenant = (r: TenantRow): TenantRecord => ({
  id: r.id,
  preset: r.preset,
  seed: r.seed,
  clock: r.clock,
  tokenHash: r.token_hash,
  createdAt: r.created_at,
  settings: JSON.parse(r.settings) as Record<string, unknown>,
});

const toRegistration = (r: RegistrationRow): Registration => ({
  id: r.id,
  tenant: r.tenant,
  organisation: r.organisation,
  insz: r.insz,
  qualityCode: r.quality_code,
  from: r.from_date,
  to: r.to_date,
  registeredBy: r.registered_by,
  registeredAt: r.registered_at,
  unregisteredAt: r.unregistered_at,
});

const toFault = (r: FaultRow): FaultRule => ({
  id: r.id,
  tenant: r.tenant,
  kind: r.kind as FaultKind,
  flow: r.flow,
  insz: r.insz,
  probability: r.probability,
  latencyMs: r.latency_ms === null ? null : (JSON.parse(r.latency_ms) as [number, number]),
  code: r.code,
  seed: r.seed,
  createdAt: r.created_at,
});

/**
 * Opens (and creates or upgrades) the SQLite store. WAL with `synchronous = NORMAL`: a committed write is in the
 * WAL file before the call returns, so it survives `kill -9` of the server (not a power cut, which a training
 * sandbox can afford). Every statement is prepared once.
 *
 * @example
 * const store = openSqliteStore('./data/ksz.sqlite');
 * const id = store.journal.append({ tenant: 'default', at: new Date().toISOString(), ... });
 * store.journal.query('default', { flow: 'retrieve-ti-groups', limit: 100 });
 * store.close();
 */
export function openSqliteStore(file: string): Store {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    migrate(db, file);
  } catch (e) {
    db.close();
    throw e;
  }

  const tenantStmts = {
    list: db.prepare('SELECT * FROM tenants ORDER BY created_at, id'),
    get: db.prepare('SELECT * FROM tenants WHERE id = ?'),
    put: db.prepare(
      `INSERT INTO tenants (id, preset, seed, clock, token_hash, created_at, settings) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET preset = excluded.preset, seed = excluded.seed, clock = excluded.clock,
         token_hash = excluded.token_hash, created_at = excluded.created_at, settings = excluded.settings`,
    ),
    delete: db.prepare('DELETE FROM tenants WHERE id = ?'),
  };
  const regStmts = {
    add: db.prepare(
      `INSERT INTO registrations (tenant, organisation, insz, quality_code, from_date, to_date, registered_by,
        registered_at, unregistered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    end: db.prepare('UPDATE registrations SET to_date = ?, unregistered_at = ? WHERE tenant = ? AND id = ?'),
    clear: db.prepare('DELETE FROM registrations WHERE tenant = ?'),
    copy: db.prepare(
      `INSERT INTO registrations (tenant, organisation, insz, quality_code, from_date, to_date, registered_by,
        registered_at, unregistered_at)
       SELECT ?, organisation, insz, quality_code, from_date, to_date, registered_by, registered_at, unregistered_at
       FROM registrations WHERE tenant = ? ORDER BY id`,
    ),
  };
  const regLists = new Map<string, Database.Statement>();
  const faultStmts = {
    list: db.prepare('SELECT * FROM faults WHERE tenant = ? ORDER BY rowid'),
    // An update keeps the rule's place (rowid) in the order rules are evaluated.
    put: db.prepare(
      `INSERT INTO faults (tenant, id, kind, flow, insz, probability, latency_ms, code, seed, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(tenant, id) DO UPDATE SET kind = excluded.kind, flow = excluded.flow, insz = excluded.insz,
         probability = excluded.probability, latency_ms = excluded.latency_ms, code = excluded.code,
         seed = excluded.seed, created_at = excluded.created_at`,
    ),
    delete: db.prepare('DELETE FROM faults WHERE tenant = ? AND id = ?'),
    clear: db.prepare('DELETE FROM faults WHERE tenant = ?'),
    copy: db.prepare(
      `INSERT INTO faults (tenant, id, kind, flow, insz, probability, latency_ms, code, seed, created_at)
       SELECT ?, id, kind, flow, insz, probability, latency_ms, code, seed, created_at
       FROM faults WHERE tenant = ? ORDER BY rowid`,
    ),
  };
  const metaStmts = {
    get: db.prepare('SELECT value FROM meta WHERE key = ?'),
    set: db.prepare(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    ),
  };
  const journal = sqliteJournal(db);
  const stateStmts = {
    get: db.prepare('SELECT value FROM flow_state WHERE tenant = ? AND flow = ? AND key = ?'),
    put: db.prepare(
      `INSERT INTO flow_state (tenant, flow, key, value, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(tenant, flow, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    ),
    list: db.prepare(
      'SELECT key, value FROM flow_state WHERE tenant = ? AND flow = ? AND key >= ? AND key < ? ORDER BY key',
    ),
    clear: db.prepare('DELETE FROM flow_state WHERE tenant = ?'),
    copy: db.prepare(
      'INSERT INTO flow_state (tenant, flow, key, value, updated_at) SELECT ?, flow, key, value, updated_at FROM flow_state WHERE tenant = ?',
    ),
  };
  const copyState = db.transaction((from: string, to: string) => {
    if (from === to) throw new Error(`flowState.copy: source and target are both "${from}"`);
    stateStmts.clear.run(to);
    stateStmts.copy.run(to, from);
  });

  // A deleted tenant leaves nothing behind, so a new tenant with the same id starts empty.
  const deleteTenant = db.transaction((id: string) => {
    regStmts.clear.run(id);
    journal.clear(id);
    faultStmts.clear.run(id);
    stateStmts.clear.run(id);
    tenantStmts.delete.run(id);
  });
  // Copies land in one transaction: a fork is never half there.
  const copyRegistrations = db.transaction((from: string, to: string) => {
    if (from === to) throw new Error(`registrations.copy: source and target are both "${from}"`);
    regStmts.clear.run(to);
    regStmts.copy.run(to, from);
  });
  const copyFaults = db.transaction((from: string, to: string) => {
    if (from === to) throw new Error(`faults.copy: source and target are both "${from}"`);
    faultStmts.clear.run(to);
    faultStmts.copy.run(to, from);
  });

  // Read caches for what every request reads (faults, registrations); every write below drops the tenant's entries.
  const faultCache = new Map<string, FaultRule[]>();
  const regCache = new Map<string, Map<string, Registration[]>>();
  const dropCaches = (tenant: string) => {
    faultCache.delete(tenant);
    regCache.delete(tenant);
  };

  return {
    tenants: {
      list: () => (tenantStmts.list.all() as TenantRow[]).map(toTenant),
      get(id) {
        const row = tenantStmts.get.get(id) as TenantRow | undefined;
        return row ? toTenant(row) : undefined;
      },
      put(t) {
        tenantStmts.put.run(t.id, t.preset, t.seed, t.clock, t.tokenHash, t.createdAt, JSON.stringify(t.settings));
      },
      delete: (id) => {
        deleteTenant(id);
        dropCaches(id);
      },
    },

    registrations: {
      add(r) {
        regCache.delete(r.tenant);
        const info = regStmts.add.run(
          r.tenant,
          r.organisation,
          r.insz,
          r.qualityCode,
          r.from,
          r.to,
          r.registeredBy,
          r.registeredAt,
          r.unregisteredAt,
        );
        return { ...r, id: Number(info.lastInsertRowid) };
      },
      end(tenant, id, to, at) {
        regCache.delete(tenant);
        // Loud on a wrong id: the caller looked the registration up first, so a miss is a bug, not user input.
        if (regStmts.end.run(to, at, tenant, id).changes === 0)
          throw new Error(`registrations.end: tenant "${tenant}" has no registration ${id}`);
      },
      list(tenant, filter = {}) {
        const key = `${filter.organisation ?? ''}|${filter.insz ?? ''}|${filter.activeOnly ? 1 : 0}`;
        const cached = regCache.get(tenant)?.get(key);
        if (cached) return cached.map((r) => ({ ...r }));
        const where = ['tenant = ?'];
        const params: string[] = [tenant];
        if (filter.organisation !== undefined) {
          where.push('organisation = ?');
          params.push(filter.organisation);
        }
        if (filter.insz !== undefined) {
          where.push('insz = ?');
          params.push(filter.insz);
        }
        // Active = not ended by UNREGISTER; a planned end date (`to`) is for the caller to compare with its clock.
        if (filter.activeOnly) where.push('unregistered_at IS NULL');
        const sql = `SELECT * FROM registrations WHERE ${where.join(' AND ')} ORDER BY id`;
        let stmt = regLists.get(sql);
        if (!stmt) {
          stmt = db.prepare(sql);
          regLists.set(sql, stmt);
        }
        const rows = (stmt.all(...params) as RegistrationRow[]).map(toRegistration);
        let perTenant = regCache.get(tenant);
        if (!perTenant) {
          perTenant = new Map();
          regCache.set(tenant, perTenant);
        }
        // Bounded: hostile traffic with many distinct INSZ must not grow the cache without limit.
        if (perTenant.size > 10_000) perTenant.clear();
        perTenant.set(key, rows);
        return rows.map((r) => ({ ...r }));
      },
      clear: (tenant) => {
        regCache.delete(tenant);
        regStmts.clear.run(tenant);
      },
      copy: (from, to) => {
        regCache.delete(to);
        copyRegistrations(from, to);
      },
    },

    journal,

    faults: {
      list: (tenant) => {
        let rules = faultCache.get(tenant);
        if (!rules) {
          rules = (faultStmts.list.all(tenant) as FaultRow[]).map(toFault);
          faultCache.set(tenant, rules);
        }
        return rules.map((r) => ({ ...r }));
      },
      put(f) {
        faultCache.delete(f.tenant);
        faultStmts.put.run(
          f.tenant,
          f.id,
          f.kind,
          f.flow,
          f.insz,
          f.probability,
          f.latencyMs === null ? null : JSON.stringify(f.latencyMs),
          f.code,
          f.seed,
          f.createdAt,
        );
      },
      delete: (tenant, id) => {
        faultCache.delete(tenant);
        return faultStmts.delete.run(tenant, id).changes > 0;
      },
      clear: (tenant) => {
        faultCache.delete(tenant);
        faultStmts.clear.run(tenant);
      },
      copy: (from, to) => {
        faultCache.delete(to);
        copyFaults(from, to);
      },
    },

    flowState: {
      get(tenant, flow, key) {
        const row = stateStmts.get.get(tenant, flow, key) as { value: string } | undefined;
        return row ? JSON.parse(row.value) : undefined;
      },
      put: (tenant, flow, key, value, at) => void stateStmts.put.run(tenant, flow, key, JSON.stringify(value), at),
      list: (tenant, flow, prefix = '') =>
        (stateStmts.list.all(tenant, flow, prefix, `${prefix}\uffff`) as { key: string; value: string }[]).map((r) => ({
          key: r.key,
          value: JSON.parse(r.value),
        })),
      clear: (tenant) => void stateStmts.clear.run(tenant),
      copy: (from, to) => copyState(from, to),
    },

    meta: {
      get(key) {
        const row = metaStmts.get.get(key) as { value: string } | undefined;
        return row?.value;
      },
      set: (key, value) => void metaStmts.set.run(key, value),
    },

    close: () => db.close(),
  };
}
