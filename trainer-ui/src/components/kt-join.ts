import { css, html, LitElement, nothing } from 'lit';
import { ApiError, normalizeRejoinCode, normalizeWorkshopCode, type TrainingApi } from '../api/training.ts';
import type { Me } from '../api/types.ts';
import type { JoinReply } from '../api/workshop-types.ts';
import { LocaleController } from '../controllers/locale.ts';
import { mePoller } from '../controllers/workshop.ts';
import { locale, type MessageKey } from '../i18n/index.ts';
import { emit } from '../lib/events.ts';
import { base } from '../styles/shared.ts';

type FormName = 'join' | 'rejoin';
type Field = 'code' | 'pseudonym' | 'rejoin-code' | 'rejoin-workshop-code' | '';

interface FormError {
  text: string;
  field: Field;
}

/** The API's error codes of `POST /api/join` that have their own text here (the rest shows the API's message). */
const KNOWN_ERRORS = new Set([
  'unknown-code',
  'workshop-ended',
  'pseudonym-taken',
  'unknown-rejoin-code',
  'too-many-tries',
]);

/**
 * Joining a workshop: its code (from the URL `?code=` or typed) and a pseudonym, or a personal rejoin code. On
 * success the token is kept where `TrainingApi` keeps it, the page takes the workshop's language, and the rejoin
 * code is shown once before going on to the workshop (`kt-navigate` to `/`). A participant who already has a token
 * for a workshop in this browser is offered to continue there.
 *
 * @example
 * html`<kt-join .api=${api}></kt-join>`
 */
export class KtJoin extends LitElement {
  static override properties = {
    api: { attribute: false },
    code: { state: true },
    pseudonym: { state: true },
    rejoinCode: { state: true },
    busy: { state: true },
    errors: { state: true },
    reply: { state: true },
    rejoined: { state: true },
    existing: { state: true },
    copied: { state: true },
  };

  declare api: TrainingApi | null;
  declare private code: string;
  declare private pseudonym: string;
  declare private rejoinCode: string;
  declare private busy: FormName | '';
  declare private errors: Partial<Record<FormName, FormError>>;
  declare private reply: JoinReply | null;
  declare private rejoined: boolean;
  declare private existing: Me | null;
  declare private copied: boolean;

  private readonly i18n = new LocaleController(this);
  private checkedFor: TrainingApi | null = null;

  static override styles = [
    base,
    css`
      :host {
        display: block;
        max-width: 60rem;
        margin: 0 auto;
      }
      .intro {
        font-size: 1.1rem;
        max-width: 44rem;
      }
      .forms {
        display: grid;
        gap: 1.25rem;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr));
        align-items: start;
      }
      .card h2 {
        font-size: 1.3rem;
      }
      .code-input {
        font-family: var(--kt-mono);
        font-size: 1.35rem;
        letter-spacing: 0.08em;
        text-transform: uppercase;
      }
      .code-input::placeholder {
        text-transform: none;
        letter-spacing: normal;
      }
      .actions button {
        min-width: 10rem;
      }
      .existing {
        border-left: 0.45rem solid var(--kt-primary);
        margin-bottom: 1.25rem;
      }
      .existing h2 {
        margin-bottom: 0.35rem;
      }
      .someone-else {
        margin-top: 0.75rem;
      }
      .done {
        max-width: 44rem;
        margin: 0 auto;
        border-top: 0.45rem solid var(--kt-ok);
      }
      .done h1 {
        overflow-wrap: anywhere;
      }
      .rejoin-code {
        margin: 1rem 0;
        padding: 1rem 1.1rem;
        border: 2px dashed var(--kt-border-strong);
        border-radius: var(--kt-radius);
        background: var(--kt-surface-alt);
        font-size: 1.1rem;
      }
      .rejoin-code .code {
        display: block;
        margin: 0.35rem 0;
        font-family: var(--kt-mono);
        font-size: clamp(1.5rem, 7.5vw, 2.8rem);
        font-weight: 800;
        letter-spacing: 0.06em;
        color: var(--kt-text);
        white-space: nowrap;
      }
      @media (max-width: 30rem) {
        .actions button,
        .actions .button {
          width: 100%;
        }
      }
    `,
  ];

