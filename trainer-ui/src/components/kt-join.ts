import { html, LitElement } from 'lit';
import type { TrainingApi } from '../api/training.ts';
import { LocaleController } from '../controllers/locale.ts';

/** Joining a workshop: its code (from the URL `?code=` or typed) and a pseudonym, or a personal rejoin code. */
export class KtJoin extends LitElement {
  static override properties = { api: { attribute: false } };
  declare api: TrainingApi;
  private readonly i18n = new LocaleController(this);

  override render() {
    return html`<h1 tabindex="-1">${this.i18n.t('join.title')}</h1>`;
  }
}

customElements.define('kt-join', KtJoin);

declare global {
  interface HTMLElementTagNameMap {
    'kt-join': KtJoin;
  }
}
