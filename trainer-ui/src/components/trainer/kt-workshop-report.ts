import { css, html, LitElement, nothing } from 'lit';
import type { TrainerApi } from '../../api/trainer.ts';
import type { Report, ReportAttempt } from '../../api/trainer-types.ts';
import { LocaleController } from '../../controllers/locale.ts';
import { TaskController } from '../../controllers/task.ts';
import { navigateOnClick } from '../../lib/events.ts';
import { base } from '../../styles/shared.ts';
import { errorText, formatDateTime } from './format.ts';
import { trainerStyles } from './styles.ts';
import '../kt-synthetic-mark.ts';

type Report1 = Report['participants'][number];

/**
 * The printable report of a workshop (`GET /api/workshops/:id/report`): one section per participant with the total
 * score and, per exercise, the score, hints taken, every answer and every check with its explanation and source.
 * On paper: black on white, no buttons, each participant on a new page. `participant` limits it to one.
 *
 * @example
 * html`<kt-workshop-report .api=${api} workshop-id="w1" participant="p2"></kt-workshop-report>`
 */
export class KtWorkshopReport extends LitElement {
  static override properties = {
    api: { attribute: false },
    workshopId: { type: String, attribute: 'workshop-id' },
    participant: { type: String },
  };

  declare api: TrainerApi;
  declare workshopId: string;
  /** Only this participant (id), or '' for all. */
  declare participant: string;

  /** Opens the browser's print dialog (tests replace it). */
  print: () => void = () => window.print();

  static override styles = [
    base,
    trainerStyles,
    css`
      .tools {
        max-width: 60rem;
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem 1.25rem;
        align-items: center;
        margin-bottom: 1.25rem;
      }
      .tools .print {
        margin-left: auto;
      }
      .sheet {
        background: var(--kt-surface);
        border: 1px solid var(--kt-border);
        border-radius: var(--kt-radius);
        padding: 1.5rem 1.75rem;
        max-width: 60rem;
      }
      .report-head {
        border-bottom: 2px solid var(--kt-text);
        padding-bottom: 0.75rem;
        margin-bottom: 1.25rem;
      }
      .report-head h1 {
        margin: 0.5rem 0 0.4rem;
      }
      .facts {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1.75rem;
        margin: 0;
      }
      .facts div {
        display: flex;
        gap: 0.4rem;
      }
      .facts dt {
        font-weight: 700;
      }
      .facts dd {
        margin: 0;
      }
      section.participant {
        padding-top: 0.5rem;
      }
      section.participant + section.participant {
        border-top: 1px solid var(--kt-border-strong);
        margin-top: 1.75rem;
        padding-top: 1.5rem;
      }
      section.participant > h2 {
        margin-bottom: 0.2rem;
      }
      .total {
        font-size: 1.1rem;
        margin-bottom: 1rem;
      }
      .total strong {
        font-size: 1.3rem;
      }
      article.attempt {
        border: 1px solid var(--kt-border);
        border-radius: var(--kt-radius);
        padding: 0.9rem 1.1rem;
        margin-bottom: 1rem;
        break-inside: avoid;
      }
      article.attempt h3 {
        margin: 0 0 0.3rem;
      }
      article.attempt h4 {
        font-size: 1rem;
        margin: 0.9rem 0 0.35rem;
      }
      .ameta {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1.25rem;
        margin: 0;
        color: var(--kt-text-muted);
      }
      .ameta strong {
        color: var(--kt-text);
      }
      dl.answers {
        display: grid;
        grid-template-columns: minmax(10rem, 1fr) 2fr;
        gap: 0.3rem 1rem;
        margin: 0;
      }
      dl.answers dt {
        font-weight: 600;
      }
      dl.answers dd {
        margin: 0;
        font-family: var(--kt-mono);
        font-size: 0.95rem;
        white-space: pre-wrap;
        word-break: break-word;
      }
      ol.checks {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: 0.5rem;
      }
      ol.checks li {
        border-left: 0.35rem solid var(--kt-bad);
        padding: 0.2rem 0 0.2rem 0.75rem;
      }
      ol.checks li.passed {
        border-left-color: var(--kt-ok);
      }
      .verdict {
        font-weight: 800;
      }
      li.passed .verdict {
        color: var(--kt-ok);
      }
      li.failed .verdict {
        color: var(--kt-bad);
      }
      .source {
        display: block;
        font-size: 0.9rem;
        color: var(--kt-text-muted);
      }
      @media (max-width: 40rem) {
        dl.answers {
          grid-template-columns: 1fr;
        }
      }
      @media print {
        :host {
          font-size: 11pt;
        }
        .screen-only {
          display: none !important;
        }
        .sheet {
          border: 0;
          padding: 0;
          max-width: none;
        }
        * {
          color: #000000 !important;
          background: #ffffff !important;
          box-shadow: none !important;
        }
        section.participant + section.participant {
          break-before: page;
          border-top: 0;
          margin-top: 0;
          padding-top: 0;
        }
        article.attempt,
        ol.checks li {
          border-color: #000000 !important;
        }
        ol.checks li.failed {
          border-left-style: dashed;
        }
        a {
          text-decoration: none;
        }
      }
    `,
  ];

  private readonly i18n = new LocaleController(this);
  private readonly report = new TaskController<Report>(this);
  private loadedFor = '';

