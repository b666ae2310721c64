import type { APIRoute } from 'astro';
import { buildVersion, serviceWorkerSource } from '../../lib/assessment/offline-sw.ts';
import { href } from '../../lib/url.ts';

/** `/scoring/sw.js`: keeps the scoring page available offline. */
export const GET: APIRoute = () =>
  new Response(serviceWorkerSource({ version: buildVersion(), name: 'scoring', pages: [href('/scoring/')] }), { headers: { 'content-type': 'text/javascript' } });
