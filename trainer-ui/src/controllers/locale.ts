import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Bilingual } from '../api/types.ts';
import {
  type Lang,
  locale,
  type MessageKey,
  type Params,
  type PluralBase,
  pick,
  translate,
  translatePlural,
} from '../i18n/index.ts';

/**
 * Makes a component follow the page language: re-renders on a switch and gives it `t()`, `tn()` and `pick()`.
 *
 * @example
 * private i18n = new LocaleController(this);
 * render() { return html`<h1>${this.i18n.t('catalogue.title')}</h1>`; }
 */
export class LocaleController implements ReactiveController {
  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  get lang(): Lang {
    return locale.lang;
  }

  t = (key: MessageKey, params?: Params): string => translate(locale.lang, key, params);
  tn = (base: PluralBase, n: number, params?: Params): string => translatePlural(locale.lang, base, n, params);
  pick = (text: Bilingual | Partial<Bilingual> | string | null | undefined): string => pick(text, locale.lang);

  private readonly onChange = () => this.host.requestUpdate();

  hostConnected(): void {
    locale.addEventListener('change', this.onChange);
  }

  hostDisconnected(): void {
    locale.removeEventListener('change', this.onChange);
  }
}
