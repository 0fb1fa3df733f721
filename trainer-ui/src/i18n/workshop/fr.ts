import type { workshopNl } from './nl.ts';

/** French texts of the participant's side of a workshop: the same keys as `nl.ts`. */
export const workshopFr: Record<keyof typeof workshopNl, string> = {
  'join.title': 'Participer à un atelier',
};
