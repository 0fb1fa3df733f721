import { css, html, LitElement, nothing } from 'lit';
import type { KszClient } from '../api/ksz.ts';
import type { CaseSubject, Exchange } from '../api/types.ts';
import { LocaleController } from '../controllers/locale.ts';
import type { MessageKey } from '../i18n/index.ts';
import { isObject, type Json } from '../lib/data.ts';
import { emit, type KtEvents } from '../lib/events.ts';
import { formatDate } from '../lib/format.ts';
import { checkInsz, formatInsz } from '../lib/insz.ts';
import { base } from '../styles/shared.ts';
import './kt-ksz-answer.ts';

type Person = KtEvents['kt-person'];

interface Candidate extends Person {
  address: string;
}

function str(v: Json | undefined): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

/** The persons of an IdentifyPerson answer (`searchResults[].basic`). */
export function candidatesOf(reply: Record<string, unknown> | null, lang: 'nl' | 'fr'): Candidate[] {
  const results = reply?.searchResults;
  if (!Array.isArray(results)) return [];
  const out: Candidate[] = [];
  for (const r of results as Json[]) {
    if (!isObject(r) || !isObject(r.basic)) continue;
    const b = r.basic;
    const a = isObject(b.address) ? b.address : null;
    const muni = a && isObject(a.municipality) ? str(a.municipality[lang]) || str(a.municipality.nl) : '';
    const street = a && isObject(a.street) ? str(a.street[lang]) || str(a.street.nl) || str(a.street.fr) : '';
    const address = a
      ? [`${street} ${str(a.houseNumber)}`.trim(), `${str(a.postalCode)} ${muni}`.trim()].filter(Boolean).join(', ')
      : '';
    out.push({
      insz: str(b.socialSecurityUser),
      lastName: str(b.lastName),
      firstName: str(b.firstName),
      birthDate: str(b.birthDate),
      address,
    });
  }
  return out;
}

/**
 * Step 1 of the workspace: find a person by INSZ (formatted and checked while typing) or by name and birth date,
 * through the IdentifyPerson flow. Sends `kt-exchange` for every call and `kt-person` for the chosen person.
 *
 * @example
 * html`<kt-person-search .client=${ksz} .subject=${attempt.subject} @kt-person=${choose}></kt-person-search>`
 */
export class KtPersonSearch extends LitElement {
  static override properties = {
    client: { attribute: false },
    subject: { attribute: false },
    selected: { type: String },
    mode: { state: true },
    insz: { state: true },
    inszTouched: { state: true },
    busy: { state: true },
    exchange: { state: true },
    formError: { state: true },
  };

