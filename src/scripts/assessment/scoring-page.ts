// The scoring page island: reads the chosen CSV files on this device and runs the same core as
// `sopkit score` (parse, score, item analysis, pre/post), then shows the report and offers the
// same files for download. It makes no network request.
import { lookAlikeList, lookAlikes } from '../../lib/assessment/look-alike.ts';
import { nameConflictList, nameConflicts, namedRows, type NamedRow } from '../../lib/assessment/names.ts';
import { itemsCsv, namesOf, scoresCsv } from '../../lib/assessment/export-csv.ts';
import { renderReportFragment, renderReportHtml, type ReportOptions } from '../../lib/assessment/report-html.ts';
import { buildReport } from '../../lib/assessment/report.ts';
import { readCsv } from '../../lib/assessment/csv.ts';
import { combineResponses, parseResponses } from '../../lib/assessment/responses.ts';
import { responsesColumnTest } from '../../lib/assessment/columns.ts';
import type { FormId } from '../../lib/assessment/types.ts';
import type { Quiz } from '../../schemas/quiz.ts';
import { isUserError } from '../../lib/errors.ts';
import { formatDecimal } from '../../lib/assessment/score-line.ts';
import { formFromName } from '../../lib/training/report/guess.ts';
import { quizOfHeader } from '../../lib/training/report/tests.ts';
import { newFiles, notTableLine, watchFiles, type ChosenFile, tableOf } from './file-list.ts';
import { registerOffline } from './offline.ts';
import { download, fill } from './store.ts';

interface Config {
  /** The quizzes in the page's language, each on the source's key. */
  quizzes: Quiz[];
  strings: Record<string, string>;
  /** The report's words, number locale, lang and dir; empty on the source page (English report). */
  report: Pick<ReportOptions, 'words' | 'locale' | 'lang' | 'dir'>;
  /** Language and direction of each quiz whose words are not the page's language (untranslated). */
  content: Record<string, { lang: string; dir: 'ltr' | 'rtl' }>;
  base: string;
  /** Number locale of the page (`numberLocale`). */
  locale: string;
  /** What the page keeps for offline use, relative to the base (`scoring/`, `fr/scoring/`). */
  scope: string;
}

/**
 * An error line in the page's language: a file-level mistake the page has words for, named by its
 * code, else the core's own line (English).
 */
function errorLine(error: unknown, file: string, s: Record<string, string>): string {
  if (!(error instanceof Error)) return String(error);
  const template = isUserError(error) ? s[`scoring.err.${error.code}`] : undefined;
  return template && error.message.startsWith(`${file}: `) ? fill(template, { file }) : error.message;
}

/**
 * A chosen file (labelled `name (2)` for a second file of the same name), the form it holds ('' =
 * read its form column) and its table, read once when it is added (finding the quiz and scoring
 * both use it).
 */
interface Chosen extends ChosenFile {
  form: FormId | '';
  table: ReturnType<typeof tableOf>;
}

const root = document.querySelector<HTMLElement>('[data-scoring]');
const configText = document.getElementById('scoring-config')?.textContent;
if (root && configText) start(root, JSON.parse(configText) as Config);

