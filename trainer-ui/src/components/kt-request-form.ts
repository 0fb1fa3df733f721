import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import type { JsonSchema } from '../api/types.ts';
import { LocaleController } from '../controllers/locale.ts';
import { hasKey } from '../i18n/index.ts';
import { humanize, isInszKey } from '../lib/data.ts';
import { emit } from '../lib/events.ts';
import { checkInsz, formatInsz } from '../lib/insz.ts';
import { base } from '../styles/shared.ts';

type Value = string | boolean | string[];

interface Leaf {
  path: string[];
  schema: JsonSchema;
  required: boolean;
}

/** The leaves of a request schema (nested objects walked; `oneOf` kept whole as a JSON field). */
export function leavesOf(schema: JsonSchema, path: string[] = [], parentRequired = true): Leaf[] {
  const out: Leaf[] = [];
  for (const [name, sub] of Object.entries(schema.properties ?? {})) {
    const p = [...path, name];
    const required = parentRequired && (schema.required ?? []).includes(name);
    if (sub.type === 'object' && sub.properties && !sub.oneOf) out.push(...leavesOf(sub, p, required));
    else out.push({ path: p, schema: sub, required });
  }
  return out;
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let cur = target;
  for (const k of path.slice(0, -1)) {
    cur[k] ??= {};
    cur = cur[k] as Record<string, unknown>;
  }
  const last = path[path.length - 1];
  if (last !== undefined) cur[last] = value;
}

/**
 * A request form generated from the JSON face's schema of one operation: selects for code lists, date and month
 * fields, check boxes, nested groups. The legal context and the INSZ come pre-filled (`prefill`, by field name).
 * Sends `kt-request` with the request body.
 *
 * @example
 * html`<kt-request-form .schema=${schema} .prefill=${{ ssin, legalContext }} @kt-request=${send}></kt-request-form>`
 */
export class KtRequestForm extends LitElement {
  static override properties = {
    schema: { attribute: false },
    prefill: { attribute: false },
    busy: { type: Boolean },
    submitLabel: { type: String, attribute: 'submit-label' },
    values: { state: true },
    errors: { state: true },
  };

