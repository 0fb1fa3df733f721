import { css, html, LitElement, nothing } from 'lit';
import { ApiError, TrainingApi } from '../api/training.ts';
import type { ExerciseSummary, Me, WorkspaceAccess } from '../api/types.ts';
import { LocaleController } from '../controllers/locale.ts';
import { RouterController, TRAINER_ROUTES } from '../controllers/router.ts';
import { TaskController } from '../controllers/task.ts';
import { mePoller, WorkshopController } from '../controllers/workshop.ts';
import type { KtEvents } from '../lib/events.ts';
import { navigateOnClick } from '../lib/events.ts';
import { brandLogo, headerStyles, skipLink } from '../styles/header.ts';
import { base } from '../styles/shared.ts';
import './kt-catalogue.ts';
import './kt-exercise-runner.ts';
import './kt-join.ts';
import './kt-language-switch.ts';
import './kt-synthetic-mark.ts';
import './trainer/kt-trainer-app.ts';
import './kt-welcome.ts';
import './kt-workspace-access.ts';
import './kt-workspace.ts';
import './kt-workshop-home.ts';

interface Home {
  exercises: ExerciseSummary[];
  me: Me;
}

/**
 * The trainer UI: header with the synthetic-data mark, language switch and participant, and the screens —
 * welcome (first visit), exercise catalogue, exercise runner, standalone consultation workspace, joining a workshop
 * (`/join`). A participant of a live workshop gets the workshop's home instead of the catalogue, and the workshop's
 * title beside their pseudonym in the header.
 *
 * @example
 * html`<kt-app></kt-app>`  // or with a test double: html`<kt-app .api=${new TrainingApi({ fetch })}></kt-app>`
 */
export class KtApp extends LitElement {
  static override properties = {
    api: { attribute: false },
    joined: { state: true },
    joinError: { state: true },
    starting: { state: true },
    startError: { state: true },
    access: { state: true },
    accessError: { state: true },
  };

  declare api: TrainingApi;
  declare private joined: boolean;
  declare private joinError: string;
  declare private starting: string;
  declare private startError: string;
  declare private access: WorkspaceAccess | null;
  declare private accessError: string;

  private readonly i18n = new LocaleController(this);
  private readonly router = new RouterController(this);
  private readonly home = new TaskController<Home>(this);
  private readonly join = new TaskController<void>(this);
  private readonly world = new TaskController<void>(this);
  /** The participant as last read (shared with the workshop screens, which keep it fresh). */
  private readonly ws = new WorkshopController(this, () => this.api);
  private loadedFor = '';

  static override styles = [
    base,
    headerStyles,
    css`
      .who {
        margin-left: auto;
        font-weight: 600;
        display: flex;
        flex-wrap: wrap;
        gap: 0 1rem;
        min-width: 0;
        overflow-wrap: anywhere;
      }
      footer {
        border-top: 1px solid var(--kt-border);
        background: var(--kt-surface);
        color: var(--kt-text-muted);
        font-size: 0.92rem;
      }
      footer .inner {
        padding-top: 1rem;
        padding-bottom: 1rem;
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1.5rem;
        align-items: center;
      }
      .page-intro {
        max-width: 52rem;
      }
    `,
  ];

