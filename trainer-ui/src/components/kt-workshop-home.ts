import { css, html, LitElement, nothing } from 'lit';
import type { TrainingApi } from '../api/training.ts';
import type { AttemptSummary, ExerciseSummary } from '../api/types.ts';
import { LocaleController } from '../controllers/locale.ts';
import { WorkshopController } from '../controllers/workshop.ts';
import type { MessageKey } from '../i18n/index.ts';
import { emit, navigateOnClick } from '../lib/events.ts';
import { base } from '../styles/shared.ts';
import './kt-workshop-status.ts';

type ExerciseState = 'todo' | 'open' | 'done';

/**
 * The home of a workshop participant instead of the catalogue: the workshop's title and status (lobby, running,
 * paused, ended), the time left, and its exercises in the trainer's order with the participant's progress and a
 * start / continue / result button. Follows the workshop live (polls `GET /api/participants/me` every 5 s while
 * shown). Sends `kt-start-exercise`; links go through `kt-navigate`.
 *
 * @example
 * html`<kt-workshop-home .api=${api} starting=${exerciseId}></kt-workshop-home>`
 */
export class KtWorkshopHome extends LitElement {
  static override properties = {
    api: { attribute: false },
    starting: { type: String },
  };

  declare api: TrainingApi | null;
  /** Id of the exercise whose attempt is being created (its button shows progress). */
  declare starting: string;

