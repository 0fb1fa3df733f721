import { Hono } from 'hono';
import { summarise } from '../../scenarios/engine/summary.ts';
import { conformanceRoutes } from './ksz/conformance/routes.ts';
import type { FaceDeps } from './ksz/faces/context.ts';
import { kszRoutes } from './ksz/routes.ts';
import { DEFAULT_UI_DIR, trainerUi } from './ui.ts';

export interface AppDeps extends FaceDeps {
  /** The `/__admin` routes (tenants, journal, faults, clock, users), mounted when given. */
  admin?: Hono;
  /** The training API (`/api/exercises`, `/api/attempts` …), mounted when given. */
  training?: Hono;
  /** The built trainer UI served at `/` (default `dist/ui`). */
  uiDir?: string;
}

/**
 * The whole server as a Hono app, built from what it is given (store, tenants, flows, faults, clock): no
 * flow-specific code here. Every response says the data is synthetic.
 *
 * @example
 * const app = createApp(await testDeps());
 * await app.request('/ksz/flows');
 */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    c.res.headers.set('X-Synthetic-Data', 'true');
  });
  app.get('/health', (c) => c.json({ status: 'ok', synthetic: true }));
  if (deps.admin) app.route('/__admin', deps.admin);
  // The conformance report, behind the admin routes' token check (which runs first for every /__admin path).
  if (deps.admin)
    app.route('/__admin', conformanceRoutes({ store: deps.store, tenants: deps.tenants, flows: deps.flows }));
  const ksz = kszRoutes(deps);
  app.route('/t/:tenant', ksz);
  app.route('/', ksz);
  app.get('/api/world/summary', (c) => {
    const tenant = deps.tenants.get(c.req.header('X-KSZ-Tenant') ?? 'default');
    if (!tenant) return c.json({ error: 'unknown tenant' }, 404);
    return c.json({
      preset: tenant.world.preset,
      seed: tenant.world.seed,
      clock: tenant.record.clock ?? 'real time',
      today: tenant.today(),
      ...summarise(tenant.world),
    });
  });
  if (deps.training) app.route('/api', deps.training);
  const ui = trainerUi(deps.uiDir ?? DEFAULT_UI_DIR, () => {
    const tenant = deps.tenants.get('default');
    const s = tenant ? summarise(tenant.world) : undefined;
    return `<!doctype html>
<html lang="nl-BE"><head><meta charset="utf-8"><title>KSZ-oefenomgeving</title>
<style>body{font:18px/1.5 system-ui,sans-serif;max-width:48rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a}
.mark{display:inline-block;background:#ffe08a;color:#3d2e00;padding:.2rem .6rem;border-radius:.3rem;font-weight:700}
.todo{border-left:.4rem solid #7a4d00;background:#fff4d6;padding:.6rem 1rem}
code{background:#f1f1f1;padding:0 .3rem}</style></head>
<body><p class="mark">Synthetische gegevens — geen echte personen</p>
<h1>KSZ-oefenomgeving</h1>
<p class="todo">De trainer-app is niet gebouwd: voer <code>npm run build:ui</code> uit (of start met <code>npm start</code>, dat bouwt hem eerst) en laad deze pagina opnieuw.<br>
<span lang="fr">L'application n'est pas construite : lancez <code>npm run build:ui</code> (ou <code>npm start</code>) puis rechargez cette page.</span></p>
${s && tenant ? `<p>Wereld <strong>${tenant.world.preset}</strong>, seed ${tenant.world.seed}, datum ${tenant.today()}${tenant.record.clock ? ' (vaste klok)' : ''}: ${s.persons} personen in ${s.households} gezinnen.</p>` : ''}
<ul><li><a href="/ksz/flows">Catalogus van de KSZ-stromen</a> (<code>GET /ksz/flows</code>)</li>
<li><a href="/ksz/wsdl">WSDL's</a> · <a href="/ksz/openapi.json">OpenAPI (JSON)</a></li></ul>
<p lang="fr">Données synthétiques — aucune personne réelle.</p></body></html>`;
  });
  // The trainer UI (built by `npm run build:ui` into dist/ui): its assets, and its page for `/` and app paths.
  app.get('/assets/*', (c) => ui.asset(c));
  app.get('/', (c) => ui.page(c));
  app.notFound((c) =>
    ui.wantsPage(c)
      ? ui.page(c)
      : c.json({ error: `no route for ${c.req.method} ${c.req.path}; see GET /ksz/flows and the README` }, 404),
  );
  app.onError((err, c) => {
    console.error(err);
    return c.json({ error: 'internal error' }, 500);
  });
  return app;
}
