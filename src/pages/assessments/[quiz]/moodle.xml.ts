import type { APIRoute } from 'astro';
import { quizToMoodleXml } from '../../../lib/assessment/interchange/moodle-xml.ts';
import { publishedQuizzes } from '../../../lib/assessment/quiz-load.ts';
import { projectRoot } from '../../../lib/content/cache.ts';
import { isTrainerBuild } from '../../../lib/edition.ts';
import type { Quiz } from '../../../schemas/quiz.ts';

/** Trainer edition only: the export carries the answers. */
export function getStaticPaths() {
  if (!isTrainerBuild()) return [];
  return publishedQuizzes(projectRoot()).map((quiz) => ({ params: { quiz: quiz.id }, props: { quiz } }));
}

/** `/assessments/<quiz>/moodle.xml`: the whole bank for Moodle's question bank import. */
export const GET: APIRoute = ({ props }) => new Response(quizToMoodleXml((props as { quiz: Quiz }).quiz), { headers: { 'content-type': 'application/xml' } });
