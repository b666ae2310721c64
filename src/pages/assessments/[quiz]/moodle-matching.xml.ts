import type { APIRoute } from 'astro';
import { quizToMoodleXml } from '../../../lib/assessment/interchange/moodle-xml.ts';
import { publishedQuizzes } from '../../../lib/assessment/quiz-load.ts';
import { projectRoot } from '../../../lib/content/cache.ts';
import { isTrainerBuild } from '../../../lib/edition.ts';
import type { Quiz } from '../../../schemas/quiz.ts';

/**
 * Trainer edition only (the export carries the answers), and only for a quiz with order items:
 * the other quizzes' file would be `moodle.xml` again.
 */
export function getStaticPaths() {
  if (!isTrainerBuild()) return [];
  return publishedQuizzes(projectRoot())
    .filter((quiz) => quiz.items.some((item) => item.type === 'order'))
    .map((quiz) => ({ params: { quiz: quiz.id }, props: { quiz } }));
}

/**
 * `/assessments/<quiz>/moodle-matching.xml`: the bank for Moodle 4.3 and older, which has no
 * ordering question in core: order items as matching questions (`sopkit quiz export
 * --format moodle-xml --order-as matching`).
 */
export const GET: APIRoute = ({ props }) =>
  new Response(quizToMoodleXml((props as { quiz: Quiz }).quiz, undefined, { orderAs: 'matching' }), { headers: { 'content-type': 'application/xml' } });