  constructor() {
    super();
    this.workshopId = '';
    this.participant = '';
  }

  override willUpdate(): void {
    const key = `${this.workshopId}?${this.participant}`;
    if (this.api && this.workshopId && key !== this.loadedFor) {
      this.loadedFor = key;
      void this.load();
    }
  }

  private load(): Promise<Report | undefined> {
    const { api, workshopId, participant } = this;
    return this.report.run(() => api.report(workshopId, participant || null));
  }

  private attempt(a: ReportAttempt) {
    const { t, tn, pick, lang } = this.i18n;
    const cost = a.hints.reduce((sum, h) => sum + h.cost, 0);
    return html`<article class="attempt" data-exercise=${a.exerciseId}>
      <h3>${pick(a.title)}</h3>
      <p class="ameta">
        <span>${t(`family.${a.family}.title`)}</span>
        <span>${
          a.status === 'submitted'
            ? t('report.submittedAt', { time: formatDateTime(a.submittedAt, lang) })
            : t('report.open')
        }</span>
        ${
          a.points !== null && a.max !== null
            ? html`<span>${t('report.score')} <strong>${t('console.points', { points: a.points, max: a.max })}</strong></span>`
            : nothing
        }
        <span>${a.hints.length ? `${tn('report.hints', a.hints.length)} (${tn('hints.cost', cost)})` : t('report.noHints')}</span>
      </p>
      <h4>${t('report.answers')}</h4>
      ${
        a.answers.length
          ? html`<dl class="answers">
              ${a.answers.map(
                (an) =>
                  html`<dt>${pick(an.prompt) || an.questionId}</dt><dd>${an.display || t('report.noAnswer')}</dd>`,
              )}
            </dl>`
          : html`<p class="muted">${t('report.noAnswers')}</p>`
      }
      ${
        a.checks.length
          ? html`<h4>${t('report.checks')}</h4>
              <ol class="checks">
                ${a.checks.map(
                  (c) => html`<li class=${c.passed ? 'passed' : 'failed'} data-check=${c.id}>
                    <span class="verdict">${c.passed ? '✓' : '✗'} ${t(c.passed ? 'result.passed' : 'result.failed')}:</span>
                    ${pick(c.explanation)}
                    ${c.source ? html`<span class="source">${t('result.source', { source: c.source })}</span>` : nothing}
                  </li>`,
                )}
              </ol>`
          : nothing
      }
    </article>`;
  }

  private section(p: Report1) {
    const { t, lang } = this.i18n;
    return html`<section class="participant" aria-labelledby="rp-${p.id}" data-participant=${p.id}>
      <h2 id="rp-${p.id}">${p.pseudonym}</h2>
      <p class="total">
        ${t('report.total')} <strong>${t('console.points', { points: p.points, max: p.max })}</strong>
        · <span class="muted">${t('report.joined', { time: formatDateTime(p.joinedAt, lang) })}</span>
      </p>
      ${p.attempts.length ? p.attempts.map((a) => this.attempt(a)) : html`<p class="muted">${t('report.noAttempts')}</p>`}
    </section>`;
  }

  override render() {
    const { t, tn, lang } = this.i18n;
    const id = encodeURIComponent(this.workshopId);
    const s = this.report.state;
    const tools = html`<div class="tools screen-only">
      <a href="/trainer/workshops/${id}" @click=${navigateOnClick}>← ${t('report.back')}</a>
      ${this.participant ? html`<a href="/trainer/workshops/${id}/report" @click=${navigateOnClick}>${t('report.all')}</a>` : nothing}
      ${
        s.kind === 'done'
          ? html`<button type="button" class="print" @click=${() => this.print()}>${t('report.print')}</button>`
          : nothing
      }
    </div>`;
    if (s.kind === 'error')
      return html`${tools}<h1 tabindex="-1">${t('report.title')}</h1>
        <p class="notice bad" role="alert">${errorText(s.error, this.i18n)}</p>
        <button type="button" @click=${() => this.load()}>${t('app.retry')}</button>`;
    if (s.kind !== 'done') return html`${tools}<p role="status" class="muted">${t('app.loading')}</p>`;
    const r = s.value;
    const w = r.workshop;
    return html`${tools}
      <div class="sheet">
        <header class="report-head">
          <kt-synthetic-mark></kt-synthetic-mark>
          <h1 tabindex="-1">${t('report.heading', { title: w.title })}</h1>
          <dl class="facts">
            <div><dt>${t('report.code')}</dt><dd class="code">${w.code}</dd></div>
            <div><dt>${t('report.date')}</dt><dd>${formatDateTime(w.startedAt ?? w.createdAt, lang)}</dd></div>
            <div><dt>${t('report.generated')}</dt><dd>${formatDateTime(r.generatedAt, lang)}</dd></div>
            <div><dt>${t('report.participants')}</dt><dd>${r.participants.length}</dd></div>
            <div><dt>${t('report.exercises')}</dt><dd>${tn('report.exerciseCount', w.exercises.length)}</dd></div>
          </dl>
        </header>
        ${
          r.participants.length
            ? r.participants.map((p) => this.section(p))
            : html`<p class="notice">${t('report.empty')}</p>`
        }
      </div>`;
  }
}

customElements.define('kt-workshop-report', KtWorkshopReport);

declare global {
  interface HTMLElementTagNameMap {
    'kt-workshop-report': KtWorkshopReport;
  }
}
