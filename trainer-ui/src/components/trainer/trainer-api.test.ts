import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { authorization, filenameFrom, PASSWORD_KEY, sessionPasswordStore, TrainerApi } from '../../api/trainer.ts';
import { ApiError, memoryTokenStore } from '../../api/training.ts';
import { fakeFetch } from '../../testing/fake-fetch.ts';
import { PASSWORD, workshop } from './fixtures.ts';
import { formatClock, timeLeft } from './format.ts';
import { PollController, ServerClock } from './poll.ts';
import { safeSvg } from './safe-svg.ts';

describe('TrainerApi', () => {
  it('sends the password as a bearer credential to every trainer endpoint, none to the exercises', async () => {
    const f = fakeFetch({
      'GET /api/exercises': { json: [] },
      'GET /api/workshops': { json: [] },
      'POST /api/workshops': { status: 201, json: workshop() },
      'PATCH /api/workshops/w1': { json: workshop() },
      'POST /api/workshops/w1/*': { json: workshop() },
      'GET /api/workshops/w1/report': { json: {} },
      'GET /api/workshops/w1/qr.svg': { text: '<svg/>' },
    });
    const api = new TrainerApi({ fetch: f.fetch, passwords: memoryTokenStore(PASSWORD) });
    await api.exercises();
    await api.workshops();
    await api.create({ title: 'T', exercises: ['a'] });
    await api.update('w1', { leaderboard: 'hidden' });
    for (const a of ['start', 'pause', 'resume', 'end'] as const) await api.act('w1', a);
    await api.reveal('w1', false);
    await api.rejoinCode('w1', 'p 1');
    await api.report('w1', 'p2');
    expect(await api.qrSvg('w1')).to.equal('<svg/>');
    expect(f.calls[0]?.headers.authorization).to.equal(undefined);
    for (const call of f.calls.slice(1)) expect(call.headers.authorization, call.url).to.equal(`Bearer ${PASSWORD}`);
    expect(f.calls.map((c) => `${c.method} ${c.url}`).slice(1)).to.deep.equal([
      'GET /api/workshops',
      'POST /api/workshops',
      'PATCH /api/workshops/w1',
      'POST /api/workshops/w1/start',
      'POST /api/workshops/w1/pause',
      'POST /api/workshops/w1/resume',
      'POST /api/workshops/w1/end',
      'POST /api/workshops/w1/reveal',
      'POST /api/workshops/w1/participants/p%201/rejoin-code',
      'GET /api/workshops/w1/report?participant=p2',
      'GET /api/workshops/w1/qr.svg',
    ]);
    expect(f.calls.find((c) => c.url.endsWith('/reveal'))?.body).to.deep.equal({ revealed: false });
  });

  it('keeps the password in sessionStorage only after the server accepted it; a 401 drops it', async () => {
    sessionStorage.removeItem(PASSWORD_KEY);
    const f = fakeFetch({
      'GET /api/workshops': (call) =>
        call.headers.authorization === `Bearer ${PASSWORD}`
          ? { json: [] }
          : { status: 401, json: { error: { code: 'trainer-unauthorized', message: { nl: 'Nee', fr: 'Non' } } } },
    });
    const api = new TrainerApi({ fetch: f.fetch, passwords: sessionPasswordStore(sessionStorage) });
    let dropped = 0;
    api.onUnauthorized = () => dropped++;
    const wrong = await api.signIn('fout').catch((e: unknown) => e);
    expect(wrong).to.be.instanceOf(ApiError);
    expect((wrong as ApiError).status).to.equal(401);
    expect(sessionStorage.getItem(PASSWORD_KEY)).to.equal(null);
    expect(dropped).to.equal(0);
    await api.signIn(PASSWORD);
    expect(sessionStorage.getItem(PASSWORD_KEY)).to.equal(PASSWORD);
    sessionStorage.setItem(PASSWORD_KEY, 'changed-on-the-server');
    await api.workshops().catch(() => undefined);
    expect(sessionStorage.getItem(PASSWORD_KEY)).to.equal(null);
    expect(dropped).to.equal(1);
    expect(api.signedIn).to.equal(false);
  });

  it('reads the file name of Content-Disposition, never a path', () => {
    expect(filenameFrom('attachment; filename="workshop-HTK4PX.csv"')).to.equal('workshop-HTK4PX.csv');
    expect(filenameFrom("attachment; filename=x.csv; filename*=UTF-8''r%C3%A9sultats%20atelier.csv")).to.equal(
      'résultats atelier.csv',
    );
    expect(filenameFrom('attachment; filename=plain.csv')).to.equal('plain.csv');
    expect(filenameFrom('attachment; filename="../../etc/passwd"')).to.equal('passwd');
    expect(filenameFrom('attachment')).to.equal(null);
    expect(filenameFrom(null)).to.equal(null);
  });

  it('sends a password with non-ASCII characters as HTTP Basic (UTF-8)', () => {
    expect(authorization('Trainer-2025')).to.equal('Bearer Trainer-2025');
    const basic = authorization('Lesgevér 2025');
    expect(basic.startsWith('Basic ')).to.equal(true);
    const bytes = Uint8Array.from(atob(basic.slice(6)), (c) => c.charCodeAt(0));
    expect(new TextDecoder().decode(bytes)).to.equal('trainer:Lesgevér 2025');
  });

  it('turns network failures into ApiError 0', async () => {
    const api = new TrainerApi({
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
      passwords: memoryTokenStore(PASSWORD),
    });
    const e = await api.workshops().catch((x: unknown) => x);
    expect((e as ApiError).status).to.equal(0);
  });
});

