import { css } from 'lit';

/** What every component shares: box model, focus ring, buttons, form fields, cards, utility classes. */
export const base = css`
  :host {
    box-sizing: border-box;
    font-family: var(--kt-font);
    color: var(--kt-text);
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  [hidden] {
    display: none !important;
  }
  h1,
  h2,
  h3,
  h4 {
    line-height: 1.25;
    margin: 0 0 0.5em;
    color: var(--kt-text);
  }
  h1 {
    font-size: 1.9rem;
  }
  h2 {
    font-size: 1.45rem;
  }
  h3 {
    font-size: 1.15rem;
  }
  p {
    margin: 0 0 0.75em;
  }
  a {
    color: var(--kt-primary);
    text-underline-offset: 0.15em;
  }
  a:hover {
    color: var(--kt-primary-hover);
  }
  :focus-visible {
    outline: 3px solid var(--kt-focus);
    outline-offset: 2px;
    border-radius: 2px;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .muted {
    color: var(--kt-text-muted);
  }

  /* Buttons */
  button,
  .button {
    font: inherit;
    font-weight: 600;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    min-height: 2.75rem;
    padding: 0.45rem 1.1rem;
    border-radius: var(--kt-radius);
    border: 2px solid var(--kt-primary);
    background: var(--kt-primary);
    color: var(--kt-on-primary);
    cursor: pointer;
    text-decoration: none;
    line-height: 1.2;
  }
  button:hover,
  .button:hover {
    background: var(--kt-primary-hover);
    border-color: var(--kt-primary-hover);
    color: var(--kt-on-primary);
  }
  button.secondary,
  .button.secondary {
    background: var(--kt-surface);
    color: var(--kt-primary);
  }
  button.secondary:hover,
  .button.secondary:hover {
    background: var(--kt-primary-soft);
    color: var(--kt-primary-hover);
  }
  button.link {
    background: none;
    border: none;
    color: var(--kt-primary);
    padding: 0.25rem 0.25rem;
    min-height: 2.75rem;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    font-weight: 600;
  }
  button.link:hover {
    background: none;
    color: var(--kt-primary-hover);
  }
  button:disabled,
  button[aria-disabled='true'] {
    cursor: not-allowed;
    background: #e3e7ed;
    border-color: #8a94a3;
    color: #3c4553;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
    margin-top: 1rem;
  }

  /* Form fields */
  label,
  legend {
    font-weight: 600;
  }
  input[type='text'],
  input[type='search'],
  input[type='date'],
  input[type='number'],
  input[type='password'],
  select,
  textarea {
    font: inherit;
    color: var(--kt-text);
    background: var(--kt-surface);
    border: 2px solid var(--kt-border-strong);
    border-radius: 0.35rem;
    padding: 0.45rem 0.6rem;
    min-height: 2.75rem;
    width: 100%;
    max-width: 100%;
  }
  textarea {
    min-height: 5rem;
    resize: vertical;
  }
  input[aria-invalid='true'] {
    border-color: var(--kt-bad);
  }
  input[type='radio'],
  input[type='checkbox'] {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0.2rem 0 0;
    accent-color: var(--kt-primary);
    flex: none;
  }
  fieldset {
    border: 0;
    padding: 0;
    margin: 0;
    min-width: 0;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.3rem;
    margin-bottom: 1rem;
  }
  .help {
    font-size: 0.9rem;
    color: var(--kt-text-muted);
    margin: 0;
  }
  .error-text {
    font-size: 0.95rem;
    color: var(--kt-bad);
    font-weight: 600;
    margin: 0;
  }
  .ok-text {
    font-size: 0.95rem;
    color: var(--kt-ok);
    font-weight: 600;
    margin: 0;
  }
  .option {
    display: flex;
    gap: 0.6rem;
    align-items: flex-start;
    padding: 0.45rem 0.6rem;
    border-radius: 0.35rem;
    font-weight: 400;
    cursor: pointer;
  }
  .option:hover {
    background: var(--kt-primary-soft);
  }

  /* Cards and notices */
  .card {
    background: var(--kt-surface);
    border: 1px solid var(--kt-border);
    border-radius: var(--kt-radius);
    box-shadow: var(--kt-shadow);
    padding: 1.25rem 1.4rem;
  }
  .notice {
    border-radius: var(--kt-radius);
    padding: 0.8rem 1rem;
    border-left: 0.4rem solid var(--kt-primary);
    background: var(--kt-primary-soft);
    margin: 0 0 1rem;
  }
  .notice.ok {
    border-color: var(--kt-ok);
    background: var(--kt-ok-soft);
  }
  .notice.bad {
    border-color: var(--kt-bad);
    background: var(--kt-bad-soft);
  }
  .notice.warn {
    border-color: var(--kt-warn);
    background: var(--kt-warn-soft);
  }
  .notice > :last-child {
    margin-bottom: 0;
  }
  .tag {
    display: inline-block;
    font-size: 0.85rem;
    font-weight: 600;
    padding: 0.1rem 0.55rem;
    border-radius: 999px;
    background: var(--kt-primary-soft);
    color: var(--kt-primary-hover);
    white-space: nowrap;
  }
  code,
  pre {
    font-family: var(--kt-mono);
    font-size: 0.9em;
  }
`;
