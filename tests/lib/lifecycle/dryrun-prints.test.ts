import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../../src/i18n/index.ts';
import { main } from '../../../src/cli/main.ts';
import { loadProject } from '../../../src/lib/content/project.ts';
import { dryRunCases } from '../../../src/lib/lifecycle/dryrun/cases.ts';
import { dryRunIn } from '../../../src/lib/lifecycle/dryrun/localize.ts';
import { loadDryRunModel, type DryRunModel } from '../../../src/lib/lifecycle/dryrun/model.ts';
import { renderTestPlan } from '../../../src/lib/lifecycle/dryrun/plan-pdf.ts';
import { renderDryRunFragment } from '../../../src/lib/lifecycle/dryrun/report-html.ts';
import { renderDryRunReport } from '../../../src/lib/lifecycle/dryrun/report-pdf.ts';
import { renderObservationSheets } from '../../../src/lib/lifecycle/dryrun/sheets-pdf.ts';
import { resultsTemplate } from '../../../src/lib/lifecycle/dryrun/template.ts';
import { loadWorkflowFile } from '../../../src/lib/workflow/load.ts';
import { pdfInfo, pdfText, qpdfCheck, saveTo, tempDir, withoutBidiMarks } from '../handbook/pdf-tools.ts';

// The model dry run of the pack (content/dryruns/birth-registration-2025.yaml) and its results.
const root = join(import.meta.dirname, '../../..');
let model: DryRunModel;
beforeAll(async () => {
  model = await loadDryRunModel(loadProject(root), 'birth-registration-2025');
});
const io = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) } };
};

describe('cases from the workflow', () => {
  it('lists the states a scenario passes through, with meta, and the event that ends each', async () => {
    const wf = await loadWorkflowFile(root, join(root, 'tests/fixtures/check/rules/dryrun-unknown-case/workflows/alpha.machine.ts'));
    const [complete, , resubmitted] = dryRunCases({}, wf);
    expect(complete).toMatchObject({ id: 'complete', outcome: 'Registered' });
    expect(complete!.steps.map((s) => [s.state, s.step, s.role, s.sla, s.next])).toEqual([
      ['reception', '6.1', 'registrar', 'same day', 'declaration checked'],
      ['registration', '6.1', 'registrar', '2 hours', 'record registered'],
    ]);
    expect(resubmitted!.steps.map((s) => s.state)).toEqual(['reception', 'returned', 'reception', 'returned']);
    expect(dryRunCases({ cases: ['returned-then-closed'] }, wf).map((c) => c.id)).toEqual(['returned-then-closed']);
  });

  it('the results template has one row per step of every case at every site, and one for the sheet\'s other observations', () => {
    const lines = resultsTemplate(model.cases, ['district-office', 'hospital-point']).trimEnd().split('\r\n');
    expect(lines[0]).toBe('case,site,step,done,minutes,deviation,issue,proposal');
    expect(lines).toHaveLength(1 + 2 * model.cases.reduce((n, c) => n + c.steps.length + 1, 0));
    expect(lines[1]).toBe('on-time-facility,district-office,6.1,,,,,');
    const first = model.cases[0]!;
    expect(lines[first.steps.length + 1]).toBe(`${first.id},district-office,other,,,,,`);
  });
});

