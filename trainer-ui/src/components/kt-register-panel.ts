import { css, html, LitElement, nothing } from 'lit';
import type { KszClient } from '../api/ksz.ts';
import type { Exchange } from '../api/types.ts';
import { LocaleController } from '../controllers/locale.ts';
import type { MessageKey } from '../i18n/index.ts';
import { emit, type KtEvents } from '../lib/events.ts';
import { formatDate } from '../lib/format.ts';
import { formatInsz } from '../lib/insz.ts';
import { SECTOR17_CODES } from '../lib/quality-codes.ts';
import { base } from '../styles/shared.ts';
import './kt-ksz-answer.ts';

type Action = 'REGISTER' | 'LIST' | 'UNREGISTER';

/**
 * Step 2 of the workspace: the integration register (ManageAccess) — register the chosen person with a quality code
 * of sector 17 and a period, list the registrations, or end one. Sends `kt-exchange` for every call.
 *
 * @example
 * html`<kt-register-panel .client=${ksz} .person=${person} today="2025-06-30"></kt-register-panel>`
 */
export class KtRegisterPanel extends LitElement {
  static override properties = {
    client: { attribute: false },
    person: { attribute: false },
    today: { type: String },
    code: { state: true },
    start: { state: true },
    end: { state: true },
    lastName: { state: true },
    birthDate: { state: true },
    busy: { state: true },
    exchange: { state: true },
    error: { state: true },
  };

  declare client: KszClient | null;
  declare person: KtEvents['kt-person'] | null;
  /** The date of the practice world (default start of a registration). */
  declare today: string;
  declare private code: string;
  declare private start: string;
  declare private end: string;
  declare private lastName: string;
  declare private birthDate: string;
  declare private busy: Action | '';
  declare private exchange: Exchange | null;
  declare private error: string;

  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      .row {
        display: grid;
        gap: 0 1rem;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 11rem), 1fr));
      }
      .who {
        font-weight: 700;
      }
      .insz {
        font-family: var(--kt-mono);
      }
      legend {
        margin-bottom: 0.4rem;
      }
      kt-ksz-answer {
        margin-top: 1rem;
      }
    `,
  ];

  private readonly i18n = new LocaleController(this);

  constructor() {
    super();
    this.client = null;
    this.person = null;
    this.today = '';
    this.code = '';
    this.start = '';
    this.end = '';
    this.lastName = '';
    this.birthDate = '';
    this.busy = '';
    this.exchange = null;
    this.error = '';
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('person') && this.person) {
      const before = changed.get('person') as KtEvents['kt-person'] | null | undefined;
      if (before?.insz !== this.person.insz) {
        this.lastName = this.person.lastName;
        this.birthDate = this.person.birthDate;
        this.exchange = null;
        this.error = '';
      }
    }
    if (changed.has('today') && !this.start) this.start = this.today;
  }

  private async send(action: Action): Promise<void> {
    const { t } = this.i18n;
    if (!this.client || !this.person || this.busy) return;
    if (action !== 'LIST' && !this.code) {
      this.error = t('ws.register.codeRequired');
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLSelectElement>('#code')?.focus();
      return;
    }
    if (!this.start) {
      this.error = t('ws.register.startRequired');
      return;
    }
    this.error = '';
    const request: Record<string, unknown> = {
      ssin: this.person.insz,
      action,
      period: { startDate: this.start, ...(this.end ? { endDate: this.end } : {}) },
    };
    if (action !== 'LIST') request.purpose = this.code;
    if (action === 'LIST') request.queryRegister = 'SECONDARY';
    if (action === 'REGISTER')
      request.proofOfAuthentication = { personData: { lastName: this.lastName.trim(), birthDate: this.birthDate } };
    this.busy = action;
    try {
      const x = await this.client.call('manage-access', 'manageAccess', request);
      this.exchange = x;
      emit(this, 'kt-exchange', { exchange: x });
    } finally {
      this.busy = '';
    }
  }

  private bind(field: 'code' | 'start' | 'end' | 'lastName' | 'birthDate') {
    return (e: Event) => {
      this[field] = (e.target as HTMLInputElement | HTMLSelectElement).value;
    };
  }

  override render() {
    const { t } = this.i18n;
    const p = this.person;
    if (!p) return html`<p class="muted">${t('ws.register.needPerson')}</p>`;
    const label = (action: Action, key: MessageKey) => (this.busy === action ? t('ws.busy') : t(key));
    return html`
      <p>
        ${t('ws.person')}: <span class="who">${p.lastName} ${p.firstName}</span> ·
        <span class="insz">${formatInsz(p.insz)}</span> · ${formatDate(p.birthDate)}
      </p>
      <form @submit=${(e: Event) => {
        e.preventDefault();
        void this.send('REGISTER');
      }} novalidate>
        <div class="field">
          <label for="code">${t('ws.register.code')}</label>
          <select id="code" .value=${this.code} @change=${this.bind('code')} aria-describedby="code-help">
            <option value="" ?selected=${this.code === ''}>${t('ws.choosePlaceholder')}</option>
            ${SECTOR17_CODES.map(
              (c) =>
                html`<option value=${c} ?selected=${this.code === c}>${c} — ${t(`quality.${c}` as MessageKey)}</option>`,
            )}
          </select>
          <p class="help" id="code-help">${t('ws.register.codeHelp')}</p>
        </div>
        <div class="row">
          <div class="field">
            <label for="start">${t('ws.register.start')}</label>
            <input id="start" type="date" .value=${this.start} @input=${this.bind('start')} required aria-required="true" />
          </div>
          <div class="field">
            <label for="end">${t('ws.register.end')}</label>
            <input id="end" type="date" .value=${this.end} @input=${this.bind('end')} />
          </div>
        </div>
        <fieldset>
          <legend>${t('ws.register.proof')}</legend>
          <p class="help">${t('ws.register.proofHelp')}</p>
          <div class="row">
            <div class="field">
              <label for="proof-name">${t('field.lastName')}</label>
              <input id="proof-name" type="text" .value=${this.lastName} @input=${this.bind('lastName')} autocomplete="off" />
            </div>
            <div class="field">
              <label for="proof-birth">${t('field.birthDate')}</label>
              <input id="proof-birth" type="date" .value=${this.birthDate} @input=${this.bind('birthDate')} />
            </div>
          </div>
        </fieldset>
        ${this.error ? html`<p class="error-text" role="alert">${this.error}</p>` : nothing}
        <div class="actions">
          <button type="submit" ?disabled=${Boolean(this.busy)}>${label('REGISTER', 'ws.register.submit')}</button>
          <button type="button" class="secondary" ?disabled=${Boolean(this.busy)} @click=${() => this.send('LIST')}>
            ${label('LIST', 'ws.register.list')}
          </button>
          <button type="button" class="secondary" ?disabled=${Boolean(this.busy)} @click=${() => this.send('UNREGISTER')}>
            ${label('UNREGISTER', 'ws.register.unregister')}
          </button>
        </div>
      </form>
      ${this.exchange ? html`<kt-ksz-answer .exchange=${this.exchange}></kt-ksz-answer>` : nothing}
    `;
  }
}

customElements.define('kt-register-panel', KtRegisterPanel);

declare global {
  interface HTMLElementTagNameMap {
    'kt-register-panel': KtRegisterPanel;
  }
}