  private readonly i18n = new LocaleController(this);
  private readonly ws = new WorkshopController(this, () => this.api, { poll: true });

  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      .eyebrow {
        margin: 0 0 0.2rem;
        font-weight: 600;
        color: var(--kt-text-muted);
        letter-spacing: 0.02em;
      }
      h1 {
        font-size: clamp(1.6rem, 5vw, 2.2rem);
        overflow-wrap: anywhere;
      }
      kt-workshop-status {
        margin: 0.5rem 0 1.5rem;
      }
      .done {
        display: flex;
        gap: 0.9rem;
        align-items: flex-start;
        font-size: 1.1rem;
      }
      .done svg {
        flex: none;
        color: var(--kt-ok);
      }
      .done strong {
        display: block;
        font-size: 1.3rem;
      }
      .head {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        justify-content: space-between;
        gap: 0.25rem 1rem;
        margin-top: 0.5rem;
      }
      .head h2 {
        margin: 0;
      }
      .progress {
        font-weight: 600;
        margin: 0;
      }
      .head + p {
        margin-top: 0.25rem;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: 0.9rem;
      }
      li {
        display: grid;
        grid-template-columns: auto minmax(0, 1fr);
        gap: 0.75rem 1rem;
        align-items: start;
        border: 1px solid var(--kt-border);
        border-left: 0.45rem solid var(--kt-border-strong);
        border-radius: var(--kt-radius);
        background: var(--kt-surface);
        box-shadow: var(--kt-shadow);
        padding: 1rem 1.1rem;
      }
      li[data-state='open'] {
        border-left-color: var(--kt-primary);
      }
      li[data-state='done'] {
        border-left-color: var(--kt-ok);
      }
      .num {
        display: inline-flex;
        align-items: center;
        justify-content: center;
        width: 2.4rem;
        height: 2.4rem;
        border-radius: 999px;
        border: 2px solid var(--kt-border-strong);
        font-weight: 800;
        font-size: 1.1rem;
        color: var(--kt-text);
        background: var(--kt-surface-alt);
      }
      li[data-state='done'] .num {
        background: var(--kt-ok);
        border-color: var(--kt-ok);
        color: #fff;
      }
      .body {
        display: flex;
        flex-wrap: wrap;
        gap: 0.6rem 1rem;
        align-items: center;
        justify-content: space-between;
      }
      .text {
        flex: 1 1 16rem;
        min-width: 0;
      }
      h3 {
        margin: 0 0 0.3rem;
        font-size: 1.15rem;
        overflow-wrap: anywhere;
      }
      .meta {
        display: flex;
        flex-wrap: wrap;
        gap: 0.35rem 0.9rem;
        align-items: center;
        color: var(--kt-text-muted);
        font-size: 0.95rem;
      }
      .meta .tag {
        white-space: normal;
      }
      .state {
        font-weight: 700;
        color: var(--kt-text-muted);
      }
      li[data-state='open'] .state {
        color: var(--kt-primary);
      }
      li[data-state='done'] .state {
        color: var(--kt-ok);
      }
      .actions {
        margin-top: 0;
      }
      .why {
        margin: 0.75rem 0 0;
      }
      .foot {
        margin-top: 1.5rem;
      }
      @media (max-width: 30rem) {
        li {
          grid-template-columns: minmax(0, 1fr);
        }
        .num {
          width: 2rem;
          height: 2rem;
          font-size: 1rem;
        }
        .actions,
        .actions .button,
        .actions button {
          width: 100%;
        }
      }
    `,
  ];

  constructor() {
    super();
    this.api = null;
    this.starting = '';
  }

  private stateOf(ex: ExerciseSummary): { state: ExerciseState; attempt?: AttemptSummary } {
    const mine = (this.ws.me?.attempts ?? []).filter((a) => a.exerciseId === ex.id);
    const done = mine.find((a) => a.status === 'submitted');
    if (done) return { state: 'done', attempt: done };
    const open = mine.find((a) => a.status === 'open');
    if (open) return { state: 'open', attempt: open };
    return { state: 'todo' };
  }

  private exercise(ex: ExerciseSummary, i: number, canStart: boolean) {
    const { t, pick } = this.i18n;
    const n = i + 1;
    const title = pick(ex.title);
    const { state, attempt } = this.stateOf(ex);
    const href = attempt ? `/attempts/${encodeURIComponent(attempt.id)}` : '';
    const stateText =
      state === 'done'
        ? typeof attempt?.points === 'number'
          ? t('workshop.state.done', { points: attempt.points, max: attempt.max ?? 0 })
          : t('workshop.state.submitted')
        : t(state === 'open' ? 'workshop.state.open' : 'workshop.state.todo');
    let action: unknown = nothing;
    if (state === 'done')
      action = html`<a class="button secondary" href=${href} @click=${navigateOnClick}
        aria-label=${t('workshop.view.label', { n, title })}>${t('workshop.view')}</a>`;
    else if (state === 'open')
      action = canStart
        ? html`<a class="button" href=${href} @click=${navigateOnClick}
            aria-label=${t('workshop.continue.label', { n, title })}>${t('workshop.continue')}</a>`
        : html`<a class="button secondary" href=${href} @click=${navigateOnClick}
            aria-label=${t('workshop.open.label', { n, title })}>${t('workshop.open')}</a>`;
    else if (this.ws.phase !== 'ended' && this.ws.phase !== 'time-up')
      action = html`<button
        type="button"
        aria-disabled=${String(!canStart || Boolean(this.starting))}
        aria-describedby=${canStart ? nothing : 'why'}
        aria-label=${t('workshop.start.label', { n, title })}
        @click=${() => {
          if (canStart && !this.starting) emit(this, 'kt-start-exercise', { exerciseId: ex.id });
        }}
      >
        ${this.starting === ex.id ? t('catalogue.starting') : t('workshop.start')}
      </button>`;
    return html`<li data-exercise=${ex.id} data-state=${state}>
      <span class="num" aria-hidden="true">${n}</span>
      <div class="body">
        <div class="text">
          <h3><span class="visually-hidden">${t('workshop.exercise.number', { n })} </span>${title}</h3>
          <div class="meta">
            <span class="tag">${t(`family.${ex.family}.title`)}</span>
            <span>${t('difficulty.label', { level: t(`difficulty.${ex.difficulty}` as MessageKey) })}</span>
            <span class="state" data-testid="state">${stateText}</span>
          </div>
        </div>
        <div class="actions">${action}</div>
      </div>
    </li>`;
  }

  override render() {
    const { t, tn } = this.i18n;
    const w = this.ws.workshop;
    const phase = this.ws.phase;
    if (!w || !phase) return html`<p role="status" class="muted">${t('app.loading')}</p>`;
    const states = w.exercises.map((ex) => this.stateOf(ex));
    const submitted = states.filter((s) => s.state === 'done');
    const allDone = w.exercises.length > 0 && submitted.length === w.exercises.length;
    const points = submitted.reduce((sum, s) => sum + (s.attempt?.points ?? 0), 0);
    const max = submitted.reduce((sum, s) => sum + (s.attempt?.max ?? 0), 0);
    const canStart = phase === 'running';
    const why = phase === 'running' ? '' : t(`workshop.blocked.${phase}`);
    return html`
      <p class="eyebrow">${t('workshop.eyebrow', { code: w.code })}</p>
      <h1 tabindex="-1">${w.title}</h1>
      <kt-workshop-status .workshop=${w} phase=${phase} .clock=${this.ws.clock}></kt-workshop-status>
      ${
        allDone
          ? html`<div class="notice ok done" data-testid="all-done">
            <svg width="36" height="36" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <path fill="currentColor" d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm-2 15-5-5 1.4-1.4 3.6 3.6 7.6-7.6L19 8l-9 9z" />
            </svg>
            <div>
              <strong>${t('workshop.done.title')}</strong>
              ${max > 0 ? html`<span>${t('workshop.done.score', { points, max })}</span>` : nothing}
              <p class="why">${w.revealed ? t('workshop.revealed') : `${t('workshop.notRevealed')}.`}</p>
            </div>
          </div>`
          : w.revealed && submitted.length
            ? html`<p class="notice ok">${t('workshop.revealed')}</p>`
            : nothing
      }
      <section aria-labelledby="exercises-title">
        <div class="head">
          <h2 id="exercises-title">${t('workshop.exercises')}</h2>
          <p class="progress">${tn('workshop.progress', submitted.length, { total: w.exercises.length })}</p>
        </div>
        <p class="muted">${t('workshop.exercises.intro')}</p>
        ${why && !allDone ? html`<p class="notice warn" id="why">${why}</p>` : nothing}
        <ol>
          ${w.exercises.map((ex, i) => this.exercise(ex, i, canStart))}
        </ol>
      </section>
      <p class="help foot">${t('workshop.otherBrowser')}</p>
    `;
  }
}

customElements.define('kt-workshop-home', KtWorkshopHome);

declare global {
  interface HTMLElementTagNameMap {
    'kt-workshop-home': KtWorkshopHome;
  }
}
