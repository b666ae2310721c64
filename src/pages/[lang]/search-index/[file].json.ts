import type { APIRoute, GetStaticPaths } from 'astro';
import { getProject } from '../../../lib/content/cache.ts';
import { translatedLocales } from '../../../lib/translation/locales.ts';
import { searchIndexPaths } from '../../search-index/_files.ts';

/**
 * The search index of each translated locale, built with that language's stemmer, as the same small
 * files as the source language's (`/<lang>/search-index/manifest.json`, `t-<n>.json`, `d-<n>.json`):
 * /<lang>/search/ fetches only what a query needs. As one file, the French index of the sample pack
 * was 150 kB gzipped, all of it downloaded before a French reader's first query was answered.
 */
export const getStaticPaths = (async () => (await Promise.all(translatedLocales(getProject().site).map(({ code }) => searchIndexPaths(code)))).flat()) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response((props as { text: string }).text, { headers: { 'content-type': 'application/json' } });
