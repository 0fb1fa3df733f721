import { expect, fixture, html } from '@open-wc/testing';
import { memoryTokenStore, TrainingApi } from '../api/training.ts';
import type { Me } from '../api/types.ts';
import { mePoller } from '../controllers/workshop.ts';
import { locale } from '../i18n/index.ts';
import { installTokens } from '../styles/tokens.ts';
import { seriousViolations } from '../testing/axe.ts';
import { $, settle, shadow } from '../testing/dom.ts';
import { deepText, type FakeFetch, fakeFetch, waitFor } from '../testing/fake-fetch.ts';
import { workshopMe } from '../testing/fixtures.ts';
import type { KtWorkshopHome } from './kt-workshop-home.ts';
import './kt-workshop-home.ts';

installTokens(document);

async function mount(me: Me | (() => Me), intervalMs = 5000) {
  const f: FakeFetch = fakeFetch({
    'GET /api/participants/me': () => ({ json: typeof me === 'function' ? me() : me }),
  });
  const api = new TrainingApi({ fetch: f.fetch, tokens: memoryTokenStore('tok-ws') });
  mePoller(api).intervalMs = intervalMs;
  // Test pages run side by side, some in a background tab: poll there too.
  mePoller(api).pauseWhenHidden = false;
  const el = await fixture<KtWorkshopHome>(html`<kt-workshop-home .api=${api}></kt-workshop-home>`);
  const root = shadow(el, 'kt-workshop-home');
  await waitFor(() => root.querySelector('h1'), 'the workshop');
  const status = shadow($(root, 'kt-workshop-status'), 'kt-workshop-status');
  await settle();
  return { el, root, status, f };
}

const statusText = (status: ShadowRoot) => $(status, '[data-testid=workshop-status]').textContent?.trim() ?? '';
const timeLeft = (status: ShadowRoot) => status.querySelector('[data-testid=time-left]')?.textContent?.trim() ?? '';

