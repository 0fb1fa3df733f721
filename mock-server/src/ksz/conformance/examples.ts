import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IsoDate, Role } from '../../../../scenarios/engine/model.ts';
import { SSDN_ACCESS_CODES } from '../access/ssdn-codes.ts';
import type { FlowDef } from '../flows/define.ts';
import { FLOWS_DIR } from '../flows/discover.ts';

/**
 * Every example of every flow folder, in one shape, whatever file format it came in. The flows' examples are the
 * situations a vendor must be able to handle: the fixtures (`fixtures/`) are generated from them and the acceptance
 * cases (`cases.ts`) take their status codes from them.
 *
 * Formats read (`mock-server/flows/<id>/examples/`):
 * - `<name>.json` with `operation` and `expect`: who asks (a role), about which person of a named scenario (`$insz`
 *   in the request stands for its INSZ), whether that person is registered first, the expected status;
 * - `examples.json`, a manifest: entries with `name`, a username, `registered`, `expect`, a JSON body file (`json`)
 *   and optionally a complete SOAP request (`soap`), the INSZ written literally;
 * - `<CODE>-<what>.ssdn.xml`: a complete `sendXML` envelope; CODE is the SSDN reason code expected (`OK`: none). When a
 *   JSON example `<CODE'>-<what>.json` of the same situation exists, both become one example with two forms;
 * - any other `<name>.xml` whose root is in the flow's SSDN namespace: a bare SSDN payload (e.g. ManageAccess
 *   `register.xml`), to be wrapped in an envelope of the social worker; expected `MSG00000` unless the name starts
 *   with a status code.
 */

export type UserRef = { role: Role } | { username: string } | { userId: string };

export interface Registration {
  purpose: string;
  from: IsoDate;
  to: IsoDate | null;
}

export interface FlowExample {
  flow: string;
  /** Unique within the flow; the fixture folder name. */
  name: string;
  operation: string;
  description: string;
  /** The example files, relative to the repository root. */
  sources: string[];
  user: UserRef;
  /** The person the request is about: a scenario role (resolved in the tenant's world) or a literal INSZ. */
  person: { scenario: string; role: string } | { insz: string } | null;
  /** Registered for the user's OCMW (ManageAccess REGISTER by its social worker) before the request. */
  register: Registration | null;
  /** Tenant date. */
  clock: IsoDate;
  /** The JSON request body (legal context included), `$insz` not yet substituted; absent for SSDN-only examples. */
  json?: Record<string, unknown>;
  /** A complete new-style SOAP request written by the flow's author. */
  soap?: string;
  /** A complete SSDN `sendXML` request written by the flow's author. */
  ssdn?: string;
  /** A bare SSDN payload written by the flow's author. */
  payload?: string;
  /** The status code expected (new-style code: MSG00000, MSG00012, UD000033 …) and the JSON face's HTTP status. */
  expect: { code: string; http: number };
}

export const DEFAULT_EXAMPLE_CLOCK: IsoDate = '2025-06-30';

/** SSDN reason code → new-style status code: `OK` → MSG00000, `3998nnnn` → `MSGnnnnn`; others stay. */
export function statusCodeOfSsdn(code: string): string {
  if (code === 'OK' || code === '0') return 'MSG00000';
  return SSDN_ACCESS_CODES.find((c) => c.ssdn === code)?.msg ?? code;
}

interface JsonFile {
  description?: string;
  operation: string;
  user: Role;
  person?: { scenario: string; role: string };
  register?: Registration | null;
  clock?: string;
  legalContext?: string;
  request: Record<string, unknown>;
  expect: { code: string; http?: number };
}

