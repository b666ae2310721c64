import { writeCsv } from '../../assessment/csv-write.ts';
import { resultColumns } from '../../../schemas/dryrun.ts';
import type { DryRunCase } from './cases.ts';
import { OTHER_STEP_CELL } from './results.ts';

/**
 * The results file to fill in: the header, then one row per step of every case at every site with
 * `case`, `site` and `step` written, in the order of the observation sheets, and after each case's
 * steps a row with `other` under step for what its sheet has under "Other observations". Rows left
 * blank are ignored when the file is read, so a team types only what it observed.
 * @param cases The dry run's cases.
 * @param sites Site ids.
 */
export function resultsTemplate(cases: readonly DryRunCase[], sites: readonly string[]): string {
  const rows = sites.flatMap((site) => cases.flatMap((c) => [...c.steps.map((s) => s.step), OTHER_STEP_CELL].map((step) => [c.id, site, step, '', '', '', '', ''])));
  return writeCsv([[...resultColumns], ...rows]);
}
