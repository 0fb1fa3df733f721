import { html, svg } from 'lit';
import type { WorkshopStatus } from '../../api/workshop-types.ts';
import type { MessageKey } from '../../i18n/index.ts';

const STATUS_ICON: Record<WorkshopStatus, ReturnType<typeof svg>> = {
  lobby: svg`<path fill="currentColor" d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 2a8 8 0 1 1 0 16 8 8 0 0 1 0-16zm-1 3v6l5 3 1-1.7-4-2.3V7h-2z"/>`,
  running: svg`<path fill="currentColor" d="M8 5v14l11-7z"/>`,
  paused: svg`<path fill="currentColor" d="M6 5h4v14H6zm8 0h4v14h-4z"/>`,
  ended: svg`<path fill="currentColor" d="M6 6h12v12H6z"/>`,
};

export const STATUS_KEY: Record<WorkshopStatus, MessageKey> = {
  lobby: 'trainer.status.lobby',
  running: 'trainer.status.running',
  paused: 'trainer.status.paused',
  ended: 'trainer.status.ended',
};

/** The status of a workshop as a tag: icon, word and colour (never the colour alone). */
export function statusTag(status: WorkshopStatus, t: (key: MessageKey) => string) {
  return html`<span class="status" data-status=${status}>
    <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${STATUS_ICON[status]}</svg>
    ${t(STATUS_KEY[status])}
  </span>`;
}

/** A warning triangle (stuck participants, paused banner). */
export const warnIcon = (size = 16) =>
  html`<svg width=${size} height=${size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    <path fill="currentColor" d="M12 2 1 21h22L12 2zm0 4.2L19.5 19h-15L12 6.2zM11 10v5h2v-5h-2zm0 6v2h2v-2h-2z" />
  </svg>`;

/** Saves a file in the browser's downloads through an object URL. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