interface ManifestFile {
  clock?: string;
  examples: {
    name: string;
    description: string;
    user: string;
    registered: boolean;
    expect: { code: string };
    json: string;
    soap?: string;
    operation?: string;
  }[];
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const rel = (flow: string, file: string) => `mock-server/flows/${flow}/examples/${file}`;

/** `<CODE>-<what>` → `what` (the situation, shared by the JSON and SSDN forms of one example). */
const situation = (name: string) => name.slice(name.indexOf('-') + 1);

function ssinOf(body: Record<string, unknown>): string | undefined {
  if (typeof body.ssin === 'string') return body.ssin;
  const search = body.searchInformation as { ssin?: unknown } | undefined;
  return typeof search?.ssin === 'string' ? search.ssin : undefined;
}

/**
 * The examples of the given flows, sorted by flow then name. Unreadable files throw with the file named.
 *
 * @example
 * const examples = loadExamples(await discoverFlows());
 * examples.filter((e) => e.flow === 'health-insurance').map((e) => e.name);
 */
export function loadExamples(flows: readonly FlowDef[], dir: string = FLOWS_DIR): FlowExample[] {
  const out: FlowExample[] = [];
  for (const flow of [...flows].sort((a, b) => byString(a.id, b.id))) {
    const folder = join(dir, flow.id, 'examples');
    if (!existsSync(folder)) continue;
    const files = readdirSync(folder).sort();
    const mine: FlowExample[] = [];
    const read = (file: string) => readFileSync(join(folder, file), 'utf8');
    for (const file of files.filter((f) => f.endsWith('.json'))) {
      let data: Record<string, unknown>;
      try {
        data = JSON.parse(read(file)) as Record<string, unknown>;
      } catch (e) {
        throw new Error(`${rel(flow.id, file)}: ${(e as Error).message}`);
      }
      if (file === 'examples.json' && Array.isArray(data.examples)) {
        const m = data as unknown as ManifestFile;
        for (const entry of m.examples) {
          const body = JSON.parse(read(entry.json)) as Record<string, unknown>;
          const ssin = ssinOf(body);
          mine.push({
            flow: flow.id,
            name: entry.name,
            operation: entry.operation ?? flow.operations[0]?.name ?? '',
            description: entry.description,
            sources: [
              rel(flow.id, 'examples.json'),
              rel(flow.id, entry.json),
              ...(entry.soap ? [rel(flow.id, entry.soap)] : []),
            ],
            user: { username: entry.user },
            person: ssin ? { insz: ssin } : null,
            register: entry.registered ? { purpose: '1', from: '1990-01-01', to: null } : null,
            clock: m.clock ?? DEFAULT_EXAMPLE_CLOCK,
            json: body,
            ...(entry.soap ? { soap: read(entry.soap) } : {}),
            expect: { code: entry.expect.code, http: 200 },
          });
        }
      } else if (typeof data.operation === 'string' && typeof data.expect === 'object' && data.expect !== null) {
        const ex = data as unknown as JsonFile;
        mine.push({
          flow: flow.id,
          name: file.slice(0, -'.json'.length),
          operation: ex.operation,
          description: ex.description ?? '',
          sources: [rel(flow.id, file)],
          user: { role: ex.user },
          person: ex.person ?? null,
          register: ex.register && ex.person ? ex.register : null,
          clock: ex.clock ?? DEFAULT_EXAMPLE_CLOCK,
          json: { ...(ex.legalContext ? { legalContext: ex.legalContext } : {}), ...ex.request },
          expect: { code: ex.expect.code, http: ex.expect.http ?? 200 },
        });
      }
    }
    for (const file of files.filter((f) => f.endsWith('.ssdn.xml'))) {
      const name = file.slice(0, -'.ssdn.xml'.length);
      const code = statusCodeOfSsdn(name.split('-')[0] ?? '');
      const twin = mine.find(
        (e) => e.json && !e.ssdn && situation(e.name) === situation(name) && e.expect.code === code,
      );
      if (twin) {
        twin.ssdn = read(file);
        twin.sources.push(rel(flow.id, file));
        continue;
      }
      mine.push({
        flow: flow.id,
        name,
        operation: flow.operations[0]?.name ?? '',
        description: `${flow.ssdn?.serviceId ?? flow.id} request ${name.replace(/-/g, ' ')} (SSDN example)`,
        sources: [rel(flow.id, file)],
        user: { userId: '' },
        person: null,
        register: null,
        clock: DEFAULT_EXAMPLE_CLOCK,
        ssdn: read(file),
        expect: { code, http: 200 },
      });
    }
    if (flow.ssdn) {
      const ns = flow.ssdn.namespace;
      for (const file of files.filter((f) => f.endsWith('.xml') && !f.endsWith('.ssdn.xml'))) {
        const text = read(file);
        // Only bare payloads of this flow's service; SOAP requests named by a manifest are read above.
        if (!new RegExp(`xmlns(:\\w+)?="${ns.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`).test(text)) continue;
        if (/Envelope[\s>]/.test(text.slice(0, 400))) continue;
        const name = file.slice(0, -'.xml'.length);
        const prefix = name.split('-')[0] ?? '';
        const coded = /^(MSG\d{5}|OK|\d{8}|[A-Z]{2,4}\d{4,6})$/.test(prefix);
        mine.push({
          flow: flow.id,
          name,
          operation: flow.operations[0]?.name ?? '',
          description: `${flow.ssdn.serviceId} payload ${name.replace(/-/g, ' ')}, sent by the social worker`,
          sources: [rel(flow.id, file)],
          user: { role: 'social-worker' },
          person: null,
          register: null,
          clock: DEFAULT_EXAMPLE_CLOCK,
          payload: text.replace(/^\s*(<\?xml[^>]*\?>)?\s*(<!--[\s\S]*?-->\s*)*/, ''),
          expect: { code: coded ? statusCodeOfSsdn(prefix) : 'MSG00000', http: 200 },
        });
      }
    }
    out.push(...mine.sort((a, b) => byString(a.name, b.name)));
  }
  return out;
}
