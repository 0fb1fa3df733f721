/**
 * Everything a request can add to a tenant, persisted behind one small interface (SQLite by default), so
 * anything acknowledged survives a `kill -9` and a shared database could replace it later.
 */

export interface TenantRecord {
  id: string;
  preset: string;
  seed: number;
  /** Fixed date `YYYY-MM-DD`, or null: the clock follows real time. */
  clock: string | null;
  /** SHA-256 (hex) of the tenant token; the token itself is only shown once, at creation. */
  tokenHash: string;
  createdAt: string;
  /** Tenant settings that change flow behaviour (e.g. the ESV answer delay). */
  settings: Record<string, unknown>;
}

/** A person in an organisation's integration register (verwijzingsrepertorium). */
export interface Registration {
  id: number;
  tenant: string;
  /** KBO number of the organisation. */
  organisation: string;
  insz: string;
  /** Hoedanigheidscode within sector 17, e.g. "1", "2", "40". */
  qualityCode: string;
  from: string;
  to: string | null;
  registeredBy: string;
  registeredAt: string;
  /** Set when UNREGISTER ended the registration (the row is kept for the journal's sake). */
  unregisteredAt: string | null;
}

export type Face = 'ssdn' | 'soa' | 'json';

export interface JournalEntry {
  id: number;
  tenant: string;
  /** ISO timestamp of the request (server time). */
  at: string;
  /** The tenant date the request was answered as of. */
  asOf: string;
  organisation: string | null;
  userId: string | null;
  username: string | null;
  role: string | null;
  flow: string;
  operation: string;
  face: Face;
  insz: string | null;
  legalContext: string | null;
  registrationId: number | null;
  /** Status code of the answer: MSG00000, MSG00012, UD000033, SSDN reason codes … */
  outcome: string;
  ok: boolean;
  latencyMs: number;
  /** The raw request, cut at 64 KB. */
  request: string;
}

export type JournalInput = Omit<JournalEntry, 'id'>;

export interface JournalFilter {
  userId?: string;
  username?: string;
  insz?: string;
  flow?: string;
  outcome?: string;
  ok?: boolean;
  from?: string;
  to?: string;
  limit?: number;
  afterId?: number;
}

export type FaultKind = 'latency' | 'unavailable' | 'internal-error' | 'drop';

export interface FaultRule {
  id: string;
  tenant: string;
  kind: FaultKind;
  /** Only this flow (catalogue id), or every flow. */
  flow: string | null;
  /** Only this INSZ, or everyone. */
  insz: string | null;
  /** Probability 0..1 that a matching request is hit (1 = always). */
  probability: number;
  /** For `latency`: added milliseconds, fixed or a range. */
  latencyMs: [number, number] | null;
  /** For `unavailable`: MSG00001 or MSG00002. */
  code: string | null;
  /** Seed of the fault's own random stream: the same requests in the same order are hit the same way. */
  seed: number;
  createdAt: string;
}

export interface Store {
  tenants: {
    list(): TenantRecord[];
    get(id: string): TenantRecord | undefined;
    put(tenant: TenantRecord): void;
    delete(id: string): void;
  };
  registrations: {
    add(r: Omit<Registration, 'id'>): Registration;
    /** Ends a registration (UNREGISTER): sets `to` and `unregisteredAt`. */
    end(tenant: string, id: number, to: string, at: string): void;
    list(tenant: string, filter?: { organisation?: string; insz?: string; activeOnly?: boolean }): Registration[];
    clear(tenant: string): void;
    copy(fromTenant: string, toTenant: string): void;
  };
  journal: {
    append(entry: JournalInput): number;
    /** Several rows in one transaction (group commit); returns their ids. */
    appendMany(entries: readonly JournalInput[]): number[];
    query(tenant: string, filter?: JournalFilter): JournalEntry[];
    /** The time (`at`) of the tenant's latest row, or null: cheap (an index), for "last seen" displays. */
    lastAt(tenant: string): string | null;
    clear(tenant: string): void;
  };
  faults: {
    list(tenant: string): FaultRule[];
    put(rule: FaultRule): void;
    delete(tenant: string, id: string): boolean;
    clear(tenant: string): void;
    copy(fromTenant: string, toTenant: string): void;
  };
  /**
   * State that requests of one flow add to a tenant (Mediprima cards opened by the OCMW, alert reactions, ESV
   * requests …): JSON values by key, per tenant and flow. Cleared by reset, copied by fork.
   */
  flowState: {
    get(tenant: string, flow: string, key: string): unknown;
    put(tenant: string, flow: string, key: string, value: unknown, at: string): void;
    list(tenant: string, flow: string, prefix?: string): { key: string; value: unknown }[];
    clear(tenant: string): void;
    copy(fromTenant: string, toTenant: string): void;
  };
  /** Small settings of the installation (generated admin token hash, trainer password hash …). */
  meta: {
    get(key: string): string | undefined;
    set(key: string, value: string): void;
  };
  close(): void;
}
