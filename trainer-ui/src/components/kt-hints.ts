import { css, html, LitElement, nothing } from 'lit';
import type { Bilingual, HintRef } from '../api/types.ts';
import { LocaleController } from '../controllers/locale.ts';
import { emit } from '../lib/events.ts';
import { base } from '../styles/shared.ts';

/**
 * The hints of an attempt with their cost in points. Taking one needs a confirmation; then `kt-hint-request` is
 * sent and the parent fills `revealed` with the text.
 *
 * @example
 * html`<kt-hints .hints=${attempt.hints} .revealed=${texts} @kt-hint-request=${take}></kt-hints>`
 */
export class KtHints extends LitElement {
  static override properties = {
    hints: { attribute: false },
    revealed: { attribute: false },
    pending: { type: String },
    disabled: { type: Boolean },
    free: { type: Boolean },
    confirming: { state: true },
  };

  declare hints: HintRef[];
  /** Texts of the hints taken, by hint id. */
  declare revealed: Record<string, Bilingual>;
  /** Id of the hint being fetched. */
  declare pending: string;
  declare disabled: boolean;
  /** After submission a hint costs nothing: shown without a confirmation. */
  declare free: boolean;
  declare private confirming: string | null;

  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: 0.75rem;
      }
      li {
        border: 1px solid var(--kt-border);
        border-radius: var(--kt-radius);
        padding: 0.75rem 1rem;
        background: var(--kt-surface-alt);
      }
      .head {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: center;
        justify-content: space-between;
      }
      .name {
        font-weight: 700;
      }
      .cost {
        color: var(--kt-warn);
        font-weight: 600;
      }
      .confirm {
        margin-top: 0.75rem;
        background: var(--kt-warn-soft);
        border-left: 0.4rem solid var(--kt-warn);
        padding: 0.75rem 1rem;
        border-radius: var(--kt-radius);
      }
      .confirm .actions {
        margin-top: 0.5rem;
      }
      .text {
        margin: 0.6rem 0 0;
        padding: 0.6rem 0.8rem;
        border-radius: 0.35rem;
        background: var(--kt-surface);
        border: 1px solid var(--kt-border);
      }
    `,
  ];

  private readonly i18n = new LocaleController(this);

  constructor() {
    super();
    this.hints = [];
    this.revealed = {};
    this.pending = '';
    this.disabled = false;
    this.free = false;
    this.confirming = null;
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if ((changed.has('disabled') && this.disabled) || (changed.has('free') && this.free)) this.confirming = null;
  }

  private async ask(id: string): Promise<void> {
    this.confirming = id;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>(`#confirm-${CSS.escape(id)}`)?.focus();
  }

  private async cancel(id: string): Promise<void> {
    this.confirming = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>(`#show-${CSS.escape(id)}`)?.focus();
  }

  private confirm(id: string): void {
    this.confirming = null;
    emit(this, 'kt-hint-request', { hintId: id });
  }

  private hint(h: HintRef, i: number) {
    const { t, tn, pick } = this.i18n;
    const n = i + 1;
    const text = this.revealed[h.id] ?? h.text;
    const cost = this.free ? t('hints.free') : tn('hints.cost', h.cost);
    return html`<li data-hint=${h.id}>
      <div class="head">
        <span><span class="name">${t('hints.item', { n })}</span> · <span class="cost">${cost}</span></span>
        ${
          text
            ? html`<span class="tag">${t('hints.taken')}</span>`
            : html`<button
              type="button"
              class="secondary"
              id="show-${h.id}"
              ?disabled=${this.disabled || this.pending === h.id}
              aria-expanded=${String(this.confirming === h.id)}
              aria-controls="confirm-box-${h.id}"
              @click=${() =>
                this.free ? this.confirm(h.id) : this.confirming === h.id ? this.cancel(h.id) : this.ask(h.id)}
            >
              ${this.pending === h.id ? t('app.loading') : t('hints.show', { n })}
            </button>`
        }
      </div>
      <div id="confirm-box-${h.id}" class="confirm" ?hidden=${this.confirming !== h.id || Boolean(text) || this.free}>
        <p>${tn('hints.confirm', h.cost)}</p>
        <div class="actions">
          <button type="button" id="confirm-${h.id}" @click=${() => this.confirm(h.id)}>${t('hints.confirmYes')}</button>
          <button type="button" class="secondary" @click=${() => this.cancel(h.id)}>${t('hints.confirmNo')}</button>
        </div>
      </div>
      <div aria-live="polite">${text ? html`<p class="text">${pick(text)}</p>` : nothing}</div>
    </li>`;
  }

  override render() {
    const { t } = this.i18n;
    if (!this.hints.length) return html`<p class="muted">${t('hints.none')}</p>`;
    return html`<p class="help">${t('hints.intro')}</p>
      <ol>
        ${this.hints.map((h, i) => this.hint(h, i))}
      </ol>`;
  }
}

customElements.define('kt-hints', KtHints);

declare global {
  interface HTMLElementTagNameMap {
    'kt-hints': KtHints;
  }
}
