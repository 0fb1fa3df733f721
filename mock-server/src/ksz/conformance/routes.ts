import { type Context, Hono } from 'hono';
import type { Store } from '../../store/types.ts';
import { type AdminEnv, UNAUTHORIZED } from '../admin/auth.ts';
import type { FlowDef } from '../flows/define.ts';
import type { TenantManager } from '../tenants/types.ts';
import { type AcceptanceCase, buildCases } from './cases.ts';
import { loadExamples } from './examples.ts';
import { reportHtml } from './html.ts';
import { type ConformanceReport, conformanceReport } from './report.ts';

export interface ConformanceDeps {
  store: Store;
  tenants: Pick<TenantManager, 'get'>;
  flows: readonly FlowDef[];
  /** The acceptance cases; default: built from the flows and their examples folders (once). */
  cases?: () => readonly AcceptanceCase[];
}

/**
 * `GET /tenants/<id>/report` (JSON) and `GET /tenants/<id>/report.html` (printable page), mounted at `/__admin`
 * after the admin routes: those routes' token check runs first (admin token, or this tenant's token), and these
 * handlers refuse any request it did not let through. `?from=&to=` restrict the journal rows as for `/journal`.
 *
 * @example
 * app.route('/__admin', adminRoutes(...));
 * app.route('/__admin', conformanceRoutes({ store, tenants, flows }));
 */
export function conformanceRoutes(deps: ConformanceDeps): Hono<AdminEnv> {
  let cached: readonly AcceptanceCase[] | undefined;
  const cases = () => {
    cached ??= deps.cases ? deps.cases() : buildCases(deps.flows, loadExamples(deps.flows));
    return cached;
  };
  const app = new Hono<AdminEnv>();

  function build(c: Context<AdminEnv>): { report: ConformanceReport } | { error: Response } {
    // Defence in depth: only reachable behind the admin routes' token check, which sets the caller.
    const caller = c.get('caller');
    const id = c.req.param('id') ?? '';
    if (!caller || (caller.kind === 'tenant' && caller.tenant !== id)) return { error: c.json(UNAUTHORIZED, 401) };
    const tenant = deps.tenants.get(id);
    if (!tenant) return { error: c.json({ error: `no tenant ${JSON.stringify(id)}` }, 404) };
    const from = c.req.query('from');
    const to = c.req.query('to');
    const rows = deps.store.journal.query(id, {
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    });
    return { report: conformanceReport({ tenant: id, rows, cases: cases(), flows: deps.flows }) };
  }

  app.get('/tenants/:id/report', (c) => {
    const r = build(c);
    return 'error' in r ? r.error : c.json(r.report);
  });
  app.get('/tenants/:id/report.html', (c) => {
    const r = build(c);
    return 'error' in r ? r.error : c.html(reportHtml(r.report, cases()));
  });
  return app;
}
