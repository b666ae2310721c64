import type { APIRoute } from 'astro';
import { getProject } from '../lib/content/cache.ts';
import { buildSearchBundle } from '../lib/search/index.ts';

/** The prebuilt search index, fetched by /search/ only when someone searches. */
export const GET: APIRoute = () =>
  new Response(JSON.stringify(buildSearchBundle(getProject())), { headers: { 'content-type': 'application/json' } });
