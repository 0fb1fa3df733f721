import { css, html, LitElement } from 'lit';
import { LocaleController } from '../controllers/locale.ts';
import { emit, navigateOnClick } from '../lib/events.ts';
import { base } from '../styles/shared.ts';

/**
 * First visit: explains the sandbox and asks an optional pseudonym. Sends `kt-join` with it.
 *
 * @example
 * html`<kt-welcome ?busy=${joining} @kt-join=${(e) => join(e.detail.pseudonym)}></kt-welcome>`
 */
export class KtWelcome extends LitElement {
  static override properties = {
    busy: { type: Boolean },
    error: { type: String },
  };

  declare busy: boolean;
  /** A message to show (the join failed). */
  declare error: string;

  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      .card {
        max-width: 44rem;
        margin: 0 auto;
      }
      ul {
        padding-left: 1.2rem;
        margin: 0 0 1.25rem;
      }
      li {
        margin-bottom: 0.35rem;
      }
      input {
        max-width: 24rem;
      }
      .workshop {
        margin: 0 0 1.25rem;
      }
    `,
  ];

  private readonly i18n = new LocaleController(this);

  constructor() {
    super();
    this.busy = false;
    this.error = '';
  }

  private submit(e: SubmitEvent): void {
    e.preventDefault();
    if (this.busy) return;
    const input = this.renderRoot.querySelector<HTMLInputElement>('#pseudonym');
    emit(this, 'kt-join', { pseudonym: input?.value ?? '' });
  }

  override render() {
    const { t } = this.i18n;
    return html`<section class="card" aria-labelledby="welcome-title">
      <h1 id="welcome-title" tabindex="-1">${t('welcome.title')}</h1>
      <p>${t('welcome.intro')}</p>
      <ul>
        <li>${t('family.infosec.title')} — ${t('family.infosec.desc')}</li>
        <li>${t('family.esv.title')} — ${t('family.esv.desc')}</li>
        <li>${t('family.knipperlichten.title')} — ${t('family.knipperlichten.desc')}</li>
      </ul>
      <p class="notice workshop">
        ${t('join.fromWelcome')} <a href="/join" @click=${navigateOnClick}>${t('join.fromWelcome.link')}</a>
      </p>
      <form @submit=${this.submit} novalidate>
        <div class="field">
          <label for="pseudonym">${t('welcome.pseudonym')}</label>
          <input id="pseudonym" type="text" autocomplete="nickname" maxlength="40" aria-describedby="pseudonym-help" />
          <p class="help" id="pseudonym-help">${t('welcome.pseudonym.help')}</p>
        </div>
        ${this.error ? html`<p class="notice bad" role="alert">${this.error}</p>` : null}
        <div class="actions">
          <button type="submit" ?disabled=${this.busy}>${this.busy ? t('app.loading') : t('welcome.start')}</button>
        </div>
        <p class="help">${t('welcome.privacy')}</p>
      </form>
    </section>`;
  }
}

customElements.define('kt-welcome', KtWelcome);

declare global {
  interface HTMLElementTagNameMap {
    'kt-welcome': KtWelcome;
  }
}
