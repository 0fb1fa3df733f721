import { html, LitElement } from 'lit';
import { LocaleController } from '../../controllers/locale.ts';
import type { Route } from '../../controllers/router.ts';

/** The trainer's shell: sign-in with the trainer password, workshops, console, projector view, printable report. */
export class KtTrainerApp extends LitElement {
  static override properties = { route: { attribute: false } };
  declare route: Route;
  private readonly i18n = new LocaleController(this);

  override render() {
    return html`<h1>${this.i18n.t('trainer.title')}</h1>`;
  }
}

customElements.define('kt-trainer-app', KtTrainerApp);

declare global {
  interface HTMLElementTagNameMap {
    'kt-trainer-app': KtTrainerApp;
  }
}
