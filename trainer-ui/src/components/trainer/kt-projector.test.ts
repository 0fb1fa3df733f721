import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { TrainerApi } from '../../api/trainer.ts';
import type { Console } from '../../api/trainer-types.ts';
import { memoryTokenStore } from '../../api/training.ts';
import { locale } from '../../i18n/index.ts';
import { installTokens } from '../../styles/tokens.ts';
import { seriousViolations } from '../../testing/axe.ts';
import { $, shadow } from '../../testing/dom.ts';
import { deepQuery, deepQueryAll, deepText, fakeFetch, waitFor } from '../../testing/fake-fetch.ts';
import { ALIASES, consoleData, PASSWORD, PSEUDONYMS, QR_SVG } from './fixtures.ts';
import type { KtProjector } from './kt-projector.ts';
import type { KtTrainerApp } from './kt-trainer-app.ts';
import './kt-projector.ts';
import './kt-trainer-app.ts';

installTokens(document);

async function mount(data: Console) {
  const f = fakeFetch({
    'GET /api/workshops/w1': { json: data },
    'GET /api/workshops/w1/qr.svg': { text: QR_SVG },
  });
  const api = new TrainerApi({ fetch: f.fetch, passwords: memoryTokenStore(PASSWORD) });
  const el = await fixture<KtProjector>(html`<kt-projector .api=${api} workshop-id="w1"></kt-projector>`);
  const root = shadow(el, 'kt-projector');
  await waitFor(() => root.querySelector('[data-testid=join-code]'), 'the projector');
  await waitFor(
    () => deepQuery(root, 'kt-join-qr') && shadow(deepQuery(root, 'kt-join-qr')).querySelector('svg'),
    'QR',
  );
  for (const child of deepQueryAll<HTMLElement & { updateComplete: Promise<unknown> }>(
    root,
    'kt-leaderboard, kt-score-chart',
  ))
    await child.updateComplete;
  return { el, root, f };
}

/** Every text and attribute value of the projector, through its shadow roots (what a room could read or hear). */
function everything(root: ShadowRoot): string {
  const parts = [deepText(root)];
  for (const el of deepQueryAll(root, '*')) for (const a of el.attributes) parts.push(a.value);
  return parts.join(' ');
}

