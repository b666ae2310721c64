import type { APIRoute, GetStaticPaths } from 'astro';
import { searchIndexPaths } from './_files.ts';

/**
 * The search index of this build's edition as small files (`manifest.json`, term shards
 * `t-<n>.json`, snippets `d-<n>.json`): /search/ fetches only what a query needs.
 */
export const getStaticPaths = (() => searchIndexPaths()) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response((props as { text: string }).text, { headers: { 'content-type': 'application/json' } });
