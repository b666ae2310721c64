import type { Evaluation } from '../../../schemas/evaluation.ts';
import { writeCsv } from '../../assessment/csv-write.ts';

/** A response as the evaluation page keeps it: answers by item id, as the form controls give them. */
export interface EvaluationRow {
  /** Respondent id: empty on an anonymous form. */
  respondent?: string;
  answers: Record<string, readonly string[]>;
}

/**
 * The columns of a form's responses file: `respondent` (a form that is not anonymous), `course`
 * (a form of a course), then one per item, in the order of the form.
 */
export function evaluationColumns(form: Evaluation): string[] {
  return [...(form.anonymous ? [] : ['respondent']), ...(form.course ? ['course'] : []), ...form.items.map((i) => i.id)];
}

/**
 * Responses in the evaluation responses format (what the evaluation page exports and the report
 * reads): a Likert answer is the point's number, a choice the option id, text as written. With no
 * rows it is the blank template for typing in paper forms.
 * @param form The evaluation form.
 * @param rows The responses.
 */
export function evaluationCsv(form: Evaluation, rows: readonly EvaluationRow[] = []): string {
  return writeCsv([
    evaluationColumns(form),
    ...rows.map((r) => [...(form.anonymous ? [] : [r.respondent ?? '']), ...(form.course ? [form.course] : []), ...form.items.map((i) => (r.answers[i.id] ?? []).join(' ').trim())]),
  ]);
}
