import { css, html, LitElement, nothing } from 'lit';
import type { TrainerApi } from '../../api/trainer.ts';
import type { Workshop } from '../../api/trainer-types.ts';
import { LocaleController } from '../../controllers/locale.ts';
import { TaskController } from '../../controllers/task.ts';
import { navigateOnClick } from '../../lib/events.ts';
import { base } from '../../styles/shared.ts';
import { errorText, formatDateTime } from './format.ts';
import { statusTag } from './parts.ts';
import { trainerStyles } from './styles.ts';
import './kt-workshop-form.ts';

/**
 * The trainer's workshops, newest first (title, code, status, participants, created), and the "new workshop" form
 * (open at once when there is none yet).
 *
 * @example
 * html`<kt-workshop-list .api=${api}></kt-workshop-list>`
 */
export class KtWorkshopList extends LitElement {
  static override properties = {
    api: { attribute: false },
    creating: { state: true },
  };

  declare api: TrainerApi;
  declare private creating: boolean;

  static override styles = [
    base,
    trainerStyles,
    css`
      .head {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 0.75rem 1rem;
        margin-bottom: 0.5rem;
      }
      .head h1 {
        margin: 0;
      }
      .intro {
        max-width: 52rem;
      }
      .new {
        margin: 1rem 0 2rem;
      }
      td.title a {
        font-weight: 700;
      }
      td .code {
        font-size: 1.05rem;
      }
      .links {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1rem;
      }
    `,
  ];

  private readonly i18n = new LocaleController(this);
  private readonly list = new TaskController<Workshop[]>(this);

  constructor() {
    super();
    this.creating = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    const list = await this.list.run(() => this.api.workshops());
    if (list && list.length === 0) this.creating = true;
  }

  private async open(): Promise<void> {
    this.creating = true;
    await this.updateComplete;
    const form = this.renderRoot.querySelector('kt-workshop-form');
    await form?.updateComplete;
    form?.shadowRoot?.querySelector<HTMLElement>('#title')?.focus();
  }

  private async close(): Promise<void> {
    this.creating = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#new-button')?.focus();
  }

  private table(list: Workshop[]) {
    const { t, lang } = this.i18n;
    if (list.length === 0) return html`<p class="notice">${t('trainer.list.empty')}</p>`;
    return html`<div class="table-wrap" role="region" aria-labelledby="list-title" tabindex="0">
      <table>
        <thead>
          <tr>
            <th scope="col">${t('trainer.list.col.title')}</th>
            <th scope="col">${t('trainer.list.col.code')}</th>
            <th scope="col">${t('trainer.list.col.status')}</th>
            <th scope="col" class="num">${t('trainer.list.col.participants')}</th>
            <th scope="col">${t('trainer.list.col.created')}</th>
            <th scope="col">${t('trainer.list.col.open')}</th>
          </tr>
        </thead>
        <tbody>
          ${list.map((w) => {
            const id = encodeURIComponent(w.id);
            return html`<tr data-workshop=${w.id}>
              <td class="title"><a href="/trainer/workshops/${id}" @click=${navigateOnClick}>${w.title}</a></td>
              <td><span class="code">${w.code}</span></td>
              <td>${statusTag(w.status, t)}</td>
              <td class="num">${w.participantCount}</td>
              <td>${formatDateTime(w.createdAt, lang)}</td>
              <td>
                <span class="links">
                  <a href="/trainer/workshops/${id}/projector" target="_blank" rel="opener"
                    aria-label=${t('trainer.list.projector.label', { title: w.title })}>${t('trainer.list.projector')}</a>
                  <a href="/trainer/workshops/${id}/report" @click=${navigateOnClick}
                    aria-label=${t('trainer.list.report.label', { title: w.title })}>${t('trainer.list.report')}</a>
                </span>
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
  }

  override render() {
    const { t } = this.i18n;
    const s = this.list.state;
    return html`
      <div class="head">
        <h1 tabindex="-1">${t('trainer.list.title')}</h1>
        ${
          this.creating
            ? nothing
            : html`<button type="button" id="new-button" @click=${() => this.open()}>
                + ${t('trainer.list.new')}
              </button>`
        }
      </div>
      <p class="intro">${t('trainer.list.intro')}</p>
      ${
        this.creating
          ? html`<div class="card new">
              <kt-workshop-form .api=${this.api} @kt-form-cancel=${() => this.close()}></kt-workshop-form>
            </div>`
          : nothing
      }
      <h2 id="list-title">${t('trainer.list.heading')}</h2>
      ${
        s.kind === 'error'
          ? html`<p class="notice bad" role="alert">${errorText(s.error, this.i18n)}</p>
              <button type="button" @click=${() => this.load()}>${t('app.retry')}</button>`
          : s.kind === 'done'
            ? this.table(s.value)
            : html`<p role="status" class="muted">${t('app.loading')}</p>`
      }
    `;
  }
}

customElements.define('kt-workshop-list', KtWorkshopList);

declare global {
  interface HTMLElementTagNameMap {
    'kt-workshop-list': KtWorkshopList;
  }
}
