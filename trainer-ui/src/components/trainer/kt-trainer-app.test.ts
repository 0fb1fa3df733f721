import { expect, fixture, html } from '@open-wc/testing';
import { PASSWORD_KEY, sessionPasswordStore, TrainerApi } from '../../api/trainer.ts';
import { memoryTokenStore } from '../../api/training.ts';
import { parseRoute, type Route } from '../../controllers/router.ts';
import { locale } from '../../i18n/index.ts';
import { installTokens } from '../../styles/tokens.ts';
import { seriousViolations } from '../../testing/axe.ts';
import { $, button, settle, shadow, type } from '../../testing/dom.ts';
import { type Call, deepQuery, deepText, type FakeFetch, fakeFetch, waitFor } from '../../testing/fake-fetch.ts';
import { consoleData, EXERCISES, PASSWORD, QR_SVG, WORKSHOPS, workshop } from './fixtures.ts';
import type { KtTrainerApp } from './kt-trainer-app.ts';
import type { KtWorkshopForm } from './kt-workshop-form.ts';
import type { KtWorkshopList } from './kt-workshop-list.ts';
import './kt-trainer-app.ts';

installTokens(document);
const original = location.href;

const unauthorized = {
  status: 401,
  json: {
    error: {
      code: 'trainer-unauthorized',
      message: { nl: 'Geen of een verkeerd lesgeverswachtwoord.', fr: 'Mot de passe formateur absent ou incorrect.' },
    },
  },
};

/** Answers as the server would, refusing every trainer route without the right password. */
function server(routes: Record<string, Parameters<FakeFetch['on']>[1]> = {}): FakeFetch {
  const guarded = (reply: Parameters<FakeFetch['on']>[1]) => async (call: Call) =>
    call.headers.authorization === `Bearer ${PASSWORD}`
      ? typeof reply === 'function'
        ? reply(call)
        : reply
      : unauthorized;
  const f = fakeFetch({ 'GET /api/exercises': { json: EXERCISES } });
  const all: Record<string, Parameters<FakeFetch['on']>[1]> = {
    'GET /api/workshops': { json: WORKSHOPS },
    'POST /api/workshops': (call) => ({ status: 201, json: workshop({ id: 'w9', ...(call.body as object) }) }),
    'GET /api/workshops/w9': { json: consoleData() },
    'GET /api/workshops/w9/qr.svg': { text: QR_SVG },
    ...routes,
  };
  for (const [route, reply] of Object.entries(all)) f.on(route, guarded(reply));
  return f;
}

async function mount(f: FakeFetch, password: string | null, route: Route = { name: 'trainer' }) {
  const api = new TrainerApi({ fetch: f.fetch, passwords: memoryTokenStore(password) });
  const el = await fixture<KtTrainerApp>(html`<kt-trainer-app .api=${api} .route=${route}></kt-trainer-app>`);
  // What kt-app does with the event: follow the link.
  el.addEventListener('kt-navigate', (e) => {
    history.pushState(null, '', e.detail.path);
    el.route = parseRoute(location.pathname);
  });
  return { el, root: shadow(el, 'kt-trainer-app'), api };
}

async function list(root: ShadowRoot): Promise<ShadowRoot> {
  const el = await waitFor(() => root.querySelector<KtWorkshopList>('kt-workshop-list'), 'the list');
  await el.updateComplete;
  const r = shadow(el, 'kt-workshop-list');
  await waitFor(() => r.querySelector('table, .notice'), 'the workshops');
  return r;
}

async function openForm(listRoot: ShadowRoot): Promise<ShadowRoot> {
  button(listRoot, 'Nieuwe workshop').click();
  const form = await waitFor(() => listRoot.querySelector<KtWorkshopForm>('kt-workshop-form'), 'the form');
  await form.updateComplete;
  const r = shadow(form, 'kt-workshop-form');
  await waitFor(() => r.querySelector('#exercises'), 'the exercises');
  return r;
}

function check(form: ShadowRoot, id: string): void {
  const box = $<HTMLInputElement>(form, `input[type=checkbox][value="${id}"]`);
  box.click();
}

function order(form: ShadowRoot): string[] {
  return [...form.querySelectorAll<HTMLLIElement>('.order li')].map((li) => li.dataset.id ?? '');
}

