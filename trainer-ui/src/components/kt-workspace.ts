import { css, html, LitElement, nothing } from 'lit';
import { KszClient } from '../api/ksz.ts';
import type { Fetch } from '../api/training.ts';
import type { CaseSubject, Exchange, FlowEntry, WorkspaceAccess } from '../api/types.ts';
import { LocaleController } from '../controllers/locale.ts';
import { TaskController } from '../controllers/task.ts';
import type { KtEvents } from '../lib/events.ts';
import { formatDate } from '../lib/format.ts';
import { base } from '../styles/shared.ts';
import './kt-consult-panel.ts';
import './kt-exchange-log.ts';
import './kt-person-search.ts';
import './kt-register-panel.ts';

/**
 * The consultation workspace: find a person, register them in the integration register, consult flows and read
 * the answers — all through the mock's JSON face with the attempt's synthetic credentials, so every step is
 * journaled and checked by the access rules like in real OCMW software.
 *
 * @example
 * html`<kt-workspace .access=${attempt.workspace} .subject=${attempt.subject}></kt-workspace>`
 */
export class KtWorkspace extends LitElement {
  static override properties = {
    access: { attribute: false },
    subject: { attribute: false },
    fetcher: { attribute: false },
    level: { type: Number },
    person: { state: true },
    exchanges: { state: true },
  };

  /** Where and as whom to consult (`attempt.workspace`). */
  declare access: WorkspaceAccess | null;
  /** The client of the case, when the exercise has one. */
  declare subject: CaseSubject | undefined;
  /** The fetch to use (tests give a fake one). */
  declare fetcher: Fetch | null;
  /** Heading level of the step titles. */
  declare level: number;
  declare private person: KtEvents['kt-person'] | null;
  declare private exchanges: Exchange[];

  private client: KszClient | null = null;
  private readonly flows = new TaskController<FlowEntry[]>(this);

  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      .who {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem 1.25rem;
        align-items: center;
        margin: 0 0 1rem;
        color: var(--kt-text-muted);
      }
      .who strong {
        color: var(--kt-text);
      }
      .grid {
        display: grid;
        gap: 1.25rem;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 28rem), 1fr));
        align-items: start;
      }
      .span {
        grid-column: 1 / -1;
      }
      .step {
        font-size: 1.3rem;
        font-weight: 700;
        line-height: 1.25;
        margin: 0 0 0.9rem;
        display: flex;
        align-items: center;
        gap: 0.6rem;
      }
      .num {
        display: inline-flex;
        align-items: center;
        justify-content: center;
        width: 2rem;
        height: 2rem;
        border-radius: 50%;
        background: var(--kt-primary);
        color: var(--kt-on-primary);
        font-size: 1.05rem;
        flex: none;
      }
    `,
  ];

  private readonly i18n = new LocaleController(this);

  constructor() {
    super();
    this.access = null;
    this.subject = undefined;
    this.fetcher = null;
    this.level = 2;
    this.person = null;
    this.exchanges = [];
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if ((changed.has('access') || changed.has('fetcher')) && this.access) {
      const fetcher: Fetch = this.fetcher ?? ((input, init) => globalThis.fetch(input, init));
      this.client = new KszClient(this.access, fetcher);
      if (changed.has('access')) {
        this.person = null;
        this.exchanges = [];
      }
      const client = this.client;
      void this.flows.run(() => client.flows());
    }
  }

  private step(n: number, id: string, title: string) {
    return html`<div class="step" role="heading" aria-level=${this.level} id=${id}>
      <span class="num" aria-hidden="true">${n}</span>${title}
    </div>`;
  }

  override render() {
    const { t } = this.i18n;
    const a = this.access;
    if (!a) return nothing;
    const flows = this.flows.value ?? [];
    return html`
      <p class="who">
        <span>${t('ws.as')} <strong>${a.username}</strong></span>
        <span>${t('ws.today')} <strong>${formatDate(a.today)}</strong></span>
        <span>${t('ws.world')} <strong>${a.tenant}</strong></span>
      </p>
      ${this.flows.error ? html`<p class="notice bad" role="alert">${t('ws.flowsError')}</p>` : nothing}
      <div
        class="grid"
        @kt-exchange=${(e: CustomEvent<KtEvents['kt-exchange']>) => {
          this.exchanges = [...this.exchanges, e.detail.exchange];
        }}
      >
        <section class="card" aria-labelledby="step-person">
          ${this.step(1, 'step-person', t('ws.step.person'))}
          <kt-person-search
            .client=${this.client}
            .subject=${this.subject}
            selected=${this.person?.insz ?? ''}
            @kt-person=${(e: CustomEvent<KtEvents['kt-person']>) => {
              this.person = e.detail;
            }}
          ></kt-person-search>
        </section>
        <section class="card" aria-labelledby="step-register">
          ${this.step(2, 'step-register', t('ws.step.register'))}
          <kt-register-panel .client=${this.client} .person=${this.person} today=${a.today}></kt-register-panel>
        </section>
        <section class="card span" aria-labelledby="step-consult">
          ${this.step(3, 'step-consult', t('ws.step.consult'))}
          ${
            this.flows.pending
              ? html`<p class="muted" role="status">${t('app.loading')}</p>`
              : html`<kt-consult-panel .client=${this.client} .flows=${flows} .person=${this.person}></kt-consult-panel>`
          }
        </section>
        <section class="card span" aria-labelledby="step-log">
          <div class="step" role="heading" aria-level=${this.level} id="step-log">${t('ws.history')}</div>
          <p class="help">${t('ws.history.help')}</p>
          <kt-exchange-log .exchanges=${this.exchanges} .flows=${flows}></kt-exchange-log>
        </section>
      </div>
    `;
  }
}

customElements.define('kt-workspace', KtWorkspace);

declare global {
  interface HTMLElementTagNameMap {
    'kt-workspace': KtWorkspace;
  }
}
