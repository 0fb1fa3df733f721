import { expect, fixture, html } from '@open-wc/testing';
import { memoryTokenStore, TrainingApi } from '../api/training.ts';
import { mePoller } from '../controllers/workshop.ts';
import { locale } from '../i18n/index.ts';
import { installTokens } from '../styles/tokens.ts';
import { seriousViolations } from '../testing/axe.ts';
import { $, button, settle, shadow, type } from '../testing/dom.ts';
import { deepText, type FakeFetch, fakeFetch, waitFor } from '../testing/fake-fetch.ts';
import { attempt, EXERCISES, FLOWS, joinReply, ME, OPENAPI, workshopMe } from '../testing/fixtures.ts';
import type { KtApp } from './kt-app.ts';
import './kt-app.ts';

installTokens(document);
const original = location.href;

function routes(): FakeFetch {
  return fakeFetch({
    'GET /api/exercises': { json: EXERCISES },
    'GET /api/participants/me': { json: ME },
    'POST /api/participants': { status: 201, json: { token: 'tok-new', participant: { id: 'p1', pseudonym: 'Vos' } } },
    'POST /api/attempts': { status: 201, json: attempt({ id: 'a2', exerciseId: 'infosec-desk' }) },
    'GET /api/attempts/a2': { json: attempt({ id: 'a2', exerciseId: 'infosec-desk' }) },
    'GET /t/tr-abc/ksz/flows': { json: FLOWS },
    'GET /t/tr-abc/ksz/openapi.json': { json: OPENAPI },
    'GET /api/world/summary': { json: { today: '2025-06-30', preset: 'default' } },
  });
}

async function mount(f: FakeFetch, token: string | null) {
  const api = new TrainingApi({ fetch: f.fetch, tokens: memoryTokenStore(token) });
  const el = await fixture<KtApp>(html`<kt-app .api=${api}></kt-app>`);
  return { el, root: shadow(el), api };
}