  constructor() {
    super();
    this.api = null;
    this.code = '';
    this.pseudonym = '';
    this.rejoinCode = '';
    this.busy = '';
    this.errors = {};
    this.reply = null;
    this.rejoined = false;
    this.existing = null;
    this.copied = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.code = new URLSearchParams(location.search).get('code')?.trim() ?? '';
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('api') && this.api && this.api !== this.checkedFor) {
      this.checkedFor = this.api;
      void this.checkExisting(this.api);
    }
  }

  /** A token of a workshop participant in this browser: offer to continue instead of joining again. */
  private async checkExisting(api: TrainingApi): Promise<void> {
    this.existing = null;
    if (!api.hasToken) return;
    const me = await mePoller(api).refresh();
    if (me?.workshop && api === this.api) this.existing = me;
  }

  private async submitJoin(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this.busy || !this.api) return;
    const code = normalizeWorkshopCode(this.code);
    const pseudonym = this.pseudonym.trim();
    if (!code) return this.fail('join', { text: this.i18n.t('join.error.codeMissing'), field: 'code' });
    if (!pseudonym || pseudonym.length > 40)
      return this.fail('join', { text: this.i18n.t('join.error.pseudonymMissing'), field: 'pseudonym' });
    await this.send('join', () => this.api!.joinWorkshop(code, pseudonym));
  }

  private async submitRejoin(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this.busy || !this.api) return;
    const code = normalizeWorkshopCode(this.code);
    const rejoin = normalizeRejoinCode(this.rejoinCode);
    if (!code)
      return this.fail('rejoin', { text: this.i18n.t('join.error.codeMissing'), field: 'rejoin-workshop-code' });
    if (!/^[A-Z0-9]{4}-[A-Z0-9]{4}$/.test(rejoin))
      return this.fail('rejoin', { text: this.i18n.t('join.error.rejoinMissing'), field: 'rejoin-code' });
    await this.send('rejoin', () => this.api!.rejoinWorkshop(code, rejoin));
  }

  private async send(form: FormName, call: () => Promise<JoinReply>): Promise<void> {
    const api = this.api!;
    this.busy = form;
    this.errors = {};
    try {
      const reply = await call();
      mePoller(api).acceptJoin(reply);
      // The workshop's language becomes the page's (the participant can still switch).
      locale.set(reply.workshop.language);
      this.rejoined = form === 'rejoin';
      this.existing = null;
      // After a rejoin the code typed stays valid: straight on, unless the server handed out a new one.
      const fresh = reply.rejoinCode && normalizeRejoinCode(reply.rejoinCode) !== normalizeRejoinCode(this.rejoinCode);
      if (this.rejoined && !fresh) {
        this.continue();
        return;
      }
      this.reply = reply;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#done-title')?.focus();
    } catch (err) {
      await this.fail(form, this.errorOf(err, form));
    } finally {
      this.busy = '';
    }
  }

  private errorOf(err: unknown, form: FormName): FormError {
    const { t, pick } = this.i18n;
    const codeField: Field = form === 'join' ? 'code' : 'rejoin-workshop-code';
    if (!(err instanceof ApiError)) return { text: t('app.error.generic', { code: String(err) }), field: '' };
    if (err.status === 0) return { text: t('join.error.network'), field: '' };
    if (KNOWN_ERRORS.has(err.code)) {
      const field: Field =
        err.code === 'pseudonym-taken'
          ? 'pseudonym'
          : err.code === 'unknown-rejoin-code'
            ? 'rejoin-code'
            : err.code === 'unknown-code'
              ? codeField
              : '';
      return { text: t(`join.error.${err.code}` as MessageKey), field };
    }
    return { text: err.text ? pick(err.text) : t('app.error.generic', { code: err.code }), field: '' };
  }

  /** Shows the problem in the form's alert and puts the focus in the field to correct (else it stays put). */
  private async fail(form: FormName, error: FormError): Promise<void> {
    this.errors = { [form]: error };
    await this.updateComplete;
    if (error.field) this.renderRoot.querySelector<HTMLInputElement>(`#${error.field}`)?.focus();
  }

  private continue(): void {
    emit(this, 'kt-navigate', { path: '/' });
  }

  private async copy(code: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(code);
      this.copied = true;
    } catch {
      // no clipboard (http on a room laptop, permissions): the code stays on screen to note
      this.copied = false;
    }
  }

  private invalid(form: FormName, field: Field): string {
    return String(this.errors[form]?.field === field);
  }

  private describedBy(form: FormName, field: Field, help: string): string {
    return this.errors[form]?.field === field ? `${help} ${form}-error` : help;
  }

  private done(reply: JoinReply) {
    const { t } = this.i18n;
    const name = reply.participant.pseudonym;
    const [before, after] = t('join.done.code', { code: '\u0000' }).split('\u0000');
    // The clipboard needs a secure context: not there when a room laptop serves http://192.168.…
    const canCopy = Boolean(globalThis.isSecureContext && navigator.clipboard);
    return html`<section class="card done" aria-labelledby="done-title">
      <h1 id="done-title" tabindex="-1">
        ${t(this.rejoined ? 'join.done.rejoinedTitle' : 'join.done.title', { name })}
      </h1>
      <p>${t('join.done.welcome', { title: reply.workshop.title })}</p>
      <div class="rejoin-code" data-testid="rejoin-code">
        ${before}<strong class="code">${reply.rejoinCode}</strong>${after}
      </div>
      <p class="help">${t('join.done.once')}</p>
      <div class="actions">
        <button type="button" id="continue" @click=${this.continue}>${t('join.done.continue')}</button>
        ${
          canCopy
            ? html`<button type="button" class="secondary" @click=${() => this.copy(reply.rejoinCode)}>
                ${t('join.done.copy')}
              </button>
              <span role="status">${this.copied ? t('join.done.copied') : ''}</span>`
            : nothing
        }
      </div>
    </section>`;
  }

  private alert(form: FormName) {
    const e = this.errors[form];
    return html`<div id="${form}-error" role="alert">${e ? html`<p class="notice bad">${e.text}</p>` : nothing}</div>`;
  }

  override render() {
    const { t } = this.i18n;
    if (this.reply) return this.done(this.reply);
    const busyJoin = this.busy === 'join';
    const busyRejoin = this.busy === 'rejoin';
    const onCode = (e: Event) => {
      this.code = (e.target as HTMLInputElement).value;
    };
    const ex = this.existing;
    return html`
      <h1 tabindex="-1">${t('join.title')}</h1>
      <p class="intro">${t('join.intro')}</p>
      ${
        ex?.workshop
          ? html`<section class="card existing" aria-labelledby="existing-title" data-testid="existing">
            <h2 id="existing-title">${t('join.existing.title')}</h2>
            <p>${t('join.existing.body', { title: ex.workshop.title, name: ex.pseudonym ?? '' })}</p>
            <div class="actions">
              <button type="button" @click=${this.continue}>${t('join.existing.continue')}</button>
            </div>
            <p class="help someone-else">${t('join.existing.someoneElse')}</p>
          </section>`
          : nothing
      }
      <div class="forms">
        <section class="card" aria-labelledby="join-title">
          <h2 id="join-title">${t('join.new.title')}</h2>
          <form id="join-form" @submit=${this.submitJoin} novalidate>
            <div class="field">
              <label for="code">${t('join.code')}</label>
              <input id="code" class="code-input" type="text" name="code" .value=${this.code} @input=${onCode}
                autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="40"
                aria-invalid=${this.invalid('join', 'code')} aria-describedby=${this.describedBy('join', 'code', 'code-help')} />
              <p class="help" id="code-help">${t('join.code.help')}</p>
            </div>
            <div class="field">
              <label for="pseudonym">${t('join.pseudonym')}</label>
              <input id="pseudonym" type="text" name="pseudonym" .value=${this.pseudonym} maxlength="40"
                autocomplete="nickname" spellcheck="false"
                @input=${(e: Event) => {
                  this.pseudonym = (e.target as HTMLInputElement).value;
                }}
                aria-invalid=${this.invalid('join', 'pseudonym')}
                aria-describedby=${this.describedBy('join', 'pseudonym', 'pseudonym-help')} />
              <p class="help" id="pseudonym-help">${t('join.pseudonym.help')}</p>
            </div>
            ${this.alert('join')}
            <div class="actions">
              <button type="submit" aria-disabled=${String(Boolean(this.busy))}>
                ${busyJoin ? t('join.busy') : t('join.submit')}
              </button>
            </div>
          </form>
        </section>
        <section class="card" aria-labelledby="rejoin-title">
          <h2 id="rejoin-title">${t('join.rejoin.title')}</h2>
          <p>${t('join.rejoin.intro')}</p>
          <form id="rejoin-form" @submit=${this.submitRejoin} novalidate>
            <div class="field">
              <label for="rejoin-workshop-code">${t('join.code')}</label>
              <input id="rejoin-workshop-code" class="code-input" type="text" name="workshop-code" .value=${this.code}
                @input=${onCode} autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="40"
                aria-invalid=${this.invalid('rejoin', 'rejoin-workshop-code')}
                aria-describedby=${this.describedBy('rejoin', 'rejoin-workshop-code', 'rejoin-workshop-code-help')} />
              <p class="help" id="rejoin-workshop-code-help">${t('join.code.help')}</p>
            </div>
            <div class="field">
              <label for="rejoin-code">${t('join.rejoin.code')}</label>
              <input id="rejoin-code" class="code-input" type="text" name="rejoin-code" .value=${this.rejoinCode}
                autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="20"
                @input=${(e: Event) => {
                  this.rejoinCode = (e.target as HTMLInputElement).value;
                }}
                aria-invalid=${this.invalid('rejoin', 'rejoin-code')}
                aria-describedby=${this.describedBy('rejoin', 'rejoin-code', 'rejoin-code-help')} />
              <p class="help" id="rejoin-code-help">${t('join.rejoin.code.help')}</p>
            </div>
            ${this.alert('rejoin')}
            <div class="actions">
              <button type="submit" class="secondary" aria-disabled=${String(Boolean(this.busy))}>
                ${busyRejoin ? t('join.busy') : t('join.rejoin.submit')}
              </button>
            </div>
          </form>
        </section>
      </div>
    `;
  }
}

customElements.define('kt-join', KtJoin);

declare global {
  interface HTMLElementTagNameMap {
    'kt-join': KtJoin;
  }
}
