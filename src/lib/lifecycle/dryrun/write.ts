import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { SopkitError } from '../../errors.ts';
import { readResultsFile } from './results.ts';
import { join } from 'node:path';
import type { Project } from '../../content/project.ts';
import { isUserError } from '../../errors.ts';
import { pageCountOf } from '../../handbook/document.ts';
import type { WrittenPdf } from '../../handbook/write.ts';
import { loadDryRuns } from './load.ts';
import { dryRunFileNames, loadDryRunModel, type DryRunModel } from './model.ts';
import { renderTestPlan } from './plan-pdf.ts';
import { renderDryRunReport } from './report-pdf.ts';
import { renderObservationSheets } from './sheets-pdf.ts';
import { csvFile } from '../../assessment/csv-write.ts';
import { resultsTemplate, resultsTemplateXlsx } from './template.ts';

function save(outDir: string, file: string, bytes: Uint8Array): WrittenPdf {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, file), bytes);
  return { file, bytes: bytes.length, pages: pageCountOf(bytes) ?? 0 };
}

/**
 * Writes what a team needs before a dry run: the test plan, the observation sheets and the results
 * template, as CSV and as an Excel workbook whose cells are text (a spreadsheet keeps step 6.10).
 */
export async function writeDryRunPlan(model: DryRunModel, outDir: string, lang?: string): Promise<WrittenPdf[]> {
  const names = dryRunFileNames(model.id, lang);
  const sites = model.data.sites.map((s) => s.id);
  // The team's results are typed into the template and kept under its name: printing the plan
  // again into the same folder replaced them with the blank template, saying nothing.
  for (const file of [names.template, names.templateXlsx]) {
    const path = join(outDir, file);
    if (!existsSync(path)) continue;
    const results = await readResultsFile(new Uint8Array(readFileSync(path)), path, { cases: model.cases, sites, sections: new Set(model.sop.sections.map((s) => s.number)) });
    const filled = results.rows.length + results.other.length;
    if (filled) throw new SopkitError('dryrun/filled-results', `${path} holds ${filled === 1 ? 'a filled-in row' : `${filled} filled-in rows`} of results: it is the team's results file, not the blank template; move it (sopkit dryrun report --results reads it wherever it is), or give --out another folder; nothing was written`);
  }
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, names.template), csvFile(resultsTemplate(model.cases, sites)));
  writeFileSync(join(outDir, names.templateXlsx), await resultsTemplateXlsx(model.cases, sites));
  return [save(outDir, names.plan, await renderTestPlan(model)), save(outDir, names.sheets, await renderObservationSheets(model))];
}

/** Writes the dry-run report PDF (`<id>-dry-run-report.<lang>.pdf` with a language other than the SOP's). */
export async function writeDryRunReport(model: DryRunModel, outDir: string, lang?: string): Promise<WrittenPdf> {
  return save(outDir, dryRunFileNames(model.id, lang).report, await renderDryRunReport(model));
}

/**
 * For every valid record in `content/dryruns/`, writes beside the handbooks its test plan,
 * observation sheets, results template and report (the report says "no results yet" when there
 * are none). A record that cannot be printed is reported through `note` and skipped.
 * @param project The loaded project.
 * @param o Output folder and where to send notes.
 */
export async function writeDryRunPrints(project: Project, o: { outDir: string; note?: (text: string) => void }): Promise<WrittenPdf[]> {
  const out: WrittenPdf[] = [];
  for (const doc of loadDryRuns(project.root).filter((d) => d.data)) {
    try {
      const model = await loadDryRunModel(project, doc.id);
      out.push(...(await writeDryRunPlan(model, o.outDir)), await writeDryRunReport(model, o.outDir));
    } catch (error) {
      if (!isUserError(error)) throw error;
      o.note?.(`dry runs: ${doc.id} not printed: ${error.message}`);
    }
  }
  return out;
}
