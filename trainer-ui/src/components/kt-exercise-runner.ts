import { css, html, LitElement, nothing } from 'lit';
import { ApiError, type TrainingApi } from '../api/training.ts';
import type { Attempt, AttemptResult, Bilingual } from '../api/types.ts';
import { DraftController } from '../controllers/draft.ts';
import { LocaleController } from '../controllers/locale.ts';
import { TaskController } from '../controllers/task.ts';
import { WorkshopController, type WorkshopPhase } from '../controllers/workshop.ts';
import type { MessageKey } from '../i18n/index.ts';
import { parseBrief } from '../lib/brief.ts';
import { type KtEvents, navigateOnClick } from '../lib/events.ts';
import { formatDate } from '../lib/format.ts';
import { formatInsz } from '../lib/insz.ts';
import { base } from '../styles/shared.ts';
import './kt-hints.ts';
import './kt-question.ts';
import './kt-result.ts';
import './kt-workspace.ts';
import './kt-workshop-status.ts';

type Tab = 'task' | 'workspace';
const TABS: Tab[] = ['task', 'workspace'];

/** What the server answers (409) when a workshop's state refuses a hint or a submission. */
const WORKSHOP_REFUSALS = new Set(['workshop-not-started', 'workshop-paused', 'time-up', 'workshop-ended']);

/**
 * One attempt of an exercise: the brief, the hints (with their cost, after confirmation), the questions, and after
 * submission the score per check with explanation and source; the consultation workspace in a second tab. The
 * browser never has an answer key: the result comes from the server after submission.
 *
 * For a participant of a live workshop it follows the workshop (polling `GET /api/participants/me`): the status and
 * the time left above the task, hints and submission held back while the workshop is paused or over (the answers
 * stay, as drafts), the result without explanations until the trainer reveals them — then reloaded with them.
 *
 * @example
 * html`<kt-exercise-runner .api=${api} attempt-id="a-12"></kt-exercise-runner>`
 */
export class KtExerciseRunner extends LitElement {
  static override properties = {
    api: { attribute: false },
    attemptId: { type: String, attribute: 'attempt-id' },
    tab: { state: true },
    revealed: { state: true },
    pendingHint: { state: true },
    hintError: { state: true },
    confirming: { state: true },
    submitError: { state: true },
    note: { state: true },
  };

  declare api: TrainingApi | null;
  declare attemptId: string;
  declare private tab: Tab;
  declare private revealed: Record<string, Bilingual>;
  declare private pendingHint: string;
  declare private hintError: string;
  declare private confirming: boolean;
  declare private submitError: string;
  declare private note: string;

