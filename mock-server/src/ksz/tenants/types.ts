import type { IsoDate, World } from '../../../../scenarios/engine/model.ts';
import type { TenantRecord } from '../../store/types.ts';

/** A tenant at run time: its record, its (shared, immutable) world and its clock. */
export interface Tenant {
  readonly record: TenantRecord;
  readonly world: World;
  /** The tenant's current date: its fixed clock, or today's date (UTC) when it follows real time. */
  today(): IsoDate;
}

export interface CreateTenantInput {
  /** Lower-case letters, digits and dashes; generated when absent. */
  id?: string;
  preset: string;
  seed: number;
  clock: IsoDate | null;
  settings?: Record<string, unknown>;
}

export interface TenantManager {
  list(): TenantRecord[];
  get(id: string): Tenant | undefined;
  /** Creates a tenant and returns its token (shown once). Throws `TenantError` on a bad input or a taken id. */
  create(input: CreateTenantInput): { tenant: Tenant; token: string };
  /** Clears everything requests added (registrations, journal, faults, flow state); keeps preset, seed, clock. */
  reset(id: string): void;
  /** A copy of world, clock, registrations, faults and settings, with an empty journal and its own token. */
  fork(id: string, newId?: string): { tenant: Tenant; token: string };
  delete(id: string): void;
  setClock(id: string, clock: IsoDate | null): Tenant;
  /** Does this token manage this tenant? (constant-time comparison of hashes) */
  verifyToken(id: string, token: string): boolean;
}

export class TenantError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
  ) {
    super(message);
  }
}
