/** Dutch texts of the trainer's screens (workshops, console, projector, report). Merged into `../nl.ts`. */
export const trainerNl = {
  'trainer.title': 'Lesgever',
} as const;
