import { expect, fixture, html } from '@open-wc/testing';
import { basicAuth } from '../api/ksz.ts';
import { locale } from '../i18n/index.ts';
import { installTokens } from '../styles/tokens.ts';
import { seriousViolations } from '../testing/axe.ts';
import { $, button, choose, settle, shadow, type } from '../testing/dom.ts';
import { deepQueryAll, deepText, type FakeFetch, fakeFetch, type Reply, waitFor } from '../testing/fake-fetch.ts';
import { FLOWS, IDENTIFIED, OPENAPI, REFUSED, REGISTERED, TX25, WORKSPACE } from '../testing/fixtures.ts';
import type { KtWorkspace } from './kt-workspace.ts';
import './kt-workspace.ts';

installTokens(document);

const JSON_FACE = '/t/tr-abc/ksz/json';

async function mount(routes: Record<string, Reply> = {}) {
  let tx25 = 0;
  const f: FakeFetch = fakeFetch({
    'GET /t/tr-abc/ksz/flows': { json: FLOWS },
    'GET /t/tr-abc/ksz/openapi.json': { json: OPENAPI },
    [`POST ${JSON_FACE}/identify-person/identifyPerson`]: { json: IDENTIFIED },
    [`POST ${JSON_FACE}/manage-access/manageAccess`]: { json: REGISTERED },
    // The first consultation is refused (not registered yet), the next one answers.
    [`POST ${JSON_FACE}/retrieve-ti-groups/retrieveTI`]: () => ({ json: tx25++ === 0 ? REFUSED : TX25 }),
    [`POST ${JSON_FACE}/esv/requestSocialReport`]: {
      json: { status: TX25.status, ticket: '94bc8451-687f-4259-b210-ea5f30ff47e4', readyDate: '2025-06-30' },
    },
    [`POST ${JSON_FACE}/esv/getSocialReport`]: { json: { status: TX25.status, person: TX25.person } },
    ...routes,
  });
  const el = await fixture<KtWorkspace>(html`<kt-workspace .access=${WORKSPACE} .fetcher=${f.fetch}></kt-workspace>`);
  const root = shadow(el, 'kt-workspace');
  await waitFor(() => root.querySelector('kt-consult-panel'), 'the flows to load');
  const parts = {
    search: shadow($(root, 'kt-person-search')),
    register: shadow($(root, 'kt-register-panel')),
    consult: shadow($(root, 'kt-consult-panel')),
  };
  await waitFor(() => parts.consult.querySelector('kt-request-form'), 'the request form');
  return { el, root, f, ...parts };
}

async function identify(search: ShadowRoot, insz: string): Promise<void> {
  type($<HTMLInputElement>(search, '#insz'), insz);
  await (search.host as KtWorkspace).updateComplete;
  $<HTMLFormElement>(search, 'form').requestSubmit();
  await waitFor(() => search.querySelector('kt-ksz-answer'), 'the identify answer');
  await settle();
}

