import { css, html, LitElement, nothing } from 'lit';
import type { TrainerApi } from '../../api/trainer.ts';
import type { NewWorkshop } from '../../api/trainer-types.ts';
import { type ExerciseSummary, FAMILIES } from '../../api/types.ts';
import type { Lang, LeaderboardMode } from '../../api/workshop-types.ts';
import { LocaleController } from '../../controllers/locale.ts';
import { TaskController } from '../../controllers/task.ts';
import { emit } from '../../lib/events.ts';
import { base } from '../../styles/shared.ts';
import { errorText } from './format.ts';
import { trainerStyles } from './styles.ts';

type Field = 'title' | 'exercises' | 'timeBox';

export const MAX_EXERCISES = 24;
const MODES: readonly LeaderboardMode[] = ['named', 'anonymous', 'hidden'];

/**
 * "New workshop": title, language, the exercises picked per family and put in order (move up / down buttons, with
 * the new place announced), an optional time box and the leaderboard mode. Validates before `POST
 * /api/workshops`, then sends `kt-navigate` to the new workshop's console; `kt-form-cancel` when cancelled.
 *
 * @example
 * html`<kt-workshop-form .api=${api} @kt-form-cancel=${close}></kt-workshop-form>`
 */
export class KtWorkshopForm extends LitElement {
  static override properties = {
    api: { attribute: false },
    wsTitle: { state: true },
    language: { state: true },
    chosen: { state: true },
    timeBox: { state: true },
    leaderboard: { state: true },
    errors: { state: true },
    submitError: { state: true },
    announcement: { state: true },
  };

  declare api: TrainerApi;
  declare wsTitle: string;
  declare language: Lang;
  /** Ids of the chosen exercises, in the workshop's order. */
  declare chosen: string[];
  declare timeBox: string;
  declare leaderboard: LeaderboardMode;
  declare private errors: Partial<Record<Field, string>>;
  declare private submitError: string;
  declare private announcement: string;

  static override styles = [
    base,
    trainerStyles,
    css`
      form > h2 {
        margin-bottom: 0.25rem;
      }
      form > h2 + .help {
        margin-bottom: 1rem;
      }
      .narrow {
        max-width: 36rem;
      }
      .inline {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1.25rem;
      }
      .pick {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr));
        gap: 1.25rem;
        margin: 0.5rem 0 1.25rem;
        align-items: start;
      }
      fieldset.family {
        border: 1px solid var(--kt-border);
        border-radius: var(--kt-radius);
        padding: 0.4rem 0.6rem 0.5rem;
        margin: 0 0 0.75rem;
        background: var(--kt-surface-alt);
      }
      fieldset.family legend {
        padding: 0 0.35rem;
      }
      .option small {
        display: block;
        color: var(--kt-text-muted);
        font-size: 0.88rem;
      }
      .order {
        border: 2px solid var(--kt-border);
        border-radius: var(--kt-radius);
        padding: 0.75rem 0.9rem;
        background: var(--kt-surface);
        position: sticky;
        top: 0.5rem;
      }
      .order h3 {
        margin: 0 0 0.5rem;
      }
      .order h3:focus {
        outline: none;
      }
      .order ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: 0.4rem;
      }
      .order li {
        display: grid;
        grid-template-columns: 2rem 1fr auto;
        gap: 0.5rem;
        align-items: center;
        border: 1px solid var(--kt-border);
        border-radius: 0.4rem;
        padding: 0.3rem 0.4rem 0.3rem 0.6rem;
        background: var(--kt-surface-alt);
      }
      .pos {
        font-weight: 800;
        font-size: 1.1rem;
        color: var(--kt-primary);
        text-align: center;
      }
      .name small {
        display: block;
        color: var(--kt-text-muted);
        font-size: 0.85rem;
      }
      .moves {
        display: flex;
        gap: 0.25rem;
      }
      .moves button {
        min-width: 2.75rem;
        padding: 0.25rem;
        font-size: 1.05rem;
      }
      .count {
        font-weight: 400;
        color: var(--kt-text-muted);
      }
      .errors ul {
        margin: 0.25rem 0 0;
        padding-left: 1.25rem;
      }
      input[type='number'] {
        max-width: 10rem;
      }
      fieldset[aria-invalid='true'] > legend,
      .invalid-group {
        color: var(--kt-bad);
      }
    `,
  ];