  constructor() {
    super();
    this.api = new TrainingApi();
    this.joined = false;
    this.joinError = '';
    this.starting = '';
    this.startError = '';
    this.access = null;
    this.accessError = '';
    this.addEventListener('kt-navigate', (e) => {
      // Joining a workshop (`/join`) gives a token: the app is then "joined".
      if (!this.joined && this.api.hasToken) {
        this.joined = true;
        this.loadedFor = '';
      }
      this.router.navigate(e.detail.path);
    });
    this.addEventListener('kt-start-exercise', (e) => void this.onStart(e));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.joined = this.api.hasToken;
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('api')) {
      const api = this.api;
      api.onUnauthorized = () => {
        this.joined = false;
        this.loadedFor = '';
        // A workshop participant whose token stopped working (they went on in another browser): back to joining,
        // with the workshop's code, where the rejoin code brings them back.
        const code = mePoller(api).workshop?.code;
        mePoller(api).forget();
        if (code && this.router.route.name !== 'join')
          this.router.navigate(`/join?code=${encodeURIComponent(code)}`, { replace: true });
      };
      this.joined = this.api.hasToken;
    }
    // Load the catalogue and the participant's attempts each time the home screen is entered.
    const r = this.router.route;
    const key = r.name === 'catalogue' && this.joined ? `catalogue:${this.router.version}` : '';
    if (key && key !== this.loadedFor) {
      this.loadedFor = key;
      void this.loadHome();
    }
    document.title = `${this.screenTitle()} — ${this.i18n.t('app.title')}`;
  }

  private screenTitle(): string {
    const { t } = this.i18n;
    const r = this.router.route;
    if (!this.joined && r.name !== 'workspace' && r.name !== 'join') return t('welcome.title');
    switch (r.name) {
      case 'catalogue':
        return this.ws.workshop?.title ?? t('catalogue.title');
      case 'join':
        return t('join.title');
      case 'attempt':
        return t('runner.tab.task');
      case 'workspace':
        return t('nav.workspace');
      default:
        return t('app.notFound.title');
    }
  }

  private async loadHome(): Promise<void> {
    const api = this.api;
    const poller = mePoller(api);
    await this.home.run(async () => {
      const [exercises, me] = await Promise.all([
        api.exercises(),
        poller.refresh().then((m) => {
          if (!m) throw poller.error;
          return m;
        }),
      ]);
      return { exercises, me };
    });
  }

  override updated(): void {
    if (this.router.navigated) {
      this.router.navigated = false;
      void this.focusScreen();
    }
  }

  /**
   * After a navigation: focus the new screen's heading, so keyboard and screen-reader users start there. Screens
   * that load their data first get their heading a moment later: wait for it (unless the user moved on).
   */
  private async focusScreen(): Promise<void> {
    await this.updateComplete;
    const main = this.renderRoot.querySelector<HTMLElement>('main');
    if (!main) return;
    main.focus({ preventScroll: true });
    window.scrollTo(0, 0);
    const deadline = performance.now() + 5000;
    while (performance.now() < deadline) {
      let h1 = main.querySelector<HTMLElement>('h1');
      for (const child of main.children) {
        if (h1) break;
        await (child as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
        h1 = child.shadowRoot?.querySelector<HTMLElement>('h1') ?? null;
      }
      if (h1) {
        if (this.shadowRoot?.activeElement === main) h1.focus();
        return;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  private async onJoin(e: CustomEvent<KtEvents['kt-join']>): Promise<void> {
    this.joinError = '';
    await this.join.run(() => this.api.join(e.detail.pseudonym).then(() => undefined));
    if (this.join.error) this.joinError = this.errorText(this.join.error);
    else {
      this.joined = true;
      this.loadedFor = '';
      this.router.navigated = true;
      this.requestUpdate();
    }
  }

  private async onStart(e: CustomEvent<KtEvents['kt-start-exercise']>): Promise<void> {
    if (this.starting) return;
    this.starting = e.detail.exerciseId;
    this.startError = '';
    try {
      const attempt = await this.api.startAttempt(e.detail.exerciseId);
      this.router.navigate(`/attempts/${encodeURIComponent(attempt.id)}`);
    } catch (err) {
      this.startError = this.errorText(err);
      // A workshop's state may have changed (paused, ended, already done): show it as it is now.
      if (err instanceof ApiError && (err.status === 409 || err.status === 403)) void this.ws.refresh();
    } finally {
      this.starting = '';
    }
  }

  private async onAccess(e: CustomEvent<KtEvents['kt-workspace-access']>): Promise<void> {
    const d = e.detail;
    const tenant = d.basePath ? decodeURIComponent(d.basePath.replace(/^\/t\//, '')) : 'default';
    this.accessError = '';
    let today = '';
    await this.world.run(async () => {
      today = (await this.api.world(tenant)).today;
    });
    if (this.world.error) {
      this.accessError = this.i18n.t('wsAccess.unknownTenant', { tenant });
      return;
    }
    this.access = { tenant, basePath: d.basePath, username: d.username, password: d.password, today };
  }

  private errorText(e: unknown): string {
    const { t, pick } = this.i18n;
    if (e instanceof ApiError) {
      if (e.status === 0) return t('app.error.network');
      if (e.text) return pick(e.text);
      return t('app.error.generic', { code: e.code });
    }
    return t('app.error.generic', { code: String(e) });
  }

  private screen() {
    const { t } = this.i18n;
    const r = this.router.route;
    if (r.name === 'workspace')
      return html`<section>
        <h1 tabindex="-1">${t('nav.workspace')}</h1>
        <p class="page-intro">${t('wsAccess.intro')}</p>
        ${
          this.access
            ? html`<div class="actions" style="margin:0 0 1rem">
                <button type="button" class="secondary" @click=${() => {
                  this.access = null;
                }}>${t('wsAccess.change')}</button>
              </div>
              <kt-workspace .access=${this.access} .fetcher=${this.api.fetch} level="2"></kt-workspace>`
            : html`<div class="card"><kt-workspace-access ?busy=${this.world.pending} error=${this.accessError}
                @kt-workspace-access=${this.onAccess}></kt-workspace-access></div>`
        }
      </section>`;
    if (r.name === 'join') return html`<kt-join .api=${this.api}></kt-join>`;
    if (!this.joined)
      return html`<kt-welcome ?busy=${this.join.pending} error=${this.joinError} @kt-join=${this.onJoin}></kt-welcome>`;
    if (r.name === 'attempt')
      return html`<kt-exercise-runner .api=${this.api} attempt-id=${r.attemptId}></kt-exercise-runner>`;
    if (r.name === 'catalogue') {
      const s = this.home.state;
      if (s.kind === 'error')
        return html`<section>
          <h1 tabindex="-1">${t('catalogue.title')}</h1>
          <p class="notice bad" role="alert">${this.errorText(s.error)}</p>
          <button type="button" @click=${() => this.loadHome()}>${t('app.retry')}</button>
        </section>`;
      if (s.kind !== 'done') return html`<p role="status" class="muted">${t('app.loading')}</p>`;
      const error = this.startError ? html`<p class="notice bad" role="alert">${this.startError}</p>` : nothing;
      if ((this.ws.me ?? s.value.me).workshop)
        return html`${error}<kt-workshop-home .api=${this.api} starting=${this.starting}></kt-workshop-home>`;
      return html`${error}
        <kt-catalogue .exercises=${s.value.exercises} .attempts=${s.value.me.attempts} starting=${this.starting}></kt-catalogue>`;
    }
    return html`<section>
      <h1 tabindex="-1">${t('app.notFound.title')}</h1>
      <p>${t('app.notFound.body')}</p>
      <a href="/" @click=${navigateOnClick}>${t('runner.back')}</a>
    </section>`;
  }

  override render() {
    const { t } = this.i18n;
    const r = this.router.route;
    // The trainer's screens have their own shell (console, projector, printable report).
    if (TRAINER_ROUTES.has(r.name)) return html`<kt-trainer-app .route=${r}></kt-trainer-app>`;
    const me = this.api.hasToken ? (this.ws.me ?? this.home.value?.me) : undefined;
    const workshop = me?.workshop;
    const current = (name: string) => (r.name === name ? 'page' : 'false');
    return html`
      ${skipLink(t('app.skip'), this.renderRoot)}
      <header>
        <div class="inner top">
          <a class="brand" href="/" @click=${navigateOnClick}>
            ${brandLogo}
            <span><strong>${t('app.title')}</strong><span class="subtitle">${t('app.subtitle')}</span></span>
          </a>
          <nav aria-label=${t('nav.label')}>
            <ul>
              <li><a href="/" aria-current=${current('catalogue')} @click=${navigateOnClick}>${t(workshop ? 'workshop.nav' : 'nav.catalogue')}</a></li>
              <li><a href="/workspace" aria-current=${current('workspace')} @click=${navigateOnClick}>${t('nav.workspace')}</a></li>
            </ul>
          </nav>
          <kt-language-switch></kt-language-switch>
        </div>
        <div class="markbar">
          <div class="inner">
            <kt-synthetic-mark></kt-synthetic-mark>
            <span class="more">${t('app.synthetic.more')}</span>
            ${
              me
                ? html`<span class="who">
                  ${workshop ? html`<span class="workshop" data-testid="header-workshop">${t('workshop.header', { title: workshop.title })}</span>` : nothing}
                  <span data-testid="header-participant">${me.pseudonym ? t('participant.you', { name: me.pseudonym }) : t('participant.anonymous')}</span>
                </span>`
                : nothing
            }
          </div>
        </div>
      </header>
      <main id="main" tabindex="-1">
        ${this.screen()}
      </main>
      <footer>
        <div class="inner">
          <span>${t('footer.text')}</span>
          <span>${t('app.synthetic')}</span>
        </div>
      </footer>
    `;
  }
}

customElements.define('kt-app', KtApp);

declare global {
  interface HTMLElementTagNameMap {
    'kt-app': KtApp;
  }
}
