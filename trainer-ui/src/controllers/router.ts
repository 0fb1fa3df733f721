import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type Route =
  | { name: 'catalogue' }
  | { name: 'attempt'; attemptId: string }
  | { name: 'workspace' }
  | { name: 'join' }
  | { name: 'trainer' }
  | { name: 'trainer-workshop'; workshopId: string }
  | { name: 'projector'; workshopId: string }
  | { name: 'report'; workshopId: string }
  | { name: 'not-found'; path: string };

/** Routes of the trainer's screens (their own shell, `<kt-trainer-app>`, without the participant's header). */
export const TRAINER_ROUTES: ReadonlySet<Route['name']> = new Set([
  'trainer',
  'trainer-workshop',
  'projector',
  'report',
]);

/**
 * `/`, `/attempts/<id>`, `/workspace`, `/join`, `/trainer`, `/trainer/workshops/<id>[/projector|/report]` → a route.
 */
export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/' || path === '/index.html') return { name: 'catalogue' };
  if (path === '/workspace') return { name: 'workspace' };
  if (path === '/join') return { name: 'join' };
  if (path === '/trainer') return { name: 'trainer' };
  const w = /^\/trainer\/workshops\/([^/]+)(?:\/(projector|report))?$/.exec(path);
  if (w?.[1]) {
    const workshopId = decodeURIComponent(w[1]);
    if (w[2] === 'projector') return { name: 'projector', workshopId };
    if (w[2] === 'report') return { name: 'report', workshopId };
    return { name: 'trainer-workshop', workshopId };
  }
  const m = /^\/attempts\/([^/]+)$/.exec(path);
  if (m?.[1]) return { name: 'attempt', attemptId: decodeURIComponent(m[1]) };
  return { name: 'not-found', path };
}

/**
 * The app's location as a route, following the History API (back/forward) and `navigate()`. The server answers
 * every such path with the app's `index.html`, so a reload lands on the same screen.
 *
 * @example
 * private router = new RouterController(this);
 * render() { return this.router.route.name === 'attempt' ? … : …; }
 */
export class RouterController implements ReactiveController {
  route: Route = parseRoute(location.pathname);
  /** False for the first route of the page: the app moves focus only after a navigation. */
  navigated = false;
  /** Counts navigations (a screen entered again is a new visit: reload its data). */
  version = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  navigate(path: string, opts: { replace?: boolean } = {}): void {
    const url = new URL(path, location.href);
    if (url.pathname + url.search === location.pathname + location.search && !opts.replace) {
      this.update();
      return;
    }
    if (opts.replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    this.update();
  }

  private readonly update = () => {
    this.route = parseRoute(location.pathname);
    this.navigated = true;
    this.version++;
    this.host.requestUpdate();
  };

  hostConnected(): void {
    window.addEventListener('popstate', this.update);
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.update);
  }
}
