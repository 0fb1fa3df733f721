import { css, html, LitElement, nothing } from 'lit';
import type { KszClient } from '../api/ksz.ts';
import type { Exchange, FlowEntry, JsonSchema } from '../api/types.ts';
import { LocaleController } from '../controllers/locale.ts';
import { TaskController } from '../controllers/task.ts';
import { hasKey } from '../i18n/index.ts';
import { emit, type KtEvents } from '../lib/events.ts';
import { base } from '../styles/shared.ts';
import './kt-ksz-answer.ts';
import './kt-request-form.ts';

/** Flows with their own step in the workspace (person search, integration register). */
const OWN_STEP = new Set(['identify-person', 'manage-access']);
/** Values of earlier answers worth carrying into the next form (the ESV ticket, a Carmed number …). */
const REMEMBER = ['ticket', 'carmedNumber', 'alertId', 'reference'];

/**
 * Step 3 of the workspace: choose a flow and an operation, fill the small form (legal context and INSZ pre-filled),
 * send it, and read the answer. Sends `kt-exchange` for every call.
 *
 * @example
 * html`<kt-consult-panel .client=${ksz} .flows=${flows} .person=${person}></kt-consult-panel>`
 */
export class KtConsultPanel extends LitElement {
  static override properties = {
    client: { attribute: false },
    flows: { attribute: false },
    person: { attribute: false },
    flowId: { state: true },
    operation: { state: true },
    busy: { state: true },
    exchange: { state: true },
    memory: { state: true },
  };

  declare client: KszClient | null;
  declare flows: FlowEntry[];
  declare person: KtEvents['kt-person'] | null;
  declare private flowId: string;
  declare private operation: string;
  declare private busy: boolean;
  declare private exchange: Exchange | null;
  declare private memory: Record<string, string>;

  private readonly schema = new TaskController<JsonSchema | null>(this);

  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      .pick {
        display: grid;
        gap: 0 1rem;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 16rem), 1fr));
      }
      .about {
        display: flex;
        flex-wrap: wrap;
        gap: 0.35rem 0.6rem;
        align-items: center;
        margin: -0.25rem 0 1rem;
        font-size: 0.95rem;
        color: var(--kt-text-muted);
      }
      .answer {
        margin-top: 1.25rem;
        padding-top: 1rem;
        border-top: 2px solid var(--kt-border);
      }
      .answer h3 {
        margin-bottom: 0.75rem;
      }
    `,
  ];

  private readonly i18n = new LocaleController(this);

  constructor() {
    super();
    this.client = null;
    this.flows = [];
    this.person = null;
    this.flowId = '';
    this.operation = '';
    this.busy = false;
    this.exchange = null;
    this.memory = {};
  }

  private get choices(): FlowEntry[] {
    return this.flows.filter((f) => !OWN_STEP.has(f.id));
  }

  private get flow(): FlowEntry | undefined {
    return this.flows.find((f) => f.id === this.flowId);
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('flows') && !this.flow && this.choices[0]) this.selectFlow(this.choices[0].id);
    else if (changed.has('client') && this.operation) this.selectOperation(this.operation);
  }

  private selectFlow(id: string): void {
    this.flowId = id;
    this.selectOperation(this.flow?.operations[0] ?? '');
  }

  private selectOperation(op: string): void {
    this.operation = op;
    const client = this.client;
    if (!client || !op) {
      this.schema.reset();
      return;
    }
    const flow = this.flowId;
    void this.schema.run(() => client.requestSchema(flow, op));
  }

  private async send(body: Record<string, unknown>): Promise<void> {
    if (!this.client || this.busy) return;
    this.busy = true;
    try {
      const x = await this.client.call(this.flowId, this.operation, body);
      this.exchange = x;
      const remembered = { ...this.memory };
      for (const k of REMEMBER) {
        const v = x.reply?.[k];
        if (typeof v === 'string' && v) remembered[k] = v;
      }
      this.memory = remembered;
      emit(this, 'kt-exchange', { exchange: x });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#answer-title')?.focus();
    } finally {
      this.busy = false;
    }
  }

  private about(f: FlowEntry) {
    const { t } = this.i18n;
    const roles = f.roles
      .map((r) => {
        const key = `role.${r}`;
        return hasKey(key) ? t(key) : r;
      })
      .join(', ');
    const fidelity = `fidelity.${f.fidelity}`;
    return html`<p class="about">
      <span>${f.institution}</span>
      <span class="tag">${hasKey(fidelity) ? t(fidelity) : f.fidelity}</span>
      <span>${t('ws.flow.roles', { roles })}</span>
    </p>`;
  }

  override render() {
    const { t, pick } = this.i18n;
    const f = this.flow;
    const prefill: Record<string, string> = { ...this.memory };
    if (this.person) {
      prefill.ssin = this.person.insz;
      prefill.socialSecurityUser = this.person.insz;
      prefill.targetSsin = this.person.insz;
    }
    if (f?.legalContexts[0]) prefill.legalContext = f.legalContexts[0];
    return html`
      <div class="pick">
        <div class="field">
          <label for="flow">${t('ws.flow')}</label>
          <select id="flow" @change=${(e: Event) => this.selectFlow((e.target as HTMLSelectElement).value)}>
            ${this.choices.map((x) => html`<option value=${x.id} ?selected=${x.id === this.flowId}>${pick(x.names)}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="operation">${t('ws.operation')}</label>
          <select id="operation" @change=${(e: Event) => this.selectOperation((e.target as HTMLSelectElement).value)}>
            ${(f?.operations ?? []).map((op) => html`<option value=${op} ?selected=${op === this.operation}>${op}</option>`)}
          </select>
        </div>
      </div>
      ${f ? this.about(f) : nothing}
      ${
        this.schema.pending
          ? html`<p class="muted" role="status">${t('ws.form.loading')}</p>`
          : this.schema.value
            ? html`<kt-request-form
              .schema=${this.schema.value}
              .prefill=${prefill}
              ?busy=${this.busy}
              @kt-request=${(e: CustomEvent<{ body: Record<string, unknown> }>) => {
                e.stopPropagation();
                void this.send(e.detail.body);
              }}
            ></kt-request-form>`
            : this.schema.state.kind !== 'idle'
              ? html`<p class="notice warn">${t('ws.form.noSchema')}</p>`
              : nothing
      }
      ${
        this.exchange
          ? html`<section class="answer" aria-labelledby="answer-title">
            <h3 id="answer-title" tabindex="-1">
              ${t('ws.answer.title', { flow: pick(this.flows.find((x) => x.id === this.exchange?.flow)?.names ?? this.exchange.flow), operation: this.exchange.operation })}
            </h3>
            <kt-ksz-answer .exchange=${this.exchange}></kt-ksz-answer>
          </section>`
          : nothing
      }
    `;
  }
}

customElements.define('kt-consult-panel', KtConsultPanel);

declare global {
  interface HTMLElementTagNameMap {
    'kt-consult-panel': KtConsultPanel;
  }
}
