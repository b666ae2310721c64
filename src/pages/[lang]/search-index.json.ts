import { localePaths } from '../../components/page/locale-paths.ts';
import type { APIRoute } from 'astro';
import { getProject } from '../../lib/content/cache.ts';
import { siteEdition } from '../../lib/edition.ts';
import { buildSearchBundle } from '../../lib/search/index.ts';
import { workflowTexts } from '../../lib/search/workflow-texts.ts';

/** One search index per translated locale, built by the same builder with that language's stemmer. */
export const getStaticPaths = localePaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(JSON.stringify(buildSearchBundle(getProject(), siteEdition(), params.lang, await workflowTexts(getProject(), params.lang))), { headers: { 'content-type': 'application/json' } });
