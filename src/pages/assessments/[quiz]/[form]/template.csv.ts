import type { APIRoute } from 'astro';
import { csvFile } from '../../../../lib/assessment/csv-write.ts';
import { responsesCsv } from '../../../../lib/assessment/export-csv.ts';
import { publishedQuizzes } from '../../../../lib/assessment/quiz-load.ts';
import { projectRoot } from '../../../../lib/content/cache.ts';
import type { Quiz } from '../../../../schemas/quiz.ts';

export function getStaticPaths() {
  return publishedQuizzes(projectRoot()).flatMap((quiz) => (['pre', 'post'] as const).map((form) => ({ params: { quiz: quiz.id, form }, props: { quiz, form } })));
}

/** `/assessments/<quiz>/<form>/template.csv`: the blank responses sheet for typing in a paper test. */
export const GET: APIRoute = ({ props }) => {
  const { quiz, form } = props as { quiz: Quiz; form: 'pre' | 'post' };
  return new Response(csvFile(responsesCsv(quiz, form)), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
