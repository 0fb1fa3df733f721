import { css, html, LitElement, svg } from 'lit';
import { LocaleController } from '../../controllers/locale.ts';
import { type Lang, type MessageKey, type Params, translate, translatePlural } from '../../i18n/index.ts';
import { base } from '../../styles/shared.ts';
import { formatPercent } from './format.ts';

const W = 330;
const LEFT = 14;
const SLOT = 30.2;
const BAR = 24;

/** `[0–9, 10–19 … 90–100]` as pairs of bounds. */
export function bucketBounds(i: number): [number, number] {
  return [i * 10, i === 9 ? 100 : i * 10 + 9];
}

/**
 * The distribution of an exercise's scores in 10 buckets (0–9 %, 10–19 % … 90–100 %) as an inline SVG bar chart:
 * every bar carries its count, the image has an `aria-label` that says it all, and a visually hidden table gives
 * the same numbers to screen readers. `tone="dark"` for the projector.
 *
 * @example
 * html`<kt-score-chart heading="Aanvraag aan de balie" .buckets=${stats.buckets} .mean=${stats.meanPercent}></kt-score-chart>`
 */
export class KtScoreChart extends LitElement {
  static override properties = {
    heading: { type: String },
    buckets: { attribute: false },
    mean: { attribute: false },
    tone: { type: String, reflect: true },
    compact: { type: Boolean, reflect: true },
    language: { type: String },
  };

  /** The exercise the chart is about (in the label; the parent shows its own heading). */
  declare heading: string;
  declare buckets: number[];
  declare mean: number | null;
  declare tone: 'light' | 'dark';
  /** Fewer, larger labels (the projector, read from the back of the room). */
  declare compact: boolean;
  /** Texts in this language instead of the page language (the projector speaks the workshop's language). */
  declare language: Lang | '';

  static override styles = [
    base,
    css`
      :host {
        display: block;
        position: relative;
        --bar: var(--kt-primary);
        --ink: var(--kt-text);
        --axis: var(--kt-border-strong);
      }
      :host([tone='dark']) {
        --bar: #ffdf7e;
        --ink: #ffffff;
        --axis: #c9d6ea;
      }
      svg {
        display: block;
        width: 100%;
        height: auto;
      }
      text {
        font-family: var(--kt-font);
        fill: var(--ink);
      }
      .count {
        font-size: 13px;
        font-weight: 700;
      }
      .tick {
        font-size: 11px;
      }
      :host([compact]) .count {
        font-size: 19px;
      }
      :host([compact]) .tick {
        font-size: 16px;
      }
      .bar {
        fill: var(--bar);
      }
      .axis {
        stroke: var(--axis);
        stroke-width: 1.5;
      }
    `,
  ];

  private readonly i18n = new LocaleController(this);

  constructor() {
    super();
    this.heading = '';
    this.buckets = [];
    this.mean = null;
    this.tone = 'light';
    this.compact = false;
    this.language = '';
  }

  private get textLang(): Lang {
    return this.language || this.i18n.lang;
  }

  private t(key: MessageKey, params?: Params): string {
    return translate(this.textLang, key, params);
  }

  private counts(): number[] {
    return Array.from({ length: 10 }, (_, i) => Math.max(0, Math.round(this.buckets[i] ?? 0)));
  }

  /** The sentence a screen reader hears for the image: exercise, count, mean and every bucket. */
  label(): string {
    const counts = this.counts();
    const total = counts.reduce((a, b) => a + b, 0);
    const mean = formatPercent(this.mean, this.textLang);
    const parts = counts.map((n, i) => {
      const [from, to] = bucketBounds(i);
      return this.t('console.chart.bucketLong', { from, to, n });
    });
    return [
      this.t('console.chart.label', { title: this.heading }),
      translatePlural(this.textLang, 'console.chart.submitted', total),
      mean ? this.t('console.chart.mean', { mean }) : this.t('console.chart.noMean'),
      `${parts.join('; ')}.`,
    ].join(' ');
  }

  override render() {
    const counts = this.counts();
    const max = Math.max(1, ...counts);
    // Compact: taller type, fewer ticks (0, 50, 100 %); the ticks sit on the bucket boundaries.
    const [H, TOP, BOTTOM] = this.compact ? [150, 26, 26] : [170, 22, 24];
    const ticks = this.compact ? [0, 5, 10] : [0, 2, 4, 6, 8, 10];
    const plot = H - TOP - BOTTOM;
    const baseY = H - BOTTOM;
    return html`
      <svg viewBox="0 0 ${W} ${H}" role="img" aria-label=${this.label()} focusable="false">
        ${counts.map((n, i) => {
          const h = n === 0 ? 0 : Math.max(3, (n / max) * plot);
          const x = LEFT + i * SLOT + (SLOT - BAR) / 2;
          const cx = x + BAR / 2;
          return svg`<g>
            <rect class="bar" x=${x} y=${baseY - h} width=${BAR} height=${h} rx="2"></rect>
            <text class="count" x=${cx} y=${baseY - h - 5} text-anchor="middle">${n}</text>
          </g>`;
        })}
        <line class="axis" x1=${LEFT} x2=${LEFT + 10 * SLOT} y1=${baseY} y2=${baseY}></line>
        ${ticks.map((i) => {
          const x = LEFT + i * SLOT;
          const anchor = i === 0 ? 'start' : i === 10 ? 'end' : 'middle';
          return svg`<line class="axis" x1=${x} x2=${x} y1=${baseY} y2=${baseY + 4}></line>
            <text class="tick" x=${i === 0 ? x - 4 : i === 10 ? x + 4 : x} y=${baseY + (this.compact ? 20 : 16)} text-anchor=${anchor}>${i * 10}%</text>`;
        })}
      </svg>
      <div class="visually-hidden"><table>
        <caption>${this.t('console.chart.caption', { title: this.heading })}</caption>
        <thead>
          <tr>
            <th scope="col">${this.t('console.chart.score')}</th>
            <th scope="col">${this.t('console.chart.count')}</th>
          </tr>
        </thead>
        <tbody>
          ${counts.map((n, i) => {
            const [from, to] = bucketBounds(i);
            return html`<tr><th scope="row">${this.t('console.chart.bucket', { from, to })}</th><td>${n}</td></tr>`;
          })}
        </tbody>
      </table></div>
    `;
  }
}

customElements.define('kt-score-chart', KtScoreChart);

declare global {
  interface HTMLElementTagNameMap {
    'kt-score-chart': KtScoreChart;
  }
}
