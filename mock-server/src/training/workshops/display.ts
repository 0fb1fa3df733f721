import { formatAmount, formatDate, type Lang } from '../text.ts';
import type { AnswerValue, Question } from '../types.ts';

/**
 * An answer as the trainer reads it in the workshop's language: a choice by its option's label, a multi as the
 * labels joined by ", ", an amount the Belgian way (1.314,00), a date as DD/MM/YYYY, text as typed.
 */
export function displayAnswer(q: Question, value: AnswerValue, lang: Lang): string {
  const label = (v: string) => q.options?.find((o) => o.value === v)?.label[lang] ?? v;
  switch (q.kind) {
    case 'choice':
      return typeof value === 'string' ? label(value) : String(value);
    case 'multi':
      return Array.isArray(value) ? value.map(label).join(', ') : String(value);
    case 'amount':
      return typeof value === 'number' ? formatAmount(value, lang) : String(value);
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : String(value);
    case 'text':
      return String(value);
  }
}
