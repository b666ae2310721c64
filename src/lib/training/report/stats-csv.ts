import { writeCsv } from '../../assessment/csv-write.ts';
import { cell } from '../../assessment/export-csv.ts';
import type { EvaluationStats } from '../evaluation/stats.ts';

/** `<form>-evaluation.csv`: one row per question with its statistics, and the comments at the end. */
export function evaluationStatsCsv(e: EvaluationStats): string {
  const points = e.scale.labels.map((_, k) => `n_${k + 1}`);
  const rows: (string | number)[][] = [['item', 'type', 'text', 'n', 'mean', 'sd', 'percent_agree', ...points, 'options']];
  for (const s of e.likert) rows.push([s.id, 'likert', s.text, s.n, cell(s.mean), cell(s.sd), cell(s.percentAgree), ...s.counts, '']);
  for (const c of e.choice) rows.push([c.id, 'choice', c.text, c.n, '', '', '', ...points.map(() => ''), c.options.map((o) => `${o.id}:${o.count}`).join(' ')]);
  for (const c of e.comments) for (const text of c.comments) rows.push([c.id, 'text', text, '', '', '', '', ...points.map(() => ''), '']);
  return writeCsv(rows);
}

