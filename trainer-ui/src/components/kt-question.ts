import { css, html, LitElement, nothing } from 'lit';
import type { AnswerValue, Question } from '../api/types.ts';
import { LocaleController } from '../controllers/locale.ts';
import { emit } from '../lib/events.ts';
import { formatDate, formatEuro, formatLongDate, formatNumber, parseAmount, parseDate } from '../lib/format.ts';
import { base } from '../styles/shared.ts';

/**
 * One question of an exercise: one choice (radio buttons), several (check boxes), an amount in euro, a date, or a
 * short text. Sends `kt-answer` with the value (`null` while the input is not a valid answer).
 *
 * @example
 * html`<kt-question .question=${q} .index=${1} .value=${answers[q.id]} @kt-answer=${onAnswer}></kt-question>`
 */
export class KtQuestion extends LitElement {
  static override properties = {
    question: { attribute: false },
    index: { type: Number },
    value: { attribute: false },
    disabled: { type: Boolean },
    amountText: { state: true },
    dateText: { state: true },
    touched: { state: true },
  };

  declare question: Question;
  /** Number shown before the prompt (1-based). */
  declare index: number;
  declare value: AnswerValue | null;
  declare disabled: boolean;
  declare private amountText: string;
  declare private dateText: string;
  declare private touched: boolean;

  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      fieldset {
        margin: 0;
      }
      legend,
      .prompt {
        font-weight: 600;
        font-size: 1.1rem;
        margin-bottom: 0.5rem;
        padding: 0;
        display: block;
      }
      .num {
        color: var(--kt-text-muted);
        font-weight: 700;
        margin-right: 0.35rem;
      }
      .options {
        display: flex;
        flex-direction: column;
        gap: 0.15rem;
      }
      .euro {
        display: flex;
        align-items: stretch;
        max-width: 16rem;
      }
      .euro span {
        display: inline-flex;
        align-items: center;
        padding: 0 0.7rem;
        border: 2px solid var(--kt-border-strong);
        border-right: 0;
        border-radius: 0.35rem 0 0 0.35rem;
        background: var(--kt-surface-alt);
        font-weight: 700;
      }
      .euro input {
        border-radius: 0 0.35rem 0.35rem 0;
      }
      .number {
        max-width: 12rem;
      }
      input.date {
        max-width: 12rem;
      }
      .help,
      .error-text,
      .ok-text {
        margin-top: 0.35rem;
      }
    `,
  ];

  private readonly i18n = new LocaleController(this);

  constructor() {
    super();
    this.index = 1;
    this.value = null;
    this.disabled = false;
    this.amountText = '';
    this.dateText = '';
    this.touched = false;
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('question') || (changed.has('value') && !this.touched)) {
      if (this.question?.kind === 'amount' && typeof this.value === 'number' && this.amountText === '')
        this.amountText = String(this.value).replace('.', ',');
      if (this.question?.kind === 'date' && typeof this.value === 'string' && this.dateText === '')
        this.dateText = formatDate(this.value);
    }
  }

  private send(value: AnswerValue | null): void {
    this.value = value;
    emit(this, 'kt-answer', { questionId: this.question.id, value });
  }

  private get id0(): string {
    return `q-${this.question.id}`;
  }

  private prompt() {
    return html`<span class="num">${this.i18n.t('question.number', { n: this.index })}</span>${this.i18n.pick(this.question.prompt)}`;
  }

  private choice() {
    const { pick, t } = this.i18n;
    const q = this.question;
    return html`<fieldset aria-describedby="${this.id0}-help">
      <legend>${this.prompt()}</legend>
      <p class="help" id="${this.id0}-help">${t('question.choice.help')}</p>
      <div class="options">
        ${(q.options ?? []).map(
          (o) => html`<label class="option">
            <input
              type="radio"
              name=${this.id0}
              .value=${o.value}
              .checked=${this.value === o.value}
              ?disabled=${this.disabled}
              @change=${() => this.send(o.value)}
            />
            <span>${pick(o.label)}</span>
          </label>`,
        )}
      </div>
    </fieldset>`;
  }

  private multi() {
    const { pick, t } = this.i18n;
    const q = this.question;
    const chosen = Array.isArray(this.value) ? this.value : [];
    const toggle = (v: string, on: boolean) => {
      // Read the current value at click time (two clicks can come before the next render).
      const now = Array.isArray(this.value) ? this.value : [];
      const next = (q.options ?? []).map((o) => o.value).filter((x) => (x === v ? on : now.includes(x)));
      this.send(next);
    };
    return html`<fieldset aria-describedby="${this.id0}-help">
      <legend>${this.prompt()}</legend>
      <p class="help" id="${this.id0}-help">${t('question.multi.help')}</p>
      <div class="options">
        ${(q.options ?? []).map(
          (o) => html`<label class="option">
            <input
              type="checkbox"
              .value=${o.value}
              .checked=${chosen.includes(o.value)}
              ?disabled=${this.disabled}
              @change=${(e: Event) => toggle(o.value, (e.target as HTMLInputElement).checked)}
            />
            <span>${pick(o.label)}</span>
          </label>`,
        )}
      </div>
    </fieldset>`;
  }

  /** An `amount` question: euro when `unit` is EUR, else a plain number (hours, a count …). */
  private amount() {
    const { t, lang } = this.i18n;
    const euro = this.question.unit === 'EUR';
    const parsed = parseAmount(this.amountText);
    const invalid = this.touched && this.amountText.trim() !== '' && parsed === null;
    const describedBy = `${this.id0}-help${invalid ? ` ${this.id0}-error` : ''}${parsed !== null ? ` ${this.id0}-read` : ''}`;
    const input = html`<input
      id=${this.id0}
      type="text"
      inputmode="decimal"
      autocomplete="off"
      .value=${this.amountText}
      ?disabled=${this.disabled}
      aria-invalid=${invalid ? 'true' : 'false'}
      aria-describedby=${describedBy}
      @input=${(e: Event) => {
        this.amountText = (e.target as HTMLInputElement).value;
        this.send(parseAmount(this.amountText));
      }}
      @blur=${() => {
        this.touched = true;
      }}
    />`;
    return html`<div class="field">
      <label class="prompt" for=${this.id0}>${this.prompt()}</label>
      ${euro ? html`<div class="euro"><span aria-hidden="true">€</span>${input}</div>` : html`<div class="number">${input}</div>`}
      <p class="help" id="${this.id0}-help">${t(euro ? 'question.amount.help' : 'question.number.help')}</p>
      ${
        invalid
          ? html`<p class="error-text" id="${this.id0}-error">${t(euro ? 'question.amount.invalid' : 'question.number.invalid')}</p>`
          : nothing
      }
      ${
        parsed !== null
          ? html`<p class="help" id="${this.id0}-read">
              ${t('question.amount.read', { amount: euro ? formatEuro(parsed, lang) : formatNumber(parsed, lang) })}
            </p>`
          : nothing
      }
    </div>`;
  }

  /**
   * A date typed as dd/mm/jjjj (not the browser's date field, whose order follows the browser's language and can
   * be month-first), read back in words so day and month cannot be swapped unnoticed.
   */
  private date() {
    const { t, lang } = this.i18n;
    const parsed = parseDate(this.dateText);
    const invalid = this.touched && this.dateText.trim() !== '' && parsed === null;
    const describedBy = `${this.id0}-help${invalid ? ` ${this.id0}-error` : ''}${parsed ? ` ${this.id0}-read` : ''}`;
    return html`<div class="field">
      <label class="prompt" for=${this.id0}>${this.prompt()}</label>
      <input
        id=${this.id0}
        class="date"
        type="text"
        inputmode="numeric"
        autocomplete="off"
        placeholder=${t('question.date.placeholder')}
        .value=${this.dateText}
        ?disabled=${this.disabled}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${describedBy}
        @input=${(e: Event) => {
          this.dateText = (e.target as HTMLInputElement).value;
          this.send(parseDate(this.dateText));
        }}
        @blur=${() => {
          this.touched = true;
        }}
      />
      <p class="help" id="${this.id0}-help">${t('question.date.help')}</p>
      ${invalid ? html`<p class="error-text" id="${this.id0}-error">${t('question.date.invalid')}</p>` : nothing}
      ${parsed ? html`<p class="help" id="${this.id0}-read">${t('question.amount.read', { amount: formatLongDate(parsed, lang) })}</p>` : nothing}
    </div>`;
  }

  private text() {
    return html`<div class="field">
      <label class="prompt" for=${this.id0}>${this.prompt()}</label>
      <input
        id=${this.id0}
        type="text"
        .value=${typeof this.value === 'string' ? this.value : ''}
        ?disabled=${this.disabled}
        @input=${(e: Event) => this.send((e.target as HTMLInputElement).value.trim() ? (e.target as HTMLInputElement).value : null)}
      />
    </div>`;
  }

  override render() {
    if (!this.question) return nothing;
    switch (this.question.kind) {
      case 'choice':
        return this.choice();
      case 'multi':
        return this.multi();
      case 'amount':
        return this.amount();
      case 'date':
        return this.date();
      default:
        return this.text();
    }
  }
}

customElements.define('kt-question', KtQuestion);

declare global {
  interface HTMLElementTagNameMap {
    'kt-question': KtQuestion;
  }
}