describe('kt-workspace', () => {
  beforeEach(() => locale.set('nl', { persist: false }));

  it('checks and formats the INSZ while typing, with the reason when it is wrong', async () => {
    const { search } = await mount();
    const input = $<HTMLInputElement>(search, '#insz');
    type(input, '94073172776');
    await (search.host as KtWorkspace).updateComplete;
    expect(input.value).to.equal('94.07.31-727.76');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect($(search, '#insz-check').textContent).to.contain('controlecijfers kloppen niet');
    type(input, '88033195482');
    await (search.host as KtWorkspace).updateComplete;
    expect(input.value).to.equal('88.03.31-954.82');
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    expect($(search, '#insz-check').textContent).to.contain('Geldig INSZ: 88.03.31-954.82');
  });

  it('does not send an INSZ with wrong check digits', async () => {
    const { search, f } = await mount();
    type($<HTMLInputElement>(search, '#insz'), '94073172776');
    $<HTMLFormElement>(search, 'form').requestSubmit();
    await settle(20);
    expect(f.callsTo(`POST ${JSON_FACE}/identify-person/identifyPerson`)).to.have.length(0);
  });

  it('finds a person by name and birth date through IdentifyPerson', async () => {
    const { search, f } = await mount();
    $<HTMLInputElement>(search, 'input[value=name]').click();
    await (search.host as KtWorkspace).updateComplete;
    type($<HTMLInputElement>(search, '#lastName'), 'Koning');
    type($<HTMLInputElement>(search, '#birthDate'), '1988-03-31');
    $<HTMLFormElement>(search, 'form').requestSubmit();
    await waitFor(() => search.querySelector('ul.candidates'), 'the candidates');
    expect(f.callsTo(`POST ${JSON_FACE}/identify-person/identifyPerson`)[0]?.body).to.deep.equal({
      phoneticCriteria: { lastName: 'Koning', birthDate: '1988-03-31' },
    });
    expect(deepText(search))
      .to.contain('KONING ANNABEL')
      .and.contain('88.03.31-954.82')
      .and.contain('Korenmarkt'.toUpperCase());
  });

  it('identifies, registers with a quality code, consults, and shows refusals and answers readably', async () => {
    const { root, search, register, consult, f } = await mount();

    // 1. Identify: the JSON face of the attempt's tenant, with its HTTP Basic credentials.
    await identify(search, '88033195482');
    const idCall = f.callsTo(`POST ${JSON_FACE}/identify-person/identifyPerson`)[0];
    expect(idCall?.body).to.deep.equal({ ssin: '88033195482' });
    expect(idCall?.headers.authorization).to.equal(basicAuth('mw.gent', 'Oefenen-Gent-2025'));
    await waitFor(() => deepText(register).includes('KONING ANNABEL'), 'the chosen person in step 2');

    // 3 before 2: consulting without a registration is refused with MSG00012, explained in Dutch.
    const form = shadow($(consult, 'kt-request-form'));
    expect($<HTMLSelectElement>(form, '#f-legalContext').value).to.equal('PCSA:SOCIAL_INQUIRY');
    await waitFor(() => $<HTMLInputElement>(form, '#f-ssin').value === '88.03.31-954.82', 'the INSZ pre-filled');
    $<HTMLFormElement>(form, 'form').requestSubmit();
    const answer = await waitFor(() => consult.querySelector('kt-ksz-answer'), 'the answer');
    await answer.updateComplete;
    const a = shadow(answer);
    expect($(a, '[data-testid=ksz-status]').dataset.code).to.equal('MSG00012');
    expect(deepText(a)).to.contain('niet (voldoende) ingeschreven in het integratierepertorium');
    expect(f.callsTo(`POST ${JSON_FACE}/retrieve-ti-groups/retrieveTI`)[0]?.body).to.deep.equal({
      legalContext: 'PCSA:SOCIAL_INQUIRY',
      ssin: '88033195482',
    });

    // The raw exchange on request, without the password.
    const toggle = button(a, 'Toon de uitwisseling');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await answer.updateComplete;
    const raw = [...a.querySelectorAll('pre')].map((p) => p.textContent ?? '').join('\n');
    expect(raw).to.contain(`POST ${JSON_FACE}/retrieve-ti-groups/retrieveTI`).and.contain('"MSG00012"');
    expect(raw).to.contain('mw.gent').and.not.contain('Oefenen-Gent-2025');

    // 2. Register with a quality code of sector 17 and the proof of identity.
    const reg = $<HTMLFormElement>(register, 'form');
    reg.requestSubmit();
    await (register.host as KtWorkspace).updateComplete;
    expect(deepText(register)).to.contain('Kies een hoedanigheidscode');
    expect(f.callsTo(`POST ${JSON_FACE}/manage-access/manageAccess`)).to.have.length(0);
    choose($<HTMLSelectElement>(register, '#code'), '2');
    reg.requestSubmit();
    await waitFor(() => register.querySelector('kt-ksz-answer'), 'the register answer');
    expect(f.callsTo(`POST ${JSON_FACE}/manage-access/manageAccess`)[0]?.body).to.deep.equal({
      ssin: '88033195482',
      action: 'REGISTER',
      period: { startDate: '2025-06-30' },
      purpose: '2',
      proofOfAuthentication: { personData: { lastName: 'KONING', birthDate: '1988-03-31' } },
    });
    await settle();
    expect(deepText(register)).to.contain('Leefloon');

    // 3 again: the answer as cards and tables, dates and amounts formatted, never raw JSON on screen.
    $<HTMLFormElement>(form, 'form').requestSubmit();
    await waitFor(() => deepText(consult).includes('Gegevens gevonden'), 'the data answer');
    await settle();
    const view = $(shadow(consult.querySelector('kt-ksz-answer')), 'kt-data-view');
    const shown = deepText(shadow(view));
    expect(shown).to.contain('30/06/2025').and.contain('88.03.31-954.82').and.contain('Korenmarkt');
    expect(shown).to.match(/1\.295,91/);
    expect(shown).to.contain('gezinslast');
    expect(shown).to.not.contain('{"').and.not.contain('amountCents');
    expect(shadow(view).querySelector('table')).to.exist;
    expect(shadow(view).querySelector('dl')).to.exist;

    // Every call is in the session's list of exchanges.
    const log = shadow($(root, 'kt-exchange-log'));
    expect(log.querySelectorAll('details')).to.have.length(4);
    expect(deepText(log)).to.contain('MSG00012');
    expect(await seriousViolations(root.host)).to.deep.equal([]);
  });

  it('carries the ESV ticket of requestSocialReport into getSocialReport', async () => {
    const { consult, search } = await mount();
    await identify(search, '88033195482');
    choose($<HTMLSelectElement>(consult, '#flow'), 'esv');
    await settle();
    await waitFor(() => consult.querySelector('kt-request-form') && !consult.querySelector('[role=status]'), 'form');
    let form = shadow($(consult, 'kt-request-form'));
    await waitFor(() => $<HTMLInputElement>(form, '#f-ssin').value, 'ssin');
    $<HTMLFormElement>(form, 'form').requestSubmit();
    await waitFor(() => deepText(consult).includes('Gegevens gevonden'), 'the ticket');
    choose($<HTMLSelectElement>(consult, '#operation'), 'getSocialReport');
    await settle();
    await waitFor(
      () => consult.querySelector('kt-request-form')?.shadowRoot?.querySelector('#f-ticket'),
      'ticket field',
    );
    form = shadow($(consult, 'kt-request-form'));
    expect($<HTMLInputElement>(form, '#f-ticket').value).to.equal('94bc8451-687f-4259-b210-ea5f30ff47e4');
  });

  it('says what is missing before sending a request', async () => {
    const { consult, f } = await mount();
    const form = shadow($(consult, 'kt-request-form'));
    $<HTMLFormElement>(form, 'form').requestSubmit();
    await settle();
    const errors = $(form, '#form-errors');
    expect(errors.textContent).to.contain('INSZ is verplicht');
    expect(form.activeElement).to.equal(errors);
    expect(f.callsTo(`POST ${JSON_FACE}/retrieve-ti-groups/retrieveTI`)).to.have.length(0);
  });

  it('explains refusals in French after the language switch', async () => {
    const { consult, search } = await mount();
    locale.set('fr', { persist: false });
    await identify(search, '88033195482');
    const form = shadow($(consult, 'kt-request-form'));
    await waitFor(() => $<HTMLInputElement>(form, '#f-ssin').value, 'ssin');
    $<HTMLFormElement>(form, 'form').requestSubmit();
    await waitFor(() => deepText(consult).includes('MSG00012'), 'the refusal');
    await settle();
    expect(deepText(consult)).to.contain('répertoire des références').and.contain('Refusé ou échoué');
    expect(deepQueryAll(consult, 'button').some((b) => b.textContent?.includes("Afficher l'échange"))).to.equal(true);
    locale.set('nl', { persist: false });
  });

  it('shows a dropped connection as such', async () => {
    const { consult, search } = await mount({
      [`POST ${JSON_FACE}/retrieve-ti-groups/retrieveTI`]: () => {
        throw new TypeError('Failed to fetch');
      },
    });
    await identify(search, '88033195482');
    const form = shadow($(consult, 'kt-request-form'));
    await waitFor(() => $<HTMLInputElement>(form, '#f-ssin').value, 'ssin');
    $<HTMLFormElement>(form, 'form').requestSubmit();
    await waitFor(() => deepText(consult).includes('Geen antwoord van de server'), 'the network error');
  });
});
