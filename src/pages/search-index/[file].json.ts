import type { APIRoute, GetStaticPaths } from 'astro';
import { getProject } from '../../lib/content/cache.ts';
import { siteEdition } from '../../lib/edition.ts';
import { buildSearchBundle } from '../../lib/search/index.ts';
import { workflowTexts } from '../../lib/search/workflow-texts.ts';
import { shardFiles, type LunrJson } from '../../lib/search/shards.ts';

/**
 * The search index of this build's edition as small files (`manifest.json`, term shards
 * `t-<n>.json`, snippets `d-<n>.json`): /search/ fetches only what a query needs.
 */
export const getStaticPaths = (async () => {
  const bundle = buildSearchBundle(getProject(), siteEdition(), undefined, await workflowTexts(getProject()));
  return [...shardFiles(bundle.index as LunrJson, bundle.docs)].map(([name, text]) => ({ params: { file: name.replace(/\.json$/, '') }, props: { text } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response((props as { text: string }).text, { headers: { 'content-type': 'application/json' } });
