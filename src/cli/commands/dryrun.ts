import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadProject } from '../../lib/content/project.ts';
import { SopkitError } from '../../lib/errors.ts';
import { inputFile } from '../../lib/input-file.ts';
import { dryRunIn, dryRunWordsWarnings } from '../../lib/lifecycle/dryrun/localize.ts';
import { langOption } from '../../lib/translation/lang-option.ts';
import { dryRunFileNames, loadDryRunModel, siteName, type DryRunModel } from '../../lib/lifecycle/dryrun/model.ts';
import { renderDryRunHtml } from '../../lib/lifecycle/dryrun/report-html.ts';
import { casesMissingText, completionText, linesMissingText, minuteSummary, overText, pct } from '../../lib/lifecycle/dryrun/report-data.ts';
import { writeDryRunPlan, writeDryRunReport } from '../../lib/lifecycle/dryrun/write.ts';
import { dryRunsFolder, loadDryRun, loadDryRuns } from '../../lib/lifecycle/dryrun/load.ts';
import { alignedVersion, sectionsAddedOrRemoved } from '../../lib/lifecycle/section-moved.ts';
import { refuseCheckErrors, sopSources } from '../print-gate.ts';
import { checkAction, refuseOtherActionOptions } from '../args.ts';
import type { Command, Io } from '../command.ts';
import { outDir as resolveOutDir } from '../out.ts';
import { today } from '../../lib/check/today.ts';

function printSummary(io: Io, model: DryRunModel): void {
  const stats = model.stats!;
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  // The sheets' "Other observations": listed in the report under their site, counted in no figure.
  const other = model.results?.other ?? [];
  const otherAt = (site: string) => {
    const n = other.filter((o) => o.site === site).length;
    return n ? `; ${count(n, 'other observation')}` : '';
  };
  // Why a site has no timed step: no minutes written, or no limit in minutes to compare them with.
  const untimed = (site: string) => {
    if (!model.results?.rows.some((r) => r.site === site && r.minutes !== undefined)) return 'no timed step (no minutes written for this site)';
    // Minutes written, on lines of a step the file is short of rows for: compared with no limit.
    if (model.results.problems.some((p) => p.code === 'dryrun/rows-missing' && p.site === site)) return 'no timed step (its rows with minutes are of a step short of rows: see the warning below)';
    const wf = model.sop.data.workflow;
    return `no timed step (its steps have no time limit in minutes: write one on each section's <Step time="..."> in ${model.sop.file}${wf ? `, or as meta.sla on its states in workflows/${wf}.machine.ts` : ''}, in words such as "same day", "2 working days" or "4 hours")`;
  };
  io.out(`${model.data.title} (${model.id}): ${model.sop.data.code} v${model.data.version}, ${count(stats.n, 'observation')}, ${pct(stats.completion)} done completely`);
  for (const s of stats.sites) {
    // A site the results have no row of was not observed: not "0 % done completely".
    if (!s.n) io.out(`  ${siteName(model, s.site)}: ${otherAt(s.site) ? `no step observed${otherAt(s.site)}` : 'not observed (no row of the results is from this site)'}`);
    else io.out(`  ${siteName(model, s.site)}: ${count(s.cases, 'case')}, ${count(s.n, 'step')}, ${pct(s.completion)} done completely, ${s.timed ? `${s.over} of ${s.timed} timed steps over the limit` : untimed(s.site)}${otherAt(s.site)}`);
  }
  const missing = casesMissingText(model, 'en');
  if (missing) io.out(`  ${missing}`);
  const linesMissing = linesMissingText(model, 'en');
  if (linesMissing) io.out(`  ${linesMissing}`);
  for (const s of stats.steps) io.out(`  ${s.step.padEnd(5)} ${completionText(s).padStart(5)} done  minutes ${minuteSummary(s.minutes)}  over ${overText(s.minutes)}`);
  io.out(`  ${count(stats.deviations.length, 'deviation')}, ${count(stats.issues.length, 'issue')}, ${count(stats.proposals.length, 'proposal')}, ${count(other.length, 'other observation')}`);
}

/** Why a results file gives no report: a header and no rows, or only the template's unfilled rows. */
function noObservations(file: string, unfilled: number, other: number): string {
  const what = unfilled ? `its ${unfilled} row${unfilled > 1 ? 's are' : ' is'} the template's, not filled in (only case, site and step)` : other ? 'no row is a step' : 'it has a header and no rows';
  const kept = other ? `; its ${other} other observation${other > 1 ? 's are' : ' is'} read and will be in the report` : '';
  return `${file}: no observations ${other ? 'of steps ' : ''}in it (${what})${kept}; fill in done and minutes from the observation sheets, one row per step, then run the report again`;
}

