/** Dutch texts of the participant's side of a workshop (join, rejoin, pause, time box). Merged into `../nl.ts`. */
export const workshopNl = {
  'join.title': 'Deelnemen aan een workshop',
} as const;
