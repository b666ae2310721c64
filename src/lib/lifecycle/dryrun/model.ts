import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { relPath, type Project, type SopDoc } from '../../content/project.ts';
import { SopkitError } from '../../errors.ts';
import { getWorkflow } from '../../workflow/cache.ts';
import type { DryRun } from '../../../schemas/dryrun.ts';
import { dryRunCases, sopStepTimes, withSopTimes, type DryRunCase } from './cases.ts';
import { loadDryRun, resultsPath, type DryRunDoc } from './load.ts';
import { readResultsFile, type Results } from './results.ts';
import { sectionsSince } from '../section-moved.ts';
import { dryRunStats, type DryRunStats } from './stats.ts';
import type { SiteLocale } from '../../translation/locales.ts';

/** Everything the dry-run outputs print: the record, its SOP, its cases, and the results when there are any. */
export interface DryRunModel {
  id: string;
  doc: DryRunDoc;
  data: DryRun;
  sop: SopDoc & { data: NonNullable<SopDoc['data']> };
  cases: DryRunCase[];
  /** Title of a role id, from `content/roles.yaml`. */
  roleTitle(role: string | undefined): string;
  organisation: string;
  /** Public address of the site, for links printed in PDFs (no trailing slash). */
  siteUrl: string;
  /** The site's languages, for a link to a page in the report's (`/fr/sops/x/`). */
  locales: readonly SiteLocale[];
  /** The results file read (relative path), when there is one. */
  resultsFile?: string;
  results?: Results;
  /** The figures; undefined when there are no results, or none of their rows is an observation. */
  stats?: DryRunStats;
}

/** The errors of a results file listed at most, in the message of a command that stops on them. */
const MAX_RESULT_ERRORS = 20;

/** Options of `loadDryRunModel`. */
export interface ModelOptions {
  /** A results file to use instead of the one the record names (a path relative to the root). */
  results?: string;
  /** Read no results (the test plan and sheets need none). */
  withoutResults?: boolean;
}

/**
 * Loads a dry run with what its outputs need. Results with errors are refused, a line per error
 * naming the file, row and column, then a line per warning of the file (so both are fixed in one go).
 * @param project The loaded project.
 * @param id Dry-run id.
 */
