import { css, html, LitElement } from 'lit';
import { LocaleController } from '../controllers/locale.ts';
import { base } from '../styles/shared.ts';

/**
 * The "synthetic data — no real persons" mark every screen shows.
 *
 * @example
 * html`<kt-synthetic-mark></kt-synthetic-mark>`
 */
export class KtSyntheticMark extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: inline-block;
      }
      .mark {
        display: inline-flex;
        align-items: center;
        gap: 0.45rem;
        background: var(--kt-mark-bg);
        color: var(--kt-mark-text);
        font-weight: 700;
        font-size: 0.95rem;
        padding: 0.3rem 0.75rem;
        border-radius: 0.4rem;
        border: 2px solid var(--kt-mark-text);
        line-height: 1.25;
      }
      svg {
        flex: none;
      }
    `,
  ];

  private readonly i18n = new LocaleController(this);

  override render() {
    return html`<span class="mark" data-testid="synthetic-mark">
      <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path fill="currentColor" d="M12 2 1 21h22L12 2zm0 4.2L19.5 19h-15L12 6.2zM11 10v5h2v-5h-2zm0 6v2h2v-2h-2z" />
      </svg>
      ${this.i18n.t('app.synthetic')}
    </span>`;
  }
}

customElements.define('kt-synthetic-mark', KtSyntheticMark);

declare global {
  interface HTMLElementTagNameMap {
    'kt-synthetic-mark': KtSyntheticMark;
  }
}
