import { type Context, Hono } from 'hono';
import { apiError, badRequest } from '../errors.ts';
import { toCsv } from './csv.ts';
import { resultsInput, viewOf, type WorkshopDeps } from './deps.ts';
import { qrSvg } from './qr.ts';
import { csvRowsOf, reportParticipants } from './results.ts';
import { baseUrl, joinUrl } from './views.ts';

/**
 * What leaves the room: the results CSV, the report (JSON, with the explanations) and the QR code of the join URL.
 * Mounted inside the trainer routes, behind their credential check.
 */
export function exportRoutes(deps: WorkshopDeps): Hono {
  const app = new Hono();
  const find = (c: Context) => deps.store.workshops.get(c.req.param('id') ?? '');

  app.get('/:id/results.csv', (c) => {
    const w = find(c);
    if (!w) return apiError(c, 404, 'unknown-workshop');
    const delimiter = c.req.query('delimiter');
    if (delimiter !== undefined && delimiter !== 'semicolon' && delimiter !== 'comma')
      return badRequest(c, {
        nl: '"delimiter" moet "semicolon" (Excel met Belgische instellingen) of "comma" zijn.',
        fr: '« delimiter » doit être « semicolon » (Excel avec des réglages belges) ou « comma ».',
      });
    const csv = toCsv(csvRowsOf(resultsInput(deps, w)), delimiter === 'semicolon' ? ';' : ',');
    return c.body(csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      // The Excel variant gets its own name: downloading both does not give "(1)" copies.
      'Content-Disposition': `attachment; filename="workshop-${w.code}-resultaten${delimiter === 'semicolon' ? '-excel' : ''}.csv"`,
      'Cache-Control': 'no-store',
    });
  });

  app.get('/:id/report', (c) => {
    const w = find(c);
    if (!w) return apiError(c, 404, 'unknown-workshop');
    const only = c.req.query('participant');
    const input = resultsInput(deps, w);
    if (only !== undefined && !input.participants.some((p) => p.id === only))
      return apiError(c, 404, 'unknown-participant');
    const participants = only === undefined ? input.participants : input.participants.filter((p) => p.id === only);
    return c.json({
      workshop: viewOf(c, deps, w),
      generatedAt: deps.now().toISOString(),
      participants: reportParticipants({ ...input, participants }),
    });
  });

  app.get('/:id/qr.svg', (c) => {
    const w = find(c);
    if (!w) return apiError(c, 404, 'unknown-workshop');
    return c.body(qrSvg(joinUrl(baseUrl(c, deps.publicUrl), w.code)), 200, {
      'Content-Type': 'image/svg+xml',
      'Cache-Control': 'no-store',
    });
  });

  return app;
}
