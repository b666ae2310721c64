import type { APIRoute } from 'astro';
import { csvFile } from '../../../lib/assessment/csv-write.ts';
import { evaluationCsv } from '../../../lib/training/evaluation/csv.ts';
import { publishedEvaluations } from '../../../lib/training/evaluation/load.ts';
import { projectRoot } from '../../../lib/content/cache.ts';
import type { Evaluation } from '../../../schemas/evaluation.ts';

export function getStaticPaths() {
  return publishedEvaluations(projectRoot()).map((form) => ({ params: { id: form.id }, props: { form } }));
}

/** `/evaluations/<id>/template.csv`: the blank responses sheet for typing in paper evaluation forms. */
export const GET: APIRoute = ({ props }) => new Response(csvFile(evaluationCsv((props as { form: Evaluation }).form)), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
