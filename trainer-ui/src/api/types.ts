/**
 * The shapes of the training API (`/api/…`, see docs) and of the mock KSZ's JSON face, as the browser sees them.
 * Nothing here carries an answer key: the server never sends one before an answer is submitted.
 */

import type { ParticipantWorkshop } from './workshop-types.ts';

/** Text in both languages of the product (UI text is nl-BE first, fr-BE second). */
export interface Bilingual {
  nl: string;
  fr: string;
}

export type Family = 'infosec' | 'esv' | 'knipperlichten';
export const FAMILIES: readonly Family[] = ['infosec', 'esv', 'knipperlichten'];

export type Difficulty = 1 | 2 | 3;

export interface ExerciseSummary {
  id: string;
  family: Family;
  title: Bilingual;
  difficulty: Difficulty;
}

export interface Participant {
  id: string;
  pseudonym: string | null;
}

export interface AttemptSummary {
  id: string;
  exerciseId: string;
  status: 'open' | 'submitted';
  points?: number;
  max?: number;
}

export interface Me extends Participant {
  attempts: AttemptSummary[];
  /** Present for a participant of a live workshop (docs/decisions/006-workshops.md). */
  workshop?: ParticipantWorkshop;
}

export type QuestionKind = 'choice' | 'multi' | 'amount' | 'date' | 'text';

export interface QuestionOption {
  value: string;
  label: Bilingual;
}

export interface Question {
  id: string;
  kind: QuestionKind;
  prompt: Bilingual;
  options?: QuestionOption[];
  unit?: 'EUR';
}

export interface HintRef {
  id: string;
  cost: number;
  /** Present when the hint was already taken (some servers send it back with the attempt). */
  text?: Bilingual;
}

export interface Hint {
  id: string;
  cost: number;
  text: Bilingual;
}

/** Where and as whom the trainee consults the mock KSZ for this attempt (synthetic credentials). */
export interface WorkspaceAccess {
  tenant: string;
  /** `/t/<tenant>`, or '' for the default tenant. */
  basePath: string;
  username: string;
  password: string;
  today: string;
}

export interface CaseSubject {
  insz: string;
  name: string;
}

export interface Check {
  id: string;
  passed: boolean;
  /** Withheld (absent) in a workshop until the trainer reveals the explanations. */
  explanation?: Bilingual;
  /** Withheld (absent) together with the explanation. */
  source?: string;
}

export interface AttemptResult {
  points: number;
  max: number;
  checks: Check[];
  /**
   * False for a workshop attempt whose explanations the trainer has not revealed yet: the checks then say only
   * passed or failed. Absent outside a workshop (everything is shown).
   */
  revealed?: boolean;
}

export interface Attempt {
  id: string;
  exerciseId: string;
  family: Family;
  title: Bilingual;
  difficulty: Difficulty;
  brief: Bilingual;
  status: 'open' | 'submitted';
  hints: HintRef[];
  questions: Question[];
  workspace: WorkspaceAccess;
  subject?: CaseSubject;
  result?: AttemptResult;
}

export type AnswerValue = string | string[] | number;
export type Answers = Record<string, AnswerValue>;

/** An error answer of the training API: `{ error: { code, message: { nl, fr } } }`. */
export interface ApiErrorBody {
  error: { code: string; message: Bilingual | string };
}

/** One entry of `GET /ksz/flows`. */
export interface FlowEntry {
  id: string;
  names: { nl: string; fr: string; en?: string };
  institution: string;
  operations: string[];
  legalContexts: string[];
  roles: string[];
  qualityCodes: string[] | null;
  fidelity: 'real' | 'partial' | 'simulated';
}

/** `status` of every answer of the JSON face. */
export interface KszStatus {
  value: 'DATA_FOUND' | 'NO_DATA_FOUND' | 'NO_RESULT' | string;
  code: string;
  description: string;
  information?: { fieldName: string; fieldValue: string }[];
}

/** A JSON Schema as the OpenAPI document of the JSON face uses it (a small subset). */
export interface JsonSchema {
  type?: string;
  enum?: (string | number)[];
  format?: string;
  pattern?: string;
  description?: string;
  default?: unknown;
  required?: string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
}

/** One request to the mock KSZ and what came back: what "toon de uitwisseling" shows. */
export interface Exchange {
  seq: number;
  flow: string;
  operation: string;
  method: 'POST';
  url: string;
  /** The username of the Basic credentials (the password is never shown). */
  username: string;
  request: Record<string, unknown>;
  httpStatus: number;
  /** The parsed reply, or null when the reply was not JSON (network error, dropped connection). */
  reply: Record<string, unknown> | null;
  /** Plain text of a reply that was not JSON, or of a network error. */
  replyText: string;
  status: KszStatus | null;
  at: string;
  durationMs: number;
}
