import type { Fetch } from './training.ts';
import type { Exchange, FlowEntry, JsonSchema, KszStatus, WorkspaceAccess } from './types.ts';

/** `Authorization: Basic …` for a username and password (UTF-8, as browsers send it). */
export function basicAuth(username: string, password: string): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `Basic ${btoa(binary)}`;
}

function isStatus(x: unknown): x is KszStatus {
  return typeof x === 'object' && x !== null && typeof (x as KszStatus).code === 'string';
}

/**
 * The mock KSZ as the consultation workspace uses it: the flow catalogue, the request schemas of the JSON face, and
 * calls on `<basePath>/ksz/json/<flow>/<operation>` with the attempt's HTTP Basic credentials, so every call is
 * journaled and checked like a real one.
 *
 * @example
 * const ksz = new KszClient(attempt.workspace, fetch);
 * const exchange = await ksz.call('identify-person', 'identifyPerson', { ssin: '85073003328' });
 */
export class KszClient {
  private seq = 0;
  private schemas: Promise<Record<string, JsonSchema>> | null = null;

  constructor(
    readonly access: WorkspaceAccess,
    private readonly fetcher: Fetch,
  ) {}

  async flows(): Promise<FlowEntry[]> {
    const res = await this.fetcher(`${this.access.basePath}/ksz/flows`, { headers: { Accept: 'application/json' } });
    if (!res.ok) throw new Error(`GET /ksz/flows: HTTP ${res.status}`);
    return (await res.json()) as FlowEntry[];
  }

  /** The JSON request schema of one operation (from `/ksz/openapi.json`), or null when it is not described. */
  async requestSchema(flow: string, operation: string): Promise<JsonSchema | null> {
    this.schemas ??= this.loadSchemas();
    let all: Record<string, JsonSchema>;
    try {
      all = await this.schemas;
    } catch {
      this.schemas = null;
      return null;
    }
    return all[`${flow}/${operation}`] ?? null;
  }

  private async loadSchemas(): Promise<Record<string, JsonSchema>> {
    const res = await this.fetcher(`${this.access.basePath}/ksz/openapi.json`, {
      headers: { Accept: 'application/json' },
    });
    if (!res.ok) throw new Error(`GET /ksz/openapi.json: HTTP ${res.status}`);
    const doc = (await res.json()) as {
      paths?: Record<string, { post?: { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } } }>;
    };
    const out: Record<string, JsonSchema> = {};
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      const m = /\/ksz\/json\/([^/]+)\/([^/]+)$/.exec(path);
      const schema = item.post?.requestBody?.content?.['application/json']?.schema;
      if (m && schema) out[`${m[1]}/${m[2]}`] = schema;
    }
    return out;
  }

  /** One call of the JSON face; never throws: network errors come back as an exchange without a reply. */
  async call(flow: string, operation: string, request: Record<string, unknown>): Promise<Exchange> {
    const url = `${this.access.basePath}/ksz/json/${encodeURIComponent(flow)}/${encodeURIComponent(operation)}`;
    const started = performance.now();
    const seq = ++this.seq;
    const base = {
      seq,
      flow,
      operation,
      method: 'POST' as const,
      url,
      username: this.access.username,
      request,
      at: new Date().toISOString(),
    };
    try {
      const res = await this.fetcher(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          Authorization: basicAuth(this.access.username, this.access.password),
        },
        body: JSON.stringify(request),
      });
      const text = await res.text();
      let reply: Record<string, unknown> | null = null;
      try {
        const parsed: unknown = JSON.parse(text);
        if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
          reply = parsed as Record<string, unknown>;
      } catch {
        reply = null;
      }
      const status = reply && isStatus(reply.status) ? reply.status : null;
      return {
        ...base,
        httpStatus: res.status,
        reply,
        replyText: reply ? '' : text,
        status,
        durationMs: Math.round(performance.now() - started),
      };
    } catch (e) {
      return {
        ...base,
        httpStatus: 0,
        reply: null,
        replyText: String((e as Error).message ?? e),
        status: null,
        durationMs: Math.round(performance.now() - started),
      };
    }
  }
}