describe('kt-projector', () => {
  beforeEach(() => locale.set('nl', { persist: false }));

  it('shows the join code, the QR, the URL, the number of participants and the time left', async () => {
    const { root } = await mount(consoleData());
    expect($(root, '[data-testid=join-code]').textContent).to.equal('HTK4PX');
    // The URL as people type it: the code goes in the page's own field (the QR code carries the whole URL).
    expect($(root, '.url').textContent).to.equal('http://192.168.1.20:8080/join');
    // It may wrap after the host's slash, never inside "http://"; its type is sized for the longest part.
    expect(
      [...$(root, '.url').childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent),
    ).to.deep.equal(['http://192.168.1.20:8080/', 'join']);
    expect($(root, '.url').style.getPropertyValue('--url-chars')).to.equal('25');
    expect(deepText(root)).to.contain('3 deelnemers');
    expect($(root, '[data-testid=time-left]').textContent).to.match(/Nog 2[45]:\d\d/);
    expect(deepText(root)).to.contain('Synthetische gegevens');
  });

  it('named: the leaderboard with pseudonyms', async () => {
    const { root } = await mount(consoleData({ leaderboard: 'named' }));
    const board = deepText($(root, '[data-testid=leaderboard]'));
    expect(board).to.contain('Uil').and.contain('Vos').and.contain('Das');
    expect(board.indexOf('Uil')).to.be.lessThan(board.indexOf('Vos'));
  });

  it('anonymous: aliases only, never a pseudonym anywhere', async () => {
    const { root } = await mount(consoleData({ leaderboard: 'anonymous' }));
    const board = deepText($(root, '[data-testid=leaderboard]'));
    for (const alias of ALIASES) expect(board).to.contain(alias);
    const all = everything(root);
    for (const name of PSEUDONYMS) expect(all).to.not.match(new RegExp(`\\b${name}\\b`));
  });

  it('hidden: no leaderboard, no names at all', async () => {
    const { root } = await mount(consoleData({ leaderboard: 'hidden' }));
    expect(root.querySelector('[data-testid=leaderboard]')).to.equal(null);
    expect(root.querySelector('kt-leaderboard')).to.equal(null);
    const all = everything(root);
    for (const name of [...PSEUDONYMS, ...ALIASES]) expect(all).to.not.contain(name);
    // The charts are still there.
    expect(deepQueryAll(root, 'kt-score-chart')).to.have.length(3);
  });

  it('shows a PAUSED banner while paused', async () => {
    const { root } = await mount(consoleData({ status: 'paused' }));
    expect($(root, '[data-testid=paused]').textContent).to.contain('GEPAUZEERD');
  });

  it('speaks the workshop’s language (French)', async () => {
    const { root } = await mount(consoleData({ language: 'fr', status: 'paused' }));
    expect($(root, '.screen').getAttribute('lang')).to.equal('fr-BE');
    expect(deepText(root)).to.contain('EN PAUSE').and.contain('Classement');
    const chart = deepQuery(root, 'kt-score-chart');
    const label = shadow(chart).querySelector('svg')?.getAttribute('aria-label');
    expect(label).to.contain('Répartition des scores pour Demande au guichet');
  });

  it('draws the charts with labels that say the numbers', async () => {
    const { root } = await mount(consoleData());
    const chart = $(root, 'figure[data-exercise=kl-work] kt-score-chart');
    const label = shadow(chart).querySelector('svg')?.getAttribute('aria-label') ?? '';
    expect(label).to.contain('Zwartwerk tijdens leefloon').and.contain('1 keer ingediend').and.contain('gemiddeld 60%');
    expect(label).to.contain('van 60 tot 69 procent: 1');
  });

  it('fits a 1280×720 and a 1920×1080 beamer without scrolling, with a join code readable from the back', async () => {
    const { root } = await mount(consoleData());
    try {
      for (const [width, height] of [
        [1280, 720],
        [1920, 1080],
      ] as const) {
        await setViewport({ width, height });
        await new Promise((r) => setTimeout(r, 50));
        const screen = $(root, '.screen');
        expect(screen.scrollHeight, `height at ${width}×${height}`).to.be.at.most(height);
        expect(screen.scrollWidth, `width at ${width}×${height}`).to.be.at.most(width);
        const code = Number.parseFloat(getComputedStyle($(root, '[data-testid=join-code]')).fontSize);
        expect(code, `code size at ${width}×${height}`).to.be.at.least(height / 11);
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('has no serious accessibility problems', async () => {
    const { el } = await mount(consoleData({ leaderboard: 'anonymous' }));
    expect(await seriousViolations(el)).to.deep.equal([]);
  });

  it('is what the trainer app shows, without its header, for /trainer/workshops/:id/projector', async () => {
    const f = fakeFetch({
      'GET /api/workshops/w1': { json: consoleData() },
      'GET /api/workshops/w1/qr.svg': { text: QR_SVG },
    });
    const api = new TrainerApi({ fetch: f.fetch, passwords: memoryTokenStore(PASSWORD) });
    const el = await fixture<KtTrainerApp>(
      html`<kt-trainer-app .api=${api} .route=${{ name: 'projector', workshopId: 'w1' }}></kt-trainer-app>`,
    );
    const root = shadow(el);
    expect(root.querySelector('header')).to.equal(null);
    const p = await waitFor(() => root.querySelector('kt-projector'), 'the projector');
    await waitFor(() => p.shadowRoot?.querySelector('[data-testid=join-code]'), 'its data');
  });
});
