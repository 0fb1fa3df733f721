import { css, html, LitElement } from 'lit';
import { LocaleController } from '../controllers/locale.ts';
import { LANGS, type Lang, locale } from '../i18n/index.ts';
import { emit } from '../lib/events.ts';
import { base } from '../styles/shared.ts';

/**
 * NL / FR switch. Sets the page language and sends `kt-language`.
 *
 * @example
 * html`<kt-language-switch></kt-language-switch>`
 */
export class KtLanguageSwitch extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: inline-block;
        color: inherit;
      }
      .group {
        display: inline-flex;
        border: 2px solid currentColor;
        border-radius: var(--kt-radius);
        overflow: hidden;
      }
      button {
        min-width: 3rem;
        border: 0;
        border-radius: 0;
        background: transparent;
        color: inherit;
        padding: 0.35rem 0.7rem;
      }
      button:hover {
        background: rgb(255 255 255 / 0.15);
        color: inherit;
      }
      button[aria-pressed='true'] {
        background: var(--kt-on-header);
        color: var(--kt-header);
      }
      button:focus-visible {
        outline: 3px solid var(--kt-focus-on-dark);
        outline-offset: -5px;
      }
    `,
  ];

  private readonly i18n = new LocaleController(this);

  private choose(lang: Lang): void {
    locale.set(lang);
    emit(this, 'kt-language', { lang });
  }

  override render() {
    const { t } = this.i18n;
    return html`<div class="group" role="group" aria-label=${t('lang.label')}>
      ${LANGS.map(
        (lang) =>
          html`<button
            type="button"
            lang=${lang === 'nl' ? 'nl-BE' : 'fr-BE'}
            aria-pressed=${String(this.i18n.lang === lang)}
            aria-label=${t(lang === 'nl' ? 'lang.nl.full' : 'lang.fr.full')}
            @click=${() => this.choose(lang)}
          >
            ${lang.toUpperCase()}
          </button>`,
      )}
    </div>`;
  }
}

customElements.define('kt-language-switch', KtLanguageSwitch);

declare global {
  interface HTMLElementTagNameMap {
    'kt-language-switch': KtLanguageSwitch;
  }
}
