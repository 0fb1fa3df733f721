import { expect, fixture, html } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { memoryTokenStore, TrainingApi } from '../api/training.ts';
import type { Attempt, Me } from '../api/types.ts';
import { mePoller } from '../controllers/workshop.ts';
import { locale } from '../i18n/index.ts';
import { installTokens } from '../styles/tokens.ts';
import { seriousViolations } from '../testing/axe.ts';
import { $, shadow } from '../testing/dom.ts';
import { deepText, type FakeFetch, fakeFetch, type Reply, waitFor } from '../testing/fake-fetch.ts';
import { apiError, attempt, FLOWS, OPENAPI, RESULT, WITHHELD_RESULT, workshopMe } from '../testing/fixtures.ts';
import type { KtExerciseRunner } from './kt-exercise-runner.ts';
import './kt-exercise-runner.ts';

installTokens(document);

async function mount(me: Me | (() => Me), routes: Record<string, Reply> = {}, a: Attempt = attempt()) {
  const f: FakeFetch = fakeFetch({
    'GET /api/participants/me': () => ({ json: typeof me === 'function' ? me() : me }),
    'GET /api/attempts/a1': { json: a },
    'GET /t/tr-abc/ksz/flows': { json: FLOWS },
    'GET /t/tr-abc/ksz/openapi.json': { json: OPENAPI },
    ...routes,
  });
  const api = new TrainingApi({ fetch: f.fetch, tokens: memoryTokenStore('tok-ws') });
  mePoller(api).intervalMs = 100;
  // Test pages run side by side, some in a background tab: poll there too.
  mePoller(api).pauseWhenHidden = false;
  const el = await fixture<KtExerciseRunner>(
    html`<kt-exercise-runner .api=${api} attempt-id="a1"></kt-exercise-runner>`,
  );
  const root = shadow(el, 'kt-exercise-runner');
  await waitFor(() => root.querySelector('h1'), 'the attempt to load');
  await waitFor(() => root.querySelector('kt-workshop-status'), 'the workshop bar');
  await el.updateComplete;
  return { el, root, f };
}

const question = (root: ShadowRoot, i: number) => shadow(root.querySelectorAll('kt-question')[i], 'kt-question');
const bar = (root: ShadowRoot) => shadow(root.querySelector('kt-workshop-status'), 'kt-workshop-status');
/** The banner: the status line of the workshop bar and what it means for this exercise (only when held back). */
const banner = (root: ShadowRoot) => {
  const b = bar(root);
  const detail = b.querySelector('[data-testid=workshop-detail]');
  return detail ? `${b.querySelector('[role=status]')?.textContent?.trim()} ${detail.textContent?.trim()}` : '';
};

