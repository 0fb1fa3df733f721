import type Database from 'better-sqlite3';
import { addDays } from '../../../scenarios/engine/dates.ts';
import type { Face, JournalEntry, JournalFilter, JournalInput, Store } from './types.ts';

/** Requests longer than this are cut before they are stored (the pipeline should already have cut them). */
export const MAX_REQUEST_CHARS = 64 * 1024;

interface JournalRow {
  id: number;
  tenant: string;
  at: string;
  as_of: string;
  organisation: string | null;
  user_id: string | null;
  username: string | null;
  role: string | null;
  flow: string;
  operation: string;
  face: string;
  insz: string | null;
  legal_context: string | null;
  registration_id: number | null;
  outcome: string;
  ok: number;
  latency_ms: number;
  request: string;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function toEntry(r: JournalRow): JournalEntry {
  return {
    id: r.id,
    tenant: r.tenant,
    at: r.at,
    asOf: r.as_of,
    organisation: r.organisation,
    userId: r.user_id,
    username: r.username,
    role: r.role,
    flow: r.flow,
    operation: r.operation,
    face: r.face as Face,
    insz: r.insz,
    legalContext: r.legal_context,
    registrationId: r.registration_id,
    outcome: r.outcome,
    ok: r.ok === 1,
    latencyMs: r.latency_ms,
    request: r.request,
  };
}

/**
 * The journal part of the SQLite store. `append` is one prepared INSERT with positional parameters (the hot path);
 * queries are built from the filter's shape and their statements cached per shape.
 */
export function sqliteJournal(db: Database.Database): Store['journal'] {
  const insert = db.prepare(
    `INSERT INTO journal (tenant, at, as_of, organisation, user_id, username, role, flow, operation, face, insz,
      legal_context, registration_id, outcome, ok, latency_ms, request)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const clear = db.prepare('DELETE FROM journal WHERE tenant = ?');
  const last = db.prepare('SELECT MAX(at) AS at FROM journal WHERE tenant = ?');
  const queries = new Map<string, Database.Statement>();

  function statement(sql: string): Database.Statement {
    let s = queries.get(sql);
    if (!s) {
      s = db.prepare(sql);
      queries.set(sql, s);
    }
    return s;
  }

  function appendOne(e: JournalInput): number {
    const request = e.request.length > MAX_REQUEST_CHARS ? e.request.slice(0, MAX_REQUEST_CHARS) : e.request;
    const info = insert.run(
      e.tenant,
      e.at,
      e.asOf,
      e.organisation,
      e.userId,
      e.username,
      e.role,
      e.flow,
      e.operation,
      e.face,
      e.insz,
      e.legalContext,
      e.registrationId,
      e.outcome,
      e.ok ? 1 : 0,
      e.latencyMs,
      request,
    );
    return Number(info.lastInsertRowid);
  }
  // One transaction for many rows: one WAL write for the whole batch (group commit).
  const appendMany = db.transaction((entries: readonly JournalInput[]) => entries.map(appendOne));

  return {
    appendMany: (entries) => appendMany(entries),
    lastAt: (tenant) => (last.get(tenant) as { at: string | null }).at,
    append(e: JournalInput): number {
      const request = e.request.length > MAX_REQUEST_CHARS ? e.request.slice(0, MAX_REQUEST_CHARS) : e.request;
      const info = insert.run(
        e.tenant,
        e.at,
        e.asOf,
        e.organisation,
        e.userId,
        e.username,
        e.role,
        e.flow,
        e.operation,
        e.face,
        e.insz,
        e.legalContext,
        e.registrationId,
        e.outcome,
        e.ok ? 1 : 0,
        e.latencyMs,
        request,
      );
      return Number(info.lastInsertRowid);
    },

    query(tenant: string, f: JournalFilter = {}): JournalEntry[] {
      const where = ['tenant = ?'];
      const params: (string | number)[] = [tenant];
      const eq = (column: string, value: string | number | undefined) => {
        if (value === undefined) return;
        where.push(`${column} = ?`);
        params.push(value);
      };
      eq('user_id', f.userId);
      eq('username', f.username);
      eq('insz', f.insz);
      eq('flow', f.flow);
      eq('outcome', f.outcome);
      eq('ok', f.ok === undefined ? undefined : f.ok ? 1 : 0);
      if (f.from !== undefined) {
        // A bare date compares below every timestamp of that day, so `>=` keeps the whole day.
        where.push('at >= ?');
        params.push(f.from);
      }
      if (f.to !== undefined) {
        // A bare date means "up to the end of that day".
        if (DATE_ONLY.test(f.to)) {
          where.push('at < ?');
          params.push(addDays(f.to, 1));
        } else {
          where.push('at <= ?');
          params.push(f.to);
        }
      }
      if (f.afterId !== undefined) {
        where.push('id > ?');
        params.push(f.afterId);
      }
      const base = `SELECT * FROM journal WHERE ${where.join(' AND ')}`;
      if (f.limit === undefined) {
        return (statement(`${base} ORDER BY id`).all(...params) as JournalRow[]).map(toEntry);
      }
      params.push(f.limit);
      if (f.afterId !== undefined) {
        // Paging forward from a cursor: the oldest rows after it.
        return (statement(`${base} ORDER BY id LIMIT ?`).all(...params) as JournalRow[]).map(toEntry);
      }
      // No cursor: the newest rows, still returned oldest first.
      return (statement(`${base} ORDER BY id DESC LIMIT ?`).all(...params) as JournalRow[]).reverse().map(toEntry);
    },

    clear(tenant: string): void {
      clear.run(tenant);
    },
  };
}