describe('kt-workshop-home', () => {
  beforeEach(() => locale.set('nl', { persist: false }));

  it('shows a running workshop: title, status, time left from the server’s clock, exercises in order', async () => {
    const { el, root, status } = await mount(workshopMe());
    expect($(root, 'h1').textContent).to.equal('VVSG Gent — namiddag');
    expect(deepText(root)).to.contain('Workshop · code K7P4QX');
    expect(statusText(status)).to.equal('De workshop is bezig');
    // endsAt − serverNow = 12:34, whatever the browser's clock says; it ticks every second.
    expect(timeLeft(status)).to.equal('12:34');
    await waitFor(() => timeLeft(status) === '12:33', 'the clock to tick', 2500);

    const items = [...root.querySelectorAll('li')];
    expect(items.map((li) => li.dataset.exercise)).to.deep.equal(['kl-work', 'infosec-desk', 'esv-current']);
    expect(items.map((li) => li.dataset.state)).to.deep.equal(['done', 'open', 'todo']);
    expect(items.map((li) => $(li, '[data-testid=state]').textContent?.trim())).to.deep.equal([
      'Ingediend: 4/6 punten',
      'Bezig',
      'Nog niet gestart',
    ]);
    expect($(root, '.progress').textContent).to.equal('1 van 3 oefeningen ingediend');
    expect($<HTMLAnchorElement>(items[0]!, 'a').getAttribute('href')).to.equal('/attempts/a-kl');
    expect($<HTMLAnchorElement>(items[1]!, 'a').textContent?.trim()).to.equal('Verder werken');
    expect($<HTMLAnchorElement>(items[1]!, 'a').getAttribute('href')).to.equal('/attempts/a1');

    let started = '';
    el.addEventListener('kt-start-exercise', (e) => {
      started = e.detail.exerciseId;
    });
    $<HTMLButtonElement>(items[2]!, 'button').click();
    expect(started).to.equal('esv-current');
    expect(await seriousViolations(el)).to.deep.equal([]);
  });

  it('in the lobby: asks for patience, shows the exercises, and does not start them', async () => {
    const { el, root, status } = await mount(
      workshopMe({ status: 'lobby', startedAt: null, endsAt: null }, { attempts: [] }),
    );
    expect(statusText(status)).to.equal('De lesgever is nog niet gestart — even geduld');
    expect(timeLeft(status)).to.equal('');
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('li button')];
    expect(buttons).to.have.length(3);
    let started = '';
    el.addEventListener('kt-start-exercise', (e) => {
      started = e.detail.exerciseId;
    });
    for (const b of buttons) {
      expect(b.getAttribute('aria-disabled')).to.equal('true');
      expect(b.getAttribute('aria-describedby')).to.equal('why');
      b.click();
    }
    expect(started).to.equal('');
    expect($(root, '#why').textContent).to.contain('pas als de lesgever de workshop start');
    expect(await seriousViolations(el)).to.deep.equal([]);
  });

  it('paused: says so and the clock stands still', async () => {
    const { status } = await mount(workshopMe({ status: 'paused' }));
    expect(statusText(status)).to.equal('Gepauzeerd door de lesgever');
    expect(timeLeft(status)).to.equal('12:34');
    expect(deepText(status)).to.contain('Resterende tijd (staat stil)');
    await settle(1200);
    expect(timeLeft(status)).to.equal('12:34');
  });

  it('ended: no more starting; a participant who did everything sees “klaar” and their total', async () => {
    const { root, status } = await mount(
      workshopMe(
        { status: 'ended', endsAt: '2031-03-04T14:30:00.000Z' },
        {
          attempts: [
            { id: 'a-kl', exerciseId: 'kl-work', status: 'submitted', points: 4, max: 6 },
            { id: 'a1', exerciseId: 'infosec-desk', status: 'submitted', points: 5, max: 5 },
            { id: 'a2', exerciseId: 'esv-current', status: 'submitted', points: 2, max: 5 },
          ],
        },
      ),
    );
    expect(statusText(status)).to.equal('De workshop is afgelopen');
    expect(root.querySelectorAll('li button')).to.have.length(0);
    const done = $(root, '[data-testid=all-done]');
    expect(deepText(done)).to.contain('Klaar! Je hebt alle oefeningen ingediend.');
    expect(deepText(done)).to.contain('Samen 11 van 16 punten.').and.contain('De lesgever toont de uitleg straks');
  });

  it('follows the workshop live (pause, resume, end) without a reload, and stops asking when gone', async () => {
    let status: 'running' | 'paused' | 'ended' = 'running';
    const { el, root, status: s, f } = await mount(() => workshopMe({ status }), 100);
    expect(statusText(s)).to.equal('De workshop is bezig');
    status = 'paused';
    await waitFor(() => statusText(s) === 'Gepauzeerd door de lesgever', 'the pause');
    expect($<HTMLButtonElement>(root, 'li[data-state=todo] button').getAttribute('aria-disabled')).to.equal('true');
    status = 'running';
    await waitFor(() => statusText(s) === 'De workshop is bezig', 'the resumption');
    expect($<HTMLButtonElement>(root, 'li[data-state=todo] button').getAttribute('aria-disabled')).to.equal('false');
    status = 'ended';
    await waitFor(() => statusText(s) === 'De workshop is afgelopen', 'the end');
    el.remove();
    const asked = f.callsTo('GET /api/participants/me').length;
    await settle(350);
    expect(f.callsTo('GET /api/participants/me').length).to.equal(asked);
  });

  it('when the time box runs out: “time is up” at once, and the server is asked without waiting for the poll', async () => {
    let calls = 0;
    const { root, status, f } = await mount(() => {
      calls++;
      return calls === 1
        ? workshopMe({ endsAt: '2031-03-04T14:00:01.500Z' })
        : workshopMe({ status: 'ended', endsAt: '2031-03-04T14:00:01.500Z', serverNow: '2031-03-04T14:00:01.600Z' });
    });
    expect(timeLeft(status)).to.equal('00:02');
    await waitFor(() => statusText(status) === 'De tijd is om', 'the end of the time box', 3000);
    expect(root.querySelectorAll('li button')).to.have.length(0);
    await waitFor(() => f.callsTo('GET /api/participants/me').length === 2, 'a fresh look at the workshop');
    await settle();
    expect(statusText(status)).to.equal('De tijd is om');
  });

  it('ended by its time box: “time is up”', async () => {
    const { status } = await mount(workshopMe({ status: 'ended', endsAt: '2031-03-04T14:00:00.000Z' }));
    expect(statusText(status)).to.equal('De tijd is om');
  });

  it('speaks French', async () => {
    locale.set('fr', { persist: false });
    const { root, status } = await mount(workshopMe({ status: 'lobby', startedAt: null, endsAt: null }));
    expect(statusText(status)).to.equal('Le formateur n’a pas encore commencé — un peu de patience');
    expect(deepText(root)).to.contain('Exercices de cet atelier').and.contain('Remis : 4/6 points');
    locale.set('nl', { persist: false });
  });
});
