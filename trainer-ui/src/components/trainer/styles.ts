import { css } from 'lit';

/** What the trainer's screens share on top of `base`: a block host, tables, status tags, dialogs, toolbars, the join code. */
export const trainerStyles = css`
  :host {
    display: block;
  }
  .table-wrap {
    overflow-x: auto;
    border: 1px solid var(--kt-border);
    border-radius: var(--kt-radius);
    background: var(--kt-surface);
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.95rem;
  }
  caption {
    text-align: left;
    font-weight: 700;
    padding: 0.6rem 0.75rem;
  }
  th,
  td {
    text-align: left;
    vertical-align: top;
    padding: 0.55rem 0.75rem;
    border-bottom: 1px solid var(--kt-border);
  }
  thead th {
    background: var(--kt-surface-alt);
    font-size: 0.88rem;
    text-transform: none;
    color: var(--kt-text);
    white-space: nowrap;
  }
  tbody tr:last-child > * {
    border-bottom: 0;
  }
  td.num,
  th.num {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }

  .status {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    font-weight: 700;
    font-size: 0.9rem;
    padding: 0.15rem 0.65rem;
    border-radius: 999px;
    border: 2px solid currentColor;
    white-space: nowrap;
    background: var(--kt-surface);
  }
  .status svg {
    flex: none;
  }
  .status[data-status='lobby'] {
    color: var(--kt-primary);
  }
  .status[data-status='running'] {
    color: var(--kt-ok);
  }
  .status[data-status='paused'] {
    color: var(--kt-warn);
  }
  .status[data-status='ended'] {
    color: var(--kt-text-muted);
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.6rem;
    align-items: center;
  }
  .toolbar .sep {
    width: 1px;
    align-self: stretch;
    background: var(--kt-border);
    margin: 0 0.25rem;
  }
  button.danger {
    background: var(--kt-surface);
    color: var(--kt-bad);
    border-color: var(--kt-bad);
  }
  button.danger:hover {
    background: var(--kt-bad-soft);
    color: var(--kt-bad);
    border-color: var(--kt-bad);
  }
  button.danger.solid {
    background: var(--kt-bad);
    color: #ffffff;
  }
  button.danger.solid:hover {
    background: #7f1b13;
    color: #ffffff;
  }
  button.small,
  .button.small {
    min-height: 2.75rem;
    padding: 0.3rem 0.7rem;
    font-size: 0.9rem;
  }

  dialog {
    border: 0;
    border-radius: var(--kt-radius);
    padding: 1.5rem 1.6rem;
    max-width: min(34rem, calc(100vw - 2rem));
    box-shadow: 0 10px 40px rgb(16 47 85 / 0.35);
    color: var(--kt-text);
    background: var(--kt-surface);
  }
  dialog::backdrop {
    background: rgb(16 24 40 / 0.55);
  }
  dialog h2 {
    font-size: 1.3rem;
  }
  dialog .actions {
    justify-content: flex-end;
  }

  .code {
    font-family: var(--kt-mono);
    font-weight: 800;
    letter-spacing: 0.08em;
  }
  .stuck {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
    font-weight: 700;
    font-size: 0.88rem;
    padding: 0.15rem 0.55rem;
    border-radius: 0.35rem;
    background: var(--kt-warn-soft);
    color: var(--kt-warn);
    border: 2px solid var(--kt-warn);
    white-space: nowrap;
  }
  .section-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0.5rem 1rem;
    margin: 2rem 0 0.75rem;
  }
  .section-head h2 {
    margin: 0;
  }
`;
