import { css, html, LitElement } from 'lit';
import type { TrainerApi } from '../../api/trainer.ts';
import { LocaleController } from '../../controllers/locale.ts';
import { type Lang, translate } from '../../i18n/index.ts';
import { base } from '../../styles/shared.ts';
import { safeSvg } from './safe-svg.ts';

/**
 * The QR code of a workshop's join URL, from `GET /api/workshops/:id/qr.svg`, inlined after `safeSvg` checked it.
 * Black on white with a quiet zone, whatever the page around it.
 *
 * @example
 * html`<kt-join-qr .api=${api} workshop-id=${id} join-url=${w.joinUrl}></kt-join-qr>`
 */
export class KtJoinQr extends LitElement {
  static override properties = {
    api: { attribute: false },
    workshopId: { type: String, attribute: 'workshop-id' },
    joinUrl: { type: String, attribute: 'join-url' },
    language: { type: String },
    image: { state: true },
    failed: { state: true },
  };

  declare api: TrainerApi;
  declare workshopId: string;
  declare joinUrl: string;
  declare language: Lang | '';
  declare private image: SVGSVGElement | null;
  declare private failed: boolean;

  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      .qr {
        background: #ffffff;
        padding: 0.6rem;
        border-radius: 0.4rem;
        border: 1px solid #c6cfdb;
        line-height: 0;
      }
      .qr svg {
        display: block;
        width: 100%;
        height: auto;
      }
      .fallback {
        line-height: 1.4;
        color: #4a5566;
        font-size: 0.9rem;
        margin: 0;
        padding: 1rem 0.5rem;
        text-align: center;
      }
    `,
  ];

  private readonly i18n = new LocaleController(this);
  private loadedFor = '';

  constructor() {
    super();
    this.workshopId = '';
    this.joinUrl = '';
    this.language = '';
    this.image = null;
    this.failed = false;
  }

  override willUpdate(): void {
    if (this.api && this.workshopId && this.workshopId !== this.loadedFor) {
      this.loadedFor = this.workshopId;
      void this.load(this.workshopId);
    }
    if (this.image) this.label(this.image);
  }

  private async load(id: string): Promise<void> {
    this.image = null;
    this.failed = false;
    try {
      const image = safeSvg(await this.api.qrSvg(id));
      if (id !== this.workshopId) return;
      if (!image) {
        this.failed = true;
        return;
      }
      const width = Number.parseFloat(image.getAttribute('width') ?? '');
      const height = Number.parseFloat(image.getAttribute('height') ?? '');
      if (!image.hasAttribute('viewBox') && width > 0 && height > 0)
        image.setAttribute('viewBox', `0 0 ${width} ${height}`);
      image.removeAttribute('width');
      image.removeAttribute('height');
      image.setAttribute('focusable', 'false');
      this.label(image);
      this.image = image;
    } catch {
      if (id === this.workshopId) this.failed = true;
    }
  }

  private label(image: SVGSVGElement): void {
    image.setAttribute('role', 'img');
    image.setAttribute(
      'aria-label',
      translate(this.language || this.i18n.lang, 'console.qr.label', { url: this.joinUrl }),
    );
  }

  override render() {
    const t = (key: 'console.qr.loading' | 'console.qr.missing') => translate(this.language || this.i18n.lang, key);
    if (this.image) return html`<div class="qr">${this.image}</div>`;
    return html`<div class="qr"><p class="fallback">${this.failed ? t('console.qr.missing') : t('console.qr.loading')}</p></div>`;
  }
}

customElements.define('kt-join-qr', KtJoinQr);

declare global {
  interface HTMLElementTagNameMap {
    'kt-join-qr': KtJoinQr;
  }
}