describe('kt-trainer-app', () => {
  beforeEach(() => {
    history.replaceState(null, '', '/trainer');
    sessionStorage.removeItem(PASSWORD_KEY);
    locale.set('nl', { persist: false });
  });
  afterEach(() => history.replaceState(null, '', original));

  it('asks the trainer password, explains where it is, refuses a wrong one with an alert', async () => {
    const f = server();
    const { el, root } = await mount(f, null);
    const signin = shadow(await waitFor(() => root.querySelector('kt-trainer-signin'), 'the sign-in'));
    expect(deepText(root)).to.contain('Lesgever').and.contain('Synthetische gegevens — geen echte personen');
    expect($(root, 'kt-synthetic-mark').getBoundingClientRect().height).to.be.greaterThan(0);
    expect(root.querySelector('kt-language-switch')).to.not.equal(null);
    expect(deepText(signin)).to.contain('npm start').and.contain('TRAINER_PASSWORD');
    expect(await seriousViolations(el)).to.deep.equal([]);

    type($<HTMLInputElement>(signin, '#password'), 'fout-wachtwoord');
    $<HTMLFormElement>(signin, 'form').requestSubmit();
    const alert = await waitFor(() => signin.querySelector('[role=alert]'), 'the alert');
    expect(alert.textContent).to.contain('Dit wachtwoord klopt niet');
    expect(f.callsTo('GET /api/workshops')[0]?.headers.authorization).to.equal('Bearer fout-wachtwoord');
    expect($<HTMLInputElement>(signin, '#password').getAttribute('aria-invalid')).to.equal('true');
    expect(root.querySelector('kt-workshop-list')).to.equal(null);
  });

  it('keeps the right password in sessionStorage and shows the list of workshops', async () => {
    const f = server();
    const api = new TrainerApi({ fetch: f.fetch, passwords: sessionPasswordStore(sessionStorage) });
    const el = await fixture<KtTrainerApp>(
      html`<kt-trainer-app .api=${api} .route=${{ name: 'trainer' }}></kt-trainer-app>`,
    );
    const root = shadow(el);
    const signin = shadow(await waitFor(() => root.querySelector('kt-trainer-signin'), 'the sign-in'));
    type($<HTMLInputElement>(signin, '#password'), PASSWORD);
    $<HTMLFormElement>(signin, 'form').requestSubmit();
    const l = await list(root);
    expect(sessionStorage.getItem(PASSWORD_KEY)).to.equal(PASSWORD);
    const rows = [...l.querySelectorAll('tbody tr')];
    expect(rows.length).to.equal(2);
    const first = deepText(rows[0]!);
    expect(first).to.contain('Leefloon en de KSZ — Gent').and.contain('HTK4PX').and.contain('Bezig');
    expect(first).to.contain('30/06/2025');
    expect(deepText(rows[1]!)).to.contain('Afgelopen').and.contain('18');
    expect(button(root, 'Afmelden')).to.not.equal(null);
    expect(await seriousViolations(el)).to.deep.equal([]);

    button(root, 'Afmelden').click();
    await waitFor(() => root.querySelector('kt-trainer-signin'), 'the sign-in again');
    expect(sessionStorage.getItem(PASSWORD_KEY)).to.equal(null);
  });

  it('drops a password the server no longer accepts (401) and returns to the sign-in', async () => {
    const f = server();
    const { root, api } = await mount(f, 'oud-wachtwoord');
    const signin = shadow(await waitFor(() => root.querySelector('kt-trainer-signin'), 'the sign-in'));
    expect(api.signedIn).to.equal(false);
    expect(deepText(signin)).to.contain('Je bent afgemeld');
  });

  it('builds a workshop: exercises by family, order with move buttons, validation, POST body', async () => {
    const f = server();
    const { root } = await mount(f, PASSWORD);
    const l = await list(root);
    const form = await openForm(l);
    const families = [...form.querySelectorAll('fieldset.family legend')].map((x) => x.textContent?.trim());
    expect(families).to.deep.equal(['Informatieveiligheid in de praktijk', 'ESV lezen', 'Knipperlichten opsporen']);

    // Nothing filled in: the errors, no request.
    $<HTMLFormElement>(form, 'form').requestSubmit();
    await settle();
    const alert = $(form, '[role=alert]');
    expect(alert.textContent).to.contain('Geef de workshop een titel').and.contain('Kies minstens één oefening');
    expect(form.activeElement?.id).to.equal('title');
    expect($(form, '#title').getAttribute('aria-invalid')).to.equal('true');
    expect(f.callsTo('POST /api/workshops')).to.have.length(0);

    type($<HTMLInputElement>(form, '#title'), '  Leefloon en de KSZ — Gent ');
    check(form, 'kl-work');
    check(form, 'infosec-desk');
    check(form, 'esv-current');
    await settle();
    expect(order(form)).to.deep.equal(['kl-work', 'infosec-desk', 'esv-current']);

    // Move the last one up: the focus stays on it.
    const up = $<HTMLButtonElement>(form, 'li[data-id="esv-current"] button[data-move=up]');
    expect(up.getAttribute('aria-label')).to.equal('Omhoog: De huidige beslissing (plaats 3 van 3)');
    up.click();
    await settle();
    expect(order(form)).to.deep.equal(['kl-work', 'esv-current', 'infosec-desk']);
    expect((form.activeElement as HTMLElement).closest('li')?.dataset.id).to.equal('esv-current');
    await waitFor(() => form.querySelector('[role=status]')?.textContent?.includes('plaats 2 van 3'), 'announce');
    // Up again: it reaches the top, its "up" is disabled and the focus moves to its "down".
    (form.activeElement as HTMLButtonElement).click();
    await settle();
    expect(order(form)).to.deep.equal(['esv-current', 'kl-work', 'infosec-desk']);
    expect((form.activeElement as HTMLElement).dataset.move).to.equal('down');
    $<HTMLButtonElement>(form, 'li[data-id="kl-work"] button[data-move=down]').click();
    await settle();
    expect(order(form)).to.deep.equal(['esv-current', 'infosec-desk', 'kl-work']);
    // Keyboard: the move buttons are real buttons in the tab order.
    expect($<HTMLButtonElement>(form, 'li[data-id="kl-work"] button[data-move=up]').tabIndex).to.equal(0);

    type($<HTMLInputElement>(form, '#timebox'), '3');
    $<HTMLFormElement>(form, 'form').requestSubmit();
    await settle();
    expect($(form, '[role=alert]').textContent).to.contain('5 tot 480 minuten');
    expect(form.activeElement?.id).to.equal('timebox');
    type($<HTMLInputElement>(form, '#timebox'), '90');
    $<HTMLInputElement>(form, 'input[name=language][value=fr]').click();
    $<HTMLInputElement>(form, 'input[name=leaderboard][value=anonymous]').click();
    $<HTMLFormElement>(form, 'form').requestSubmit();
    await waitFor(() => root.querySelector('kt-workshop-console'), 'the console of the new workshop');
    expect(f.callsTo('POST /api/workshops')[0]?.body).to.deep.equal({
      title: 'Leefloon en de KSZ — Gent',
      language: 'fr',
      exercises: ['esv-current', 'infosec-desk', 'kl-work'],
      timeBoxMinutes: 90,
      leaderboard: 'anonymous',
    });
    expect(location.pathname).to.equal('/trainer/workshops/w9');
  });

  it('shows an error of the server on creation as an alert', async () => {
    const f = server({
      'POST /api/workshops': {
        status: 400,
        json: {
          error: { code: 'bad-request', message: { nl: 'Onbekende oefening: x.', fr: 'Exercice inconnu : x.' } },
        },
      },
    });
    const { root } = await mount(f, PASSWORD);
    const form = await openForm(await list(root));
    type($<HTMLInputElement>(form, '#title'), 'Test');
    check(form, 'infosec-desk');
    $<HTMLFormElement>(form, 'form').requestSubmit();
    const alert = await waitFor(() => form.querySelector('#submit-error'), 'the alert');
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(alert.textContent).to.contain('Onbekende oefening: x.');
  });

  it('lists without workshops opens the form at once; axe finds nothing serious', async () => {
    const f = server({ 'GET /api/workshops': { json: [] } });
    const { el, root } = await mount(f, PASSWORD);
    const l = await list(root);
    await waitFor(() => l.querySelector('kt-workshop-form'), 'the form');
    const form = shadow(l.querySelector('kt-workshop-form'));
    await waitFor(() => form.querySelector('#exercises'), 'the exercises');
    expect(deepText(l)).to.contain('Er zijn nog geen workshops');
    expect(await seriousViolations(el)).to.deep.equal([]);
  });

  it('moves the focus to the new screen’s heading after a navigation', async () => {
    const f = server({
      'GET /api/workshops/w1': { json: consoleData() },
      'GET /api/workshops/w1/qr.svg': { text: QR_SVG },
    });
    const { root } = await mount(f, PASSWORD);
    const l = await list(root);
    $<HTMLAnchorElement>(l, 'tr[data-workshop=w1] td.title a').click();
    const c = await waitFor(() => root.querySelector('kt-workshop-console'), 'the console');
    await waitFor(() => c.shadowRoot?.activeElement?.tagName === 'H1', 'focus on the heading');
    expect(deepQuery(c.shadowRoot!, 'h1')?.textContent).to.contain('Leefloon en de KSZ');
  });

  it('speaks French', async () => {
    const f = server();
    const { root } = await mount(f, PASSWORD);
    await list(root);
    button(shadow($(root, 'kt-language-switch')), 'FR').click();
    await settle();
    expect(deepText(root)).to.contain('Formateur').and.contain('Ateliers').and.contain('Se déconnecter');
    locale.set('nl', { persist: false });
  });
});
