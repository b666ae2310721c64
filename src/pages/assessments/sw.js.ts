import type { APIRoute } from 'astro';
import { buildVersion, serviceWorkerSource } from '../../lib/assessment/offline-sw.ts';
import { publishedQuizzes } from '../../lib/assessment/quiz-load.ts';
import { href } from '../../lib/url.ts';

/** `/assessments/sw.js`: keeps the assessments index and every test page available offline. */
export const GET: APIRoute = () => {
  const pages = [href('/assessments/'), ...publishedQuizzes(process.cwd()).flatMap((q) => [href(`/assessments/${q.id}/pre/`), href(`/assessments/${q.id}/post/`)])];
  return new Response(serviceWorkerSource({ version: buildVersion(), name: 'assessments', pages }), { headers: { 'content-type': 'text/javascript' } });
};
