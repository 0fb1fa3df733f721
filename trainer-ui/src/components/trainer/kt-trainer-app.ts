import { css, html, LitElement, nothing } from 'lit';
import { TrainerApi } from '../../api/trainer.ts';
import { LocaleController } from '../../controllers/locale.ts';
import type { Route } from '../../controllers/router.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { navigateOnClick } from '../../lib/events.ts';
import { brandLogo, headerStyles, skipLink } from '../../styles/header.ts';
import { base } from '../../styles/shared.ts';
import '../kt-language-switch.ts';
import '../kt-synthetic-mark.ts';
import './kt-projector.ts';
import './kt-trainer-signin.ts';
import './kt-workshop-console.ts';
import './kt-workshop-list.ts';
import './kt-workshop-report.ts';

/**
 * The trainer's shell: its own header (title, synthetic-data mark, language switch, sign out), the sign-in with
 * the trainer password, then per route the workshops, the console, the projector view (full screen, no header) or
 * the printable report. A 401 anywhere forgets the password and shows the sign-in again.
 *
 * @example
 * html`<kt-trainer-app .route=${{ name: 'trainer' }}></kt-trainer-app>`
 * html`<kt-trainer-app .api=${new TrainerApi({ fetch })} .route=${route}></kt-trainer-app>`  // tests
 */
export class KtTrainerApp extends LitElement {
  static override properties = {
    route: { attribute: false },
    api: { attribute: false },
    signedIn: { state: true },
    expired: { state: true },
  };

  declare route: Route;
  declare api: TrainerApi;
  declare private signedIn: boolean;
  /** The server refused the stored password (changed, or the server restarted with another one). */
  declare private expired: boolean;

  static override styles = [
    base,
    headerStyles,
    css`
      :host([screen='projector']) {
        display: block;
      }
      /* Room for the sign-out button. */
      .top {
        gap: 0.75rem 1.5rem;
      }
      button.signout {
        background: transparent;
        border-color: var(--kt-on-header);
        color: var(--kt-on-header);
      }
      button.signout:hover {
        background: rgb(255 255 255 / 0.15);
        color: var(--kt-on-header);
        border-color: var(--kt-on-header);
      }
      @media print {
        :host {
          display: block;
          min-height: 0;
        }
        header,
        .skip {
          display: none !important;
        }
        main {
          max-width: none;
          padding: 0;
        }
      }
    `,
  ];

  private readonly i18n = new LocaleController(this);
  private focusAfterUpdate = false;

