import { describe, expect, it } from 'vitest';
import { buildWorld } from '../../scenarios/engine/world.ts';
import { createApp } from './app.ts';

const app = createApp({ world: buildWorld({ preset: 'small', seed: 1, households: 10 }), clock: '2025-06-30' });

describe('the server front door', () => {
  it('marks every response as synthetic, also errors', async () => {
    for (const path of ['/', '/health', '/no/such/path']) {
      const res = await app.request(path);
      expect(res.headers.get('X-Synthetic-Data')).toBe('true');
    }
    expect((await app.request('/no/such/path')).status).toBe(404);
  });

  it('shows a start page in Dutch with the synthetic-data mark', async () => {
    const html = await (await app.request('/')).text();
    expect(html).toContain('Synthetische gegevens');
    expect(html).toContain('lang="nl-BE"');
  });

  it('summarises the world it serves', async () => {
    const s = (await (await app.request('/api/world/summary')).json()) as { persons: number; clock: string };
    expect(s.persons).toBeGreaterThan(10);
    expect(s.clock).toBe('2025-06-30');
  });
});
