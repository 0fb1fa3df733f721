import { expect, fixture, html } from '@open-wc/testing';
import { localTokenStore, memoryTokenStore, TrainingApi } from '../api/training.ts';
import { locale } from '../i18n/index.ts';
import { installTokens } from '../styles/tokens.ts';
import { seriousViolations } from '../testing/axe.ts';
import { $, button, shadow, type } from '../testing/dom.ts';
import { deepText, type FakeFetch, fakeFetch, type Reply, waitFor } from '../testing/fake-fetch.ts';
import { apiError, joinReply, participantWorkshop, workshopMe } from '../testing/fixtures.ts';
import type { KtJoin } from './kt-join.ts';
import './kt-join.ts';

installTokens(document);
const original = location.href;
const TOKEN_KEY = 'ksz-sandbox.participant-token';

async function mount(routes: Record<string, Reply> = {}, opts: { token?: string | null; api?: TrainingApi } = {}) {
  const f: FakeFetch = fakeFetch({ 'POST /api/join': { status: 201, json: joinReply() }, ...routes });
  const api = opts.api ?? new TrainingApi({ fetch: f.fetch, tokens: memoryTokenStore(opts.token ?? null) });
  const el = await fixture<KtJoin>(html`<kt-join .api=${api}></kt-join>`);
  const root = shadow(el, 'kt-join');
  await el.updateComplete;
  return { el, root, f, api };
}

function alertText(root: ShadowRoot, form: 'join' | 'rejoin'): string {
  return $(root, `#${form}-error[role=alert]`).textContent?.trim() ?? '';
}