describe('kt-exercise-runner in a workshop', () => {
  beforeEach(() => {
    sessionStorage.clear();
    for (const key of Object.keys(localStorage)) if (key.startsWith('ksz-sandbox.draft.')) localStorage.removeItem(key);
    locale.set('nl', { persist: false });
  });

  it('shows the workshop, its time, and the way back to it', async () => {
    const { root } = await mount(workshopMe());
    expect(deepText(bar(root)))
      .to.contain('De workshop is bezig')
      .and.contain('VVSG Gent — namiddag');
    expect($(bar(root), '[data-testid=time-left]').textContent?.trim()).to.match(/^12:3[34]$/);
    expect($(root, 'a.back').textContent).to.contain('Terug naar de workshop');
    expect(banner(root)).to.equal('');
  });

  it('paused: a banner, hints and submission held back with the reason; answers can still be written', async () => {
    const { el, root, f } = await mount(workshopMe({ status: 'paused' }));
    expect(banner(root)).to.contain('Gepauzeerd door de lesgever').and.contain('Je antwoorden blijven bewaard');
    expect(bar(root).querySelector('[role=status]')?.textContent).to.contain('Gepauzeerd door de lesgever');
    const submit = $<HTMLButtonElement>(root, '#submit');
    expect(submit.getAttribute('aria-disabled')).to.equal('true');
    expect($(root, '#submit-blocked').textContent).to.contain('hints en indienen kunnen weer zodra de lesgever hervat');
    submit.click();
    await el.updateComplete;
    expect($(root, '#confirm-submit-box').hidden, 'no confirmation while paused').to.equal(true);
    const hints = shadow($(root, 'kt-hints'));
    expect($<HTMLButtonElement>(hints, '#show-h1').disabled).to.equal(true);
    $<HTMLInputElement>(question(root, 0), 'input[value=alleenstaand]').click();
    await el.updateComplete;
    expect(JSON.parse(localStorage.getItem('ksz-sandbox.draft.a1') ?? '{}')).to.deep.equal({
      category: 'alleenstaand',
    });
    expect(f.callsTo('POST /api/attempts/a1/submit')).to.have.length(0);
    expect(await seriousViolations(el)).to.deep.equal([]);
  });

  it('when the trainer resumes, submitting works again without a reload', async () => {
    let status: 'paused' | 'running' = 'paused';
    const { el, root } = await mount(() => workshopMe({ status }));
    expect($(root, '#submit').getAttribute('aria-disabled')).to.equal('true');
    status = 'running';
    await waitFor(() => banner(root) === '', 'the banner to go');
    expect($(root, '#submit').hasAttribute('aria-disabled')).to.equal(false);
    $<HTMLButtonElement>(root, '#submit').click();
    await el.updateComplete;
    expect($(root, '#confirm-submit-box').hidden).to.equal(false);
  });

  it('a submission refused by the workshop (409) shows the API’s message and keeps the answers', async () => {
    const { el, root, f } = await mount(workshopMe(), {
      'POST /api/attempts/a1/submit': {
        status: 409,
        json: apiError(
          'workshop-paused',
          'De workshop is gepauzeerd. Je antwoorden blijven bewaard in je browser.',
          'L’atelier est en pause.',
        ),
      },
    });
    $<HTMLInputElement>(question(root, 0), 'input[value=alleenstaand]').click();
    $<HTMLInputElement>(question(root, 1), 'input[value=D2]').click();
    await el.updateComplete;
    const asked = f.callsTo('GET /api/participants/me').length;
    $<HTMLButtonElement>(root, '#submit').click();
    await el.updateComplete;
    $<HTMLButtonElement>(root, '#confirm-submit').click();
    const alert = await waitFor(() => root.querySelector('[data-testid=submit-error]'), 'the refusal');
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(alert.textContent).to.contain('De workshop is gepauzeerd.').and.contain('niet verloren');
    expect(root.querySelector('kt-result')).to.equal(null);
    // The answers are still there, on screen and in the draft.
    expect($<HTMLInputElement>(question(root, 0), 'input[value=alleenstaand]').checked).to.equal(true);
    expect($<HTMLInputElement>(question(root, 1), 'input[value=D2]').checked).to.equal(true);
    expect($<HTMLInputElement>(question(root, 0), 'input').disabled).to.equal(false);
    expect(JSON.parse(localStorage.getItem('ksz-sandbox.draft.a1') ?? '{}')).to.deep.equal({
      category: 'alleenstaand',
      revised: ['D2'],
    });
    // The workshop is asked again at once rather than at the next poll.
    await waitFor(() => f.callsTo('GET /api/participants/me').length > asked, 'a fresh look at the workshop');
  });

  it('a result before the reveal: score and right/wrong per check, “the trainer shows the explanation later”', async () => {
    const { el, root } = await mount(workshopMe(), {}, attempt({ status: 'submitted', result: WITHHELD_RESULT }));
    const result = await waitFor(() => root.querySelector<LitElement>('kt-result'), 'the result');
    await result.updateComplete;
    const r = shadow(result);
    expect($(r, '[data-testid=score]').textContent).to.contain('3 / 5 punten');
    expect($(r, '[data-testid=not-revealed]').textContent).to.contain('De lesgever toont de uitleg straks');
    expect(r.querySelectorAll('li.passed')).to.have.length(2);
    expect(r.querySelectorAll('li.failed')).to.have.length(1);
    expect([...r.querySelectorAll('li .what')].map((p) => p.textContent?.trim())).to.deep.equal([
      'Vraag 1: Welke categorie geldt nu?',
      'Vraag 3: Welk bedrag per maand?',
      'Controle 3',
    ]);
    expect(r.querySelector('.explanation')).to.equal(null);
    expect(r.querySelector('.source')).to.equal(null);
    // One attempt per exercise in a workshop: no new variant; back to the workshop.
    expect(deepText(r)).to.contain('Terug naar de workshop');
    expect(deepText(r)).to.not.contain('Nieuwe variant');
    expect(await seriousViolations(el)).to.deep.equal([]);
  });

  it('when the trainer reveals, the attempt is read again and the explanations appear', async () => {
    let revealed = false;
    const revealedResult = { ...RESULT, revealed: true };
    const { root, f } = await mount(
      () => workshopMe({ status: 'ended', revealed }),
      {
        'GET /api/attempts/a1': () => ({
          json: attempt({ status: 'submitted', result: revealed ? revealedResult : WITHHELD_RESULT }),
        }),
      },
      attempt(),
    );
    const result = await waitFor(() => root.querySelector<LitElement>('kt-result'), 'the result');
    expect(deepText(shadow(result))).to.contain('De lesgever toont de uitleg straks');
    const reads = f.callsTo('GET /api/attempts/a1').length;
    revealed = true;
    await waitFor(() => deepText(shadow(result)).includes('Het bedrag was 1.354,00 euro.'), 'the explanations');
    expect(deepText(shadow(result)))
      .to.contain('Bron: ESV, beslissing D3')
      .and.not.contain('uitleg straks');
    expect(f.callsTo('GET /api/attempts/a1').length).to.equal(reads + 1);
  });

  it('speaks French in the banner', async () => {
    locale.set('fr', { persist: false });
    const { root } = await mount(workshopMe({ status: 'paused' }));
    expect(banner(root)).to.contain('Mis en pause par le formateur').and.contain('Vos réponses restent conservées');
    locale.set('nl', { persist: false });
  });
});
