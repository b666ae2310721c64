import { writeCsv } from '../assessment/csv-write.ts';
import type { Project, SopDoc } from '../content/project.ts';
import { concordanceRows, concordanceSops, workflowCitations, type ConcordanceRow } from './concordance.ts';

/** The concordance of one SOP of the pack. */
export interface SopConcordance {
  sop: SopDoc & { data: NonNullable<SopDoc['data']> };
  rows: ConcordanceRow[];
}

/** The pack-wide concordance: every SOP (in code order), its steps and the provisions they cite. */
export async function packConcordance(project: Project): Promise<SopConcordance[]> {
  const out: SopConcordance[] = [];
  for (const sop of concordanceSops(project)) out.push({ sop, rows: concordanceRows(sop, await workflowCitations(project, sop)) });
  return out;
}

/** Column names of the concordance spreadsheet; the last two are for the working committee. */
export const concordanceColumns = ['sop', 'code', 'step', 'step_title', 'legal_id', 'instrument', 'provision', 'national_provision', 'notes'] as const;

/** The concordance as CSV, one row per step and provision, with the committee's columns empty. */
export function concordanceCsv(pack: readonly SopConcordance[]): string {
  return writeCsv([
    [...concordanceColumns],
    ...pack.flatMap(({ sop, rows }) => rows.map((r) => [sop.id, sop.data.code, r.step, r.stepTitle, r.legalId, r.instrument, r.provision, '', ''])),
  ]);
}