describe('safeSvg', () => {
  it('accepts an SVG (with an XML declaration) and refuses anything else or anything with a script', () => {
    expect(safeSvg('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>')?.localName).to.equal(
      'svg',
    );
    expect(safeSvg('<html><svg xmlns="http://www.w3.org/2000/svg"/></html>')).to.equal(null);
    expect(safeSvg('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')).to.equal(null);
    expect(safeSvg('<svg xmlns="http://www.w3.org/2000/svg"><SCRIPT>alert(1)</SCRIPT></svg>')).to.equal(null);
    expect(safeSvg('not svg')).to.equal(null);
    expect(safeSvg('<svg xmlns="http://www.w3.org/2000/svg"><rect</svg>')).to.equal(null);
  });

  it('removes event handlers, foreign objects and external links', () => {
    const svg = safeSvg(
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" onload="alert(1)">' +
        '<a href="javascript:alert(1)"><rect onclick="x()"/></a><foreignObject><div/></foreignObject>' +
        '<use xlink:href="https://evil.example/x.svg#a"/><use href="#local"/></svg>',
    );
    expect(svg).to.not.equal(null);
    const text = svg!.outerHTML;
    expect(text).to.not.contain('onload').and.not.contain('onclick').and.not.contain('javascript:');
    expect(text).to.not.contain('foreignObject').and.not.contain('evil.example');
    expect(text).to.contain('href="#local"');
  });
});

describe('time left', () => {
  it('counts down by the server’s clock, stands still while paused, the whole box before the start', () => {
    const clock = new ServerClock();
    clock.sync('2025-06-30T08:20:00Z');
    const running = timeLeft(workshop(), clock)!;
    expect(running).to.be.within(24 * 60_000, 25 * 60_000);
    expect(formatClock(running + 999)).to.match(/^2[45]:\d\d$/);
    expect(timeLeft(workshop({ status: 'paused' }), clock)).to.equal(25 * 60_000);
    expect(timeLeft(workshop({ status: 'lobby', endsAt: null }), clock)).to.equal(45 * 60_000);
    expect(timeLeft(workshop({ status: 'ended' }), clock)).to.equal(0);
    expect(timeLeft(workshop({ timeBoxMinutes: null }), clock)).to.equal(null);
    expect(formatClock(3_725_000)).to.equal('1:02:05');
    expect(formatClock(-5)).to.equal('0:00');
  });
});

describe('PollController', () => {
  const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('polls while the page is visible, stops when it is hidden or the element is removed', async () => {
    let hidden = false;
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
    let runs = 0;
    class PollHost extends LitElement {
      readonly poll = new PollController(
        this,
        async () => {
          runs++;
        },
        30,
      );
    }
    customElements.define('kt-test-poll-host', PollHost);
    const el = document.createElement('kt-test-poll-host');
    try {
      document.body.append(el);
      await wait(140);
      expect(runs).to.be.at.least(3);
      hidden = true;
      document.dispatchEvent(new Event('visibilitychange'));
      await wait(40);
      const whileHidden = runs;
      await wait(120);
      expect(runs).to.equal(whileHidden);
      hidden = false;
      document.dispatchEvent(new Event('visibilitychange'));
      await wait(5);
      expect(runs).to.be.greaterThan(whileHidden);
      el.remove();
      await wait(40);
      const removed = runs;
      await wait(120);
      expect(runs).to.equal(removed);
    } finally {
      el.remove();
      delete (document as { hidden?: boolean }).hidden;
    }
  });
});
