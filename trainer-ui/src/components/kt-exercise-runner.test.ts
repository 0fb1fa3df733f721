import { expect, fixture, html } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { memoryTokenStore, TrainingApi } from '../api/training.ts';
import type { Attempt } from '../api/types.ts';
import { locale } from '../i18n/index.ts';
import { installTokens } from '../styles/tokens.ts';
import { seriousViolations } from '../testing/axe.ts';
import { $, button, shadow, type } from '../testing/dom.ts';
import { deepText, type FakeFetch, fakeFetch, type Reply, waitFor } from '../testing/fake-fetch.ts';
import { attempt, FLOWS, OPENAPI, RESULT } from '../testing/fixtures.ts';
import type { KtExerciseRunner } from './kt-exercise-runner.ts';
import './kt-exercise-runner.ts';

installTokens(document);

async function mount(routes: Record<string, Reply> = {}, a: Attempt = attempt()) {
  const f: FakeFetch = fakeFetch({
    'GET /api/attempts/a1': { json: a },
    'GET /t/tr-abc/ksz/flows': { json: FLOWS },
    'GET /t/tr-abc/ksz/openapi.json': { json: OPENAPI },
    'POST /api/attempts/a1/hints/h1': {
      json: {
        id: 'h1',
        cost: 1,
        text: { nl: 'Kijk naar de laatste beslissing.', fr: 'Regardez la dernière décision.' },
      },
    },
    'POST /api/attempts/a1/submit': { json: RESULT },
    ...routes,
  });
  const api = new TrainingApi({ fetch: f.fetch, tokens: memoryTokenStore('tok-1') });
  const el = await fixture<KtExerciseRunner>(
    html`<kt-exercise-runner .api=${api} attempt-id="a1"></kt-exercise-runner>`,
  );
  const root = shadow(el, 'kt-exercise-runner');
  await waitFor(() => root.querySelector('h1'), 'the attempt to load');
  await el.updateComplete;
  return { el, root, f };
}

function questions(root: ShadowRoot): ShadowRoot[] {
  return [...root.querySelectorAll('kt-question')].map((q) => shadow(q, 'kt-question'));
}

