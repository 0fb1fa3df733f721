import { css, html, LitElement, nothing } from 'lit';
import type { LeaderboardRow } from '../../api/trainer-types.ts';
import type { LeaderboardMode } from '../../api/workshop-types.ts';
import { LocaleController } from '../../controllers/locale.ts';
import { type Lang, type MessageKey, type Params, translate, translatePlural } from '../../i18n/index.ts';
import { base } from '../../styles/shared.ts';
import { trainerStyles } from './styles.ts';

/**
 * The name a leaderboard row shows to the room: the pseudonym when the mode is `named`, the alias ("Deelnemer 3")
 * when `anonymous`, nothing when `hidden`.
 */
export function roomName(row: LeaderboardRow, mode: LeaderboardMode): string | null {
  if (mode === 'named') return row.pseudonym;
  if (mode === 'anonymous') return row.alias;
  return null;
}

/**
 * The leaderboard of a workshop. `audience="trainer"` (console) shows pseudonym and alias whatever the mode;
 * `audience="room"` (projector) follows the mode: pseudonyms only when `named`, aliases when `anonymous`, and
 * nothing at all when `hidden`.
 *
 * @example
 * html`<kt-leaderboard audience="room" mode=${w.leaderboard} .rows=${c.leaderboard} limit="10"></kt-leaderboard>`
 */
export class KtLeaderboard extends LitElement {
  static override properties = {
    rows: { attribute: false },
    mode: { type: String },
    audience: { type: String, reflect: true },
    limit: { type: Number },
    exercises: { type: Number },
    language: { type: String },
  };

  declare rows: LeaderboardRow[];
  declare mode: LeaderboardMode;
  declare audience: 'trainer' | 'room';
  /** At most this many rows (0: all). */
  declare limit: number;
  /** Number of exercises of the workshop ("3/5 done"). */
  declare exercises: number;
  declare language: Lang | '';

  static override styles = [
    base,
    trainerStyles,
    css`
      .rank {
        font-weight: 800;
        width: 3.5rem;
      }
      .alias {
        color: var(--kt-text-muted);
        font-size: 0.9rem;
        font-weight: 400;
        display: block;
      }
      .medal {
        display: inline-flex;
        align-items: center;
        justify-content: center;
        min-width: 1.9em;
        height: 1.9em;
        border-radius: 999px;
        border: 2px solid currentColor;
        font-weight: 800;
      }
      :host([audience='room']) table {
        font-size: inherit;
        color: inherit;
      }
      :host([audience='room']) .table-wrap {
        background: transparent;
        border: 0;
        /* Made to fit its panel (no scrolling on a projector): a long name is cut with an ellipsis. */
        overflow: visible;
      }
      :host([audience='room']) .rank {
        width: auto;
      }
      :host([audience='room']) tbody th {
        width: 100%;
        max-width: 0;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      :host([audience='room']) .medal {
        min-width: 1.8em;
        height: 1.8em;
        font-size: 0.85em;
      }
      :host([audience='room']) th,
      :host([audience='room']) td {
        border-bottom: 1px solid rgb(255 255 255 / 0.25);
        padding: 0.15em 0.5em;
        color: inherit;
        vertical-align: middle;
      }
      :host([audience='room']) thead th {
        background: transparent;
        font-size: 0.65em;
        text-transform: uppercase;
        letter-spacing: 0.06em;
      }
      :host([audience='room']) tr.top1 .medal {
        background: #ffdf7e;
        color: #102f55;
        border-color: #ffdf7e;
      }
      td.num {
        white-space: nowrap;
      }
      .more,
      .empty {
        margin: 0.5rem 0 0;
      }
    `,
  ];

  private readonly i18n = new LocaleController(this);

  constructor() {
    super();
    this.rows = [];
    this.mode = 'named';
    this.audience = 'trainer';
    this.limit = 0;
    this.exercises = 0;
    this.language = '';
  }

  private t(key: MessageKey, params?: Params): string {
    return translate(this.language || this.i18n.lang, key, params);
  }

  override render() {
    const room = this.audience === 'room';
    if (room && this.mode === 'hidden') return nothing;
    const lang = this.language || this.i18n.lang;
    if (this.rows.length === 0) return html`<p class="empty">${this.t('console.leaderboard.empty')}</p>`;
    const shown = this.limit > 0 ? this.rows.slice(0, this.limit) : this.rows;
    const rest = this.rows.length - shown.length;
    return html`<div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">${this.t('console.leaderboard.rank')}</th>
              <th scope="col">${this.t('console.leaderboard.name')}</th>
              <th scope="col" class="num">${this.t('console.leaderboard.points')}</th>
              ${room ? nothing : html`<th scope="col" class="num">${this.t('console.leaderboard.done')}</th>`}
            </tr>
          </thead>
          <tbody>
            ${shown.map(
              (
                row,
              ) => html`<tr class=${row.rank === 1 ? 'top1' : ''} data-participant=${room ? nothing : row.participantId}>
                <td class="rank"><span class="medal">${row.rank}</span></td>
                <th scope="row">
                  ${room ? roomName(row, this.mode) : html`${row.pseudonym}<span class="alias">${row.alias}</span>`}
                </th>
                <td class="num">${this.t('console.points', { points: row.points, max: row.max })}</td>
                ${room ? nothing : html`<td class="num">${this.t('console.doneOf', { done: row.done, total: this.exercises })}</td>`}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${rest > 0 ? html`<p class="more">${translatePlural(lang, 'console.leaderboard.more', rest)}</p>` : nothing}`;
  }
}

customElements.define('kt-leaderboard', KtLeaderboard);

declare global {
  interface HTMLElementTagNameMap {
    'kt-leaderboard': KtLeaderboard;
  }
}
