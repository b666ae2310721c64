import { existsSync, readFileSync, statSync } from 'node:fs';
import type { CheckContext } from '../../check/context.ts';
import { relPath, type SopDoc } from '../../content/project.ts';
import { diagnostic, type Diagnostic } from '../../diagnostics.ts';
import { isUserError } from '../../errors.ts';
import { getWorkflow } from '../../workflow/cache.ts';
import type { LoadedWorkflow } from '../../workflow/load.ts';
import type { DryRun } from '../../../schemas/dryrun.ts';
import { dryRunCases } from './cases.ts';
import { loadDryRuns, resultsPath, type DryRunDoc } from './load.ts';
import { readResultsFile } from './results.ts';
import { renumberingSince, sectionsSince } from '../section-moved.ts';

/** Every version an SOP has had: its current version and those of its revision history. */
export function sopVersions(sop: SopDoc): string[] {
  const d = sop.data;
  return d ? [...new Set([d.version, ...d.history.map((h) => h.version)])] : [];
}

async function workflowOf(root: string, sop: SopDoc): Promise<LoadedWorkflow | undefined> {
  const id = sop.data?.workflow;
  if (!id) return undefined;
  try {
    return await getWorkflow(root, id);
  } catch {
    return undefined; // the workflow checks report a machine that does not load
  }
}

/**
 * A results file with no observation: a warning, as the build still works (the report says "No
 * results yet") and a file set up before or during the dry run is normal. The record has no status
 * field; its dates tell a dry run not over yet (fill the file in as the sheets come back) from one
 * that has ended (its results are due).
 */
function noObservations(file: string, d: DryRun, unfilled: number, today: string, other = 0): Diagnostic {
  const template = unfilled ? `only the template's ${unfilled} unfilled row${unfilled > 1 ? 's' : ''}` : 'a header and no rows';
  // Other observations alone are read (the report lists them), but no step was observed.
  const what = other ? `no row is a step; ${other} other observation${other > 1 ? 's' : ''}${unfilled ? `, ${template.replace(/^only /, '')}` : ''}` : template;
  const message =
    today > d.dates.end
      ? `no observations in it (${what}), yet the dry run ended on ${d.dates.end}; fill in done and minutes from the observation sheets, one row per step (until then its report says "No results yet")`
      : `no observations in it yet (${what}); fill in done and minutes from the observation sheets as they come back (until then its report says "No results yet")`;
  return diagnostic('warning', 'dryrun/no-observations', file, message, { line: 1, column: 1 });
}