  declare schema: JsonSchema | null;
  /** Initial values by field name (last key of the path): `ssin`, `legalContext`, `ticket` … */
  declare prefill: Record<string, string>;
  declare busy: boolean;
  declare submitLabel: string;
  declare private values: Record<string, Value>;
  declare private errors: string[];

  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      fieldset.group {
        border: 1px solid var(--kt-border);
        border-radius: var(--kt-radius);
        padding: 0.6rem 1rem 0.2rem;
        margin: 0 0 1rem;
      }
      fieldset.group > legend {
        padding: 0 0.35rem;
      }
      .grid {
        display: grid;
        gap: 0 1rem;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr));
      }
      .req {
        color: var(--kt-bad);
        font-weight: 700;
      }
      input[type='date'],
      input[type='month'] {
        max-width: 14rem;
      }
      input[type='month'] {
        font: inherit;
        border: 2px solid var(--kt-border-strong);
        border-radius: 0.35rem;
        padding: 0.45rem 0.6rem;
        min-height: 2.75rem;
      }
      .mono {
        font-family: var(--kt-mono);
      }
      .checks {
        display: flex;
        flex-wrap: wrap;
        gap: 0 1rem;
      }
      ul.errors {
        margin: 0.25rem 0 0;
        padding-left: 1.2rem;
      }
    `,
  ];

  private readonly i18n = new LocaleController(this);

  constructor() {
    super();
    this.schema = null;
    this.prefill = {};
    this.busy = false;
    this.submitLabel = '';
    this.values = {};
    this.errors = [];
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('schema') || changed.has('prefill')) {
      const next: Record<string, Value> = {};
      for (const leaf of leavesOf(this.schema ?? {})) {
        const key = leaf.path.join('.');
        const name = leaf.path[leaf.path.length - 1] ?? '';
        const given = this.prefill[name];
        const old = changed.has('schema') ? undefined : this.values[key];
        if (old !== undefined && old !== '' && !(Array.isArray(old) && old.length === 0)) next[key] = old;
        else if (given !== undefined && given !== '') next[key] = isInszKey(name) ? formatInsz(given) : given;
        else if (leaf.schema.enum && leaf.required && leaf.schema.enum.length === 1)
          next[key] = String(leaf.schema.enum[0]);
        else if (leaf.schema.type === 'boolean') next[key] = false;
        else if (leaf.schema.type === 'array') next[key] = [];
        else next[key] = '';
      }
      this.values = next;
      if (changed.has('schema')) this.errors = [];
    }
  }

  private label(path: string[]): string {
    const name = path[path.length - 1] ?? '';
    const k = `field.${name}`;
    return hasKey(k) ? this.i18n.t(k) : humanize(name);
  }

  private set(key: string, value: Value): void {
    this.values = { ...this.values, [key]: value };
  }

  /** The request body, or the list of problems. */
  private build(): { body: Record<string, unknown> } | { errors: string[] } {
    const { t } = this.i18n;
    const body: Record<string, unknown> = {};
    const errors: string[] = [];
    for (const leaf of leavesOf(this.schema ?? {})) {
      const key = leaf.path.join('.');
      const name = leaf.path[leaf.path.length - 1] ?? '';
      const v = this.values[key];
      const s = leaf.schema;
      const label = this.label(leaf.path);
      if (typeof v === 'boolean') {
        if (v) setPath(body, leaf.path, true);
        continue;
      }
      if (Array.isArray(v)) {
        if (v.length) setPath(body, leaf.path, v);
        else if (leaf.required) errors.push(t('form.missing', { field: label }));
        continue;
      }
      const text = (v ?? '').trim();
      if (!text) {
        if (leaf.required) errors.push(t('form.missing', { field: label }));
        continue;
      }
      if (s.oneOf || (s.type === 'object' && !s.properties)) {
        try {
          setPath(body, leaf.path, JSON.parse(text));
        } catch {
          errors.push(t('form.badJson', { field: label }));
        }
      } else if (s.type === 'integer' || s.type === 'number') {
        const n = Number(text.replace(',', '.'));
        if (!Number.isFinite(n)) errors.push(t('form.badNumber', { field: label }));
        else setPath(body, leaf.path, n);
      } else if (s.enum && typeof s.enum[0] === 'number') {
        setPath(body, leaf.path, Number(text));
      } else if (isInszKey(name) && s.pattern === '^\\d{11}$') {
        // Sent as typed (digits only): a wrong INSZ is the KSZ's to refuse (MSG00011), as in real software.
        const check = checkInsz(text);
        setPath(body, leaf.path, check.digits.length ? check.digits : text);
      } else {
        setPath(body, leaf.path, text);
      }
    }
    return errors.length ? { errors } : { body };
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    const out = this.build();
    if ('errors' in out) {
      this.errors = out.errors;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#form-errors')?.focus();
      return;
    }
    this.errors = [];
    emit(this, 'kt-request', { body: out.body });
  }

  private control(leaf: Leaf): TemplateResult {
    const { t } = this.i18n;
    const key = leaf.path.join('.');
    const id = `f-${leaf.path.join('-')}`;
    const s = leaf.schema;
    const name = leaf.path[leaf.path.length - 1] ?? '';
    const v = this.values[key];
    const label = html`${this.label(leaf.path)}${leaf.required ? html` <span class="req" aria-hidden="true">*</span>` : nothing}`;
    // The schema's descriptions are English notes for developers: the trainee gets translated labels only.
    const help = nothing;
    const describedBy: string | undefined = undefined;
    if (s.type === 'boolean')
      return html`<div class="field">
        <label class="option" for=${id}>
          <input id=${id} type="checkbox" .checked=${v === true} @change=${(e: Event) => this.set(key, (e.target as HTMLInputElement).checked)} />
          <span>${this.label(leaf.path)}</span>
        </label>
        ${help}
      </div>`;
    if (s.type === 'array' && s.items?.enum) {
      const chosen = Array.isArray(v) ? v : [];
      return html`<fieldset class="field" aria-describedby=${describedBy ?? nothing}>
        <legend>${label}</legend>
        <div class="checks">
          ${s.items.enum.map((opt) => {
            const o = String(opt);
            return html`<label class="option">
              <input
                type="checkbox"
                .checked=${chosen.includes(o)}
                @change=${(e: Event) =>
                  this.set(
                    key,
                    (e.target as HTMLInputElement).checked ? [...chosen, o] : chosen.filter((x) => x !== o),
                  )}
              />
              <span>${o}</span>
            </label>`;
          })}
        </div>
        ${help}
      </fieldset>`;
    }
    if (s.enum)
      return html`<div class="field">
        <label for=${id}>${label}</label>
        <select id=${id} aria-describedby=${describedBy ?? nothing} aria-required=${leaf.required ? 'true' : 'false'}
          @change=${(e: Event) => this.set(key, (e.target as HTMLSelectElement).value)}>
          ${leaf.required && s.enum.length === 1 ? nothing : html`<option value="" ?selected=${v === ''}>${t('ws.choosePlaceholder')}</option>`}
          ${s.enum.map((opt) => html`<option value=${String(opt)} ?selected=${v === String(opt)}>${String(opt)}</option>`)}
        </select>
        ${help}
      </div>`;
    if (s.oneOf || (s.type === 'object' && !s.properties))
      return html`<div class="field">
        <label for=${id}>${label}</label>
        <textarea id=${id} class="mono" spellcheck="false" aria-describedby="${id}-json"
          .value=${typeof v === 'string' ? v : ''} @input=${(e: Event) => this.set(key, (e.target as HTMLTextAreaElement).value)}></textarea>
        <p class="help" id="${id}-json">${t('form.jsonHelp')}</p>
      </div>`;
    const type =
      s.format === 'date'
        ? 'date'
        : s.pattern === '^\\d{4}-\\d{2}$'
          ? 'month'
          : s.type === 'integer' || s.type === 'number'
            ? 'number'
            : 'text';
    const insz = isInszKey(name);
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <input
        id=${id}
        type=${type}
        class=${insz ? 'mono' : ''}
        inputmode=${insz ? 'numeric' : nothing}
        autocomplete="off"
        spellcheck="false"
        .value=${typeof v === 'string' ? v : ''}
        aria-describedby=${describedBy ?? nothing}
        aria-required=${leaf.required ? 'true' : 'false'}
        @input=${(e: Event) => this.set(key, (e.target as HTMLInputElement).value)}
      />
      ${help}
    </div>`;
  }

  /** Fields of one object level: leaves in a grid, nested objects as groups. */
  private fields(schema: JsonSchema, path: string[], parentRequired: boolean): TemplateResult {
    const leaves: TemplateResult[] = [];
    const groups: TemplateResult[] = [];
    for (const [name, sub] of Object.entries(schema.properties ?? {})) {
      const p = [...path, name];
      const required = parentRequired && (schema.required ?? []).includes(name);
      if (sub.type === 'object' && sub.properties && !sub.oneOf)
        groups.push(html`<fieldset class="group">
          <legend>${this.label(p)}${required ? html` <span class="req" aria-hidden="true">*</span>` : nothing}</legend>
          ${this.fields(sub, p, required)}
        </fieldset>`);
      else leaves.push(this.control({ path: p, schema: sub, required }));
    }
    return html`<div class="grid">${leaves}</div>
      ${groups}`;
  }

  override render() {
    const { t } = this.i18n;
    if (!this.schema) return nothing;
    return html`<form @submit=${this.submit} novalidate>
      <p class="help">${t('form.requiredNote')}</p>
      ${this.fields(this.schema, [], true)}
      ${
        this.errors.length
          ? html`<div class="notice bad" id="form-errors" tabindex="-1" role="alert">
            <p><strong>${t('form.fix')}</strong></p>
            <ul class="errors">
              ${this.errors.map((e) => html`<li>${e}</li>`)}
            </ul>
          </div>`
          : nothing
      }
      <div class="actions">
        <button type="submit" ?disabled=${this.busy}>${this.busy ? t('ws.busy') : this.submitLabel || t('ws.consult')}</button>
      </div>
    </form>`;
  }
}

customElements.define('kt-request-form', KtRequestForm);

declare global {
  interface HTMLElementTagNameMap {
    'kt-request-form': KtRequestForm;
  }
}
