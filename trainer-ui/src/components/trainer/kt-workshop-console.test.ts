import { expect, fixture, html } from '@open-wc/testing';
import { TrainerApi } from '../../api/trainer.ts';
import { memoryTokenStore } from '../../api/training.ts';
import { locale } from '../../i18n/index.ts';
import { installTokens } from '../../styles/tokens.ts';
import { seriousViolations } from '../../testing/axe.ts';
import { $, button, settle, shadow } from '../../testing/dom.ts';
import { deepText, type FakeFetch, fakeFetch, type Reply, waitFor } from '../../testing/fake-fetch.ts';
import { consoleData, PASSWORD, QR_SVG, reply } from './fixtures.ts';
import type { KtScoreChart } from './kt-score-chart.ts';
import type { KtWorkshopConsole } from './kt-workshop-console.ts';
import './kt-workshop-console.ts';

installTokens(document);

const CSV = '\uFEFFworkshop_code,participant\r\nHTK4PX,Vos\r\n';

async function mount(routes: Record<string, Reply> = {}) {
  const f: FakeFetch = fakeFetch({
    'GET /api/workshops/w1': { json: consoleData() },
    'GET /api/workshops/w1/qr.svg': { text: QR_SVG },
    'GET /api/workshops/w1/results.csv': { text: CSV },
    ...routes,
  });
  // The fake answers no headers of its own: add the attachment's, as the server sends it.
  const fetch = async (input: string, init?: RequestInit) => {
    const res = await f.fetch(input, init);
    if (!input.includes('/results.csv') || !res.ok) return res;
    const semicolon = input.includes('delimiter=semicolon');
    return new Response(await res.text(), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="workshop-HTK4PX${semicolon ? '-excel' : ''}.csv"`,
      },
    });
  };
  const api = new TrainerApi({ fetch, passwords: memoryTokenStore(PASSWORD) });
  const el = await fixture<KtWorkshopConsole>(
    html`<kt-workshop-console .api=${api} workshop-id="w1"></kt-workshop-console>`,
  );
  const root = shadow(el, 'kt-workshop-console');
  await waitFor(() => root.querySelector('h1'), 'the console');
  await el.updateComplete;
  return { el, root, f };
}

function row(root: ShadowRoot, participant: string): HTMLTableRowElement {
  return $<HTMLTableRowElement>(root, `tbody tr[data-participant="${participant}"]`);
}

describe('kt-workshop-console', () => {
  beforeEach(() => locale.set('nl', { persist: false }));

  it('shows the join code, URL, QR, status, time left and the participants with their progress', async () => {
    const { root, f } = await mount();
    expect($(root, 'h1').textContent).to.contain('Leefloon en de KSZ — Gent');
    expect($(root, '[data-testid=join-code]').textContent).to.equal('HTK4PX');
    expect($(root, '.join-url').textContent).to.equal('http://192.168.1.20:8080/join?code=HTK4PX');
    expect(f.calls[0]?.headers.authorization).to.equal(`Bearer ${PASSWORD}`);
    const qr = shadow($(root, 'kt-join-qr'));
    const svg = await waitFor(() => qr.querySelector('svg'), 'the QR code');
    expect(svg.getAttribute('role')).to.equal('img');
    expect(svg.getAttribute('aria-label')).to.contain('join?code=HTK4PX');
    expect($(root, '[data-testid=time-left]').textContent?.trim()).to.match(/^2[45]:\d\d$/);
    expect(deepText($(root, '.figures'))).to.contain('Bezig');

    const vos = row(root, 'p1');
    const badge = $(vos, '.stuck');
    expect(badge.textContent).to.contain('vast sinds 8 min');
    expect(deepText(vos)).to.contain('zocht iets op · 8 min geleden').and.contain('De huidige beslissing');
    const cells = [...vos.querySelectorAll('td.num')].map((td) => deepText(td));
    expect(cells.slice(0, 3)).to.deep.equal(['4/5', 'bezig 1 hint', '— niet begonnen']);
    expect(deepText(row(root, 'p2')))
      .to.contain('12/15')
      .and.contain('alles ingediend')
      .and.contain('diende in');
    expect(deepText(row(root, 'p3'))).to.contain('begon een oefening · zonet');
    expect(row(root, 'p2').querySelector('.stuck')).to.equal(null);
    expect(deepText($(root, '[data-testid=stuck-notice]'))).to.contain('1 deelnemer zit vast: Vos');
  });

  it('pauses, resumes and starts with the right endpoints, and shows the new state', async () => {
    const { root, f } = await mount({ 'POST /api/workshops/w1/pause': reply('paused') });
    f.on('GET /api/workshops/w1', { json: consoleData({ status: 'paused' }) });
    button(root, 'Pauzeer iedereen').click();
    await waitFor(() => f.callsTo('POST /api/workshops/w1/pause').length === 1, 'the pause');
    const resume = await waitFor(() => root.querySelector<HTMLButtonElement>('[data-action=resume]'), 'Hervat');
    expect(resume.textContent).to.contain('Hervat');
    expect(root.querySelector('[data-action=pause]')).to.equal(null);
    await waitFor(() => root.activeElement === resume, 'the focus on Hervat');
    expect(deepText($(root, '.figures'))).to.contain('Gepauzeerd');
    await waitFor(() => root.querySelector('[role=status]')?.textContent?.includes('Iedereen is gepauzeerd'), 'said');
    // The clock stands still while paused.
    const frozen = $(root, '[data-testid=time-left]').textContent;
    await settle(1100);
    expect($(root, '[data-testid=time-left]').textContent).to.equal(frozen);

    f.on('POST /api/workshops/w1/resume', reply('running'));
    f.on('GET /api/workshops/w1', { json: consoleData({ status: 'running' }) });
    resume.click();
    await waitFor(() => root.querySelector('[data-action=pause]'), 'Pauzeer iedereen');
    expect(f.callsTo('POST /api/workshops/w1/resume')).to.have.length(1);
  });

  it('starts a workshop in the lobby', async () => {
    const lobby = consoleData({ status: 'lobby' });
    const { root, f } = await mount({
      'GET /api/workshops/w1': { json: lobby },
      'POST /api/workshops/w1/start': reply('running'),
    });
    expect(root.querySelector('[data-action=pause]')).to.equal(null);
    f.on('GET /api/workshops/w1', { json: consoleData({ status: 'running' }) });
    button(root, /^\s*Start\s*$/).click();
    await waitFor(() => root.querySelector('[data-action=pause]'), 'Pauzeer iedereen');
    expect(f.callsTo('POST /api/workshops/w1/start')).to.have.length(1);
  });

  it('toggles the explanations (reveal) with aria-pressed', async () => {
    const { root, f } = await mount({
      'POST /api/workshops/w1/reveal': (call) =>
        reply('running', { revealed: (call.body as { revealed: boolean }).revealed }),
    });
    const reveal = $<HTMLButtonElement>(root, '[data-action=reveal]');
    expect(reveal.textContent).to.contain('Toon uitleg');
    expect(reveal.getAttribute('aria-pressed')).to.equal('false');
    f.on('GET /api/workshops/w1', { json: consoleData({ revealed: true }) });
    reveal.click();
    await waitFor(() => reveal.getAttribute('aria-pressed') === 'true', 'pressed');
    expect(f.callsTo('POST /api/workshops/w1/reveal')[0]?.body).to.deep.equal({ revealed: true });
    expect(deepText(root)).to.contain('De deelnemers zien nu bij elk resultaat de uitleg');
    f.on('GET /api/workshops/w1', { json: consoleData({ revealed: false }) });
    await waitFor(() => reveal.getAttribute('aria-disabled') === 'false', 'enabled');
    reveal.click();
    await waitFor(() => reveal.getAttribute('aria-pressed') === 'false', 'not pressed');
    expect(f.callsTo('POST /api/workshops/w1/reveal')[1]?.body).to.deep.equal({ revealed: false });
  });

  it('ends the workshop only after the confirmation dialog', async () => {
    const { root, f } = await mount({
      'POST /api/workshops/w1/end': reply('ended', { endedAt: '2025-06-30T08:21:00Z' }),
    });
    button(root, 'Beëindig').click();
    const dialog = $<HTMLDialogElement>(root, '#end-dialog');
    expect(dialog.open).to.equal(true);
    expect(deepText(dialog)).to.contain('Workshop beëindigen?');
    button(dialog, 'Annuleren').click();
    expect(dialog.open).to.equal(false);
    expect(f.callsTo('POST /api/workshops/w1/end')).to.have.length(0);

    f.on('GET /api/workshops/w1', { json: { ...consoleData(), workshop: reply('ended').json } });
    button(root, 'Beëindig').click();
    button(dialog, 'Ja, beëindig de workshop').click();
    await waitFor(() => f.callsTo('POST /api/workshops/w1/end').length === 1, 'the end');
    await waitFor(() => root.querySelector('[data-action=end]') === null, 'no more end button');
    expect(deepText($(root, '.figures'))).to.contain('Afgelopen');
  });

  it('downloads the CSV (comma and Excel) with the file name of the server', async () => {
    const { el, root, f } = await mount();
    const saved: { name: string; text: string; type: string }[] = [];
    el.download = (blob, name) => {
      void blob.text().then((text) => saved.push({ name, text, type: blob.type }));
    };
    const csv = button(root, 'Exporteer CSV');
    csv.focus();
    csv.click();
    await waitFor(() => saved.length === 1, 'the download');
    // The button keeps the focus (it is never disabled while busy, only aria-disabled).
    expect(root.activeElement).to.equal(csv);
    expect(f.callsTo('GET /api/workshops/w1/results.csv')[0]?.url).to.equal('/api/workshops/w1/results.csv');
    expect(saved[0]?.name).to.equal('workshop-HTK4PX.csv');
    expect(saved[0]?.text).to.contain('HTK4PX,Vos');
    expect(saved[0]?.type).to.contain('text/csv');
    await waitFor(
      () => root.querySelector('[data-action=csv-excel]')?.getAttribute('aria-disabled') === 'false',
      'enabled',
    );
    button(root, 'CSV (Excel, puntkomma)').click();
    await waitFor(() => saved.length === 2, 'the second download');
    expect(f.callsTo('GET /api/workshops/w1/results.csv')[1]?.url).to.equal(
      '/api/workshops/w1/results.csv?delimiter=semicolon',
    );
    expect(saved[1]?.name).to.equal('workshop-HTK4PX-excel.csv');
  });

  it('issues a new rejoin code and shows it in a dialog', async () => {
    const { root, f } = await mount({
      'POST /api/workshops/w1/participants/p1/rejoin-code': { json: { rejoinCode: 'KQ7M-3PXA' } },
    });
    const action = $<HTMLButtonElement>(row(root, 'p1'), 'button.link');
    expect(action.getAttribute('aria-label')).to.equal('Nieuwe terugkeercode voor Vos');
    action.click();
    const code = await waitFor(() => root.querySelector('[data-testid=rejoin-code]'), 'the code');
    expect(code.textContent).to.equal('KQ7M-3PXA');
    expect($<HTMLDialogElement>(root, '#code-dialog').open).to.equal(true);
    expect(f.callsTo('POST /api/workshops/w1/participants/p1/rejoin-code')).to.have.length(1);
    button($(root, '#code-dialog'), 'Sluiten').click();
    expect($<HTMLDialogElement>(root, '#code-dialog').open).to.equal(false);
  });

  it('switches the leaderboard mode with PATCH', async () => {
    const { root, f } = await mount({ 'PATCH /api/workshops/w1': reply('running', { leaderboard: 'anonymous' }) });
    expect(deepText($(root, 'kt-leaderboard')))
      .to.contain('Uil')
      .and.contain('Deelnemer 2');
    $<HTMLInputElement>(root, 'input[name=leaderboard-mode][value=anonymous]').click();
    await waitFor(() => f.callsTo('PATCH /api/workshops/w1').length === 1, 'the PATCH');
    expect(f.callsTo('PATCH /api/workshops/w1')[0]?.body).to.deep.equal({ leaderboard: 'anonymous' });
  });

  it('keeps the chosen mode checked while it is being saved (no flicker back to the old one)', async () => {
    let answer = () => {};
    const answered = new Promise<void>((r) => {
      answer = r;
    });
    const { el, root, f } = await mount({
      'PATCH /api/workshops/w1': async () => {
        await answered;
        return reply('running', { leaderboard: 'anonymous' });
      },
    });
    const radio = (mode: string) => $<HTMLInputElement>(root, `input[name=leaderboard-mode][value=${mode}]`);
    radio('anonymous').click();
    await waitFor(() => f.callsTo('PATCH /api/workshops/w1').length === 1, 'the PATCH');
    await el.updateComplete;
    expect(radio('anonymous').checked).to.equal(true);
    expect(radio('named').checked).to.equal(false);
    f.on('GET /api/workshops/w1', { json: consoleData({ leaderboard: 'anonymous' }) });
    answer();
    await waitFor(() => deepText($(root, '[role=status][aria-live=polite]')).includes('Anoniem'), 'the announcement');
    expect(radio('anonymous').checked).to.equal(true);
  });

  it('charts each exercise’s scores with an aria-label that has the numbers, and counts per check', async () => {
    const { root } = await mount();
    const stat = $(root, 'article[data-exercise=infosec-desk]');
    const chart = $<KtScoreChart>(stat, 'kt-score-chart');
    await chart.updateComplete;
    const svg = $(shadow(chart), 'svg[role=img]');
    const label = svg.getAttribute('aria-label') ?? '';
    expect(label).to.contain('Aanvraag aan de balie').and.contain('2 keer ingediend').and.contain('gemiddeld 90%');
    expect(label).to.contain('van 80 tot 89 procent: 1').and.contain('van 90 tot 100 procent: 1');
    expect(label).to.contain('van 0 tot 9 procent: 0');
    const table = $(shadow(chart), '.visually-hidden table');
    expect(table.querySelectorAll('tbody tr')).to.have.length(10);
    expect(deepText(stat)).to.contain('Gemiddeld 90%');
    const refused = $(stat, 'tr[data-check=refused]');
    expect([...refused.querySelectorAll('td.num')].map((td) => td.textContent?.trim())).to.deep.equal(['1', '1']);
    expect(refused.textContent).to.contain('De vraag naar het ziekenfonds was niet nodig');
  });

  it('keeps showing the last data when a refresh fails', async () => {
    const { el, root, f } = await mount();
    el.download = () => undefined;
    f.on('GET /api/workshops/w1', () => Promise.reject(new TypeError('offline')));
    button(root, 'Exporteer CSV').click(); // any action asks for a refresh at once
    await waitFor(() => root.querySelector('.stale'), 'the stale notice');
    expect($(root, '.stale').textContent).to.contain('niet meer actueel');
    expect($(root, 'h1').textContent).to.contain('Leefloon en de KSZ');
  });

  it('refuses a QR code with a script', async () => {
    const { root } = await mount({
      'GET /api/workshops/w1/qr.svg': {
        text: '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      },
    });
    const qr = shadow($(root, 'kt-join-qr'));
    await waitFor(() => qr.textContent?.includes('Geen QR-code beschikbaar'), 'the fallback');
    expect(qr.querySelector('svg')).to.equal(null);
  });

  it('has no serious accessibility problems', async () => {
    const { el, root } = await mount();
    await waitFor(() => shadow($(root, 'kt-join-qr')).querySelector('svg'), 'the QR code');
    expect(await seriousViolations(el)).to.deep.equal([]);
  });
});
