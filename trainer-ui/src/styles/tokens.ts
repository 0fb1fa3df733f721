import { css } from 'lit';

/**
 * Design tokens of the trainer UI, on `:root` so every shadow root inherits them. Colours are chosen for WCAG 2.1
 * AA (text ≥ 4.5:1, large text and UI parts ≥ 3:1) on the backgrounds they are used on; sizes are in rem so the
 * layout follows the browser's text size and 200 % zoom.
 */
export const tokens = css`
  :root {
    --kt-font: 'Segoe UI', system-ui, -apple-system, 'Helvetica Neue', Arial, 'Noto Sans', 'Liberation Sans', sans-serif;
    --kt-mono: ui-monospace, 'Cascadia Mono', 'DejaVu Sans Mono', 'Liberation Mono', monospace;
    --kt-text: #1b2330;
    --kt-text-muted: #4a5566;
    --kt-bg: #f3f5f8;
    --kt-surface: #ffffff;
    --kt-surface-alt: #f7f9fb;
    --kt-border: #c6cfdb;
    --kt-border-strong: #6b7789;
    --kt-primary: #1d4f8f;
    --kt-primary-hover: #163d70;
    --kt-primary-soft: #e6eef8;
    --kt-on-primary: #ffffff;
    --kt-header: #102f55;
    --kt-on-header: #ffffff;
    --kt-focus: #1d4f8f;
    --kt-focus-on-dark: #ffd24d;
    --kt-ok: #1c6b34;
    --kt-ok-soft: #e7f4ea;
    --kt-bad: #a3241a;
    --kt-bad-soft: #fcecea;
    --kt-warn: #7a4d00;
    --kt-warn-soft: #fff4d6;
    --kt-mark-bg: #ffdf7e;
    --kt-mark-text: #3a2c00;
    --kt-radius: 0.5rem;
    --kt-shadow: 0 1px 2px rgb(16 47 85 / 0.08), 0 2px 8px rgb(16 47 85 / 0.06);
    --kt-space: 1rem;
    --kt-max-width: 78rem;
  }

  html {
    font-size: 112.5%;
  }

  body {
    margin: 0;
    font-family: var(--kt-font);
    line-height: 1.5;
    color: var(--kt-text);
    background: var(--kt-bg);
    -webkit-text-size-adjust: 100%;
  }
`;

/** Puts the tokens on the document (the app at start, and component tests). */
export function installTokens(doc: Document = document): void {
  const sheet = tokens.styleSheet;
  if (sheet && !doc.adoptedStyleSheets.includes(sheet)) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}