/**
 * What a plan printed today for a dry run of an earlier version holds: the current text and
 * workflow (steps, section numbers, time limits), not the version tried. Said, with the commit
 * of that version to print its sheets from, rather than silently handing observers today's.
 */
export function olderVersionWarning(root: string, m: DryRunModel): string | undefined {
  const now = m.sop.data.version;
  const tried = m.data.version;
  if (tried === now) return undefined;
  const old = alignedVersion(root, m.sop, tried);
  const changed = sectionsAddedOrRemoved(root, m.sop, tried) ?? [];
  const since = changed.length ? ` (since then it ${changed.slice(0, 3).join(', ')}${changed.length > 3 ? `, and ${changed.length - 3} more` : ''})` : '';
  const how = old
    ? `to print them as they were, check out ${tried}'s commit ${old.commit.slice(0, 7)} (git worktree add ../${m.sop.id}-${tried} ${old.commit.slice(0, 7)}) and run \`sopkit dryrun plan ${m.id}\` there`
    : `git has no commit of ${tried} to print them from`;
  return `warning: ${m.doc.file} tries version ${tried} of ${m.sop.id}, which is at ${now} now${since}: this plan and its sheets are drawn from ${now}'s text and workflow (its steps, section numbers and time limits); ${how}`;
}

/**
 * The dry run as shown (in --lang), and as recorded (in the SOP's own language, its file and version
 * the source's); `other`, the language shown when it is not the SOP's (its files are `<name>.<lang>.pdf`).
 */
async function model(root: string, id: string | undefined, results?: unknown, withoutResults = false, lang?: unknown): Promise<{ shown: DryRunModel; source: DryRunModel; other: string | undefined; warnings: string[] }> {
  if (!id) throw new SopkitError('dryrun/usage', 'name the dry run: its id in content/dryruns/ (run `sopkit dryrun --help`)');
  const project = loadProject(root);
  // The check first, as before any print: its workflow runs under the time limit in a worker, so
  // a machine that loops or exits while loading is named (it hung the command, or ended it with
  // exit 0 and nothing written), and a record the check refuses (a version the SOP never had, an
  // unknown case) is not printed as if it were right.
  const record = loadDryRuns(root).find((d) => d.id === id);
  // A mistyped id is said at once, not after the check's wait (seconds; minutes on a slow machine).
  if (!record) loadDryRun(root, id);
  const sources = sopSources(project, record?.data?.sop ? [record.data.sop] : []);
  // The plan writes the results template: a results file not there yet does not stop it (it
  // told the user to run the very command it refused).
  await refuseCheckErrors(root, `dry run ${id}`, (file) => file === `${dryRunsFolder}/${id}.yaml` || sources(file), undefined, withoutResults ? ['dryrun/no-results'] : []);
  const m = await loadDryRunModel(project, id, { ...(typeof results === 'string' ? { results } : {}), withoutResults });
  const shownLang = langOption(project, lang, m.sop.data.language);
  // The record's words in that language, or warnings naming the fields printed in the source's.
  return { shown: dryRunIn(m, project, shownLang), source: m, other: shownLang !== m.sop.data.language ? shownLang : undefined, warnings: dryRunWordsWarnings(m, project, shownLang) };
}

