import type { Context } from 'hono';
import type { FlowDef, OperationDef } from '../flows/define.ts';
import { invoke } from '../pipeline.ts';
import { basicCredentials, dropConnection, type FaceDeps, readBody, tenantOf } from './context.ts';

const problem = (
  c: Context,
  status: 400 | 401 | 404 | 413 | 415 | 500,
  message: string,
  extra?: Record<string, string>,
) =>
  c.json(
    { status: { value: 'NO_RESULT', code: status === 500 ? 'MSG00003' : 'INVALID_REQUEST', description: message } },
    status,
    extra,
  );

/**
 * `POST /ksz/json/<flow>/<operation>`: the same operation as the SOAP face, with the request as JSON and HTTP Basic
 * authentication. Answers `{ status, ...data }`; HTTP 200 for every KSZ status (refusals included), 4xx for requests
 * that are not JSON or lack credentials, 500 with MSG00003 for internal errors.
 */
export async function handleJson(
  c: Context,
  deps: FaceDeps,
  flow: FlowDef,
  operation: OperationDef<never, never>,
): Promise<Response> {
  const started = performance.now();
  const { id, tenant } = tenantOf(c, deps);
  if (!tenant) return problem(c, 404, `unknown tenant "${id}"`);
  const credentials = basicCredentials(c);
  if (!credentials)
    return problem(c, 401, 'HTTP Basic authentication is required (username and password of a user of the tenant)', {
      'WWW-Authenticate': 'Basic realm="KSZ sandbox (synthetic data)"',
    });
  if (!/^application\/json\b/i.test(c.req.header('Content-Type') ?? ''))
    return problem(c, 415, 'Content-Type must be application/json');
  const body = await readBody(c);
  if (!body.ok) return problem(c, body.status, body.message);
  let raw: string;
  let json: unknown;
  try {
    raw = new TextDecoder('utf-8', { fatal: true }).decode(body.bytes);
    json = JSON.parse(raw);
  } catch (e) {
    return problem(c, 400, `the body is not valid UTF-8 JSON: ${(e as Error).message}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return problem(c, 400, 'the body must be a JSON object');
  const input = json as Record<string, unknown>;
  const legalContext = typeof input.legalContext === 'string' ? input.legalContext : null;
  if (flow.legalContexts.length > 0 && legalContext === null)
    return problem(c, 400, `legalContext is required for ${flow.id} (one of: ${flow.legalContexts.join(', ')})`);
  const outcome = await invoke(deps, {
    tenant,
    flow,
    operation,
    caller: { kind: 'basic', username: credentials.username, password: credentials.password },
    legalContext,
    face: 'json',
    raw,
    started,
    read: () => operation.fromJson(input),
  });
  if (outcome.kind === 'drop') return dropConnection(c);
  if (outcome.kind === 'fault') return c.json({ status: outcome.status }, 500);
  const data =
    outcome.kind === 'answer' && outcome.ctx
      ? operation.toJson(outcome.answer as never, outcome.ctx, outcome.request as never)
      : {};
  return c.json({ status: outcome.status, ...data });
}
