import { getProject } from '../../lib/content/cache.ts';
import { siteEdition } from '../../lib/edition.ts';
import { buildSearchBundle } from '../../lib/search/index.ts';
import { shardFiles, type LunrJson } from '../../lib/search/shards.ts';
import { workflowTexts } from '../../lib/search/workflow-texts.ts';

/**
 * The static paths of one language's search index as small files (`manifest.json`, term shards
 * `t-<n>.json`, snippets `d-<n>.json`), each with its text: the source language's under
 * `/search-index/`, a translated locale's under `/<lang>/search-index/`.
 * @param lang A translated locale's code; the source language when absent.
 */
export async function searchIndexPaths(lang?: string): Promise<{ params: { lang?: string; file: string }; props: { text: string } }[]> {
  const project = getProject();
  const bundle = buildSearchBundle(project, siteEdition(), lang, await workflowTexts(project, lang));
  return [...shardFiles(bundle.index as LunrJson, bundle.docs)].map(([name, text]) => ({ params: { ...(lang ? { lang } : {}), file: name.replace(/\.json$/, '') }, props: { text } }));
}
