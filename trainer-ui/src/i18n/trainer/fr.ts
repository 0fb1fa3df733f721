import type { trainerNl } from './nl.ts';

/** French texts of the trainer's screens: the same keys as `nl.ts`. */
export const trainerFr: Record<keyof typeof trainerNl, string> = {
  'trainer.title': 'Formateur',
};
