import { css, html, LitElement, nothing } from 'lit';
import type { Exchange, FlowEntry } from '../api/types.ts';
import { LocaleController } from '../controllers/locale.ts';
import { formatInsz } from '../lib/insz.ts';
import { base } from '../styles/shared.ts';
import { toneOf } from './kt-ksz-answer.ts';

/** The INSZ a request was about, whatever the field is called. */
function subjectOf(request: Record<string, unknown>): string {
  for (const k of ['ssin', 'socialSecurityUser', 'targetSsin']) {
    const v = request[k];
    if (typeof v === 'string' && v) return v;
  }
  const c = request.criterion;
  if (c && typeof c === 'object' && typeof (c as { ssin?: unknown }).ssin === 'string')
    return (c as { ssin: string }).ssin;
  return '';
}

/**
 * The calls of this session, newest first, each opening onto its answer and raw exchange — what the KSZ journal
 * will show the trainer.
 *
 * @example
 * html`<kt-exchange-log .exchanges=${list} .flows=${flows}></kt-exchange-log>`
 */
export class KtExchangeLog extends LitElement {
  static override properties = {
    exchanges: { attribute: false },
    flows: { attribute: false },
  };

  declare exchanges: Exchange[];
  declare flows: FlowEntry[];

  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: 0.5rem;
      }
      details {
        border: 1px solid var(--kt-border);
        border-left: 0.4rem solid var(--kt-bad);
        border-radius: var(--kt-radius);
        background: var(--kt-surface);
      }
      details.ok {
        border-left-color: var(--kt-ok);
      }
      details.warn {
        border-left-color: var(--kt-warn);
      }
      summary {
        cursor: pointer;
        padding: 0.55rem 0.9rem;
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1rem;
        align-items: baseline;
        min-height: 2.75rem;
      }
      summary:focus-visible {
        outline-offset: -3px;
      }
      .time {
        font-family: var(--kt-mono);
        color: var(--kt-text-muted);
      }
      .what {
        font-weight: 700;
      }
      .code {
        font-family: var(--kt-mono);
        font-weight: 700;
      }
      .body {
        padding: 0 0.9rem 0.9rem;
      }
    `,
  ];

  private readonly i18n = new LocaleController(this);

  constructor() {
    super();
    this.exchanges = [];
    this.flows = [];
  }

  override render() {
    const { t, pick } = this.i18n;
    if (!this.exchanges.length) return html`<p class="muted">${t('ws.history.empty')}</p>`;
    return html`<ol>
      ${[...this.exchanges].reverse().map((x) => {
        const flow = this.flows.find((f) => f.id === x.flow);
        const insz = subjectOf(x.request);
        const time = new Date(x.at).toLocaleTimeString(this.i18n.lang === 'fr' ? 'fr-BE' : 'nl-BE', {
          hour: '2-digit',
          minute: '2-digit',
          second: '2-digit',
        });
        return html`<li>
          <details class=${toneOf(x)}>
            <summary>
              <span class="time">${time}</span>
              <span class="what">${flow ? pick(flow.names) : x.flow} — ${x.operation}</span>
              ${insz ? html`<span>${t('field.ssin')} ${formatInsz(insz)}</span>` : nothing}
              <span class="code">${x.status?.code ?? (x.httpStatus ? `HTTP ${x.httpStatus}` : t('status.network'))}</span>
            </summary>
            <div class="body"><kt-ksz-answer .exchange=${x}></kt-ksz-answer></div>
          </details>
        </li>`;
      })}
    </ol>`;
  }
}

customElements.define('kt-exchange-log', KtExchangeLog);

declare global {
  interface HTMLElementTagNameMap {
    'kt-exchange-log': KtExchangeLog;
  }
}