function start(root: HTMLElement, config: Config): void {
  const s = config.strings;
  const $ = <T extends Element>(sel: string) => root.querySelector<T>(sel)!;
  const list = $<HTMLUListElement>('[data-list]');
  const status = $<HTMLElement>('[data-status]');
  const out = $<HTMLElement>('[data-out]');
  const chosen: Chosen[] = [];
  let results: Record<string, [string, string]> = {};

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
        select.setAttribute('aria-label', fill(s['scoring.formOf'] ?? '', { file: c.label }));
        for (const [value, label] of [['', s['scoring.formColumn']], ['pre', s['assess.pre']], ['post', s['assess.post']]] as const) {
          select.append(new Option(label ?? value, value, false, c.form === value));
        }
        select.addEventListener('change', () => (c.form = select.value as Chosen['form']));
        const remove = Object.assign(document.createElement('button'), { type: 'button', textContent: '×' });
        remove.setAttribute('aria-label', fill(s['scoring.remove'] ?? '', { file: c.label }));
        remove.addEventListener('click', () => {
          chosen.splice(i, 1);
          render();
          ($<HTMLInputElement>('[data-files]')).focus();
        });
        li.append(name, select, remove);
        return li;
      }),
    );
  }

  /**
   * The quiz the listed files answer, chosen in the list when it is not the one chosen: their
   * item columns are one quiz's items (`quizOfHeader`, as the training report finds a file's
   * quiz). Files that fit no quiz, several, or different ones change nothing: scoring says why.
   */
  async function quizOfFiles(files: readonly Chosen[]): Promise<{ quiz: Quiz; file: string } | undefined> {
    const fits = new Map<string, { quiz: Quiz; file: string }>();
    for (const c of files) {
      const { text } = await c.table;
      if (!text) continue;
      try {
        const quiz = quizOfHeader(readCsv(text, c.label).header, config.quizzes, c.label);
        if (!fits.has(quiz.id)) fits.set(quiz.id, { quiz, file: c.label });
      } catch {
        // Not a responses file of any one quiz: scoring names the problem.
      }
    }
    const select = $<HTMLSelectElement>('[data-quiz]');
    const [fit] = fits.values();
    if (fits.size !== 1 || !fit || fit.quiz.id === select.value) return undefined;
    select.value = fit.quiz.id;
    return fit;
  }

  // A workbook's sheet of answers to one of the page's quizzes, not a sheet of instructions before
  // it (read before the quiz is known: the files may choose it).
  const answers = responsesColumnTest(config.quizzes);

  /** Adds files to the list; the very same file given twice is said and read once. */
  async function add(files: File[]): Promise<void> {
    const { added, again } = await newFiles(chosen, files);
    chosen.push(...added.map((c) => ({ ...c, form: formFromName(c.file.name) ?? ('' as const), table: tableOf(c.file, answers, c.label) })));
    render();
    const picked = added.length ? await quizOfFiles(chosen) : undefined;
    say(
      [
        again.length ? fill(s['scoring.again'] ?? '', { file: again.join(s['list.separator'] ?? ', ') }) : '',
        picked ? fill(s['scoring.quizFromFiles'] ?? '', { quiz: picked.quiz.title, file: picked.file }) : '',
      ]
        .filter(Boolean)
        .join(' '),
    );
  }

  async function run(): Promise<void> {
    await files.settled();
    const quiz = config.quizzes.find((q) => q.id === $<HTMLSelectElement>('[data-quiz]').value);
    if (!quiz) return;
    if (!chosen.length) return say(s['scoring.noFiles'] ?? '', true);
    try {
      const sets = await Promise.all(
        chosen.map(async (c) => {
          // A workbook's first sheet is read as its CSV would be; a PDF, a photo or another ZIP
          // is named as what it is, not read as cells.
          const { text, binary, problem, error: unread } = await c.table;
          if (binary) throw new Error(notTableLine(binary, problem, c.label, s));
          if (unread) throw new Error(unread);
          try {
            return parseResponses(text, c.label, quiz, c.form ? { form: c.form } : {});
          } catch (error) {
            throw new Error(errorLine(error, c.label, s), { cause: error });
          }
        }),
      );
      const responses = combineResponses(sets);
      const report = buildReport(quiz, responses);
      const names = namesOf(responses);
      const content = config.content[quiz.id];
      const words = { ...config.report, ...(content ? { content } : {}) };
      const date = new Date().toISOString().slice(0, 10);
      results = {
        'scores.csv': [scoresCsv(report, names, quiz.passMark), 'text/csv;charset=utf-8'],
        'items.csv': [itemsCsv(report, quiz), 'text/csv;charset=utf-8'],
        'report.html': [renderReportHtml(report, quiz, { names, date, ...words }), 'text/html;charset=utf-8'],
        'scores.json': [`${JSON.stringify(report, null, 2)}\n`, 'application/json'],
      };
      $<HTMLElement>('[data-report]').innerHTML = renderReportFragment(report, quiz, { names, date, level: 2, ...words });
      out.hidden = false;
      const summary = (['pre', 'post'] as const).flatMap((f) => (report.forms[f] ? [`${s[`assess.${f}`]} ${formatDecimal(report.forms[f]?.n ?? 0, config.locale)}`] : [])).join(s['list.separator'] ?? ', ');
      // Warnings (a file with both `t2` and `t2/a` columns, say) are shown, never dropped.
      const warnings = sets.flatMap((set) => set.warnings);
      // Participants only in one test whose ids differ only in how they were written (P01, p1): surely the same people.
      const un = report.prepost?.unmatched;
      const alike = un ? lookAlikes(un.pre, un.post) : [];
      if (alike.length) warnings.push(fill(s['scoring.lookAlike'] ?? '', { pairs: lookAlikeList(alike, s['list.separator']) }));
      // One id with two people's names (a sheet numbered with another's id): paired by id, one person's score is credited to another.
      const conflicts = nameConflicts(namedRows(responses));
      const show = (n: NamedRow) => fill(s['scoring.nameAt'] ?? '', { name: n.name, file: n.file, row: formatDecimal(n.row ?? 0, config.locale) });
      if (conflicts.length) warnings.push(fill(s['scoring.names'] ?? '', { ids: nameConflictList(conflicts, show, s['list.separator']) }));
      say([fill(s['scoring.done'] ?? '', { summary }), ...warnings].join(' '));
    } catch (error) {
      out.hidden = true;
      say(fill(s['scoring.error'] ?? '', { message: error instanceof Error ? error.message : String(error) }), true);
    }
  }

  const files = watchFiles($<HTMLInputElement>('[data-files]'), $<HTMLElement>('[data-drop]'), add);
  $<HTMLFormElement>('[data-scoring-form]').addEventListener('submit', (e) => {
    e.preventDefault();
    void run();
  });
  root.querySelectorAll<HTMLButtonElement>('[data-get]').forEach((b) =>
    b.addEventListener('click', () => {
      const [text, type] = results[b.dataset.get ?? ''] ?? [];
      if (text && type) download(b.dataset.get ?? 'file', text, type);
    }),
  );
  registerOffline(config.base, config.scope);
}