  constructor() {
    super();
    this.route = { name: 'trainer' };
    this.api = new TrainerApi();
    this.signedIn = false;
    this.expired = false;
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('api')) {
      this.api.onUnauthorized = () => {
        this.signedIn = false;
        this.expired = true;
      };
      this.signedIn = this.api.signedIn;
    }
    if (changed.has('route') && changed.get('route') !== undefined) this.focusAfterUpdate = true;
    this.toggleAttribute('screen', false);
    if (this.route.name === 'projector' && this.signedIn) this.setAttribute('screen', 'projector');
    document.title = `${this.screenTitle()} — ${this.i18n.t('trainer.title')} — ${this.i18n.t('app.title')}`;
  }

  override updated(): void {
    if (this.focusAfterUpdate) {
      this.focusAfterUpdate = false;
      void this.focusScreen();
    }
  }

  private screenTitle(): string {
    const { t } = this.i18n;
    if (!this.signedIn) return t('trainer.signin.title');
    const titles: Partial<Record<Route['name'], MessageKey>> = {
      trainer: 'trainer.list.title',
      'trainer-workshop': 'console.title',
      projector: 'projector.title',
      report: 'report.title',
    };
    const key = titles[this.route.name];
    return key ? t(key) : t('app.notFound.title');
  }

  /** After a navigation: the new screen's heading gets the focus (once its data is there). */
  private async focusScreen(): Promise<void> {
    await this.updateComplete;
    const main = this.renderRoot.querySelector<HTMLElement>('main');
    main?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
    const deadline = performance.now() + 5000;
    while (performance.now() < deadline) {
      const screen = this.renderRoot.querySelector('main > *:not(.notice)') as
        | (HTMLElement & { updateComplete?: Promise<unknown> })
        | null;
      await screen?.updateComplete;
      const h1 = screen?.shadowRoot?.querySelector<HTMLElement>('h1') ?? main?.querySelector<HTMLElement>('h1');
      if (h1) {
        const active = this.shadowRoot?.activeElement;
        if (!active || active === main) h1.focus();
        return;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  private async onSignedIn(): Promise<void> {
    this.signedIn = true;
    this.expired = false;
    this.focusAfterUpdate = true;
  }

  private signOut(): void {
    this.api.signOut();
    this.signedIn = false;
    this.expired = false;
    this.focusAfterUpdate = true;
  }

  private participantParam(): string {
    return new URLSearchParams(location.search).get('participant') ?? '';
  }

  private screen() {
    const { t } = this.i18n;
    const r = this.route;
    if (!this.signedIn)
      return html`<kt-trainer-signin .api=${this.api} ?expired=${this.expired} @kt-signed-in=${this.onSignedIn}></kt-trainer-signin>`;
    switch (r.name) {
      case 'trainer':
        return html`<kt-workshop-list .api=${this.api}></kt-workshop-list>`;
      case 'trainer-workshop':
        return html`<kt-workshop-console .api=${this.api} workshop-id=${r.workshopId}></kt-workshop-console>`;
      case 'report':
        return html`<kt-workshop-report .api=${this.api} workshop-id=${r.workshopId}
          participant=${this.participantParam()}></kt-workshop-report>`;
      default:
        return html`<section>
          <h1 tabindex="-1">${t('app.notFound.title')}</h1>
          <p>${t('app.notFound.body')}</p>
          <a href="/trainer" @click=${navigateOnClick}>${t('trainer.nav.workshops')}</a>
        </section>`;
    }
  }

  override render() {
    const { t } = this.i18n;
    const r = this.route;
    // The projector is the whole screen: no header, no margins.
    if (this.signedIn && r.name === 'projector')
      return html`<kt-projector .api=${this.api} workshop-id=${r.workshopId}></kt-projector>`;
    const onList = r.name === 'trainer' ? 'page' : 'false';
    return html`
      ${skipLink(t('app.skip'), this.renderRoot)}
      <header>
        <div class="inner top">
          <a class="brand" href="/trainer" @click=${navigateOnClick}>
            ${brandLogo}
            <span><strong>${t('trainer.title')}</strong><span>${t('app.title')}</span></span>
          </a>
          ${
            this.signedIn
              ? html`<nav aria-label=${t('trainer.nav.label')}>
                  <ul>
                    <li><a href="/trainer" aria-current=${onList} @click=${navigateOnClick}>${t('trainer.nav.workshops')}</a></li>
                    <li><a href="/" @click=${navigateOnClick}>${t('trainer.nav.participant')}</a></li>
                  </ul>
                </nav>`
              : nothing
          }
          <kt-language-switch></kt-language-switch>
          ${
            this.signedIn
              ? html`<button type="button" class="signout" @click=${() => this.signOut()}>${t('trainer.signout')}</button>`
              : nothing
          }
        </div>
        <div class="markbar">
          <div class="inner">
            <kt-synthetic-mark></kt-synthetic-mark>
            <span>${t('app.synthetic.more')}</span>
          </div>
        </div>
      </header>
      <main id="main" tabindex="-1">${this.screen()}</main>
    `;
  }
}

customElements.define('kt-trainer-app', KtTrainerApp);

declare global {
  interface HTMLElementTagNameMap {
    'kt-trainer-app': KtTrainerApp;
  }
}
