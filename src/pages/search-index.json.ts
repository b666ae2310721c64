import type { APIRoute } from 'astro';
import { getProject } from '../lib/content/cache.ts';
import { siteEdition } from '../lib/edition.ts';
import { buildSearchBundle } from '../lib/search/index.ts';

/** The prebuilt search index of this build's edition, fetched by /search/ only when someone searches. */
export const GET: APIRoute = () =>
  new Response(JSON.stringify(buildSearchBundle(getProject(), siteEdition())), { headers: { 'content-type': 'application/json' } });
