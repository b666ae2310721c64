// The training report page island: reads the dropped files on this device (the scoring page's
// file list: same-named files kept apart, the same file read once), guesses what each is, runs
// the model of `sopkit report` and shows the report, with its HTML, JSON and CSV files to
// download. It makes no network request.
import { itemsCsv, scoresCsv } from '../../lib/assessment/export-csv.ts';
import type { CourseInfo } from '../../lib/training/report/course-info.ts';
import { asKind, readDroppedFile, type DroppedFile } from '../../lib/training/report/dropped.ts';
import type { FileKind } from '../../lib/training/report/guess.ts';
import { trainingReportFragment, trainingReportHtml } from '../../lib/training/report/html.ts';
import { AmbiguousDateError, type DateOrder } from '../../lib/training/report/attendance.ts';
import { buildTrainingReport, type InputFile, type ReportInputs } from '../../lib/training/report/model.ts';
import { evaluationStatsCsv } from '../../lib/training/report/stats-csv.ts';
import { newFiles, notTableLine, notTextLine, watchFiles, type ChosenFile } from '../assessment/file-list.ts';
import { registerOffline } from '../assessment/offline.ts';
import { download, fill } from '../assessment/store.ts';
import { pluralString } from '../../i18n/plural-form.ts';

interface Config {
  info: CourseInfo;
  strings: Record<string, string>;
  base: string;
}

/** A dropped file, its text and what it is taken to be (`readDroppedFile`). */
type Chosen = ChosenFile & DroppedFile;

const KINDS: FileKind[] = ['pre', 'post', 'responses', 'evaluation', 'attendance', 'notes'];
const FLAGS: Record<FileKind, string> = { pre: '--pre', post: '--post', responses: '--pre', evaluation: '--evaluation', attendance: '--attendance', notes: '--notes' };

const root = document.querySelector<HTMLElement>('[data-report-page]');
const configText = document.getElementById('report-config')?.textContent;
if (root && configText) start(root, JSON.parse(configText) as Config);

