import { Hono } from 'hono';
import type { World } from '../../scenarios/engine/model.ts';
import { summarise } from '../../scenarios/engine/summary.ts';

export interface AppOptions {
  /** The world of the tenant `default`. */
  world: World;
  /** The tenant clock: `null` follows real time. */
  clock: string | null;
}

/**
 * The server as a Hono app, built from what it serves (no flow-specific code here).
 * Every response says the data is synthetic.
 *
 * @example
 * const app = createApp({ world: buildWorld({ preset: 'small', seed: 1 }), clock: '2025-06-30' });
 * await app.request('/health');
 */
export function createApp(opts: AppOptions): Hono {
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    c.res.headers.set('X-Synthetic-Data', 'true');
  });
  app.get('/health', (c) => c.json({ status: 'ok', synthetic: true }));
  app.get('/api/world/summary', (c) =>
    c.json({
      preset: opts.world.preset,
      seed: opts.world.seed,
      clock: opts.clock ?? 'real time',
      ...summarise(opts.world),
    }),
  );
  app.get('/', (c) => {
    const s = summarise(opts.world);
    return c.html(`<!doctype html>
<html lang="nl-BE"><head><meta charset="utf-8"><title>KSZ-oefenomgeving</title>
<style>body{font:18px/1.5 system-ui,sans-serif;max-width:48rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a}
.mark{display:inline-block;background:#ffe08a;color:#3d2e00;padding:.2rem .6rem;border-radius:.3rem;font-weight:700}</style></head>
<body><p class="mark">Synthetische gegevens — geen echte personen</p>
<h1>KSZ-oefenomgeving</h1>
<p>Wereld <strong>${opts.world.preset}</strong>, seed ${opts.world.seed}, klok ${opts.clock ?? 'volgt de echte tijd'}:
${s.persons} personen in ${s.households} gezinnen, ${s.organisations} organisaties.</p>
<p lang="fr">Données synthétiques — aucune personne réelle.</p></body></html>`);
  });
  app.notFound((c) => c.json({ error: `no route for ${c.req.method} ${c.req.path}` }, 404));
  app.onError((err, c) => {
    console.error(err);
    return c.json({ error: 'internal error' }, 500);
  });
  return app;
}
