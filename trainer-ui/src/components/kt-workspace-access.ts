import { css, html, LitElement, nothing } from 'lit';
import { LocaleController } from '../controllers/locale.ts';
import { emit } from '../lib/events.ts';
import { base } from '../styles/shared.ts';

/** The synthetic training user of the default world (README: "Default users"). */
const DEFAULT_USER = { tenant: 'default', username: 'mw.gent', password: 'Oefenen-Gent-2025' };

/**
 * Sign-in of the standalone consultation workspace: which practice world (tenant) and which synthetic OCMW user.
 * Sends `kt-workspace-access`.
 *
 * @example
 * html`<kt-workspace-access @kt-workspace-access=${open}></kt-workspace-access>`
 */
export class KtWorkspaceAccess extends LitElement {
  static override properties = {
    busy: { type: Boolean },
    error: { type: String },
  };

  declare busy: boolean;
  declare error: string;

  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      .row {
        display: grid;
        gap: 0 1rem;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 13rem), 1fr));
      }
      .actions {
        margin-top: 0;
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
    const data = new FormData(e.target as HTMLFormElement);
    const tenant = String(data.get('tenant') ?? '').trim() || 'default';
    emit(this, 'kt-workspace-access', {
      basePath: tenant === 'default' ? '' : `/t/${encodeURIComponent(tenant)}`,
      username: String(data.get('username') ?? '').trim(),
      password: String(data.get('password') ?? ''),
    });
  }

  override render() {
    const { t } = this.i18n;
    return html`<form @submit=${this.submit}>
      <p class="help">${t('wsAccess.help')}</p>
      <div class="row">
        <div class="field">
          <label for="tenant">${t('wsAccess.tenant')}</label>
          <input id="tenant" name="tenant" type="text" .value=${DEFAULT_USER.tenant} autocomplete="off" spellcheck="false" />
        </div>
        <div class="field">
          <label for="username">${t('wsAccess.username')}</label>
          <input id="username" name="username" type="text" .value=${DEFAULT_USER.username} autocomplete="username" spellcheck="false" />
        </div>
        <div class="field">
          <label for="password">${t('wsAccess.password')}</label>
          <input id="password" name="password" type="password" .value=${DEFAULT_USER.password} autocomplete="current-password" />
        </div>
      </div>
      ${this.error ? html`<p class="notice bad" role="alert">${this.error}</p>` : nothing}
      <div class="actions">
        <button type="submit" ?disabled=${this.busy}>${this.busy ? t('app.loading') : t('wsAccess.open')}</button>
      </div>
    </form>`;
  }
}

customElements.define('kt-workspace-access', KtWorkspaceAccess);

declare global {
  interface HTMLElementTagNameMap {
    'kt-workspace-access': KtWorkspaceAccess;
  }
}
