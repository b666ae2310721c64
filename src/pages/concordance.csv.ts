import type { APIRoute } from 'astro';
import { csvFile } from '../lib/assessment/csv-write.ts';
import { getProject } from '../lib/content/cache.ts';
import { concordanceCsv, packConcordance } from '../lib/legal/pack.ts';

/** `/concordance.csv`: the pack-wide legal concordance as a spreadsheet for the working committee. */
export const GET: APIRoute = async () => {
  const csv = concordanceCsv(await packConcordance(getProject()));
  return new Response(csvFile(csv), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
