import type { APIRoute } from 'astro';
import { quizToGift } from '../../../lib/assessment/interchange/gift-export.ts';
import { publishedQuizzes } from '../../../lib/assessment/quiz-load.ts';
import { projectRoot } from '../../../lib/content/cache.ts';
import { isTrainerBuild } from '../../../lib/edition.ts';
import type { Quiz } from '../../../schemas/quiz.ts';

/** Trainer edition only: the export carries the answers. */
export function getStaticPaths() {
  if (!isTrainerBuild()) return [];
  return publishedQuizzes(projectRoot()).map((quiz) => ({ params: { quiz: quiz.id }, props: { quiz } }));
}

/** `/assessments/<quiz>/gift.txt`: the whole bank as Moodle GIFT. */
export const GET: APIRoute = ({ props }) => new Response(quizToGift((props as { quiz: Quiz }).quiz), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
