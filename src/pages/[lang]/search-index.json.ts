import type { APIRoute } from 'astro';
import { getProject } from '../../lib/content/cache.ts';
import { siteEdition } from '../../lib/edition.ts';
import { buildSearchBundle } from '../../lib/search/index.ts';
import { translatedLocales } from '../../lib/translation/locales.ts';

/** One search index per translated locale, built by the same builder with that language's stemmer. */
export function getStaticPaths() {
  return translatedLocales(getProject().site).map(({ code }) => ({ params: { lang: code } }));
}

export const GET: APIRoute = ({ params }) =>
  new Response(JSON.stringify(buildSearchBundle(getProject(), siteEdition(), params.lang)), { headers: { 'content-type': 'application/json' } });