  private readonly i18n = new LocaleController(this);
  private readonly exercises = new TaskController<ExerciseSummary[]>(this);
  private readonly save = new TaskController<void>(this);
  private tried = false;

  constructor() {
    super();
    this.wsTitle = '';
    this.language = 'nl';
    this.chosen = [];
    this.timeBox = '';
    this.leaderboard = 'named';
    this.errors = {};
    this.submitError = '';
    this.announcement = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.exercises.state.kind === 'idle') void this.loadExercises();
  }

  private loadExercises(): Promise<ExerciseSummary[] | undefined> {
    return this.exercises.run(() => this.api.exercises());
  }

  private byId(id: string): ExerciseSummary | undefined {
    return this.exercises.value?.find((e) => e.id === id);
  }

  private name(id: string): string {
    const ex = this.byId(id);
    return ex ? this.i18n.pick(ex.title) : id;
  }

  /** The problems of the form, by field (empty when it can be sent). */
  validate(): Partial<Record<Field, string>> {
    const { t } = this.i18n;
    const errors: Partial<Record<Field, string>> = {};
    const title = this.wsTitle.trim();
    if (!title) errors.title = t('trainer.form.title.missing');
    else if (title.length > 80) errors.title = t('trainer.form.title.long');
    if (this.chosen.length === 0) errors.exercises = t('trainer.form.exercises.missing');
    else if (this.chosen.length > MAX_EXERCISES)
      errors.exercises = t('trainer.form.exercises.tooMany', { max: MAX_EXERCISES });
    const box = this.timeBox.trim();
    if (box) {
      const n = Number(box.replace(',', '.'));
      if (!Number.isInteger(n) || n < 5 || n > 480) errors.timeBox = t('trainer.form.timeBox.invalid');
    }
    return errors;
  }

  private revalidate(): void {
    if (this.tried) this.errors = this.validate();
  }

  private announce(text: string): void {
    this.announcement = '';
    void this.updateComplete.then(() => {
      this.announcement = text;
    });
  }

  private toggle(id: string, on: boolean): void {
    const { t } = this.i18n;
    if (on && !this.chosen.includes(id)) {
      this.chosen = [...this.chosen, id];
      this.announce(t('trainer.form.added', { title: this.name(id), position: this.chosen.length }));
    } else if (!on) {
      this.chosen = this.chosen.filter((x) => x !== id);
      this.announce(t('trainer.form.removed', { title: this.name(id) }));
    }
    this.revalidate();
  }

  private async move(index: number, delta: -1 | 1): Promise<void> {
    const target = index + delta;
    if (target < 0 || target >= this.chosen.length) return;
    const list = [...this.chosen];
    const [id] = list.splice(index, 1);
    if (id === undefined) return;
    list.splice(target, 0, id);
    this.chosen = list;
    this.announce(
      this.i18n.t('trainer.form.moved', { title: this.name(id), position: target + 1, total: list.length }),
    );
    await this.updateComplete;
    // Keep the focus on the moved exercise: the same button, or the other one when it reached an end.
    const which = delta < 0 ? 'up' : 'down';
    const other = delta < 0 ? 'down' : 'up';
    const li = this.renderRoot.querySelector(`li[data-id="${CSS.escape(id)}"]`);
    const same = li?.querySelector<HTMLButtonElement>(`button[data-move="${which}"]`);
    (same && !same.disabled ? same : li?.querySelector<HTMLButtonElement>(`button[data-move="${other}"]`))?.focus();
  }

  private async removeAt(index: number): Promise<void> {
    const id = this.chosen[index];
    if (id === undefined) return;
    this.toggle(id, false);
    await this.updateComplete;
    const next = this.chosen[Math.min(index, this.chosen.length - 1)];
    const focus = next
      ? this.renderRoot.querySelector<HTMLElement>(`li[data-id="${CSS.escape(next)}"] button[data-move="remove"]`)
      : this.renderRoot.querySelector<HTMLElement>('#order-title');
    focus?.focus();
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    if (this.save.pending) return;
    this.tried = true;
    this.submitError = '';
    this.errors = this.validate();
    const first = (['title', 'exercises', 'timeBox'] as Field[]).find((f) => this.errors[f]);
    if (first) {
      await this.updateComplete;
      const focus: Record<Field, string> = {
        title: '#title',
        exercises: '#exercises input[type=checkbox]',
        timeBox: '#timebox',
      };
      this.renderRoot.querySelector<HTMLElement>(focus[first])?.focus();
      return;
    }
    const box = this.timeBox.trim();
    const body: NewWorkshop = {
      title: this.wsTitle.trim(),
      language: this.language,
      exercises: [...this.chosen],
      timeBoxMinutes: box ? Number(box.replace(',', '.')) : null,
      leaderboard: this.leaderboard,
    };
    let id = '';
    await this.save.run(async () => {
      id = (await this.api.create(body)).id;
    });
    if (this.save.error) {
      this.submitError = errorText(this.save.error, this.i18n);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#submit-error')?.focus();
      return;
    }
    emit(this, 'kt-navigate', { path: `/trainer/workshops/${encodeURIComponent(id)}` });
  }

  private cancel(): void {
    this.dispatchEvent(new CustomEvent('kt-form-cancel', { bubbles: true, composed: true }));
  }

  private described(field: Field, help: string): string {
    return this.errors[field] ? `${help} ${field}-error` : help;
  }

  private error(field: Field) {
    const text = this.errors[field];
    return text ? html`<p class="error-text" id="${field}-error">${text}</p>` : nothing;
  }

  private catalogue(list: ExerciseSummary[]) {
    const { t, pick } = this.i18n;
    const invalid = Boolean(this.errors.exercises);
    return html`<fieldset id="exercises" aria-describedby=${this.described('exercises', 'exercises-help')}>
      <legend class=${invalid ? 'invalid-group' : ''}>${t('trainer.form.exercises')} *</legend>
      <p class="help" id="exercises-help">${t('trainer.form.exercises.help', { max: MAX_EXERCISES })}</p>
      ${this.error('exercises')}
      ${FAMILIES.map((family) => {
        const items = list
          .filter((e) => e.family === family)
          .sort((a, b) => a.difficulty - b.difficulty || a.id.localeCompare(b.id));
        if (items.length === 0) return nothing;
        return html`<fieldset class="family" data-family=${family}>
          <legend>${t(`family.${family}.title`)}</legend>
          ${items.map(
            (ex) => html`<label class="option">
              <input type="checkbox" value=${ex.id} .checked=${this.chosen.includes(ex.id)}
                @change=${(e: Event) => this.toggle(ex.id, (e.target as HTMLInputElement).checked)} />
              <span>${pick(ex.title)}<small>${t('difficulty.label', { level: t(`difficulty.${ex.difficulty}`) })}</small></span>
            </label>`,
          )}
        </fieldset>`;
      })}
    </fieldset>`;
  }

  private order() {
    const { t } = this.i18n;
    const n = this.chosen.length;
    return html`<div class="order">
      <h3 id="order-title" tabindex="-1">${t('trainer.form.order')} <span class="count">(${n})</span></h3>
      ${
        n === 0
          ? html`<p class="muted">${t('trainer.form.order.empty')}</p>`
          : html`<p class="help" id="order-help">${t('trainer.form.order.help')}</p>
            <ol aria-labelledby="order-title" aria-describedby="order-help">
              ${this.chosen.map((id, i) => {
                const title = this.name(id);
                const ex = this.byId(id);
                const params = { title, position: i + 1, total: n };
                return html`<li data-id=${id}>
                  <span class="pos" aria-hidden="true">${i + 1}</span>
                  <span class="name">${title}${ex ? html`<small>${t(`family.${ex.family}.title`)}</small>` : nothing}</span>
                  <span class="moves">
                    <button type="button" class="secondary" data-move="up" ?disabled=${i === 0}
                      aria-label=${t('trainer.form.up', params)} @click=${() => this.move(i, -1)}>↑</button>
                    <button type="button" class="secondary" data-move="down" ?disabled=${i === n - 1}
                      aria-label=${t('trainer.form.down', params)} @click=${() => this.move(i, 1)}>↓</button>
                    <button type="button" class="secondary" data-move="remove"
                      aria-label=${t('trainer.form.remove', params)} @click=${() => this.removeAt(i)}>✕</button>
                  </span>
                </li>`;
              })}
            </ol>`
      }
    </div>`;
  }

  override render() {
    const { t } = this.i18n;
    const problems = Object.values(this.errors).filter(Boolean);
    const ex = this.exercises.state;
    return html`<form novalidate @submit=${this.submit} aria-labelledby="form-title">
      <h2 id="form-title">${t('trainer.form.heading')}</h2>
      <p class="help">${t('form.requiredNote')}</p>
      ${
        problems.length
          ? html`<div class="notice bad errors" role="alert">
              <p><strong>${t('form.fix')}</strong></p>
              <ul>${problems.map((p) => html`<li>${p}</li>`)}</ul>
            </div>`
          : nothing
      }
      ${this.submitError ? html`<p class="notice bad" role="alert" id="submit-error" tabindex="-1">${this.submitError}</p>` : nothing}

      <div class="field narrow">
        <label for="title">${t('trainer.form.title')} *</label>
        <input id="title" type="text" maxlength="80" autocomplete="off" .value=${this.wsTitle}
          aria-invalid=${this.errors.title ? 'true' : 'false'} aria-describedby=${this.described('title', 'title-help')}
          @input=${(e: Event) => {
            this.wsTitle = (e.target as HTMLInputElement).value;
            this.revalidate();
          }} />
        <p class="help" id="title-help">${t('trainer.form.title.help')}</p>
        ${this.error('title')}
      </div>

      <fieldset class="field">
        <legend>${t('trainer.form.language')}</legend>
        <div class="inline">
          ${(['nl', 'fr'] as Lang[]).map(
            (lang) => html`<label class="option">
              <input type="radio" name="language" value=${lang} .checked=${this.language === lang}
                @change=${() => {
                  this.language = lang;
                }} />
              <span>${t(lang === 'nl' ? 'lang.nl.full' : 'lang.fr.full')}</span>
            </label>`,
          )}
        </div>
        <p class="help">${t('trainer.form.language.help')}</p>
      </fieldset>

      ${
        ex.kind === 'error'
          ? html`<div class="notice bad" role="alert">
              <p>${errorText(ex.error, this.i18n)}</p>
              <button type="button" @click=${() => this.loadExercises()}>${t('app.retry')}</button>
            </div>`
          : ex.kind === 'done'
            ? html`<div class="pick">${this.catalogue(ex.value)} ${this.order()}</div>`
            : html`<p role="status" class="muted">${t('app.loading')}</p>`
      }

      <div class="field narrow">
        <label for="timebox">${t('trainer.form.timeBox')}</label>
        <input id="timebox" type="number" min="5" max="480" step="1" inputmode="numeric" .value=${this.timeBox}
          aria-invalid=${this.errors.timeBox ? 'true' : 'false'} aria-describedby=${this.described('timeBox', 'timebox-help')}
          @input=${(e: Event) => {
            this.timeBox = (e.target as HTMLInputElement).value;
            this.revalidate();
          }} />
        <p class="help" id="timebox-help">${t('trainer.form.timeBox.help')}</p>
        ${this.error('timeBox')}
      </div>

      <fieldset class="field">
        <legend>${t('console.mode.legend')}</legend>
        ${MODES.map(
          (m) => html`<label class="option">
            <input type="radio" name="leaderboard" value=${m} .checked=${this.leaderboard === m}
              @change=${() => {
                this.leaderboard = m;
              }} />
            <span>${t(`console.mode.${m}`)}<small>${t(`console.mode.${m}.help`)}</small></span>
          </label>`,
        )}
      </fieldset>

      <div class="actions">
        <button type="submit" ?disabled=${this.save.pending}>
          ${this.save.pending ? t('trainer.form.creating') : t('trainer.form.create')}
        </button>
        <button type="button" class="secondary" @click=${() => this.cancel()}>${t('trainer.form.cancel')}</button>
      </div>
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
    </form>`;
  }
}

customElements.define('kt-workshop-form', KtWorkshopForm);

declare global {
  interface HTMLElementTagNameMap {
    'kt-workshop-form': KtWorkshopForm;
  }
}
