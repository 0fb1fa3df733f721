import { css, html, LitElement, nothing } from 'lit';
import type { Exchange } from '../api/types.ts';
import { LocaleController } from '../controllers/locale.ts';
import { hasKey } from '../i18n/index.ts';
import type { Json } from '../lib/data.ts';
import { base } from '../styles/shared.ts';
import './kt-data-view.ts';

export type Tone = 'ok' | 'warn' | 'bad';

/** How an exchange went: found, nothing found, or refused / failed. */
export function toneOf(x: Exchange): Tone {
  if (!x.status) return 'bad';
  if (x.status.value === 'DATA_FOUND') return 'ok';
  if (x.status.value === 'NO_DATA_FOUND') return 'warn';
  return 'bad';
}

/**
 * The answer of one call to the mock KSZ: a banner with the status code and what it means (MSG00012 …), the data as
 * readable cards and tables, and a "toon de uitwisseling" toggle with the raw request and reply.
 *
 * @example
 * html`<kt-ksz-answer .exchange=${exchange}></kt-ksz-answer>`
 */
export class KtKszAnswer extends LitElement {
  static override properties = {
    exchange: { attribute: false },
    hideData: { type: Boolean, attribute: 'hide-data' },
    showRaw: { state: true },
  };

  declare exchange: Exchange | null;
  /** Only the status and the toggle (the parent shows the data its own way). */
  declare hideData: boolean;
  declare private showRaw: boolean;

  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      .banner {
        display: flex;
        gap: 0.75rem;
        align-items: flex-start;
      }
      .banner svg {
        flex: none;
        margin-top: 0.15rem;
      }
      .notice.ok svg {
        color: var(--kt-ok);
      }
      .notice.warn svg {
        color: var(--kt-warn);
      }
      .notice.bad svg {
        color: var(--kt-bad);
      }
      .title {
        font-weight: 700;
        margin: 0 0 0.2rem;
      }
      .meaning {
        margin: 0;
      }
      .info {
        margin: 0.4rem 0 0;
        padding-left: 1.1rem;
        font-size: 0.95rem;
      }
      .raw {
        display: grid;
        gap: 0.75rem;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr));
        margin-top: 0.5rem;
      }
      .raw h4 {
        margin: 0 0 0.3rem;
        font-size: 1rem;
      }
      pre {
        margin: 0;
        padding: 0.75rem;
        background: #0f1b2d;
        color: #e8eef7;
        border-radius: var(--kt-radius);
        overflow: auto;
        max-height: 28rem;
        font-size: 0.85rem;
        line-height: 1.45;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      pre:focus-visible {
        outline-color: var(--kt-focus);
      }
      .data {
        margin-top: 0.75rem;
      }
    `,
  ];

  private readonly i18n = new LocaleController(this);

  constructor() {
    super();
    this.exchange = null;
    this.hideData = false;
    this.showRaw = false;
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('exchange') && changed.get('exchange') !== undefined) this.showRaw = false;
  }

  private banner(x: Exchange) {
    const { t, tn } = this.i18n;
    const tone = toneOf(x);
    let title: string;
    let meaning: unknown;
    if (x.status) {
      const valueKey = `status.value.${x.status.value}`;
      title = `${hasKey(valueKey) ? t(valueKey) : x.status.value} · ${x.status.code}`;
      const codeKey = `status.${x.status.code}`;
      meaning = hasKey(codeKey)
        ? html`<p class="meaning">${t(codeKey)}</p>`
        : html`<p class="meaning" lang="en">${x.status.description}</p>`;
    } else if (x.httpStatus === 0) {
      title = t('status.network');
      meaning = html`<p class="meaning">${t('status.network.help')}</p>`;
    } else {
      title = t('status.http', { status: x.httpStatus });
      meaning = html`<p class="meaning" lang="en">${x.replyText}</p>`;
    }
    const info = x.status?.information ?? [];
    const icon =
      tone === 'ok'
        ? 'M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4L9 16.2z'
        : tone === 'warn'
          ? 'M11 7h2v6h-2V7zm0 8h2v2h-2v-2zm1-13a10 10 0 1 0 0 20 10 10 0 0 0 0-20z'
          : 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm1 15h-2v-2h2v2zm0-4h-2V7h2v6z';
    return html`<div class="notice ${tone} banner" data-testid="ksz-status" data-code=${x.status?.code ?? ''}>
      <svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path fill="currentColor" d=${icon} />
      </svg>
      <div>
        <p class="title">${title}</p>
        ${meaning}
        ${
          info.length
            ? html`<ul class="info" aria-label=${tn('status.information', info.length)}>
              ${info.map((i) => {
                const key = `field.${i.fieldName}`;
                return html`<li><strong>${hasKey(key) ? t(key) : i.fieldName}</strong>: ${i.fieldValue}</li>`;
              })}
            </ul>`
            : nothing
        }
      </div>
    </div>`;
  }

  private raw(x: Exchange) {
    const { t } = this.i18n;
    const request = [
      `${x.method} ${x.url}`,
      'Content-Type: application/json',
      `Authorization: Basic … (${x.username}, ${t('exchange.passwordHidden')})`,
      '',
      JSON.stringify(x.request, null, 2),
    ].join('\n');
    const reply = [
      x.httpStatus ? `HTTP ${x.httpStatus}` : t('status.network'),
      'X-Synthetic-Data: true',
      '',
      x.reply ? JSON.stringify(x.reply, null, 2) : x.replyText,
    ].join('\n');
    return html`<div class="raw" id="raw-${x.seq}" ?hidden=${!this.showRaw}>
      <div>
        <h4>${t('exchange.request')}</h4>
        <pre tabindex="0" aria-label=${t('exchange.request')} lang="en">${request}</pre>
      </div>
      <div>
        <h4>${t('exchange.reply', { ms: x.durationMs })}</h4>
        <pre tabindex="0" aria-label=${t('exchange.replyShort')} lang="en">${reply}</pre>
      </div>
    </div>`;
  }

  override render() {
    const x = this.exchange;
    if (!x) return nothing;
    const { t } = this.i18n;
    const data = x.reply ? (Object.fromEntries(Object.entries(x.reply).filter(([k]) => k !== 'status')) as Json) : null;
    const hasData = data !== null && Object.keys(data as object).length > 0;
    return html`<div aria-live="polite">${this.banner(x)}</div>
      ${!this.hideData && hasData ? html`<div class="data"><kt-data-view .data=${data}></kt-data-view></div>` : nothing}
      <div class="actions">
        <button
          type="button"
          class="secondary"
          aria-expanded=${String(this.showRaw)}
          aria-controls="raw-${x.seq}"
          @click=${() => {
            this.showRaw = !this.showRaw;
          }}
        >
          ${this.showRaw ? t('exchange.hide') : t('exchange.show')}
        </button>
      </div>
      ${this.raw(x)}`;
  }
}

customElements.define('kt-ksz-answer', KtKszAnswer);

declare global {
  interface HTMLElementTagNameMap {
    'kt-ksz-answer': KtKszAnswer;
  }
}