  private readonly attempt = new TaskController<Attempt>(this);
  private readonly submission = new TaskController<AttemptResult>(this);
  private readonly draft = new DraftController(this);
  private readonly i18n = new LocaleController(this);
  private readonly ws = new WorkshopController(this, () => this.api, { poll: true });
  /** When the workshop answer that last triggered a reload of the explanations arrived (one reload per answer). */
  private revealCheckedAt = -1;

  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      .back {
        display: inline-block;
        margin-bottom: 0.75rem;
        font-weight: 600;
      }
      .meta {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: center;
        margin: -0.25rem 0 1.25rem;
        color: var(--kt-text-muted);
      }
      [role='tablist'] {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem;
        border-bottom: 3px solid var(--kt-primary);
        margin-bottom: 1.25rem;
      }
      [role='tab'] {
        border-radius: var(--kt-radius) var(--kt-radius) 0 0;
        background: var(--kt-surface);
        color: var(--kt-primary);
        border: 2px solid var(--kt-border-strong);
        border-bottom: 0;
        min-height: 3rem;
        font-size: 1.05rem;
      }
      [role='tab'][aria-selected='true'] {
        background: var(--kt-primary);
        color: var(--kt-on-primary);
        border-color: var(--kt-primary);
      }
      [role='tab']:hover {
        background: var(--kt-primary-soft);
        color: var(--kt-primary-hover);
      }
      [role='tab'][aria-selected='true']:hover {
        background: var(--kt-primary-hover);
        color: var(--kt-on-primary);
      }
      .layout {
        display: grid;
        gap: 1.25rem;
        grid-template-columns: minmax(0, 1fr);
      }
      @media (min-width: 64rem) {
        .layout {
          grid-template-columns: minmax(0, 3fr) minmax(16rem, 2fr);
          align-items: start;
        }
        .questions,
        .result {
          grid-column: 1 / -1;
        }
      }
      .brief p,
      .brief ul {
        max-width: 60rem;
      }
      .questions ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: 1.25rem;
      }
      .questions li {
        padding-bottom: 1.25rem;
        border-bottom: 1px solid var(--kt-border);
      }
      .confirm {
        margin-top: 1rem;
      }
      .subject {
        font-weight: 600;
      }
      .insz {
        font-family: var(--kt-mono);
      }
      kt-workshop-status {
        margin: 0 0 1rem;
      }
      .blocked {
        margin: 0.75rem 0 0;
      }
      .hints-blocked {
        margin: 0 0 0.75rem;
      }
    `,
  ];

  constructor() {
    super();
    this.api = null;
    this.attemptId = '';
    this.tab = 'task';
    this.revealed = {};
    this.pendingHint = '';
    this.hintError = '';
    this.confirming = false;
    this.submitError = '';
    this.note = '';
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if ((changed.has('attemptId') || changed.has('api')) && this.api && this.attemptId) void this.load();
    const blocked = this.blocked;
    if (blocked && this.confirming) this.confirming = false;
    // The trainer revealed the explanations: fetch the attempt again to show them (once per workshop answer).
    const source = this.ws.source;
    if (
      this.result?.revealed === false &&
      this.ws.workshop?.revealed &&
      source &&
      this.revealCheckedAt !== source.receivedAt
    ) {
      this.revealCheckedAt = source.receivedAt;
      void this.reloadResult();
    }
  }

  /** The workshop's state when it holds back hints and submissions (paused, not started, over), else null. */
  private get blocked(): Exclude<WorkshopPhase, 'running'> | null {
    const phase = this.ws.phase;
    return phase && phase !== 'running' ? phase : null;
  }

  private async reloadResult(): Promise<void> {
    const api = this.api;
    const id = this.attempt.value?.id;
    if (!api || !id) return;
    const again = await api.attempt(id).catch(() => undefined);
    if (again?.result && again.id === this.attempt.value?.id) this.submission.set(again.result);
  }

  private async load(): Promise<void> {
    const api = this.api;
    const id = this.attemptId;
    if (!api) return;
    this.tab = 'task';
    this.revealed = {};
    this.confirming = false;
    this.submitError = '';
    this.note = '';
    this.submission.reset();
    this.draft.open(id);
    const attempt = await this.attempt.run(() => api.attempt(id));
    if (attempt?.result) this.submission.set(attempt.result);
    if (attempt) {
      const texts: Record<string, Bilingual> = {};
      for (const h of attempt.hints) if (h.text) texts[h.id] = h.text;
      this.revealed = texts;
    }
  }

  private get result(): AttemptResult | undefined {
    return this.submission.value ?? this.attempt.value?.result;
  }

  private async takeHint(hintId: string): Promise<void> {
    const api = this.api;
    const a = this.attempt.value;
    if (!api || !a) return;
    this.pendingHint = hintId;
    this.hintError = '';
    try {
      const hint = await api.takeHint(a.id, hintId);
      this.revealed = { ...this.revealed, [hintId]: hint.text };
    } catch (e) {
      this.hintError = this.errorText(e);
      if (e instanceof ApiError && WORKSHOP_REFUSALS.has(e.code)) void this.ws.refresh();
    } finally {
      this.pendingHint = '';
    }
  }

  private async askSubmit(): Promise<void> {
    if (this.blocked) return;
    this.confirming = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('#confirm-submit')?.focus();
  }

  private async cancelSubmit(): Promise<void> {
    this.confirming = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('#submit')?.focus();
  }

  private async submit(): Promise<void> {
    const api = this.api;
    const a = this.attempt.value;
    if (!api || !a || this.blocked) return;
    this.confirming = false;
    this.submitError = '';
    const answers = { ...this.draft.answers };
    const result = await this.submission.run(() => api.submit(a.id, answers));
    if (!result) {
      const err = this.submission.error;
      if (err instanceof ApiError && WORKSHOP_REFUSALS.has(err.code)) {
        // Paused, time up, ended: say why; the answers stay as they are (drafts) for when it goes on.
        this.submission.reset();
        this.submitError = `${this.errorText(err)} ${this.i18n.t('workshop.answersKept')}`;
        void this.ws.refresh();
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('#submit')?.focus();
        return;
      }
      if (err instanceof ApiError && err.status === 409) {
        // Already submitted (another tab, a double click): the first submission stands; show it.
        const again = await api.attempt(a.id).catch(() => undefined);
        if (again?.result) {
          this.submission.set(again.result);
          this.note = this.i18n.t('runner.alreadySubmitted');
        } else this.submitError = this.errorText(err);
      } else this.submitError = this.errorText(err);
    }
    await this.updateComplete;
    this.renderRoot
      .querySelector<HTMLElement>('kt-result')
      ?.shadowRoot?.querySelector<HTMLElement>('#result-title')
      ?.focus();
  }

  private errorText(e: unknown): string {
    const { t, pick } = this.i18n;
    if (e instanceof ApiError) {
      if (e.status === 0) return t('app.error.network');
      if (e.text) return pick(e.text);
      if (WORKSHOP_REFUSALS.has(e.code)) return t(`workshop.refused.${e.code}` as MessageKey);
      return t('app.error.generic', { code: e.code });
    }
    return t('app.error.generic', { code: String(e) });
  }

  private async selectTab(tab: Tab, focus = false): Promise<void> {
    this.tab = tab;
    if (focus) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus();
    }
  }

  private tabKey(e: KeyboardEvent): void {
    const i = TABS.indexOf(this.tab);
    let next: Tab | undefined;
    if (e.key === 'ArrowRight') next = TABS[(i + 1) % TABS.length];
    else if (e.key === 'ArrowLeft') next = TABS[(i - 1 + TABS.length) % TABS.length];
    else if (e.key === 'Home') next = TABS[0];
    else if (e.key === 'End') next = TABS[TABS.length - 1];
    if (next) {
      e.preventDefault();
      void this.selectTab(next, true);
    }
  }

  private brief(a: Attempt) {
    const { t, pick } = this.i18n;
    return html`<section class="card brief" aria-labelledby="brief-title">
      <h2 id="brief-title">${t('runner.brief')}</h2>
      ${parseBrief(pick(a.brief)).map((b) =>
        b.kind === 'p'
          ? html`<p>
              ${b.lines.map(
                (line, i) =>
                  html`${i ? html`<br />` : nothing}${line.map((r) => (r.bold ? html`<strong>${r.text}</strong>` : r.text))}`,
              )}
            </p>`
          : html`<ul>
              ${b.items.map((item) => html`<li>${item.map((r) => (r.bold ? html`<strong>${r.text}</strong>` : r.text))}</li>`)}
            </ul>`,
      )}
      ${
        a.subject
          ? html`<p class="notice">
            ${t('runner.subject')} <span class="subject">${a.subject.name}</span>, ${t('field.ssin')}
            <span class="insz">${formatInsz(a.subject.insz)}</span>
          </p>`
          : nothing
      }
      <p class="help">${t('runner.today', { date: formatDate(a.workspace.today) })}</p>
      <div class="actions">
        <button type="button" class="secondary" @click=${() => this.selectTab('workspace', true)}>${t('runner.openWorkspace')}</button>
      </div>
    </section>`;
  }

  private questions(a: Attempt, done: boolean) {
    const { t, tn } = this.i18n;
    const blocked = this.blocked;
    const unanswered = a.questions.filter((q) => this.draft.answers[q.id] === undefined).length;
    return html`<section class="card questions" aria-labelledby="questions-title">
      <h2 id="questions-title">${done ? t('runner.yourAnswers') : t('runner.questions')}</h2>
      <ol>
        ${a.questions.map(
          (q, i) =>
            html`<li>
              <kt-question
                data-question=${q.id}
                .question=${q}
                .index=${i + 1}
                .value=${this.draft.answers[q.id] ?? null}
                ?disabled=${done || this.submission.pending}
                @kt-answer=${(e: CustomEvent<KtEvents['kt-answer']>) => this.draft.set(e.detail.questionId, e.detail.value)}
              ></kt-question>
            </li>`,
        )}
      </ol>
      ${
        done
          ? nothing
          : html`
            ${this.submitError ? html`<p class="notice bad" role="alert" data-testid="submit-error">${this.submitError}</p>` : nothing}
            <div class="actions">
              <button id="submit" type="button" ?disabled=${this.submission.pending} aria-expanded=${String(this.confirming)}
                aria-disabled=${blocked ? 'true' : nothing} aria-describedby=${blocked ? 'submit-blocked' : nothing}
                aria-controls="confirm-submit-box" @click=${() => (this.confirming ? this.cancelSubmit() : this.askSubmit())}>
                ${this.submission.pending ? t('runner.submitting') : t('runner.submit')}
              </button>
            </div>
            ${blocked ? html`<p class="help blocked" id="submit-blocked">${t(`workshop.blocked.${blocked}`)}</p>` : nothing}
            <div id="confirm-submit-box" class="notice warn confirm" ?hidden=${!this.confirming}>
              <p>${unanswered ? tn('runner.unanswered', unanswered) : t('runner.submit.final')}</p>
              <div class="actions">
                <button id="confirm-submit" type="button" @click=${this.submit}>${t('runner.submit.confirm')}</button>
                <button type="button" class="secondary" @click=${this.cancelSubmit}>${t('runner.submit.cancel')}</button>
              </div>
            </div>`
      }
    </section>`;
  }

  override render() {
    const { t, pick } = this.i18n;
    const state = this.attempt.state;
    if (state.kind === 'idle' || state.kind === 'pending')
      return html`<p role="status" class="muted">${t('runner.loading')}</p>`;
    if (state.kind === 'error') {
      const e = state.error;
      const key: MessageKey =
        e instanceof ApiError && e.status === 404
          ? 'runner.notFound'
          : e instanceof ApiError && e.status === 403
            ? 'runner.forbidden'
            : 'app.error.load';
      return html`<h1 tabindex="-1">${t('runner.problem')}</h1>
        <p class="notice bad" role="alert">${t(key)} ${e instanceof ApiError && key === 'app.error.load' ? this.errorText(e) : ''}</p>
        <a href="/" @click=${navigateOnClick}>${t('runner.back')}</a>`;
    }
    const a = state.value;
    const result = this.result;
    const done = Boolean(result) || a.status === 'submitted';
    const w = this.ws.workshop;
    const phase = this.ws.phase;
    const blocked = this.blocked;
    return html`
      <a class="back" href="/" @click=${navigateOnClick}>← ${t(w ? 'workshop.back' : 'runner.back')}</a>
      <h1 tabindex="-1">${pick(a.title)}</h1>
      <p class="meta">
        <span class="tag">${t(`family.${a.family}.title`)}</span>
        <span>${t('difficulty.label', { level: t(`difficulty.${a.difficulty}` as MessageKey) })}</span>
        ${done ? html`<span class="tag">${t('runner.submitted')}</span>` : nothing}
      </p>
      ${
        w && phase
          ? html`<section aria-label=${t('workshop.bar.label')}>
            <kt-workshop-status variant="bar" .workshop=${w} phase=${phase} .clock=${this.ws.clock}
              detail=${blocked && !done ? t(`workshop.banner.${blocked}`) : ''}></kt-workshop-status>
          </section>`
          : nothing
      }
      <div role="tablist" aria-label=${t('runner.tabs')} @keydown=${this.tabKey}>
        ${TABS.map(
          (tab) => html`<button
            type="button"
            role="tab"
            id="tab-${tab}"
            aria-selected=${String(this.tab === tab)}
            aria-controls="panel-${tab}"
            tabindex=${this.tab === tab ? 0 : -1}
            @click=${() => this.selectTab(tab)}
          >
            ${t(tab === 'task' ? 'runner.tab.task' : 'runner.tab.workspace')}
          </button>`,
        )}
      </div>
      <div role="tabpanel" id="panel-task" aria-labelledby="tab-task" ?hidden=${this.tab !== 'task'}>
        <div class="layout">
          ${this.brief(a)}
          <section class="card" aria-labelledby="hints-title">
            <h2 id="hints-title">${t('hints.title')}</h2>
            ${this.hintError ? html`<p class="notice bad" role="alert">${this.hintError}</p>` : nothing}
            ${blocked && a.hints.length ? html`<p class="help hints-blocked">${t(`workshop.blocked.${blocked}`)}</p>` : nothing}
            <kt-hints
              .hints=${a.hints}
              .revealed=${this.revealed}
              pending=${this.pendingHint}
              ?disabled=${Boolean(blocked)}
              ?free=${done}
              @kt-hint-request=${(e: CustomEvent<KtEvents['kt-hint-request']>) => this.takeHint(e.detail.hintId)}
            ></kt-hints>
          </section>
          ${
            result
              ? html`<section class="card result" aria-live="polite">
                <kt-result .result=${result} exercise-id=${a.exerciseId} note=${this.note} ?workshop=${Boolean(w)}
                  .questions=${a.questions}></kt-result>
              </section>`
              : nothing
          }
          ${done && Object.keys(this.draft.answers).length === 0 ? nothing : this.questions(a, done)}
        </div>
      </div>
      <div role="tabpanel" id="panel-workspace" aria-labelledby="tab-workspace" ?hidden=${this.tab !== 'workspace'}>
        <p class="help">${t('runner.workspaceIntro')}</p>
        <kt-workspace .access=${a.workspace} .subject=${a.subject} .fetcher=${this.api?.fetch ?? null} level="2"></kt-workspace>
      </div>
    `;
  }
}

customElements.define('kt-exercise-runner', KtExerciseRunner);

declare global {
  interface HTMLElementTagNameMap {
    'kt-exercise-runner': KtExerciseRunner;
  }
}