describe('kt-join', () => {
  beforeEach(() => {
    history.replaceState(null, '', '/join?code=k7p4 qx');
    locale.set('nl', { persist: false });
  });
  afterEach(() => {
    history.replaceState(null, '', original);
    locale.set('nl', { persist: false });
  });

  it('takes the code from the URL, joins with a pseudonym, keeps the token and shows the rejoin code once', async () => {
    localStorage.removeItem(TOKEN_KEY);
    const f = fakeFetch({ 'POST /api/join': { status: 201, json: joinReply() } });
    // The app's own token store: the rest of the app (and a reload) finds the token under the same key.
    const api = new TrainingApi({ fetch: f.fetch, tokens: localTokenStore() });
    const { el, root } = await mount({}, { api });
    expect($<HTMLInputElement>(root, '#code').value).to.equal('k7p4 qx');
    expect(deepText(root)).to.contain('Je echte naam is niet nodig');
    expect(await seriousViolations(el)).to.deep.equal([]);

    type($<HTMLInputElement>(root, '#pseudonym'), '  Tafel 3 ');
    $<HTMLFormElement>(root, '#join-form').requestSubmit();
    const done = await waitFor(() => root.querySelector('[data-testid=rejoin-code]'), 'the rejoin code');
    expect(f.calls[0]?.body).to.deep.equal({ code: 'K7P4QX', pseudonym: 'Tafel 3' });
    expect(f.calls[0]?.headers.authorization).to.equal(undefined);
    expect(localStorage.getItem(TOKEN_KEY)).to.equal('tok-ws');
    expect(done.textContent?.replace(/\s+/g, ' ').trim()).to.equal(
      'Noteer je persoonlijke terugkeercode: K7P4-9QXM — daarmee ga je verder in een andere browser.',
    );
    expect(deepText(root)).to.contain('Je bent aangemeld, Tafel 3').and.contain('VVSG Gent — namiddag');
    expect(root.activeElement?.id, 'focus on the confirmation').to.equal('done-title');
    expect(await seriousViolations(el)).to.deep.equal([]);

    let path = '';
    el.addEventListener('kt-navigate', (e) => {
      path = e.detail.path;
    });
    button(root, 'Naar de workshop').click();
    expect(path).to.equal('/');
    localStorage.removeItem(TOKEN_KEY);
  });

  it('switches the page to the workshop’s language on joining', async () => {
    const { root } = await mount({
      'POST /api/join': { status: 201, json: joinReply({ workshop: participantWorkshop({ language: 'fr' }) }) },
    });
    type($<HTMLInputElement>(root, '#pseudonym'), 'Tafel 3');
    $<HTMLFormElement>(root, '#join-form').requestSubmit();
    await waitFor(() => root.querySelector('[data-testid=rejoin-code]'), 'the rejoin code');
    expect(locale.lang).to.equal('fr');
    expect(deepText(root)).to.contain('Notez votre code de retour personnel');
  });

  it('checks the form before asking the server', async () => {
    history.replaceState(null, '', '/join');
    const { el, root, f } = await mount();
    $<HTMLFormElement>(root, '#join-form').requestSubmit();
    await el.updateComplete;
    expect(alertText(root, 'join')).to.equal('Vul de workshopcode in.');
    expect(root.activeElement?.id).to.equal('code');
    expect($(root, '#code').getAttribute('aria-invalid')).to.equal('true');
    type($<HTMLInputElement>(root, '#code'), 'K7P4QX');
    $<HTMLFormElement>(root, '#join-form').requestSubmit();
    await el.updateComplete;
    expect(alertText(root, 'join')).to.equal('Kies een schuilnaam van 1 tot 40 tekens.');
    expect(root.activeElement?.id).to.equal('pseudonym');
    expect(f.calls).to.have.length(0);
  });

  const cases: [string, number, string, string, string][] = [
    ['unknown-code', 404, 'Er is geen workshop met deze code', 'Aucun atelier ne porte ce code', 'code'],
    ['workshop-ended', 410, 'Deze workshop is afgelopen', 'Cet atelier est terminé', ''],
    ['pseudonym-taken', 409, 'Deze schuilnaam is al in gebruik', 'Ce pseudonyme est déjà utilisé', 'pseudonym'],
    ['too-many-tries', 429, 'Te veel foute codes', 'Trop de codes erronés', ''],
  ];
  for (const [code, status, nl, fr, field] of cases)
    it(`says what went wrong in both languages: ${code}`, async () => {
      const { el, root } = await mount({ 'POST /api/join': { status, json: apiError(code, 'API nl', 'API fr') } });
      type($<HTMLInputElement>(root, '#pseudonym'), 'Tafel 3');
      $<HTMLFormElement>(root, '#join-form').requestSubmit();
      await waitFor(() => alertText(root, 'join'), 'the error');
      expect(alertText(root, 'join')).to.contain(nl);
      if (field) {
        expect(root.activeElement?.id).to.equal(field);
        expect($(root, `#${field}`).getAttribute('aria-describedby')).to.contain('join-error');
      }
      locale.set('fr', { persist: false });
      await el.updateComplete;
      // A new attempt in French gives the French text.
      $<HTMLFormElement>(root, '#join-form').requestSubmit();
      await waitFor(() => alertText(root, 'join').includes(fr), `the French error ${fr}`);
      expect(await seriousViolations(el)).to.deep.equal([]);
    });

  it('shows the API’s own message for other refusals, and a network failure plainly', async () => {
    const { root, f } = await mount({
      'POST /api/join': {
        status: 400,
        json: apiError('bad-request', 'Het pseudoniem is te lang.', 'Le pseudonyme est trop long.'),
      },
    });
    type($<HTMLInputElement>(root, '#pseudonym'), 'Tafel 3');
    $<HTMLFormElement>(root, '#join-form').requestSubmit();
    await waitFor(() => alertText(root, 'join') === 'Het pseudoniem is te lang.', 'the API message');
    f.on('POST /api/join', () => {
      throw new TypeError('Failed to fetch');
    });
    $<HTMLFormElement>(root, '#join-form').requestSubmit();
    await waitFor(() => alertText(root, 'join').includes('niet bereikbaar'), 'the network message');
  });

  it('comes back with the personal rejoin code (and the workshop code), straight on to the workshop', async () => {
    const { el, root, f, api } = await mount({
      'POST /api/join': { status: 200, json: joinReply({ token: 'tok-again' }) },
    });
    expect(deepText(root)).to.contain('Ik was al aangemeld: terugkeercode');
    expect($<HTMLInputElement>(root, '#rejoin-workshop-code').value).to.equal('k7p4 qx');
    let path = '';
    el.addEventListener('kt-navigate', (e) => {
      path = e.detail.path;
    });
    type($<HTMLInputElement>(root, '#rejoin-code'), 'k7p4 9qxm');
    $<HTMLFormElement>(root, '#rejoin-form').requestSubmit();
    await waitFor(() => path, 'the way to the workshop');
    expect(path).to.equal('/');
    expect(f.calls[0]?.body).to.deep.equal({ code: 'K7P4QX', rejoinCode: 'K7P4-9QXM' });
    expect(api.tokens.get()).to.equal('tok-again');
  });

  it('refuses an unknown rejoin code with a message in the rejoin form', async () => {
    const { el, root } = await mount({
      'POST /api/join': { status: 404, json: apiError('unknown-rejoin-code', 'nl', 'fr') },
    });
    type($<HTMLInputElement>(root, '#rejoin-code'), 'AAAA');
    $<HTMLFormElement>(root, '#rejoin-form').requestSubmit();
    await el.updateComplete;
    expect(alertText(root, 'rejoin')).to.contain('8 letters en cijfers');
    type($<HTMLInputElement>(root, '#rejoin-code'), 'AAAA-BBBB');
    $<HTMLFormElement>(root, '#rejoin-form').requestSubmit();
    await waitFor(() => alertText(root, 'rejoin').includes('hoort niet bij deze workshop'), 'the error');
    expect(root.activeElement?.id).to.equal('rejoin-code');
    expect(alertText(root, 'join')).to.equal('');
  });

  it('offers to continue when this browser already takes part in a workshop', async () => {
    const { el, root } = await mount({ 'GET /api/participants/me': { json: workshopMe() } }, { token: 'tok-old' });
    const card = await waitFor(() => root.querySelector('[data-testid=existing]'), 'the offer to continue');
    expect(deepText(card))
      .to.contain('Je bent al aangemeld')
      .and.contain('VVSG Gent — namiddag')
      .and.contain('Tafel 3');
    let path = '';
    el.addEventListener('kt-navigate', (e) => {
      path = e.detail.path;
    });
    button(card, 'Verder in deze workshop').click();
    expect(path).to.equal('/');
    expect(await seriousViolations(el)).to.deep.equal([]);
  });
});
