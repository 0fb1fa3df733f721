import type { IsoDate, Person, Role, World } from '../../../scenarios/engine/model.ts';
import type { JournalEntry, Registration } from '../store/types.ts';

/** The three exercise families of the VVSG sessions (PRODUCT.md). */
export const FAMILIES = ['infosec', 'esv', 'knipperlichten'] as const;
export type Family = (typeof FAMILIES)[number];

/** UI text: Dutch (nl-BE) first, French (fr-BE) second. */
export interface Text {
  nl: string;
  fr: string;
}

export const QUESTION_KINDS = ['choice', 'multi', 'amount', 'date', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export interface Option {
  value: string;
  label: Text;
}

export interface Question {
  id: string;
  kind: QuestionKind;
  prompt: Text;
  /** For `choice` and `multi`. */
  options?: Option[];
  /** For `amount`. */
  unit?: 'EUR';
}

export interface Hint {
  id: string;
  /** Points deducted from the score when the hint was taken. */
  cost: number;
  text: Text;
}

/** A check as the exercise file declares it: its kind names one entry of the check table. */
export interface CheckDecl {
  id: string;
  kind: string;
  points: number;
  params: Record<string, unknown>;
  /** Shown after submission; may use {expected} and {given}, and the variant placeholders. */
  explanation: Text;
  /** The rule or code list behind the check. */
  source: string;
}

/** Where the client of the case comes from: a person of a named scenario, by role. */
export interface SubjectRef {
  scenario: string;
  role: string;
}

export interface ExerciseSubject {
  /** The variant picks one of these (seeded); each is found in the participant's world by origin and role. */
  candidates: SubjectRef[];
  /** False when the case is about someone the trainee must not look up (the attempt then has no `subject`). */
  shown?: boolean;
  /** Whose leefloon file the case is about when several OCMW's paid: the first or the latest paying OCMW. */
  file?: 'first' | 'latest';
}

/** A registration the OCMW already has when the attempt starts (an existing client file). */
export interface SetupRegistration {
  qualityCode: string;
  /** A date, `today`, or `first-decision` (start of the workspace OCMW's first decision for the subject). */
  from: string;
  to?: IsoDate | null;
}

export interface Exercise {
  id: string;
  family: Family;
  title: Text;
  difficulty: 1 | 2 | 3;
  /** The fixed clock of the workspace. */
  today: IsoDate;
  /** The role of the OCMW user the trainee plays (a user of the `small` preset). */
  actingRole: Role;
  subject?: ExerciseSubject;
  setup?: { registrations?: SetupRegistration[] };
  brief: Text;
  hints: Hint[];
  questions: Question[];
  checks: CheckDecl[];
  remarks?: string[];
}

/** One participant's instance of an exercise: everything chosen from the seeds, nothing of the answer key. */
export interface Variant {
  exerciseId: string;
  /** 0 for the participant's first attempt of this exercise, 1 for the first retry … */
  number: number;
  seed: number;
  /** Seed of the `small` world of the workspace. */
  worldSeed: number;
  today: IsoDate;
  username: string;
  /** The user's synthetic training password (published in the README on purpose). */
  password: string;
  /** KBO number of the OCMW the trainee works for. */
  ocmwKbo: string;
  subject: (SubjectRef & { insz: string }) | null;
  /** Values of the text placeholders ({name}, {insz} …), per language. */
  placeholders: { nl: Record<string, string>; fr: Record<string, string> };
}

export type AnswerValue = string | string[] | number;

/** A flow as far as scoring needs it: who may use it, which operations need an integration. */
export interface FlowFacts {
  id: string;
  /** The flow's name as the trainee reads it (in explanations, instead of its id). */
  names?: { nl: string; fr: string };
  roles: Role[];
  operations: { name: string; integration: boolean }[];
}

/** Everything a score is computed from: what was recorded, and the world it happened in. */
export interface Facts {
  answers: Record<string, AnswerValue>;
  /** Ids of the hints the trainee took. */
  hints: string[];
  /** The journal of the attempt's workspace (its own tenant). */
  journal: JournalEntry[];
  /** The integration register of the workspace (also registrations the exercise set up). */
  registrations: Registration[];
  world: World;
  flows: FlowFacts[];
  /** Keys computed when the attempt started (`precomputeKeys`), by `name/params`; the others are computed here. */
  keys?: Readonly<Record<string, KeyValue>> | null;
}

export type KeyValue = string | number | string[] | null;

/** What a key function may look at: the world of the variant, never the trainee's answers. */
export interface KeyContext {
  exercise: Exercise;
  world: World;
  subject: Person | null;
  today: IsoDate;
  /** KBO of the OCMW the trainee works for. */
  ocmwKbo: string;
  flows: FlowFacts[];
}

export interface CheckResult {
  id: string;
  passed: boolean;
  explanation: Text;
  source: string;
}

export interface ScoreResult {
  points: number;
  max: number;
  checks: CheckResult[];
}

/** Registrations made by the exercise itself carry this `registeredBy`. */
export const SETUP_REGISTRANT = 'training-setup';
