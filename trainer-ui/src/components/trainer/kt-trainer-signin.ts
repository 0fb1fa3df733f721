import { css, html, LitElement, nothing } from 'lit';
import type { TrainerApi } from '../../api/trainer.ts';
import { LocaleController } from '../../controllers/locale.ts';
import { base } from '../../styles/shared.ts';
import { errorText } from './format.ts';

/**
 * Sign-in with the trainer password (printed by `npm start`, or set with `TRAINER_PASSWORD`). Tries it on the
 * server; on success the API keeps it for this tab and `kt-signed-in` is sent.
 *
 * @example
 * html`<kt-trainer-signin .api=${api} @kt-signed-in=${ok}></kt-trainer-signin>`
 */
export class KtTrainerSignin extends LitElement {
  static override properties = {
    api: { attribute: false },
    expired: { type: Boolean },
    error: { state: true },
    busy: { state: true },
    show: { state: true },
  };

  declare api: TrainerApi;
  /** The stored password was refused: say why the sign-in is back. */
  declare expired: boolean;
  declare private error: string;
  declare private busy: boolean;
  declare private show: boolean;

  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      .card {
        max-width: 40rem;
        margin: 1rem auto;
      }
      code {
        background: var(--kt-surface-alt);
        border: 1px solid var(--kt-border);
        border-radius: 0.25rem;
        padding: 0 0.3rem;
      }
      ol {
        margin: 0.25rem 0 1rem;
        padding-left: 1.25rem;
      }
      ol li {
        margin-bottom: 0.25rem;
      }
      .kept {
        margin-top: 1rem;
      }
      .row {
        display: flex;
        gap: 0.5rem;
        align-items: center;
      }
    `,
  ];

  private readonly i18n = new LocaleController(this);

  constructor() {
    super();
    this.expired = false;
    this.error = '';
    this.busy = false;
    this.show = false;
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    const input = this.renderRoot.querySelector<HTMLInputElement>('#password');
    const password = input?.value ?? '';
    this.error = '';
    if (!password) {
      this.error = this.i18n.t('trainer.signin.empty');
      input?.focus();
      return;
    }
    this.busy = true;
    try {
      await this.api.signIn(password);
      this.dispatchEvent(new CustomEvent('kt-signed-in', { bubbles: true, composed: true }));
    } catch (err) {
      this.error = errorText(err, this.i18n);
      await this.updateComplete;
      input?.select();
      input?.focus();
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const { t } = this.i18n;
    return html`<section class="card" aria-labelledby="signin-title">
      <h1 id="signin-title" tabindex="-1">${t('trainer.signin.title')}</h1>
      <p>${t('trainer.signin.intro')}</p>
      ${this.expired ? html`<p class="notice warn">${t('trainer.signin.expired')}</p>` : nothing}
      <form novalidate @submit=${this.submit}>
        <div class="field">
          <label for="password">${t('trainer.signin.password')}</label>
          <input id="password" name="password" type=${this.show ? 'text' : 'password'} autocomplete="current-password"
            spellcheck="false" autocapitalize="off" aria-describedby="password-help ${this.error ? 'password-error' : ''}"
            aria-invalid=${this.error ? 'true' : 'false'} />
          <div class="help" id="password-help">
            <p>${t('trainer.signin.where')}</p>
            <ol>
              <li>${t('trainer.signin.where.start')} <code>npm start</code></li>
              <li>${t('trainer.signin.where.file')} <code>data/trainer-password</code></li>
              <li>${t('trainer.signin.where.env')} <code>TRAINER_PASSWORD=… npm start</code></li>
            </ol>
          </div>
        </div>
        <label class="option">
          <input type="checkbox" .checked=${this.show} @change=${(e: Event) => {
            this.show = (e.target as HTMLInputElement).checked;
          }} />
          <span>${t('trainer.signin.show')}</span>
        </label>
        ${this.error ? html`<p class="notice bad" role="alert" id="password-error">${this.error}</p>` : nothing}
        <div class="actions">
          <button type="submit" ?disabled=${this.busy}>
            ${this.busy ? t('trainer.signin.busy') : t('trainer.signin.submit')}
          </button>
        </div>
        <p class="help kept">${t('trainer.signin.kept')}</p>
      </form>
    </section>`;
  }
}

customElements.define('kt-trainer-signin', KtTrainerSignin);

declare global {
  interface HTMLElementTagNameMap {
    'kt-trainer-signin': KtTrainerSignin;
  }
}
