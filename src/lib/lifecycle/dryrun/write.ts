import { mkdirSync, writeFileSync } from 'node:fs';
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
export async function writeDryRunPlan(model: DryRunModel, outDir: string): Promise<WrittenPdf[]> {
  const names = dryRunFileNames(model.id);
  mkdirSync(outDir, { recursive: true });
  const sites = model.data.sites.map((s) => s.id);
  writeFileSync(join(outDir, names.template), csvFile(resultsTemplate(model.cases, sites)));
  writeFileSync(join(outDir, names.templateXlsx), await resultsTemplateXlsx(model.cases, sites));
  return [save(outDir, names.plan, await renderTestPlan(model)), save(outDir, names.sheets, await renderObservationSheets(model))];
}

/** Writes the dry-run report PDF. */
export async function writeDryRunReport(model: DryRunModel, outDir: string): Promise<WrittenPdf> {
  return save(outDir, dryRunFileNames(model.id).report, await renderDryRunReport(model));
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
