import { beforeAll, describe, expect, it } from 'vitest';
import { testServer } from '../../test/support/server.ts';
import type { Server } from './server.ts';

let server: Server;
beforeAll(async () => {
  server = await testServer();
});

describe('the server front door', () => {
  it('marks every response as synthetic, also errors', async () => {
    for (const path of ['/', '/health', '/ksz/flows', '/no/such/path']) {
      const res = await server.app.request(path);
      expect(res.headers.get('X-Synthetic-Data')).toBe('true');
    }
    const missing = await server.app.request('/no/such/path');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: string }).error).toMatch(/no route/);
  });

  it('answers / with the trainer UI, or a page saying how to build it; in Dutch with the synthetic-data mark', async () => {
    const res = await server.app.request('/', { headers: { Accept: 'text/html' } });
    const html = await res.text();
    expect(html).toContain('Synthetische gegevens');
    expect(html).toContain('lang="nl-BE"');
    if (res.status === 503) {
      expect(html).toContain('npm run build:ui');
      expect(html).toContain('2025-06-30');
    } else expect(html).toContain('<kt-app>');
  });

  it('summarises the world of the default tenant', async () => {
    const s = (await (await server.app.request('/api/world/summary')).json()) as { persons: number; today: string };
    expect(s.persons).toBeGreaterThan(100);
    expect(s.today).toBe('2025-06-30');
  });
});
