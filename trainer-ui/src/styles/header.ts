import { css, html } from 'lit';

/**
 * The app's header and page frame, for the participant's shell (`kt-app`) and the trainer's (`kt-trainer-app`):
 * skip link, dark header bar with brand, navigation and synthetic-data bar, and the main area. On a phone the header
 * is compact (no subtitle, no second sentence in the synthetic-data bar, a smaller logo).
 */
export const headerStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 100vh;
  }
  .skip {
    position: absolute;
    left: 0.5rem;
    top: -4rem;
    z-index: 10;
    background: var(--kt-surface);
    color: var(--kt-primary);
    padding: 0.6rem 1rem;
    border-radius: var(--kt-radius);
    font-weight: 700;
  }
  .skip:focus {
    top: 0.5rem;
  }
  header {
    background: var(--kt-header);
    color: var(--kt-on-header);
    --kt-focus: var(--kt-focus-on-dark);
  }
  .inner {
    max-width: var(--kt-max-width);
    margin: 0 auto;
    padding: 0 1.25rem;
  }
  .top {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem 1.75rem;
    padding-top: 0.75rem;
    padding-bottom: 0.75rem;
  }
  .brand {
    display: flex;
    align-items: center;
    gap: 0.7rem;
    color: var(--kt-on-header);
    text-decoration: none;
    margin-right: auto;
  }
  .brand:hover {
    color: var(--kt-on-header);
  }
  .brand svg {
    flex: none;
  }
  .brand strong {
    display: block;
    font-size: 1.3rem;
    line-height: 1.2;
  }
  .brand span {
    display: block;
    font-size: 0.9rem;
    opacity: 0.92;
  }
  nav ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  nav a {
    display: inline-flex;
    align-items: center;
    min-height: 2.75rem;
    padding: 0.3rem 0.8rem;
    border-radius: var(--kt-radius);
    color: var(--kt-on-header);
    font-weight: 600;
    text-decoration: none;
  }
  nav a:hover {
    background: rgb(255 255 255 / 0.12);
    color: var(--kt-on-header);
  }
  nav a[aria-current='page'] {
    background: var(--kt-on-header);
    color: var(--kt-header);
  }
  .markbar {
    background: var(--kt-mark-bg);
    color: var(--kt-mark-text);
    border-top: 1px solid rgb(0 0 0 / 0.15);
  }
  .markbar .inner {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    align-items: center;
    padding-top: 0.35rem;
    padding-bottom: 0.35rem;
    font-size: 0.95rem;
  }
  main {
    flex: 1;
    width: 100%;
    max-width: var(--kt-max-width);
    margin: 0 auto;
    padding: 1.75rem 1.25rem 3rem;
  }
  main:focus {
    outline: none;
  }
  /* On a phone (participants join on theirs) the header gives the screen to the exercise. */
  @media (max-width: 40rem) {
    .top {
      gap: 0.4rem 1rem;
      padding-top: 0.5rem;
      padding-bottom: 0.5rem;
    }
    .brand .subtitle,
    .markbar .more {
      display: none;
    }
    .brand svg {
      width: 32px;
      height: 32px;
    }
    nav a {
      min-height: 2.5rem;
      padding: 0.2rem 0.6rem;
    }
    main {
      padding-top: 1rem;
    }
  }
`;

/** The brand's logo, beside the title in the header. */
export const brandLogo = html`<svg width="40" height="40" viewBox="0 0 40 40" aria-hidden="true" focusable="false">
  <rect width="40" height="40" rx="8" fill="#ffffff" />
  <path d="M9 28V12h4v6.5L19 12h5l-7 7.2L24.5 28h-5l-4.7-6.3-1.8 1.9V28H9z" fill="#102f55" />
  <circle cx="29.5" cy="25.5" r="3.5" fill="#ffdf7e" />
</svg>`;

/** The "skip to content" link: moves the focus to the `main` of `root` (the shell's shadow root). */
export const skipLink = (label: string, root: ParentNode) =>
  html`<a class="skip" href="#main" @click=${(e: Event) => {
    e.preventDefault();
    root.querySelector<HTMLElement>('main')?.focus();
  }}>${label}</a>`;