function start(root: HTMLElement, { info, strings: s, base }: Config): void {
  const $ = <T extends Element>(sel: string) => root.querySelector<T>(sel)!;
  const list = $<HTMLUListElement>('[data-list]');
  const status = $<HTMLElement>('[data-status]');
  const out = $<HTMLElement>('[data-out]');
  const chosen: Chosen[] = [];
  let results: [string, string, string][] = [];
  // Asked only when the attendance sheet's slash dates read both ways (02/03/2026), for that sheet.
  const orderBox = $<HTMLFieldSetElement>('[data-date-order]');
  const orderRadios = [...orderBox.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
  let orderFor: Chosen | undefined;
  const dateWords = new Intl.DateTimeFormat(info.language === 'en' ? 'en-GB' : info.language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const askOrder = (sheet: Chosen | undefined, error?: AmbiguousDateError) => {
    if (sheet !== orderFor) for (const r of orderRadios) r.checked = false;
    orderFor = sheet;
    orderBox.hidden = !sheet;
    if (!error) return;
    for (const order of ['dmy', 'mdy'] as const) {
      const words = orderBox.querySelector<HTMLElement>(`[data-order-words="${order}"]`)!;
      words.textContent = fill(s[`reportPage.dateOrder.${order}`] ?? '', { cell: error.cell, date: dateWords.format(new Date(`${error.readings[order]}T00:00:00Z`)) });
    }
  };
  const chosenOrder = (): DateOrder | undefined => orderRadios.find((r) => r.checked)?.value as DateOrder | undefined;

  const say = (text: string, error = false) => {
    status.textContent = text;
    status.toggleAttribute('data-error', error);
  };

  function render(): void {
    list.replaceChildren(
      ...chosen.map((c, i) => {
        const li = document.createElement('li');
        const name = Object.assign(document.createElement('span'), { className: 'name', textContent: c.label });
        const select = document.createElement('select');
        select.setAttribute('aria-label', fill(s['reportPage.kindOf'] ?? '', { file: c.label }));
        select.dataset.kind = c.label;
        for (const kind of KINDS) select.append(new Option(s[`reportPage.kind.${kind}`] ?? kind, kind, false, c.kind === kind));
        // A workbook is read again from the sheet of the kind chosen, as `sopkit report` reads it given as that kind.
        select.addEventListener('change', () => (chosen[i] = asKind(chosen[i]!, select.value as FileKind)));
        const remove = Object.assign(document.createElement('button'), { type: 'button', textContent: '×' });
        remove.setAttribute('aria-label', fill(s['scoring.remove'] ?? '', { file: c.label }));
        remove.addEventListener('click', () => {
          chosen.splice(i, 1);
          render();
          $<HTMLInputElement>('[data-files]').focus();
        });
        li.append(name, select, remove);
        return li;
      }),
    );
  }

  async function add(files: File[]): Promise<void> {
    const { added, again } = await newFiles(chosen, files);
    for (const c of added) chosen.push({ ...c, ...(await readDroppedFile(new Uint8Array(await c.file.arrayBuffer()), c.file.name, c.label, info)) });
    render();
    say(again.length ? fill(s['scoring.again'] ?? '', { file: again.join(s['list.separator'] ?? ', ') }) : '');
  }

  /** The one file of a kind the report takes once (attendance, notes), or an error naming them all. */
  function single(kind: FileKind): InputFile | undefined {
    const files = chosen.filter((c) => c.kind === kind);
    if (files.length > 1) throw new Error(fill(s['reportPage.one'] ?? '', { kind: s[`reportPage.kind.${kind}`] ?? kind, files: files.map((f) => f.label).join(s['list.separator'] ?? ', ') }));
    return files[0] && { name: files[0].label, text: files[0].text };
  }

  async function run(): Promise<void> {
    await files.settled();
    if (!chosen.length) return say(s['reportPage.noFiles'] ?? '', true);
    try {
      // A file that is not text is named as what it is: notes as a Word document or a PDF, any other as not a CSV file.
      const binary = chosen.find((c) => c.binary);
      if (binary?.binary) throw new Error(binary.kind === 'notes' ? notTextLine(binary.binary, binary.label, s, 'reportPage.notesNotText', 'scoring.kind.docx') : notTableLine(binary.binary, binary.problem, binary.label, s));
      const unread = chosen.find((c) => c.error)?.error;
      if (unread) throw new Error(unread);
      const attendance = single('attendance');
      const notes = single('notes');
      const inputs: ReportInputs = {
        tests: chosen.filter((c) => c.kind === 'pre' || c.kind === 'post' || c.kind === 'responses').map((c) => ({ name: c.label, text: c.text, ...(c.kind === 'responses' ? {} : { form: c.kind as 'pre' | 'post' }) })),
        evaluations: chosen.filter((c) => c.kind === 'evaluation').map((c) => ({ name: c.label, text: c.text })),
        ...(attendance ? { attendance } : {}),
        ...(notes ? { notes } : {}),
      };
      const date = $<HTMLInputElement>('[data-date]').value || new Date().toISOString().slice(0, 10);
      // Another sheet than the one asked about: asked afresh, if its dates need it.
      const sheet = chosen.find((c) => c.kind === 'attendance');
      if (sheet !== orderFor) askOrder(undefined);
      const dateOrder = orderFor ? chosenOrder() : undefined;
      let report;
      try {
        report = buildTrainingReport(info, inputs, date, dateOrder ? { dateOrder } : {});
      } catch (error) {
        if (!(error instanceof AmbiguousDateError)) throw error;
        // The command line's way out (--date-order) is no use here: the page asks.
        askOrder(sheet, error);
        out.hidden = true;
        say(fill(s['reportPage.error'] ?? '', { message: fill(s['reportPage.dateOrder.ambiguous'] ?? '', { reason: error.reason }) }), true);
        orderRadios[0]!.focus();
        return;
      }
      results = [
        ['report.html', trainingReportHtml(report), 'text/html;charset=utf-8'],
        ['report.json', `${JSON.stringify(report, null, 2)}\n`, 'application/json'],
        ...report.tests.flatMap((r): [string, string, string][] => [
          [`${r.quiz}-scores.csv`, scoresCsv(r.report, new Map(Object.entries(r.names))), 'text/csv;charset=utf-8'],
          [`${r.quiz}-items.csv`, itemsCsv(r.report, info.quizzes.find((q) => q.id === r.quiz)!), 'text/csv;charset=utf-8'],
        ]),
        ...report.evaluation.map((e): [string, string, string] => [`${e.form}-evaluation.csv`, evaluationStatsCsv(e), 'text/csv;charset=utf-8']),
      ];
      $<HTMLElement>('[data-downloads]').replaceChildren(
        ...results.map(([name]) => {
          const button = Object.assign(document.createElement('button'), { type: 'button', textContent: name });
          button.dataset.get = name;
          button.addEventListener('click', () => {
            const found = results.find(([n]) => n === name);
            if (found) download(found[0], found[1], found[2]);
          });
          return button;
        }),
      );
      const flags = chosen.map((c) => ` ${FLAGS[c.kind]} ${/\s/.test(c.file.name) ? `"${c.file.name}"` : c.file.name}`).join('') + (dateOrder ? ` --date-order ${dateOrder}` : '');
      $<HTMLElement>('[data-command]').textContent = fill(s['reportPage.command'] ?? '', { course: info.id, files: flags });
      $<HTMLElement>('[data-report]').innerHTML = trainingReportFragment(report, { level: 2 });
      out.hidden = false;
      say(fill(pluralString(s, 'reportPage.done', chosen.length, info.language), { n: chosen.length }));
    } catch (error) {
      out.hidden = true;
      say(fill(s['reportPage.error'] ?? '', { message: error instanceof Error ? error.message : String(error) }), true);
    }
  }

  const files = watchFiles($<HTMLInputElement>('[data-files]'), $<HTMLElement>('[data-drop]'), add);
  $<HTMLFormElement>('[data-report-form]').addEventListener('submit', (e) => {
    e.preventDefault();
    void run();
  });
  registerOffline(base, `courses/${info.id}/report/`);
}