describe('the model dry run’s documents', () => {
  it('the model results give the figures the report prints', () => {
    const s = model.stats!;
    // Every line of every case's sheet has its row: none compared with another line's time limit.
    expect(model.results!.problems).toEqual([]);
    expect(s.n).toBe(71);
    expect(s.sites.map((x) => [x.site, x.cases, x.n, x.timed, x.over])).toEqual([
      ['district-office', 5, 35, 27, 0],
      ['hospital-point', 5, 36, 27, 13],
    ]);
    const verify = s.steps.find((x) => x.step === '6.3')!;
    expect(verify.bySite.map((b) => [b.site, b.minutes?.over, b.minutes?.timed])).toEqual([
      ['district-office', 0, 6],
      ['hospital-point', 6, 6],
    ]);
  });

  it('test plan: valid PDF with the banner, objectives, roles, cases and the debrief', async () => {
    const path = saveTo(tempDir(), 'plan.pdf', await renderTestPlan(model));
    expect(qpdfCheck(path).ok).toBe(true);
    const text = pdfText(path, undefined, undefined, '-raw').replace(/\s+/g, ' ');
    for (const s of ['MODEL EXAMPLE, TO REPLACE', 'Test plan: Dry run of the birth registration SOP in two offices', 'Version tried out 1.0.0', 'Who plays each role', 'What observers do', 'Debrief: 2025-02-05', 'Case 5: Child of 9 registered for school']) expect(text).toContain(s);
    expect(pdfInfo(path).Title).toBe('Test plan: Dry run of the birth registration SOP in two offices');
  });

  it('test plan of a dry run with no results yet names both results templates, the .xlsx whose step column stays text', async () => {
    const planned = { ...model, data: { ...model.data, results: undefined } } as DryRunModel;
    const text = pdfText(saveTo(tempDir(), 'plan-no-results.pdf', await renderTestPlan(planned)), undefined, undefined, '-raw').replace(/-\n/g, '-').replace(/\s+/g, ' ');
    expect(text).toContain('birth-registration-2025-results-template.csv');
    expect(text).toContain('birth-registration-2025-results-template.xlsx');
  });

  it('plan and sheets of an earlier version say on paper whose steps they list; printed from that version, they say nothing', async () => {
    // The model record tries 1.0.0 of an SOP at 1.3.3, whose text git does not have: the command
    // warned, and the paper handed to observers said "Version tried out 1.0.0" above 1.3.3's steps.
    const now = model.sop.data.version;
    expect(now).not.toBe(model.data.version);
    const plan = pdfText(saveTo(tempDir(), 'plan-drawn.pdf', await renderTestPlan(model)), undefined, undefined, '-raw').replace(/\s+/g, ' ');
    expect(plan).toContain(`Printed from version ${now}, the SOP’s current text: its steps, section numbers and time limits, not version 1.0.0’s`);
    const sheets = pdfText(saveTo(tempDir(), 'sheets-drawn.pdf', await renderObservationSheets(model)), 1, 1, '-raw').replace(/\s+/g, ' ');
    expect(sheets).toContain(`SOP-CR-01 v1.0.0 (steps as in v${now}) · Code: on-time-facility`);
    // Checked out at the version tried (as the warning says to), the steps are that version's.
    const same = { ...model, data: { ...model.data, version: now } } as DryRunModel;
    const samePlan = pdfText(saveTo(tempDir(), 'plan-same.pdf', await renderTestPlan(same)), undefined, undefined, '-raw');
    expect(samePlan).not.toContain('Printed from');
    const sameSheets = pdfText(saveTo(tempDir(), 'sheets-same.pdf', await renderObservationSheets(same)), 1, 1, '-raw').replace(/\s+/g, ' ');
    expect(sameSheets).toContain(`SOP-CR-01 v${now} · Code: on-time-facility`);
  });

  it('observation sheets: one case per page, the four boxes and write-in columns, every step', async () => {
    const path = saveTo(tempDir(), 'sheets.pdf', await renderObservationSheets(model));
    expect(qpdfCheck(path).ok).toBe(true);
    expect(Number(pdfInfo(path).Pages)).toBe(model.cases.length);
    const first = pdfText(path, 1, 1, '-raw').replace(/\s+/g, ' ');
    expect(first).toContain('Case 1 of 5: Hospital birth declared on time');
    expect(first).toMatch(/done\s+partly\s+not done\s+skipped/);
    for (const s of ['Minutes', 'Deviation from the SOP', 'Issue or proposal', 'Observer', 'Start time', 'Verify facts and evidence']) expect(first).toContain(s);
  });

  it('observation sheets: a case of many steps keeps its lines for other observations on its one page', async () => {
    // document-replacement-2027's case 2 has eleven steps: with three lines to write on, "Other
    // observations" went alone to a second page (seven sheets for six cases).
    const long = await loadDryRunModel(loadProject(root), 'document-replacement-2027');
    const path = saveTo(tempDir(), 'sheets-long.pdf', await renderObservationSheets(long));
    expect(Number(pdfInfo(path).Pages)).toBe(long.cases.length);
    for (let p = 1; p <= long.cases.length; p++) {
      const text = pdfText(path, p, p, '-raw').replace(/\s+/g, ' ');
      expect(text, `page ${p}`).toContain(`Case ${p} of ${long.cases.length}:`);
      expect(text, `page ${p}`).toContain('Other observations');
    }
  });

  // In French, case 4 of birth-registration-2025 is too long for a page even with one line to write
  // on: "Autres observations" and its lines went alone to a fifth page, taken for another sheet.
  for (const lang of ['en', 'fr', 'ar']) {
    it(`observation sheets: "Other observations" is never on a page of its own, without its case's steps (${lang})`, async () => {
      const project = loadProject(root);
      for (const id of ['birth-registration-2025', 'document-replacement-2027']) {
        const base = await loadDryRunModel(project, id);
        const m = lang === 'en' ? base : dryRunIn(base, project, lang);
        const path = saveTo(tempDir(), `sheets-${id}-${lang}.pdf`, await renderObservationSheets(m));
        const pages = Number(pdfInfo(path).Pages);
        // Words by their letters, in whatever order right-to-left text is extracted.
        const keys = (text: string) => withoutBidiMarks(text).split(/[\s()·]+/).filter(Boolean).map((w) => [...w].sort().join(''));
        const has = (page: string[], label: string) => keys(label).every((k) => page.includes(k));
        let seen = 0;
        // Every page names its case, a case's second page too (it had only the table's header row).
        const caseTitles = m.cases.map((c, i) => t('dryrun.sheet.case', lang, { n: i + 1, m: m.cases.length, title: c.title }));
        for (let p = 1; p <= pages; p++) {
          const words = keys(pdfText(path, p, p, '-raw'));
          expect(caseTitles.some((title) => has(words, title)), `${id} page ${p} names its case`).toBe(true);
          if (!has(words, t('dryrun.sheet.other', lang))) continue;
          seen++;
          // The table's header row (and so at least one step under it) on the same page.
          expect(has(words, t('dryrun.sheet.action', lang)), `${id} page ${p}`).toBe(true);
        }
        expect(seen, id).toBe(m.cases.length);
      }
    });
  }

  it('report: valid PDF with the summary, figures by site and step, and every remark', async () => {
    const bytes = await renderDryRunReport(model);
    const path = saveTo(tempDir(), 'report.pdf', bytes);
    expect(qpdfCheck(path).ok).toBe(true);
    const text = pdfText(path, undefined, undefined, '-raw').replace(/\s+/g, ' ');
    expect(text).toContain('71 observations of 5 cases at 2 sites, 2025-01-20 to 2025-01-31. 86% of the steps observed were done completely; 13 of 54 timed steps took longer than their time limit.');
    expect(text).toContain('1,200 min (980–1,400); 6/6 over');
    expect(text).toContain('6.6: write the evidence rule for delayed registration');
    // The sheets' lines no row records (step 6.1 of the two late cases at both sites) are named, not left out silently.
    expect(text).toContain('Lines of the observation sheets with no row in the results: 6.1 in “Late case returned, then refused: already registered” ([Northern District] civil registration office); 6.1 in “Late case returned, then refused: already registered” ([Regional Referral Hospital] birth registration point); 6.1 in “Child of 9 registered for school” ([Northern District] civil registration office); 6.1 in “Child of 9 registered for school” ([Regional Referral Hospital] birth registration point).');
    expect(Buffer.from(await renderDryRunReport(model)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('report HTML: banner, tables with captions, the chart with a text alternative, proposals linked to sections', () => {
    const html = renderDryRunFragment(model, { sopHref: '/sops/birth-registration/' });
    expect(html).toContain('<div class="note" role="note"><p><strong>Model example, to replace.</strong>');
    expect(html).toContain('<caption class="sr-only">Step by step</caption>');
    expect(html).toMatch(/<p>Lines of the observation sheets with no row in the results: 6\.1 in “Late case returned, then refused: already registered” \(\[Northern District\] civil registration office\);[^<]*done skipped\.<\/p>/);
    expect(html).toMatch(/<svg class="chart" role="img" aria-labelledby="dr-chart-title dr-chart-desc"/);
    expect(html).toContain('<a href="/sops/birth-registration/#decide-a-delayed-registration">6.6 Decide a delayed registration</a>');
    // Tried on 1.0.0, shown with the current text's steps and limits: the page says so, as the PDF does.
    const now = model.sop.data.version;
    expect(html).toContain(`<tr><th scope="row">Steps and time limits</th><td>version ${now}, the SOP’s current text: its steps, section numbers and time limits, not version 1.0.0’s</td></tr>`);
    expect(renderDryRunFragment({ ...model, data: { ...model.data, version: now } } as DryRunModel)).not.toContain('Steps and time limits');
  });
});

describe('the dry run’s documents name cases, sites and the dry run, not their ids', () => {
  const ids = (text: string) => text.match(/\b(?:birth-registration-2025|on-time-facility|refugee-date-corrected|late-home-birth-approved|late-returned-then-refused|delayed-school-records|district-office|hospital-point)\b/g) ?? [];
  const footers = (text: string) => text.split('\n').filter((l) => /Page \d+ of \d+/.test(l)).map((l) => l.trim());

  it('report: footer names the dry run by its SOP’s code and version; remarks give the case’s title and the site’s name', async () => {
    const path = saveTo(tempDir(), 'report-names.pdf', await renderDryRunReport(model));
    const text = pdfText(path, undefined, undefined, '-raw');
    const lines = footers(text);
    expect(lines).toHaveLength(Number(pdfInfo(path).Pages));
    for (const line of lines) expect(line).toMatch(/^Dry run of SOP-CR-01 v1\.0\.0 · Page \d+ of \d+$/);
    expect(ids(text)).toEqual([]);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Refugee mother, wrong date corrected');
    expect(flat).toContain('[Northern District] civil registration office');
  });

  it('report HTML: remarks give the case’s title and the site’s name', () => {
    const html = renderDryRunFragment(model);
    expect(ids(html)).toEqual([]);
    // Under its column's name, which a phone shows before it when the row reads as a card.
    expect(html).toContain('<td data-label="Case · site: "><bdi>Refugee mother, wrong date corrected</bdi> · <bdi>[Northern District] civil registration office</bdi></td>');
  });

  it('a report in another language gives the cases’ titles in the workflow’s words for it', async () => {
    const ar = dryRunIn(model, loadProject(root), 'ar');
    expect(ar.cases.find((c) => c.id === 'refugee-date-corrected')?.title).toBe('أم لاجئة، وتصحيح تاريخ خاطئ');
    expect(ar.cases.map((c) => c.id)).toEqual(model.cases.map((c) => c.id));
    expect(ar.stats).toEqual(model.stats);
    const html = renderDryRunFragment(ar);
    expect(html).toContain('<bdi>أم لاجئة، وتصحيح تاريخ خاطئ</bdi> · <bdi>مكتب التسجيل المدني في [المنطقة الشمالية]</bdi>');
    const text = withoutBidiMarks(pdfText(saveTo(tempDir(), 'report-ar.pdf', await renderDryRunReport(ar)))).replace(/\s+/g, ' ');
    expect(text).toContain('التجربة التشغيلية للإجراء');
    expect(text).not.toContain('birth-registration-2025');
    expect(text).not.toContain('refugee-date-corrected');
  });

  it('observation sheets and test plan: the codes the results file needs are labelled as codes', async () => {
    const sheets = pdfText(saveTo(tempDir(), 'sheets-names.pdf', await renderObservationSheets(model)), undefined, undefined, '-raw');
    expect(sheets).toContain(`SOP-CR-01 v1.0.0 (steps as in v${model.sop.data.version}) · Code: refugee-date-corrected`);
    expect(sheets).toContain('[Northern District] civil registration office · Code: district-office');
    expect(sheets).not.toContain('(district-office)');
    expect(sheets).not.toContain('birth-registration-2025 ·');
    for (const line of footers(sheets)) expect(line).toMatch(/^Dry run of SOP-CR-01 v1\.0\.0 · Page \d+ of \d+$/);
    const plan = pdfText(saveTo(tempDir(), 'plan-names.pdf', await renderTestPlan(model)), undefined, undefined, '-raw');
    expect(plan).toContain('Code: on-time-facility · Amina');
    expect(plan).not.toContain('birth-registration-2025 ·');
    expect(plan).toMatch(/Site Kind of office Code/);
  });
});

describe('sopkit dryrun', () => {
  it('report: each bad results row is a line with file, row and column, exit 1', async () => {
    const r = io();
    const code = await main(['dryrun', 'report', 'birth-registration-2025', '--results', 'tests/fixtures/lifecycle/dryrun/bad-model-results.csv', '--out', tempDir(), '--root', root], r.io);
    expect(code).toBe(1);
    // `sopkit check` reads the record's own results, not a file given with --results: every error is listed here.
    const lines = r.err.join('\n').split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('sopkit dryrun: tests/fixtures/lifecycle/dryrun/bad-model-results.csv row 3, column D (done): done is "maybe"; write yes, partly, no or skipped');
    expect(lines[1]).toMatch(/^tests\/fixtures\/lifecycle\/dryrun\/bad-model-results\.csv row \d+, column [A-H] /);
    expect(r.err.join('\n')).not.toContain('sopkit check');
  });

  it('report: a file with errors lists its warnings too, after the errors, exit 1 and nothing written', async () => {
    const r = io();
    const out = tempDir();
    const file = 'tests/fixtures/lifecycle/dryrun/errors-and-warnings-results.csv';
    const code = await main(['dryrun', 'report', 'birth-registration-2025', '--results', file, '--out', out, '--root', root], r.io);
    expect(code).toBe(1);
    expect(readdirSync(out)).toEqual([]);
    const lines = r.err.join('\n').split('\n');
    // The error first (row 4), then every warning of the file (rows 1 and 3): fixed in one go,
    // not met as a second list once the errors are gone.
    expect(lines[0]).toMatch(new RegExp(`^sopkit dryrun: ${file} row 4, column D \\(done\\): `));
    const warnings = lines.slice(1);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(new RegExp(`^warning: ${file} row 1, column I \\(notes\\): not a column of the results`));
    expect(warnings[1]).toMatch(new RegExp(`^warning: ${file} row 3, column C \\(step\\): .*already has a row for it`));
  });

  it('report: a results file outside the project is named as given, not as a path climbing out of the project', async () => {
    const r = io();
    const elsewhere = join(tempDir(), 'district-results.csv');
    writeFileSync(elsewhere, 'case,site,step,done,minutes,deviation,issue,proposal\r\non-time-facility,district-office,6.1,yes,12 min,,,\r\n');
    const code = await main(['dryrun', 'report', 'birth-registration-2025', '--results', elsewhere, '--out', tempDir(), '--root', root], r.io);
    expect(code).toBe(1);
    expect(r.err).toEqual([`sopkit dryrun: ${elsewhere} row 2, column E (minutes): minutes is "12 min"; write the minutes the step took as a number (like 12 or 7.5), or leave it empty`]);
  });

  it('report: a minutes cell no step can take (a date typed in it) is one line with file, row and column, exit 1, nothing written', async () => {
    const r = io();
    const out = tempDir();
    const code = await main(['dryrun', 'report', 'birth-registration-2025', '--results', 'tests/fixtures/lifecycle/dryrun/implausible-model-results.csv', '--out', out, '--root', root], r.io);
    expect(code).toBe(1);
    expect(r.err).toEqual(['sopkit dryrun: tests/fixtures/lifecycle/dryrun/implausible-model-results.csv row 2, column E (minutes): 20250120 minutes is more than 100 working days of 480 minutes; check the cell and write the office minutes the step took']);
    expect(readdirSync(out)).toEqual([]);
  });

  it('report: a results file with a header and no rows is one line naming it, exit 1, nothing written', async () => {
    const r = io();
    const out = tempDir();
    const code = await main(['dryrun', 'report', 'birth-registration-2025', '--results', 'tests/fixtures/lifecycle/dryrun/header-only-results.csv', '--out', out, '--root', root], r.io);
    expect(code).toBe(1);
    expect(r.err).toEqual(['sopkit dryrun: tests/fixtures/lifecycle/dryrun/header-only-results.csv: no observations in it (it has a header and no rows); fill in done and minutes from the observation sheets, one row per step, then run the report again']);
    expect(readdirSync(out)).toEqual([]);
  });

  it('the build’s report of a record whose results have no rows says "No results yet", not figures of nothing', async () => {
    const empty = await loadDryRunModel(loadProject(root), 'birth-registration-2025', { results: 'tests/fixtures/lifecycle/dryrun/header-only-results.csv' });
    expect(empty.stats).toBeUndefined();
    const html = renderDryRunFragment(empty);
    expect(html).toContain('No results yet');
    expect(html).not.toContain('0 observations');
  });

  it("report: the sheets' other observations are listed under their site in the HTML and PDF, counted in the summary, not as steps", async () => {
    const results = join(tempDir(), 'with-other.csv');
    writeFileSync(results, ['case,site,step,done,minutes,deviation,issue,proposal', 'on-time-facility,district-office,6.1,yes,12,,,', 'on-time-facility,district-office,other,,,,The queue reached the street by 9 o\'clock,', ',hospital-point,,,,,Ward clerks did not know the form existed,Brief the ward clerks'].join('\r\n'));
    const r = io();
    const out = tempDir();
    expect(await main(['dryrun', 'report', 'birth-registration-2025', '--results', results, '--out', out, '--root', root], r.io)).toBe(0);
    expect(r.out).toContain('  [Northern District] civil registration office: 1 case, 1 step, 100% done completely, 0 of 1 timed steps over the limit; 1 other observation');
    expect(r.out).toContain('  [Regional Referral Hospital] birth registration point: no step observed; 1 other observation');
    expect(r.out.at(-1)).toBe('  0 deviations, 0 issues, 0 proposals, 2 other observations');
    const html = readFileSync(join(out, 'birth-registration-2025-dry-run-report.html'), 'utf8');
    const other = html.slice(html.indexOf('<h2>Other observations</h2>'));
    expect(other).toMatch(/^<h2>Other observations<\/h2>/);
    expect(other).toContain('<th scope="row"><bdi>[Northern District] civil registration office</bdi></th><td data-label="Remark: ">The queue reached the street by 9 o&#39;clock</td>');
    expect(other).toContain('Ward clerks did not know the form existed · Brief the ward clerks');
    const pdf = withoutBidiMarks(await pdfText(join(out, 'birth-registration-2025-dry-run-report.pdf')));
    expect(pdf).toContain('Other observations');
    expect(pdf).toContain('Ward clerks did not know the form existed');
    const json = await main(['dryrun', 'report', 'birth-registration-2025', '--results', results, '--out', tempDir(), '--json', '--root', root], (r.out.length = 0, r.io));
    expect(json).toBe(0);
    const figures = JSON.parse(r.out.join('')) as { n: number; otherObservations: { row: number; site: string }[] };
    expect([figures.n, figures.otherObservations.map((o) => [o.row, o.site])]).toEqual([1, [[3, 'district-office'], [4, 'hospital-point']]]);
  });

  it('report --json prints the figures; the files are written', async () => {
    const r = io();
    const out = tempDir();
    expect(await main(['dryrun', 'report', 'birth-registration-2025', '--out', out, '--json', '--root', root], r.io)).toBe(0);
    const json = JSON.parse(r.out.join('')) as { n: number; version: string; steps: { step: string }[] };
    expect(json.n).toBe(71);
    expect(json.version).toBe('1.0.0');
    expect(readFileSync(join(out, 'birth-registration-2025-dry-run-report.html'), 'utf8')).toContain('<h1>Dry-run report: Dry run of the birth registration SOP in two offices</h1>');
  });

  it('plan writes the results template with the byte order mark Excel needs, which the report reads back', async () => {
    const out = tempDir();
    expect(await main(['dryrun', 'plan', 'birth-registration-2025', '--out', out, '--root', root], io().io)).toBe(0);
    const template = join(out, 'birth-registration-2025-results-template.csv');
    expect(readFileSync(template, 'utf8')).toMatch(/^\uFEFFcase,site,step,done,/);
    // Filled in (one observation), the file with its mark is read like any other.
    writeFileSync(template, readFileSync(template, 'utf8').replace('on-time-facility,district-office,6.1,,', 'on-time-facility,district-office,6.1,yes,12'));
    const filled = await loadDryRunModel(loadProject(root), 'birth-registration-2025', { results: template });
    expect(filled.stats?.n).toBe(1);
  });

  it('report of a dry run that has not begun says its observations cannot be findings, as check does', async () => {
    // It wrote "3 observations ... 100% of the steps observed were done completely" for a dry run
    // planned for January 2027 and said nothing.
    const file = join(tempDir(), 'early.csv');
    writeFileSync(file, 'case,site,step,done,minutes,deviation,issue,proposal\nlost-wallet,city-office,6.1,yes,20,,,\nlost-wallet,city-office,6.2,yes,20,,,\n');
    const saved = process.env.SOPKIT_TODAY;
    try {
      process.env.SOPKIT_TODAY = '2026-12-07';
      const r = io();
      expect(await main(['dryrun', 'report', 'document-replacement-2027', '--results', file, '--out', tempDir(), '--root', root], r.io)).toBe(0);
      expect(r.err).toContain("warning: the dry run starts on 2027-01-18, after today (2026-12-07), yet this report presents 2 observations as its findings: test rows, another dry run's file or a wrong year in content/dryruns/document-replacement-2027.yaml's dates; do not circulate it as a dry run's findings");
      process.env.SOPKIT_TODAY = '2027-02-15';
      const after = io();
      expect(await main(['dryrun', 'report', 'document-replacement-2027', '--results', file, '--out', tempDir(), '--root', root], after.io)).toBe(0);
      expect(after.err.join('\n')).not.toContain('after today');
    } finally {
      if (saved === undefined) delete process.env.SOPKIT_TODAY;
      else process.env.SOPKIT_TODAY = saved;
    }
  });

  it('an unknown dry run names the known ones', async () => {
    const r = io();
    expect(await main(['dryrun', 'plan', 'nope', '--root', root], r.io)).toBe(1);
    expect(r.err).toEqual(['sopkit dryrun: no dry run "nope" in content/dryruns/; known: birth-registration-2025, document-replacement-2027']);
  });

  it('a mistyped id is named first, before the check: not hidden behind errors elsewhere in the pack', async () => {
    const project = tempDir();
    cpSync(join(root, 'tests/fixtures/check/base'), project, { recursive: true });
    writeFileSync(join(project, 'content/glossary.yaml'), 'terms: [unclosed\n');
    const r = io();
    expect(await main(['dryrun', 'report', 'nope', '--out', tempDir(), '--root', project], r.io)).toBe(1);
    expect(r.err).toEqual(['sopkit dryrun: no dry run "nope" in content/dryruns/; known: none']);
  });
});
