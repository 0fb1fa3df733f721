import { expect, fixture, html } from '@open-wc/testing';
import { TrainerApi } from '../../api/trainer.ts';
import { memoryTokenStore } from '../../api/training.ts';
import { locale } from '../../i18n/index.ts';
import { installTokens } from '../../styles/tokens.ts';
import { seriousViolations } from '../../testing/axe.ts';
import { $, button, shadow } from '../../testing/dom.ts';
import { deepText, type FakeFetch, fakeFetch, waitFor } from '../../testing/fake-fetch.ts';
import { PASSWORD, REPORT } from './fixtures.ts';
import type { KtTrainerApp } from './kt-trainer-app.ts';
import type { KtWorkshopReport } from './kt-workshop-report.ts';
import './kt-trainer-app.ts';
import './kt-workshop-report.ts';

installTokens(document);

async function mount(participant = '') {
  const f: FakeFetch = fakeFetch({
    'GET /api/workshops/w1/report': (call) =>
      call.url.includes('participant=p2')
        ? { json: { ...REPORT, participants: REPORT.participants.filter((p) => p.id === 'p2') } }
        : { json: REPORT },
  });
  const api = new TrainerApi({ fetch: f.fetch, passwords: memoryTokenStore(PASSWORD) });
  const el = await fixture<KtWorkshopReport>(
    html`<kt-workshop-report .api=${api} workshop-id="w1" participant=${participant}></kt-workshop-report>`,
  );
  const root = shadow(el, 'kt-workshop-report');
  await waitFor(() => root.querySelector('h1'), 'the report');
  return { el, root, f };
}

describe('kt-workshop-report', () => {
  beforeEach(() => locale.set('nl', { persist: false }));

  it('has one section per participant with scores, hints, answers and checks with explanation and source', async () => {
    const { el, root } = await mount();
    expect($(root, 'h1').textContent).to.contain('Rapport: Leefloon en de KSZ — Gent');
    expect(deepText(root)).to.contain('Synthetische gegevens');
    const sections = [...root.querySelectorAll<HTMLElement>('section.participant')];
    expect(sections.map((s) => s.querySelector('h2')?.textContent)).to.deep.equal(['Vos', 'Uil']);
    const vos = deepText(sections[0]!);
    expect(vos).to.contain('Totaal: 4/5');
    expect(vos)
      .to.contain('Aanvraag aan de balie')
      .and.contain('Score: 4/5')
      .and.contain('1 hint genomen (kost 1 punt)');
    expect(vos).to.contain('Welke hoedanigheidscode gebruik je?').and.contain('2 — Leefloon');
    const checks = [...sections[0]!.querySelectorAll('li[data-check]')].map((li) =>
      li.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(checks[0]).to.contain('✓ Juist: Eerst inschrijven, dan raadplegen.');
    expect(checks[1]).to.contain('✗ Niet juist: De vraag naar het ziekenfonds was niet nodig.');
    expect(vos).to.contain('Bron: Beraadslaging 12/013');
    expect(vos).to.contain('De huidige beslissing').and.contain('Nog niet ingediend');
    expect(deepText(sections[1]!)).to.contain('Geen hints genomen');
    expect(await seriousViolations(el)).to.deep.equal([]);
  });

  it('prints with the print button and hides the buttons and breaks pages on paper', async () => {
    const { el, root } = await mount();
    let printed = 0;
    el.print = () => {
      printed++;
    };
    button(root, 'Afdrukken / opslaan als PDF').click();
    expect(printed).to.equal(1);
    // The print rules: no buttons, a new page per participant, black on white.
    const rules = (el.constructor as typeof KtWorkshopReport).styles
      .flat()
      .map((s) => ('cssText' in s ? s.cssText : ''))
      .join('\n');
    const print = rules.slice(rules.indexOf('@media print'));
    expect(print).to.contain('.screen-only').and.contain('break-before: page').and.contain('#000000');
    expect($(root, '.tools').classList.contains('screen-only')).to.equal(true);
  });

  it('reports one participant with ?participant=<id>', async () => {
    const { root, f } = await mount('p2');
    expect(f.calls[0]?.url).to.equal('/api/workshops/w1/report?participant=p2');
    expect([...root.querySelectorAll('section.participant h2')].map((h) => h.textContent)).to.deep.equal(['Uil']);
    expect(deepText(root)).to.contain('Alle deelnemers');
  });

  it('is the trainer app’s /trainer/workshops/:id/report?participant=…, with a header hidden on paper', async () => {
    history.replaceState(null, '', '/trainer/workshops/w1/report?participant=p2');
    try {
      const f = fakeFetch({ 'GET /api/workshops/w1/report': { json: REPORT } });
      const api = new TrainerApi({ fetch: f.fetch, passwords: memoryTokenStore(PASSWORD) });
      const app = await fixture<KtTrainerApp>(
        html`<kt-trainer-app .api=${api} .route=${{ name: 'report', workshopId: 'w1' }}></kt-trainer-app>`,
      );
      const report = await waitFor(() => shadow(app).querySelector('kt-workshop-report'), 'the report');
      expect(report.participant).to.equal('p2');
      await waitFor(() => f.calls.length > 0, 'the request');
      expect(f.calls[0]?.url).to.equal('/api/workshops/w1/report?participant=p2');
      const css = (app.constructor as typeof KtTrainerApp).styles
        .flat()
        .map((s) => ('cssText' in s ? s.cssText : ''))
        .join('\n');
      expect(css.slice(css.indexOf('@media print'))).to.contain('header');
    } finally {
      history.replaceState(null, '', '/');
    }
  });
});