export const dryrun: Command = {
  name: 'dryrun',
  help: `Usage: sopkit dryrun plan <id> [--out DIR] [--lang CODE]
       sopkit dryrun report <id> [--results FILE.csv|.xlsx] --out DIR [--json] [--lang CODE]

A dry run is a record in content/dryruns/<id>.yaml: the SOP and version tried out, the sites,
dates, observers, who plays each role, and the cases (scenarios of the SOP's workflow). Its
results file (CSV, or an Excel workbook's first sheet of results) has one row per step of a
case at a site:
  case,site,step,done,minutes,deviation,issue,proposal
(done: yes, partly, no or skipped; step: the SOP section printed on the sheet, or other for
what the sheet has under "Other observations", written under issue, done and minutes empty).
The formats are in ARCHITECTURE.md (Formats: dry run).

plan     writes <id>-test-plan.pdf, <id>-observation-sheets.pdf and the results template,
         <id>-results-template.csv and <id>-results-template.xlsx (its cells formatted as
         text, so a spreadsheet keeps step 6.10 as typed; the CSV opened in Excel reads it as 6.1)
report   reads the results (the file the record names, or --results) and writes
         <id>-dry-run-report.pdf and <id>-dry-run-report.html: completion and minutes against the
         time limit per step and site (the workflow state's meta.sla, else the time of the SOP
         section's <Step time="...">), deviations, issues and proposed changes by SOP section.
         A bad row is reported with its file, row and column, and the file's
         warnings after the errors, so both are fixed in one go; a file with no
         observation in it (a header only, or the template unfilled) writes nothing.

Options:
  --out DIR          where to write (plan: default dryruns/)
  --results FILE     a results file to use instead of the one the record names
  --json             print the figures as JSON
  --lang CODE        plan and report: their language, one of the locales of content/site.yaml
                     (default: the SOP's): headings, sentences, numbers and dates in that
                     language, section titles from the SOP's translation where there is one,
                     the record's title, objectives, sites, observers, roles and debrief from
                     content/<lang>/dryruns/<id>.yaml (a warning names the fields it leaves
                     in the source's words, or a translation older than the record);
                     an Arabic report is right to left; the PDFs and HTML are named
                     <name>.<lang>.pdf beside the SOP's language's (the results template
                     holds ids, the same in every language: one name)

Examples:
  sopkit dryrun plan birth-registration-2025 --out print/
  sopkit dryrun report birth-registration-2025 --out reports/`,
  maxArguments: 2,
  options: {
    out: { type: 'string' },
    results: { type: 'string' },
    json: { type: 'boolean' },
    lang: { type: 'string' },
  },
  async run({ values, positionals, root, io }) {
    const [action, id, extra] = positionals;
    checkAction('dryrun', action, ['plan', 'report'], 'sopkit dryrun plan <id>, or sopkit dryrun report <id> --out DIR');
    refuseOtherActionOptions('dryrun', action!, values, { plan: ['out', 'lang'], report: ['out', 'results', 'json', 'lang'] });
    if (extra) throw new SopkitError('dryrun/usage', `one dry run at a time; "${extra}" is extra (run \`sopkit dryrun --help\`)`);
    if (action === 'plan') {
      const outDir = resolveOutDir(root, values.out, 'dryruns');
      // In the offices' language: the observers read the plan and tick the sheets there.
      const { shown: m, source, other, warnings } = await model(root, id, undefined, true, values.lang);
      // Said of the source SOP (a translation's file and version are its own).
      const older = olderVersionWarning(root, source);
      const written = await writeDryRunPlan(m, outDir, other);
      for (const f of written) io.err(`wrote ${join(outDir, f.file)} (${f.pages} page${f.pages === 1 ? '' : 's'})`);
      io.err(`wrote ${join(outDir, dryRunFileNames(m.id).template)}`);
      io.err(`wrote ${join(outDir, dryRunFileNames(m.id).templateXlsx)}`);
      if (older) io.err(older);
      for (const w of warnings) io.err(w);
      return 0;
    }
    if (action === 'report') {
      if (typeof values.out !== 'string') throw new SopkitError('dryrun/no-out', 'say where to write the report: --out DIR');
      // A missing or folder --results is one line here (the model would read a folder as EISDIR).
      if (typeof values.results === 'string') inputFile(root, values.results, 'dryrun/no-results');
      const outDir = resolveOutDir(root, values.out, values.out);
      const { shown: m, other, warnings } = await model(root, id, values.results, false, values.lang);
      if (m.results && !m.results.rows.length) throw new SopkitError('dryrun/no-observations', noObservations(m.resultsFile!, m.results.unfilled, m.results.other.length));
      if (!m.stats) throw new SopkitError('dryrun/no-results', `${m.doc.file} names no results file that exists; give one with --results FILE.csv or .xlsx (start from the template of \`sopkit dryrun plan ${m.id}\`)`);
      mkdirSync(outDir, { recursive: true });
      const pdf = await writeDryRunReport(m, outDir, other);
      const html = dryRunFileNames(m.id, other).report.replace(/\.pdf$/, '.html');
      writeFileSync(join(outDir, html), renderDryRunHtml(m));
      if (values.json) io.out(JSON.stringify({ dryRun: m.id, sop: m.sop.id, version: m.data.version, results: m.resultsFile, unfilled: m.results?.unfilled ?? 0, ...m.stats, otherObservations: m.results?.other ?? [] }, null, 2));
      else printSummary(io, m);
      for (const p of m.results?.problems ?? []) io.err(`warning: ${m.resultsFile} ${p.message}`);
      for (const w of warnings) io.err(w);
      // As check says (dryrun/results-before-start): the report was written and said nothing.
      const now = today();
      if (now < m.data.dates.start) io.err(`warning: the dry run starts on ${m.data.dates.start}, after today (${now}), yet this report presents ${m.stats.n} observation${m.stats.n === 1 ? '' : 's'} as its findings: test rows, another dry run's file or a wrong year in ${m.doc.file}'s dates; do not circulate it as a dry run's findings`);
      io.err(`wrote ${pdf.file} (${pdf.pages} page${pdf.pages === 1 ? '' : 's'}), ${html} to ${values.out}`);
      return 0;
    }
    throw new SopkitError('dryrun/usage', 'use `sopkit dryrun plan <id>` or `sopkit dryrun report <id> --out DIR` (see sopkit dryrun --help)');
  },
};
