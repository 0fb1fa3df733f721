import type { Context } from 'hono';
import type { Store } from '../../store/types.ts';
import type { FlowDef } from '../flows/define.ts';
import type { JournalWriter } from '../journal/writer.ts';
import type { FaultDecider } from '../pipeline.ts';
import type { Tenant, TenantManager } from '../tenants/types.ts';

/** What the KSZ faces need from the server. */
export interface FaceDeps {
  store: Store;
  /** Group-committing journal: await it before replying. */
  journal: JournalWriter;
  tenants: TenantManager;
  faults: FaultDecider;
  flows: FlowDef[];
  now: () => Date;
  /** Seeded source of SSDN tickets and CBSS ticket UUIDs; tests and fixtures fix it. */
  randomBytes: (n: number) => Uint8Array;
}

export const MAX_BODY_BYTES = 1_048_576;

/** The tenant of a request: `/t/<id>/…`, else the `X-KSZ-Tenant` header, else `default`. */
export function tenantOf(c: Context, deps: FaceDeps): { id: string; tenant: Tenant | undefined } {
  const id = c.req.param('tenant') ?? c.req.header('X-KSZ-Tenant') ?? 'default';
  return { id, tenant: deps.tenants.get(id) };
}

export type BodyResult = { ok: true; bytes: Uint8Array } | { ok: false; status: 413 | 400; message: string };

/** Reads the body with a hard size limit (no unbounded buffering of hostile uploads). */
export async function readBody(c: Context): Promise<BodyResult> {
  const declared = Number(c.req.header('Content-Length') ?? '0');
  if (declared > MAX_BODY_BYTES)
    return { ok: false, status: 413, message: `the body is larger than ${MAX_BODY_BYTES} bytes` };
  const reader = c.req.raw.body?.getReader();
  if (!reader) return { ok: true, bytes: new Uint8Array() };
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      return { ok: false, status: 413, message: `the body is larger than ${MAX_BODY_BYTES} bytes` };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { ok: true, bytes };
}

/** Drops the TCP connection when the fault asks for it; in-process requests get an empty 503 marked as dropped. */
export function dropConnection(c: Context): Response {
  const incoming = (c.env as { incoming?: { socket?: { destroy(): void } } } | undefined)?.incoming;
  incoming?.socket?.destroy();
  return new Response(null, { status: 503, headers: { 'X-Mock-Dropped': 'true' } });
}

/** Basic credentials from the Authorization header, or null when absent or malformed. */
export function basicCredentials(c: Context): { username: string; password: string } | null {
  const header = c.req.header('Authorization');
  if (!header?.startsWith('Basic ')) return null;
  let decoded: string;
  try {
    decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  } catch {
    return null;
  }
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