describe('kt-app', () => {
  beforeEach(() => {
    history.replaceState(null, '', '/');
    locale.set('nl', { persist: false });
  });
  afterEach(() => history.replaceState(null, '', original));

  it('welcomes a first visitor, asks an optional pseudonym and keeps the token', async () => {
    const f = routes();
    const { el, root, api } = await mount(f, null);
    const welcome = await waitFor(() => root.querySelector('kt-welcome'), 'the welcome screen');
    await welcome.updateComplete;
    const w = shadow(welcome);
    expect(deepText(w)).to.contain('Welkom in de KSZ-oefenomgeving');
    expect(await seriousViolations(el)).to.deep.equal([]);
    type($<HTMLInputElement>(w, '#pseudonym'), 'Vos');
    $<HTMLFormElement>(w, 'form').requestSubmit();
    await waitFor(() => root.querySelector('kt-catalogue'), 'the catalogue');
    expect(f.callsTo('POST /api/participants')[0]?.body).to.deep.equal({ pseudonym: 'Vos' });
    expect(api.tokens.get()).to.equal('tok-new');
    expect(f.callsTo('GET /api/participants/me')[0]?.headers.authorization).to.equal('Bearer tok-new');
  });

  it('shows the synthetic-data mark, the three families with difficulty, and the participant’s scores', async () => {
    const f = routes();
    const { el, root } = await mount(f, 'tok-1');
    const catalogue = await waitFor(() => root.querySelector('kt-catalogue'), 'the catalogue');
    await catalogue.updateComplete;
    await settle();
    expect(deepText(root)).to.contain('Synthetische gegevens — geen echte personen');
    const c = shadow(catalogue);
    const families = [...c.querySelectorAll('section.family h2')].map((h) => h.textContent?.trim());
    expect(families).to.deep.equal(['Informatieveiligheid in de praktijk', 'ESV lezen', 'Knipperlichten opsporen']);
    expect(deepText(c)).to.contain('Niveau: basis').and.contain('Niveau: expert').and.contain('Beste score: 3/5');
    expect(deepText(root)).to.contain('Deelnemer: Vos');
    expect(await seriousViolations(el)).to.deep.equal([]);
  });

  it('starts an attempt and opens the runner on its own address', async () => {
    const f = routes();
    const { root } = await mount(f, 'tok-1');
    const catalogue = await waitFor(() => root.querySelector('kt-catalogue'), 'the catalogue');
    await catalogue.updateComplete;
    button($(shadow(catalogue), 'li[data-exercise=infosec-desk]'), /^\s*Start\s*$/).click();
    const runner = await waitFor(() => root.querySelector('kt-exercise-runner'), 'the runner');
    expect(f.callsTo('POST /api/attempts')[0]?.body).to.deep.equal({ exerciseId: 'infosec-desk' });
    expect(location.pathname).to.equal('/attempts/a2');
    await waitFor(() => runner.shadowRoot?.querySelector('h1'), 'the attempt');
    // Focus moves to the new screen's heading (keyboard and screen-reader users start there).
    await waitFor(() => runner.shadowRoot?.activeElement?.tagName === 'H1', 'focus on the heading');
  });

  it('switches the whole app to French', async () => {
    const f = routes();
    const { el, root } = await mount(f, 'tok-1');
    await waitFor(() => root.querySelector('kt-catalogue'), 'the catalogue');
    const sw = shadow($(root, 'kt-language-switch'));
    button(sw, 'FR').click();
    await el.updateComplete;
    await settle();
    expect(document.documentElement.lang).to.equal('fr-BE');
    expect(deepText(root)).to.contain('Données synthétiques — aucune personne réelle').and.contain('Lire le RSE');
    expect(button(sw, 'FR').getAttribute('aria-pressed')).to.equal('true');
    locale.set('nl', { persist: false });
  });

  it('gives a workshop participant the workshop instead of the catalogue, with its title in the header', async () => {
    const f = routes();
    f.on('GET /api/participants/me', { json: workshopMe() });
    const { el, root } = await mount(f, 'tok-ws');
    const home = await waitFor(() => root.querySelector('kt-workshop-home'), 'the workshop home');
    await waitFor(() => home.shadowRoot?.querySelector('h1'), 'its heading');
    await el.updateComplete;
    expect(root.querySelector('kt-catalogue')).to.equal(null);
    expect($(root, '[data-testid=header-workshop]').textContent).to.equal('Workshop: VVSG Gent — namiddag');
    expect($(root, '[data-testid=header-participant]').textContent).to.equal('Deelnemer: Tafel 3');
    expect($(root, 'nav a[href="/"]').textContent).to.equal('Mijn workshop');
    expect(document.title).to.contain('VVSG Gent — namiddag');
    expect(await seriousViolations(el)).to.deep.equal([]);
    el.remove();
  });

  it('joins a workshop on /join and goes on to it', async () => {
    history.replaceState(null, '', '/join?code=K7P4QX');
    const f = routes();
    f.on('POST /api/join', { status: 201, json: joinReply() });
    f.on('GET /api/participants/me', { json: workshopMe({ status: 'lobby', startedAt: null, endsAt: null }) });
    const { el, root, api } = await mount(f, null);
    const join = await waitFor(() => root.querySelector('kt-join'), 'the join screen');
    await join.updateComplete;
    const j = shadow(join);
    expect(document.title).to.contain('Deelnemen aan een workshop');
    type($<HTMLInputElement>(j, '#pseudonym'), 'Tafel 3');
    $<HTMLFormElement>(j, '#join-form').requestSubmit();
    await waitFor(() => j.querySelector('[data-testid=rejoin-code]'), 'the rejoin code');
    expect(api.tokens.get()).to.equal('tok-ws');
    // The header knows the participant at once.
    await el.updateComplete;
    expect($(root, '[data-testid=header-participant]').textContent).to.equal('Deelnemer: Tafel 3');
    button(j, 'Naar de workshop').click();
    const home = await waitFor(() => root.querySelector('kt-workshop-home'), 'the workshop home');
    expect(location.pathname).to.equal('/');
    const status = await waitFor(
      () => home.shadowRoot?.querySelector('kt-workshop-status')?.shadowRoot?.querySelector('[role=status]'),
      'the status',
    );
    expect(status.textContent?.trim()).to.equal('De lesgever is nog niet gestart — even geduld');
    expect(f.callsTo('GET /api/participants/me').at(-1)?.headers.authorization).to.equal('Bearer tok-ws');
    el.remove();
  });

  it('sends a workshop participant whose token stopped working (rejoined elsewhere) back to /join with the code', async () => {
    const f = routes();
    f.on('GET /api/participants/me', { json: workshopMe() });
    const api = new TrainingApi({ fetch: f.fetch, tokens: memoryTokenStore('tok-ws') });
    mePoller(api).intervalMs = 100;
    mePoller(api).pauseWhenHidden = false;
    const el = await fixture<KtApp>(html`<kt-app .api=${api}></kt-app>`);
    const root = shadow(el);
    await waitFor(() => root.querySelector('kt-workshop-home'), 'the workshop home');
    f.on('GET /api/participants/me', {
      status: 401,
      json: { error: { code: 'unauthorized', message: { nl: 'Meld je aan.', fr: 'Inscris-toi.' } } },
    });
    const join = await waitFor(() => root.querySelector('kt-join'), 'the join screen');
    expect(location.pathname + location.search).to.equal('/join?code=K7P4QX');
    await join.updateComplete;
    expect($<HTMLInputElement>(shadow(join), '#rejoin-workshop-code').value).to.equal('K7P4QX');
    expect(api.hasToken).to.equal(false);
    el.remove();
  });
});
