import { t, type UiKey } from '../../../i18n/index.ts';
import type { Evaluation } from '../../../schemas/evaluation.ts';

/** A form's Likert scale, resolved: its points with their labels, and how they split. */
export interface Scale {
  /** Number of points; an answer is 1..points. */
  points: number;
  /** Label of each point, lowest first (`labels[0]` is point 1). */
  labels: string[];
  /** Points that disagree: below the midpoint. */
  disagree: number[];
  /** The middle point of an odd scale (neither agree nor disagree); none on an even scale. */
  neutral?: number;
  /** Points that agree: above the midpoint. */
  agree: number[];
  /**
   * Points counted as "agree" in the percent agree: the top two points (the usual "top-two box"),
   * never the midpoint (so the top point alone on a 3-point scale).
   */
  top: number[];
}

const FIVE: UiKey[] = ['evaluation.scale.1', 'evaluation.scale.2', 'evaluation.scale.3', 'evaluation.scale.4', 'evaluation.scale.5'];

/**
 * The scale of a form, with its labels: those the form gives, or for a 5-point scale without
 * labels "Strongly disagree" … "Strongly agree" in the form's language. A scale whose labels do
 * not match its points is reported by `sopkit check`; here the missing labels read as the numbers.
 * @param form The evaluation form.
 */
export function scaleOf(form: Pick<Evaluation, 'scale' | 'language'>): Scale {
  const { points } = form.scale;
  const given = form.scale.labels;
  const labels = Array.from({ length: points }, (_, i) => given?.[i] ?? (points === 5 && !given ? t(FIVE[i]!, form.language) : String(i + 1)));
  const all = labels.map((_, i) => i + 1);
  const mid = (points + 1) / 2;
  const agree = all.filter((p) => p > mid);
  return {
    points,
    labels,
    disagree: all.filter((p) => p < mid),
    ...(Number.isInteger(mid) ? { neutral: mid } : {}),
    agree,
    top: agree.slice(-2),
  };
}
