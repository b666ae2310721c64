import type { APIRoute } from 'astro';
import { localePaths } from '../../components/page/locale-paths.ts';
import { csvFile } from '../../lib/assessment/csv-write.ts';
import { getProjectIn } from '../../lib/content/cache.ts';
import { concordanceCsv, packConcordance } from '../../lib/legal/pack.ts';

export const getStaticPaths = localePaths;

/** `/<lang>/concordance.csv`: the concordance as that language's page shows it (the same columns). */
export const GET: APIRoute = async ({ params }) => {
  const csv = concordanceCsv(await packConcordance(getProjectIn(params.lang)));
  return new Response(csvFile(csv), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