describe('kt-exercise-runner', () => {
  beforeEach(() => {
    sessionStorage.clear();
    for (const key of Object.keys(localStorage)) if (key.startsWith('ksz-sandbox.draft.')) localStorage.removeItem(key);
    locale.set('nl', { persist: false });
  });

  it('shows the brief, the case client, the hints with their cost and every kind of question', async () => {
    const { root, f } = await mount();
    expect(root.querySelector('h1')?.textContent).to.contain('De huidige beslissing');
    const brief = $(root, '.brief');
    expect(brief.querySelector('strong')?.textContent).to.equal('Koning');
    expect(brief.querySelectorAll('li').length).to.equal(2);
    expect(brief.textContent).to.contain('88.03.31-954.82');
    const hints = deepText($(root, 'kt-hints'));
    expect(hints).to.contain('Hint 1').and.contain('kost 1 punt').and.contain('kost 2 punten');
    const [choice, multi, amount, date, text] = questions(root);
    expect(choice?.querySelectorAll('input[type=radio]').length).to.equal(3);
    expect(multi?.querySelectorAll('input[type=checkbox]').length).to.equal(3);
    expect(amount?.querySelector('.euro')?.textContent).to.contain('€');
    expect(date?.querySelector('input.date')).to.exist;
    expect(text?.querySelector('input[type=text]')).to.exist;
    expect(f.callsTo('GET /api/attempts/a1')[0]?.headers.authorization).to.equal('Bearer tok-1');
    expect(await seriousViolations(root.host)).to.deep.equal([]);
  });

  it('asks to confirm the cost before taking a hint, then shows its text', async () => {
    const { root, f } = await mount();
    const hints = shadow($(root, 'kt-hints'));
    $<HTMLButtonElement>(hints, '#show-h1').click();
    await $<LitElement>(root, 'kt-hints').updateComplete;
    const box = $(hints, '#confirm-box-h1');
    expect(box.hidden).to.equal(false);
    expect(box.textContent).to.contain('kost 1 punt van je score');
    expect(hints.activeElement?.id, 'focus on the confirm button').to.equal('confirm-h1');
    expect(f.callsTo('POST /api/attempts/a1/hints/h1')).to.have.length(0);

    button(box, 'Annuleren').click();
    await $<LitElement>(root, 'kt-hints').updateComplete;
    expect(box.hidden).to.equal(true);
    expect(f.callsTo('POST /api/attempts/a1/hints/h1')).to.have.length(0);

    $<HTMLButtonElement>(hints, '#show-h1').click();
    await $<LitElement>(root, 'kt-hints').updateComplete;
    $<HTMLButtonElement>(hints, '#confirm-h1').click();
    await waitFor(() => deepText(hints).includes('Kijk naar de laatste beslissing.'), 'the hint text');
    expect(f.callsTo('POST /api/attempts/a1/hints/h1')).to.have.length(1);
  });

  it('submits the answers of every kind, typed (amount as a number), after a confirmation', async () => {
    const { el, root, f } = await mount();
    const [choice, multi, amount, date, text] = questions(root);
    $<HTMLInputElement>(choice!, 'input[value=alleenstaand]').click();
    $<HTMLInputElement>(multi!, 'input[value=D1]').click();
    $<HTMLInputElement>(multi!, 'input[value=D3]').click();
    type($<HTMLInputElement>(amount!, 'input'), '1.354,00');
    type($<HTMLInputElement>(date!, 'input'), '1/6/2025');
    type($<HTMLInputElement>(text!, 'input'), 'indexering');
    await el.updateComplete;
    expect(deepText(root.querySelectorAll('kt-question')[2]!)).to.contain('1.354,00');
    expect(deepText(root.querySelectorAll('kt-question')[3]!)).to.contain('1 juni 2025');

    $<HTMLButtonElement>(root, '#submit').click();
    await el.updateComplete;
    expect($(root, '#confirm-submit-box').hidden).to.equal(false);
    expect(f.callsTo('POST /api/attempts/a1/submit')).to.have.length(0);
    $<HTMLButtonElement>(root, '#confirm-submit').click();
    await waitFor(() => root.querySelector('kt-result'), 'the result');

    const sent = f.callsTo('POST /api/attempts/a1/submit')[0];
    expect(sent?.body).to.deep.equal({
      answers: {
        category: 'alleenstaand',
        revised: ['D1', 'D3'],
        amount: 1354,
        since: '2025-06-01',
        why: 'indexering',
      },
    });
    expect(sent?.headers.authorization).to.equal('Bearer tok-1');
  });

  it('warns about unanswered questions before submitting', async () => {
    const { el, root } = await mount();
    $<HTMLButtonElement>(root, '#submit').click();
    await el.updateComplete;
    expect($(root, '#confirm-submit-box').textContent).to.contain('Nog 5 vragen zonder antwoord');
  });

  it('shows per check right or wrong, the explanation and the source, and offers a new variant', async () => {
    const { el, root } = await mount();
    $<HTMLInputElement>(questions(root)[0]!, 'input[value=alleenstaand]').click();
    await el.updateComplete;
    $<HTMLButtonElement>(root, '#submit').click();
    await el.updateComplete;
    $<HTMLButtonElement>(root, '#confirm-submit').click();
    const result = await waitFor(() => root.querySelector('kt-result'), 'the result');
    await result.updateComplete;
    const r = shadow(result);
    expect($(r, '[data-testid=score]').textContent).to.contain('3 / 5 punten');
    expect(r.querySelectorAll('li.passed')).to.have.length(1);
    expect(r.querySelectorAll('li.failed')).to.have.length(1);
    const text = deepText(r);
    expect(text).to.contain('Juist').and.contain('Niet juist');
    expect(text).to.contain('Het bedrag was 1.354,00 euro.').and.contain('Bron: ESV, beslissing D3');
    // The questions stay visible (read-only) with the given answers.
    expect($<HTMLInputElement>(questions(root)[0]!, 'input').disabled).to.equal(true);

    let asked = '';
    el.addEventListener('kt-start-exercise', (e) => {
      asked = e.detail.exerciseId;
    });
    button(r, 'Nieuwe variant proberen').click();
    expect(asked).to.equal('esv-current');
    expect(await seriousViolations(root.host)).to.deep.equal([]);
  });

  it('on 409 (already submitted) shows the first submission’s result', async () => {
    let gets = 0;
    const { el, root } = await mount({
      'GET /api/attempts/a1': () => {
        gets++;
        return { json: gets === 1 ? attempt() : attempt({ status: 'submitted', result: RESULT }) };
      },
      'POST /api/attempts/a1/submit': {
        status: 409,
        json: { error: { code: 'already-submitted', message: { nl: 'Al ingediend.', fr: 'Déjà remis.' } } },
      },
    });
    $<HTMLButtonElement>(root, '#submit').click();
    await el.updateComplete;
    $<HTMLButtonElement>(root, '#confirm-submit').click();
    const result = await waitFor(() => root.querySelector('kt-result'), 'the result');
    await result.updateComplete;
    expect(deepText(shadow(result)))
      .to.contain('al ingediend')
      .and.contain('3 / 5 punten');
  });

  it('shows an attempt that was submitted before with its result; its hints are then free, without confirmation', async () => {
    const { root, f } = await mount({}, attempt({ status: 'submitted', result: RESULT }));
    expect(root.querySelector('kt-result')).to.exist;
    expect(root.querySelector('#submit')).to.equal(null);
    const hints = shadow($(root, 'kt-hints'));
    expect(deepText(hints)).to.contain('na het indienen gratis');
    $<HTMLButtonElement>(hints, '#show-h1').click();
    await waitFor(() => deepText(hints).includes('Kijk naar de laatste beslissing.'), 'the hint text');
    expect(f.callsTo('POST /api/attempts/a1/hints/h1')).to.have.length(1);
  });

  it('switches between the task and the workspace with the arrow keys', async () => {
    const { el, root, f } = await mount();
    const task = $(root, '#tab-task');
    task.focus();
    task.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await el.updateComplete;
    expect($(root, '#tab-workspace').getAttribute('aria-selected')).to.equal('true');
    expect(root.activeElement?.id).to.equal('tab-workspace');
    expect($(root, '#panel-workspace').hidden).to.equal(false);
    expect($(root, '#panel-task').hidden).to.equal(true);
    await waitFor(() => f.callsTo('GET /t/tr-abc/ksz/flows').length, 'the workspace to load its flows');
    $(root, '#tab-workspace').dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true }));
    await el.updateComplete;
    expect($(root, '#tab-task').getAttribute('aria-selected')).to.equal('true');
  });

  it('speaks French after the language switch', async () => {
    const { el, root } = await mount();
    locale.set('fr', { persist: false });
    await el.updateComplete;
    expect(root.querySelector('h1')?.textContent).to.contain('La décision actuelle');
    expect($(root, '.brief').textContent).to.contain('Madame').and.contain('Consigne');
    expect($(root, '#submit').textContent).to.contain('Remettre mes réponses');
    locale.set('nl', { persist: false });
  });

  it('says so when the attempt belongs to someone else', async () => {
    const { root } = await mount({
      'GET /api/attempts/a1': {
        status: 403,
        json: { error: { code: 'forbidden', message: { nl: 'Niet van jou.', fr: 'Pas à vous.' } } },
      },
    });
    expect(deepText(root)).to.contain('hoort bij een andere deelnemer');
  });
});