  declare client: KszClient | null;
  declare subject: CaseSubject | undefined;
  /** INSZ of the person chosen now (marked in the list). */
  declare selected: string;
  declare private mode: 'insz' | 'name';
  declare private insz: string;
  declare private inszTouched: boolean;
  declare private busy: boolean;
  declare private exchange: Exchange | null;
  declare private formError: string;

  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      .modes {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1rem;
        margin-bottom: 0.75rem;
      }
      .row {
        display: grid;
        gap: 0 1rem;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 12rem), 1fr));
      }
      #insz {
        font-family: var(--kt-mono);
        letter-spacing: 0.03em;
        max-width: 18rem;
      }
      .subject {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: center;
        justify-content: space-between;
      }
      ul.candidates {
        list-style: none;
        padding: 0;
        margin: 1rem 0 0;
        display: flex;
        flex-direction: column;
        gap: 0.6rem;
      }
      ul.candidates li {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        justify-content: space-between;
        align-items: center;
        border: 1px solid var(--kt-border);
        border-radius: var(--kt-radius);
        padding: 0.6rem 0.9rem;
        background: var(--kt-surface-alt);
      }
      ul.candidates li.chosen {
        border: 2px solid var(--kt-ok);
        background: var(--kt-ok-soft);
      }
      .who {
        font-weight: 700;
      }
      .insz {
        font-family: var(--kt-mono);
      }
      kt-ksz-answer {
        margin-top: 0.75rem;
      }
    `,
  ];

  private readonly i18n = new LocaleController(this);

  constructor() {
    super();
    this.client = null;
    this.subject = undefined;
    this.selected = '';
    this.mode = 'insz';
    this.insz = '';
    this.inszTouched = false;
    this.busy = false;
    this.exchange = null;
    this.formError = '';
  }

  private async identify(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (!this.client || this.busy) return;
    const form = e.target as HTMLFormElement;
    let request: Record<string, unknown>;
    if (this.mode === 'insz') {
      this.inszTouched = true;
      const check = checkInsz(this.insz);
      if (!check.ok) {
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLInputElement>('#insz')?.focus();
        return;
      }
      request = { ssin: check.digits };
    } else {
      const data = new FormData(form);
      const lastName = String(data.get('lastName') ?? '').trim();
      const firstName = String(data.get('firstName') ?? '').trim();
      const birthDate = String(data.get('birthDate') ?? '').trim();
      if (!lastName || !birthDate) {
        this.formError = this.i18n.t('ws.search.nameRequired');
        return;
      }
      this.formError = '';
      request = { phoneticCriteria: { lastName, ...(firstName ? { firstName } : {}), birthDate } };
    }
    this.busy = true;
    try {
      const x = await this.client.call('identify-person', 'identifyPerson', request);
      this.exchange = x;
      emit(this, 'kt-exchange', { exchange: x });
      const found = candidatesOf(x.reply, this.i18n.lang);
      if (found.length === 1 && found[0]) this.choose(found[0]);
    } finally {
      this.busy = false;
    }
  }

  private choose(c: Candidate): void {
    emit(this, 'kt-person', {
      insz: c.insz,
      lastName: c.lastName,
      firstName: c.firstName,
      birthDate: c.birthDate,
    });
  }

  private useSubject(): void {
    if (!this.subject) return;
    this.mode = 'insz';
    this.insz = formatInsz(this.subject.insz);
    this.inszTouched = true;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#insz')?.focus());
  }

  private inszField() {
    const { t } = this.i18n;
    const check = checkInsz(this.insz);
    const showProblem = this.inszTouched && !check.ok;
    const problem = check.problem ?? 'empty';
    return html`<div class="field">
      <label for="insz">${t('ws.insz')}</label>
      <input
        id="insz"
        name="insz"
        type="text"
        inputmode="numeric"
        autocomplete="off"
        spellcheck="false"
        placeholder="00.00.00-000.00"
        .value=${this.insz}
        aria-invalid=${showProblem ? 'true' : 'false'}
        aria-describedby="insz-help insz-check"
        @input=${(e: Event) => {
          const input = e.target as HTMLInputElement;
          const digits = input.value.replace(/\D/g, '');
          // Format while typing, unless the user is editing in the middle of the text.
          const atEnd = input.selectionStart === input.value.length;
          this.insz =
            atEnd && digits.length <= 11 && !/[^\d.\-\s]/.test(input.value) ? formatInsz(digits) : input.value;
          if (digits.length >= 11) this.inszTouched = true;
        }}
        @blur=${() => {
          if (this.insz) this.inszTouched = true;
        }}
      />
      <p class="help" id="insz-help">${t('ws.insz.help')}</p>
      <p id="insz-check" aria-live="polite" class=${check.ok ? 'ok-text' : showProblem ? 'error-text' : 'help'}>
        ${
          check.ok
            ? t(check.bis ? 'ws.insz.okBis' : 'ws.insz.ok', { insz: formatInsz(check.digits) })
            : showProblem
              ? t(`ws.insz.problem.${problem}` as MessageKey)
              : nothing
        }
      </p>
    </div>`;
  }

  private nameFields() {
    const { t } = this.i18n;
    return html`<div class="row">
        <div class="field">
          <label for="lastName">${t('field.lastName')}</label>
          <input id="lastName" name="lastName" type="text" autocomplete="off" required aria-required="true" />
        </div>
        <div class="field">
          <label for="firstName">${t('ws.firstNameOptional')}</label>
          <input id="firstName" name="firstName" type="text" autocomplete="off" />
        </div>
      </div>
      <div class="field">
        <label for="birthDate">${t('field.birthDate')}</label>
        <input id="birthDate" name="birthDate" type="date" required aria-required="true" style="max-width:14rem" />
      </div>
      ${this.formError ? html`<p class="error-text" role="alert">${this.formError}</p>` : nothing}`;
  }

  override render() {
    const { t } = this.i18n;
    const found = this.exchange ? candidatesOf(this.exchange.reply, this.i18n.lang) : [];
    return html`
      ${
        this.subject
          ? html`<div class="notice subject">
            <span>${t('ws.subject', { name: this.subject.name, insz: formatInsz(this.subject.insz) })}</span>
            <button type="button" class="secondary" @click=${this.useSubject}>${t('ws.subject.use')}</button>
          </div>`
          : nothing
      }
      <form @submit=${this.identify} novalidate>
        <fieldset class="modes">
          <legend class="visually-hidden">${t('ws.search.mode')}</legend>
          <label class="option"
            ><input
              type="radio"
              name="mode"
              value="insz"
              .checked=${this.mode === 'insz'}
              @change=${() => {
                this.mode = 'insz';
              }}
            />${t('ws.search.byInsz')}</label
          >
          <label class="option"
            ><input
              type="radio"
              name="mode"
              value="name"
              .checked=${this.mode === 'name'}
              @change=${() => {
                this.mode = 'name';
              }}
            />${t('ws.search.byName')}</label
          >
        </fieldset>
        ${this.mode === 'insz' ? this.inszField() : this.nameFields()}
        <div class="actions">
          <button type="submit" ?disabled=${this.busy || !this.client}>
            ${this.busy ? t('ws.busy') : t('ws.identify')}
          </button>
        </div>
      </form>
      ${
        this.exchange
          ? html`<kt-ksz-answer .exchange=${this.exchange} hide-data></kt-ksz-answer>
            ${
              found.length
                ? html`<h3 class="visually-hidden">${t('ws.results')}</h3>
                  <ul class="candidates" aria-label=${t('ws.results')}>
                    ${found.map(
                      (c) => html`<li class=${c.insz === this.selected ? 'chosen' : ''}>
                        <span>
                          <span class="who">${c.lastName} ${c.firstName}</span><br />
                          <span class="insz">${formatInsz(c.insz)}</span> · ${formatDate(c.birthDate)}
                          ${c.address ? html`<br /><span class="muted">${c.address}</span>` : nothing}
                        </span>
                        ${
                          c.insz === this.selected
                            ? html`<span class="tag">${t('ws.chosen')}</span>`
                            : html`<button type="button" class="secondary" @click=${() => this.choose(c)}
                                aria-label=${t('ws.choose.label', { name: `${c.lastName} ${c.firstName}` })}>
                                ${t('ws.choose')}
                              </button>`
                        }
                      </li>`,
                    )}
                  </ul>`
                : nothing
            }`
          : nothing
      }
    `;
  }
}

customElements.define('kt-person-search', KtPersonSearch);

declare global {
  interface HTMLElementTagNameMap {
    'kt-person-search': KtPersonSearch;
  }
}
