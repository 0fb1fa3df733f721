import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { trainerUi } from './ui.ts';

/** A tiny app wired the way `createApp` wires the trainer UI. */
function appFor(dir: string): Hono {
  const ui = trainerUi(dir, () => '<!doctype html><html lang="nl-BE"><p>npm run build:ui</p></html>');
  const app = new Hono();
  app.get('/api/ping', (c) => c.json({ ok: true }));
  app.get('/assets/*', (c) => ui.asset(c));
  app.get('/', (c) => ui.page(c));
  app.notFound((c) => (ui.wantsPage(c) ? ui.page(c) : c.json({ error: 'no route' }, 404)));
  return app;
}

function builtDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ksz-ui-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="nl-BE"><kt-app></kt-app></html>');
  writeFileSync(join(dir, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'not an asset');
  return dir;
}

const html = { Accept: 'text/html,application/xhtml+xml' };

describe('serving the built trainer UI', () => {
  it('answers / and app paths that ask for HTML with index.html', async () => {
    const app = appFor(builtDir());
    for (const path of ['/', '/attempts/abc', '/workspace']) {
      const res = await app.request(path, { headers: html });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('Content-Type')).toMatch(/text\/html/);
      expect(await res.text()).toContain('<kt-app>');
    }
  });

  it('serves hashed assets with their type and a long cache, and 404s unknown ones', async () => {
    const app = appFor(builtDir());
    const js = await app.request('/assets/index-abc.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('Content-Type')).toMatch(/javascript/);
    expect(js.headers.get('Cache-Control')).toContain('immutable');
    expect(await js.text()).toBe('console.log(1)');
    expect((await app.request('/assets/nope.js')).status).toBe(404);
    expect((await app.request('/assets/%2e%2e/secret.txt')).status).toBe(404);
    expect((await app.request('/assets/..%2fsecret.txt')).status).toBe(404);
  });

  it('keeps API paths and non-HTML requests to the JSON 404', async () => {
    const app = appFor(builtDir());
    const api = await app.request('/api/nothing', { headers: html });
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({ error: 'no route' });
    for (const path of ['/ksz/nothing', '/t/x/nothing', '/__admin/x']) {
      expect((await app.request(path, { headers: html })).status, path).toBe(404);
    }
    const curl = await app.request('/some/page', { headers: { Accept: '*/*' } });
    expect(curl.status).toBe(404);
    const post = await app.request('/some/page', { method: 'POST', headers: html });
    expect(post.status).toBe(404);
  });

  it('shows a clear page when the UI was not built', async () => {
    const app = appFor(join(tmpdir(), 'ksz-ui-does-not-exist'));
    const res = await app.request('/', { headers: html });
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build:ui');
    expect((await app.request('/workspace', { headers: html })).status).toBe(503);
  });
});