/** The rules of one record: its SOP and version, sites, roles, cases and results file. */
async function checkOne(ctx: CheckContext, doc: DryRunDoc): Promise<Diagnostic[]> {
  const { project } = ctx;
  const d = doc.data;
  if (!d) return doc.diagnostics;
  const out: Diagnostic[] = [];
  const at = (path: (string | number)[]) => doc.yaml.positionOf(path);
  const err = (code: string, path: (string | number)[], message: string, severity: Diagnostic['severity'] = 'error') => out.push(diagnostic(severity, code, doc.file, message, at(path)));
  const sop = project.sops.find((s) => s.id === d.sop);
  if (!sop) {
    err('dryrun/unknown-sop', ['sop'], `sop: "${d.sop}" is not an SOP in content/sops/; known: ${project.sops.map((s) => s.id).join(', ') || 'none'}`);
    return out;
  }
  const versions = sopVersions(sop);
  if (sop.data && !versions.includes(d.version)) {
    err('dryrun/unknown-version', ['version'], `version: ${d.version} is not a version of ${sop.file} (its history has ${versions.join(', ')}); name the version that was tried out`);
  }
  // A version the history dates after the dry run began cannot have been tried in it (a
  // consultation says the same of a meeting: consultation/version-after-date).
  const line = sop.data?.history.find((h) => h.version === d.version);
  if (line && line.date > d.dates.start) {
    err('dryrun/version-after-date', ['version'], `version: ${d.version} is dated ${line.date} in ${sop.file}'s history, after the dry run began (${d.dates.start}); a dry run tries a version that already exists: name the version that was tried, or correct the dates`, 'warning');
  }
  const siteIds = d.sites.map((s) => s.id);
  d.sites.forEach((s, i) => {
    if (siteIds.indexOf(s.id) !== i) err('dryrun/duplicate-site', ['sites', i, 'id'], `sites[${i}].id: "${s.id}" is used twice; give each site its own id`);
  });
  d.observers.forEach((o, i) => {
    if (o.site && !siteIds.includes(o.site)) err('dryrun/unknown-site', ['observers', i, 'site'], `observers[${i}].site: "${o.site}" is not a site of this dry run; sites: ${siteIds.join(', ')}`);
  });
  const roles = new Set(project.roles.map((r) => r.id));
  d.roles.forEach((r, i) => {
    if (!roles.has(r.role)) err('role/unknown', ['roles', i, 'role'], `roles[${i}].role: "${r.role}" is not in content/roles.yaml; add it there or fix the id`);
  });
  // An SOP whose frontmatter does not validate (a date written 05/12/2026) has its own errors; its
  // workflow is not known, and "has no workflow" was a false second message.
  if (!sop.data) return out;
  if (!sop.data.workflow) {
    err('dryrun/no-workflow', ['sop'], `${sop.file} has no workflow, so this dry run has no cases (they are the workflow's scenarios); add the workflow first`, 'warning');
    return out;
  }
  const workflow = await workflowOf(project.root, sop);
  if (!workflow) return out;
  const scenarioIds = workflow.module.scenarios.map((s) => s.id);
  d.cases?.forEach((id, i) => {
    if (!scenarioIds.includes(id)) err('dryrun/unknown-case', ['cases', i], `cases[${i}]: "${id}" is not a scenario of ${workflow.file}; scenarios: ${scenarioIds.join(', ') || 'none'}`);
  });
  const path = resultsPath(doc);
  if (!path) return out;
  // An SOP that did not parse has no sections: every row of the results was "not a section of
  // the SOP" (67 errors after the one that says why). Its own error stands; results wait for it.
  if (!sop.tree) return out;
  if (!existsSync(path)) {
    err('dryrun/no-results', ['results'], `results: ${d.results} does not exist next to ${doc.file}; write the results there (start from the template: sopkit dryrun plan ${doc.id} --out <dir>) or remove the line`);
    return out;
  }
  if (statSync(path).isDirectory()) {
    err('dryrun/no-results', ['results'], `results: ${d.results} is a folder, not a file; name the results file (CSV or .xlsx)`);
    return out;
  }
  const file = relPath(project.root, path);
  try {
    const cases = dryRunCases(d, workflow);
    // Decoded as the other spreadsheets' CSVs are (UTF-8, UTF-16, or Windows-1252 from Excel).
    const renumbered = d.version ? renumberingSince(project.root, sop, d.version) : undefined;
    const since = d.version ? sectionsSince(project.root, sop, d.version) : undefined;
    const results = await readResultsFile(new Uint8Array(readFileSync(path)), file, { cases, sites: siteIds, sections: new Set(sop.sections.map((s) => s.number)), workingDay: d.workingDay, ...(since ? { tried: { version: d.version, sections: since } } : {}) });
    // The results are typed from the sheets of the version tried: after a section was inserted,
    // 6.3 on those sheets is 6.4 now. They are read so; the record says it, once.
    if (renumbered?.size) {
      const shown = [...renumbered].slice(0, 6).map(([was, now]) => `${was} "${now.was}" is now ${now.number}`).join(', ');
      out.push(diagnostic('warning', 'dryrun/renumbered', doc.file, `${sop.id} renumbered its sections since version ${d.version}, which this dry run tried (${shown}${renumbered.size > 6 ? ', ...' : ''}): ${file} is read with the numbers of ${d.version}, as its observation sheets printed them, and its report files each observation under the section it is now; sheets printed now carry the new numbers`, doc.yaml.positionOf(['version'])));
    }
    for (const p of results.problems) out.push(diagnostic(p.severity, p.code, file, p.message, { line: p.row, column: p.column || 1 }));
    if (!results.rows.length && !results.problems.some((p) => p.severity === 'error')) out.push(noObservations(file, d, results.unfilled, ctx.today, results.other.length));
    // Observations of a dry run that has not begun cannot be real (test rows, another dry run's
    // file, a year typed wrong in dates), yet its page and report would present them as findings.
    if (results.rows.length && ctx.today < d.dates.start) {
      const n = results.rows.length;
      out.push(diagnostic('warning', 'dryrun/results-before-start', file, `${n} observation${n > 1 ? 's' : ''} in it, but the dry run starts on ${d.dates.start}, after today (${ctx.today}); the report would present them as its findings: correct dates in ${doc.file}, or empty the file until the sheets come back`, { line: 2, column: 1 }));
    }
  } catch (error) {
    if (!isUserError(error)) throw error;
    out.push(diagnostic('error', 'dryrun/results', file, error.message.replace(`${file} `, '').replace(`${file}: `, '')));
  }
  return out;
}

/**
 * The dry-run checks of `sopkit check`: every record in `content/dryruns/` is valid, names an SOP
 * and a version it had, known sites, roles and scenarios, and a results file whose every row
 * names a case, site and section of the dry run (errors at row and column); and an SOP at `pilot`
 * has a dry-run record (a warning).
 * @param ctx The check context.
 */
export async function checkDryRuns(ctx: CheckContext): Promise<Diagnostic[]> {
  const docs = loadDryRuns(ctx.project.root);
  const out: Diagnostic[] = [];
  for (const doc of docs) out.push(...(await checkOne(ctx, doc)));
  for (const sop of ctx.project.sops) {
    if (sop.data?.status !== 'pilot' || docs.some((d) => d.data?.sop === sop.id)) continue;
    out.push(diagnostic('warning', 'dryrun/missing', sop.file, `status is "pilot" but no dry run in content/dryruns/ names this SOP; record it there (sop: ${sop.id}, the version tried, sites, dates, cases) so its results back the revision`, sop.yaml.positionOf(['status'])));
  }
  return out;
}