export async function loadDryRunModel(project: Project, id: string, options: ModelOptions = {}): Promise<DryRunModel> {
  const root = project.root;
  const doc = loadDryRun(root, id);
  const data = doc.data;
  const sop = project.sops.find((s) => s.id === data.sop);
  if (!sop?.data) throw new SopkitError('dryrun/unknown-sop', `${doc.file}: sop "${data.sop}" is not a valid SOP in content/sops/; run \`sopkit check\``);
  if (!sop.data.workflow) throw new SopkitError('dryrun/no-workflow', `${doc.file}: ${sop.file} has no workflow, so the dry run has no cases; add the workflow first`);
  const workflow = await getWorkflow(root, sop.data.workflow);
  // The SOP's <Step time> where a state has no meta.sla: the limits the SOP itself prints.
  const lang = sop.data.language ?? 'en';
  const cases = withSopTimes(dryRunCases(data, workflow), sopStepTimes(sop, (param) => project.parameters.text(param, lang)));
  const roles = new Map(project.roles.map((r) => [r.id, r.title]));
  const model: DryRunModel = {
    id,
    doc,
    data,
    sop: sop as DryRunModel['sop'],
    cases,
    roleTitle: (role) => (role ? (roles.get(role) ?? role) : ''),
    organisation: project.site?.organisation ?? '',
    siteUrl: (project.site?.url ?? 'https://example.org').replace(/\/$/, ''),
    locales: project.locales,
  };
  if (options.withoutResults) return model;
  const path = options.results ? resolve(root, options.results) : resultsPath(doc);
  if (!path) return model;
  // A --results file outside the project is named as the user gave it, not as ../../x.csv.
  const inProject = relPath(root, path);
  const file = options.results && inProject.startsWith('..') ? options.results : inProject;
  if (!existsSync(path)) {
    if (options.results) throw new SopkitError('dryrun/no-results', `${options.results}: no such file`);
    return model;
  }
  if (statSync(path).isDirectory()) throw new SopkitError('dryrun/no-results', `${file} is a folder, not a file; name the results file (CSV or .xlsx)`);
  // Typed from the sheets of the version tried: read with that version's numbers (a section
  // inserted since made its 6.3 today's 6.4, and the report filed the observations under the
  // section that took the number).
  const since = data.version ? sectionsSince(root, sop, data.version) : undefined;
  // A CSV, or the workbook the consultant typed the sheets into (merged cells filled down).
  const results = await readResultsFile(new Uint8Array(readFileSync(path)), file, { cases, sites: data.sites.map((s) => s.id), sections: new Set(sop.sections.map((s) => s.number)), workingDay: data.workingDay, ...(since ? { tried: { version: data.version, sections: since } } : {}) });
  const errors = results.problems.filter((p) => p.severity === 'error');
  if (errors.length) {
    // Every error, one per line (up to a screenful): `sopkit check` reads the record's own results
    // file, not one given with --results, so it could not list the rest.
    const shown = errors.slice(0, MAX_RESULT_ERRORS).map((p) => `${file} ${p.message}`);
    const rest = errors.length - shown.length;
    // Its warnings too, after the errors: shown only once the errors were fixed, they were a
    // second list to work through, and a second round of typing and rerunning.
    const warnings = results.problems.filter((p) => p.severity === 'warning');
    const warned = warnings.slice(0, MAX_RESULT_ERRORS).map((p) => `warning: ${file} ${p.message}`);
    const restWarned = warnings.length - warned.length;
    throw new SopkitError(
      'dryrun/results',
      [
        ...shown,
        ...(rest ? [`(and ${rest} more error${rest === 1 ? '' : 's'} in ${file})`] : []),
        ...warned,
        ...(restWarned ? [`(and ${restWarned} more warning${restWarned === 1 ? '' : 's'} in ${file})`] : []),
      ].join('\n'),
    );
  }
  // A file with no observation yet (a header, or the template unfilled) gives no figures: the
  // report says "No results yet" rather than printing a summary of nothing.
  if (!results.rows.length) return { ...model, resultsFile: file, results };
  return { ...model, resultsFile: file, results, stats: dryRunStats(results.rows, cases, data.sites.map((s) => s.id), data.workingDay) };
}

/** The name of a site id, as the record gives it. */
export function siteName(model: Pick<DryRunModel, 'data'>, id: string): string {
  return model.data.sites.find((s) => s.id === id)?.name ?? id;
}

/** The title of a case id (a scenario of the workflow), as the sheets and the report give it. */
export function caseTitle(model: Pick<DryRunModel, 'cases'>, id: string): string {
  return model.cases.find((c) => c.id === id)?.title ?? id;
}

/**
 * Output file names of a dry run, beside the handbooks; in another language than the SOP's
 * (`sopkit dryrun plan|report --lang`), its PDFs are `<name>.<lang>.pdf`, as every other print's
 * translation is (they had the English names, and printing the Arabic plan replaced the English
 * one). The results template holds ids and codes, the same in every language: one name.
 */
export function dryRunFileNames(id: string, lang?: string) {
  const pdf = lang ? `.${lang}.pdf` : '.pdf';
  return { report: `${id}-dry-run-report${pdf}`, plan: `${id}-test-plan${pdf}`, sheets: `${id}-observation-sheets${pdf}`, template: `${id}-results-template.csv`, templateXlsx: `${id}-results-template.xlsx` };
}

/** Whether the steps, numbers and time limits printed are another version's than the one tried (the SOP's current text). */
export function drawnFromOther(model: Pick<DryRunModel, 'sop' | 'data'>): boolean {
  return model.sop.data.version !== model.data.version;
}
