import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { LocaleController } from '../controllers/locale.ts';
import { hasKey } from '../i18n/index.ts';
import {
  columnsOf,
  fitsTable,
  flatten,
  getPath,
  humanize,
  isCentsKey,
  isCodeLabel,
  isInline,
  isInszKey,
  isMultilingual,
  isObject,
  type Json,
  type JsonObject,
} from '../lib/data.ts';
import { formatDate, formatEuro, formatNumber, isIsoDate } from '../lib/format.ts';
import { formatInsz } from '../lib/insz.ts';
import { base } from '../styles/shared.ts';

/** Keys not worth a line for a reader (the status has its own banner). */
const SKIP = new Set(['status']);

/**
 * A JSON answer of the mock KSZ as a social worker reads it: sections with label–value lists, lists of records as
 * tables (or cards when they are wide), dates as dd/mm/jjjj, INSZ numbers formatted, eurocent as euro, texts in the
 * page language. Never raw JSON (that is what "toon de uitwisseling" is for).
 *
 * @example
 * html`<kt-data-view .data=${reply}></kt-data-view>`
 */
export class KtDataView extends LitElement {
  static override properties = {
    data: { attribute: false },
    level: { type: Number },
  };

  declare data: Json;
  /** Heading level of the first sections (3 → `<h3>`). */
  declare level: number;

  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      section {
        margin: 0 0 1rem;
      }
      .heading {
        font-size: 1.05rem;
        font-weight: 700;
        margin: 1rem 0 0.4rem;
        color: var(--kt-primary-hover);
      }
      dl.fields {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 12.5rem), 1fr));
        gap: 0.6rem 1.25rem;
        margin: 0;
      }
      dl.fields > div {
        min-width: 0;
      }
      dt {
        font-size: 0.85rem;
        font-weight: 700;
        color: var(--kt-text-muted);
        line-height: 1.3;
      }
      dd {
        margin: 0.1rem 0 0;
        overflow-wrap: anywhere;
      }
      ol.records {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: 0.75rem;
      }
      ol.records > li {
        border: 1px solid var(--kt-border);
        border-left: 0.3rem solid var(--kt-primary);
        border-radius: var(--kt-radius);
        padding: 0.7rem 0.9rem;
        background: var(--kt-surface-alt);
      }
      .record-no {
        font-size: 0.85rem;
        font-weight: 700;
        color: var(--kt-text-muted);
        margin: 0 0 0.35rem;
      }
      .scroll {
        overflow-x: auto;
        max-width: 100%;
      }
      .scroll:focus-visible {
        outline-offset: 0;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        font-size: 0.97rem;
      }
      th,
      td {
        text-align: left;
        vertical-align: top;
        padding: 0.4rem 0.6rem;
        border-bottom: 1px solid var(--kt-border);
      }
      th {
        background: var(--kt-surface-alt);
        font-weight: 700;
        border-bottom: 2px solid var(--kt-border-strong);
      }
      ul.inline {
        margin: 0;
        padding-left: 1.1rem;
      }
      .empty {
        color: var(--kt-text-muted);
      }
      .code {
        color: var(--kt-text-muted);
      }
    `,
  ];

  private readonly i18n = new LocaleController(this);

  constructor() {
    super();
    this.data = null;
    this.level = 3;
  }

  private label(path: string[]): string {
    return path.map((k) => this.keyLabel(k)).join(' – ');
  }

  private keyLabel(key: string): string {
    const k = `field.${key}`;
    return hasKey(k) ? this.i18n.t(k) : humanize(key);
  }

  /** A one-line value. */
  private inline(key: string, v: Json | undefined): TemplateResult | string {
    const { t, lang } = this.i18n;
    if (v === undefined || v === null || v === '') return html`<span class="empty">—</span>`;
    if (typeof v === 'boolean') return v ? t('data.yes') : t('data.no');
    if (typeof v === 'number') {
      if (isCentsKey(key) && Number.isInteger(v)) return formatEuro(v / 100, lang);
      return formatNumber(v, lang);
    }
    if (typeof v === 'string') {
      if (isIsoDate(v)) return formatDate(v);
      if (isInszKey(key) && /^\d{11}$/.test(v)) return formatInsz(v);
      return v;
    }
    if (isMultilingual(v)) return v[lang] ?? v.nl ?? v.fr ?? Object.values(v)[0] ?? '';
    if (isCodeLabel(v)) {
      const own =
        typeof v.nl === 'string' || typeof v.fr === 'string' ? ({ nl: v.nl ?? '', fr: v.fr ?? '' } as Json) : null;
      const meaning = v.label ?? v.name ?? v.description ?? own;
      const text = isMultilingual(meaning)
        ? (meaning[lang] ?? meaning.nl ?? meaning.fr ?? '')
        : typeof meaning === 'string'
          ? meaning
          : '';
      return text ? html`${text} <span class="code">(${String(v.code)})</span>` : String(v.code);
    }
    return JSON.stringify(v);
  }

  /** Any value: one line, a list, a table, a nested section. */
  private value(key: string, v: Json | undefined, level: number): TemplateResult | string {
    if (v === undefined || isInline(v)) return this.inline(key, v);
    if (Array.isArray(v)) return this.array(key, v, level);
    return this.object(v as JsonObject, level);
  }

  private array(key: string, list: Json[], level: number): TemplateResult | string {
    const { t } = this.i18n;
    if (list.length === 0) return html`<span class="empty">${t('data.none')}</span>`;
    if (list.every((x) => isInline(x))) {
      if (list.length <= 12) return list.map((x) => this.inline(key, x)).join(', ');
      return html`<ul class="inline">
        ${list.map((x) => html`<li>${this.inline(key, x)}</li>`)}
      </ul>`;
    }
    const rows = list.filter(isObject);
    if (rows.length === list.length && fitsTable(rows)) return this.table(key, rows, level);
    return html`<ol class="records">
      ${list.map(
        (x, i) => html`<li>
          ${list.length > 1 ? html`<p class="record-no">${this.i18n.t('data.record', { n: i + 1, total: list.length })}</p>` : nothing}
          ${this.value(key, x, level + 1)}
        </li>`,
      )}
    </ol>`;
  }

  private table(key: string, rows: JsonObject[], level: number): TemplateResult {
    const cols = columnsOf(rows);
    return html`<div class="scroll" tabindex="0" role="region" aria-label=${this.keyLabel(key)}>
      <table>
        <caption class="visually-hidden">${this.keyLabel(key)}</caption>
        <thead>
          <tr>
            ${cols.map((c) => html`<th scope="col">${this.label(c.path)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (r) =>
              html`<tr>
                ${cols.map((c) => html`<td>${this.value(c.path[c.path.length - 1] ?? '', getPath(r, c.path), level + 1)}</td>`)}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  /**
   * An object: its one-line values (nested objects flattened into "parent – child") as a grid of label/value pairs,
   * then its lists and deeper parts, each under a heading.
   */
  private object(obj: JsonObject, level: number): TemplateResult {
    const flat: { path: string[]; value: Json }[] = [];
    const blocks: { path: string[]; value: Json }[] = [];
    for (const e of flatten(Object.fromEntries(Object.entries(obj).filter(([k]) => !SKIP.has(k))), 2)) {
      if (isInline(e.value) || (Array.isArray(e.value) && e.value.every((x) => isInline(x)))) flat.push(e);
      else blocks.push(e);
    }
    const h = Math.min(6, level);
    return html`
      ${
        flat.length
          ? html`<dl class="fields">
            ${flat.map(
              (e) =>
                html`<div>
                  <dt>${this.label(e.path)}</dt>
                  <dd>${this.value(e.path[e.path.length - 1] ?? '', e.value, level + 1)}</dd>
                </div>`,
            )}
          </dl>`
          : nothing
      }
      ${blocks.map(
        (b) => html`<section>
          <div class="heading" role="heading" aria-level=${h}>${this.label(b.path)}</div>
          ${this.value(b.path[b.path.length - 1] ?? '', b.value, level + 1)}
        </section>`,
      )}
    `;
  }

  override render() {
    if (this.data === null || this.data === undefined) return nothing;
    return this.value('', this.data, this.level);
  }
}

customElements.define('kt-data-view', KtDataView);

declare global {
  interface HTMLElementTagNameMap {
    'kt-data-view': KtDataView;
  }
}
