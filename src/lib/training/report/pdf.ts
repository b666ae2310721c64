import { colon, t } from '../../../i18n/index.ts';
import { parameterSet } from '../../params/load.ts';
import { fmt } from '../../assessment/format.ts';
import type { FormId } from '../../assessment/types.ts';
import type { Project, SopDoc } from '../../content/project.ts';
import { parseYamlWithPositions } from '../../content/frontmatter.ts';
import type { Block, Cell } from '../../handbook/blocks.ts';
import { layoutContext, placedHeadings, renderParts, type Part } from '../../handbook/document.ts';
import { toBlocks, toInlines } from '../../handbook/from-mdast.ts';
import { contentsBlocks, coverBlock } from '../../handbook/front-matter.ts';
import { run, type Inline } from '../../handbook/inline.ts';
import { layoutBlocks, type LayoutContext } from '../../handbook/layout.ts';
import { paginate } from '../../handbook/paginate.ts';
import type { PrintContext } from '../../handbook/print-context.ts';
import { stampPage, type StampInfo } from '../../handbook/stamps.ts';
import type { Paper } from '../../handbook/theme.ts';
import { reportPageUrl, type TrainingReport } from './model.ts';
import { reportNotesTree } from './notes.ts';
import { evaluationBlocks } from './pdf-evaluation.ts';
import { questionNumber } from '../evaluation/stats.ts';
import { attendanceDay, courseRows, dateRange, day, filesLine, flagWords, formWords, keyFigures, missingLine, noResultsLine, num, pct, quizHeading, quizShortName, sexWords, testLead, unmatchedLine } from './words.ts';

const cell = (text: string, style: Inline['style'] = 'regular'): Cell => ({ inlines: [run(text, style)] });
const para = (text: string, style: Inline['style'] = 'regular'): Block[] => (text ? [{ kind: 'paragraph', inlines: [run(text, style)] }] : []);
const note = (text: string): Block => ({ kind: 'box', tone: 'note', children: [{ kind: 'paragraph', inlines: [run(text)] }] });
const h1 = (text: string, anchor: string, pageBreakBefore = false): Block => ({ kind: 'heading', level: 1, inlines: [run(text)], anchor: `report:${anchor}`, toc: true, pageBreakBefore });
const h2 = (text: string, anchor: string): Block => ({ kind: 'heading', level: 2, inlines: [run(text)], anchor: `report:${anchor}`, toc: true });
const pairs = (rows: [string, string][], widths = [1.6, 4]): Block => ({ kind: 'table', header: [], rows: rows.map(([k, v]) => [cell(k, 'bold'), cell(v)]), widths });
const counts = (title: string, label: string, list: { key: string; count: number }[], lang: string, words = (k: string) => k): Block => ({
  kind: 'table',
  caption: [run(title, 'bold')],
  header: [[cell(label), cell(t('trainingReport.count', lang))]],
  rows: list.map((c) => [cell(words(c.key)), cell(num(c.count, lang))]),
  widths: [4, 1],
  align: ['left', 'right'],
  size: 8.5,
});

function attendanceBlocks(r: TrainingReport): Block[] {
  const lang = r.course.language;
  const a = r.attendance;
  if (!a) return [note(missingLine('attendance', lang))];
  return [
    pairs([
      [t('trainingReport.listed', lang), num(a.participants, lang)],
      [t('trainingReport.attendedOne', lang), num(a.attended, lang)],
      [t('trainingReport.attendedAll', lang), num(a.allDays, lang)],
      [t('trainingReport.overallRate', lang), pct(a.rate, lang)],
    ], [2.4, 3.2]),
    {
      kind: 'table',
      caption: [run(t('trainingReport.perDay', lang), 'bold')],
      header: [[cell(t('trainingReport.day', lang)), cell(t('trainingReport.date', lang)), cell(t('trainingReport.present', lang)), cell(t('trainingReport.rate', lang))]],
      rows: a.days.map((d, i) => {
        const { name, date } = attendanceDay(d, i, r.delivered.dates, lang);
        return [cell(name), cell(date), cell(num(d.present, lang)), cell(pct(d.rate, lang))];
      }),
      align: ['left', 'left', 'right', 'right'],
      size: 8.5,
    },
    counts(t('trainingReport.byOrganisation', lang), t('trainingReport.organisation', lang), a.byOrganisation, lang),
    ...(a.bySex ? [counts(t('trainingReport.bySex', lang), t('trainingReport.sex', lang), a.bySex, lang, (k) => sexWords(k, lang))] : []),
    ...(a.byRole ? [counts(t('trainingReport.byRole', lang), t('trainingReport.role', lang), a.byRole, lang)] : []),
    ...para(filesLine(r, 'attendance'), 'italic'),
  ];
}

function testsBlocks(r: TrainingReport): Block[] {
  const lang = r.course.language;
  if (!r.tests.length) return [note(missingLine('tests', lang))];
  const out: Block[] = [];
  for (const q of r.tests) {
    out.push(h2(quizHeading(q, lang), `test:${q.quiz}`), ...para(testLead(q, lang)));
    const un = unmatchedLine(q, lang);
    if (un) out.push(note(un));
    if (q.report.prepost) {
      out.push({
        kind: 'table',
        caption: [run(t('trainingReport.objectives', lang), 'bold')],
        header: [[cell(t('trainingReport.objective', lang)), cell(t('trainingReport.module', lang)), cell(t('trainingReport.pre', lang)), cell(t('trainingReport.post', lang))]],
        rows: q.objectives.map((o) => [{ inlines: [run(`${o.id}${colon(lang)} `, 'bold'), run(o.text)] }, cell(o.modules.join(t('trainingReport.listSeparator', lang))), cell(pct(o.pre, lang)), cell(pct(o.post, lang))]),
        widths: [5, 0.8, 0.8, 0.8],
        align: ['left', 'left', 'right', 'right'],
        size: 8.5,
      });
    }
  }
  out.push(...para(noResultsLine(r)), ...para(filesLine(r, 'tests'), 'italic'));
  return out;
}

function reviewBlocks(r: TrainingReport): Block[] {
  const lang = r.course.language;
  if (!r.tests.length) return [note(missingLine('tests', lang))];
  const flagged = r.tests.flatMap((q) => q.review.map((i) => ({ q, i })));
  if (!flagged.length) return para(missingLine('review', lang));
  return [
    ...para(t('trainingReport.reviewLead', lang)),
    { kind: 'list', ordered: false, items: flagged.map(({ q, i }) => [{ kind: 'paragraph', inlines: [run(i.id, 'bold'), run(` (${t('trainingReport.formOf', lang, { quiz: quizShortName(q, lang), form: formWords(i.form, lang).toLowerCase() })})${colon(lang)} ${i.flags.map((f) => flagWords(f, lang)).join(t('trainingReport.listSeparator', lang))}`)] }]) },
  ];
}

/** The trainer's Markdown through the handbook engine: headings below the section's, no raw HTML. */
function notesBlocks(r: TrainingReport): Block[] {
  const lang = r.course.language;
  if (!r.notes) return [note(missingLine('notes', lang))];
  const tree = reportNotesTree(r.notes.markdown, 3);
  const page = reportPageUrl(r);
  const doc: SopDoc = { id: 'notes', file: r.notes.file, absPath: r.notes.file, source: r.notes.markdown, data: undefined, yaml: parseYamlWithPositions(''), tree, sections: [], paragraphs: [], uses: [] };
  const project = { root: '.', site: undefined, sops: [], modules: [], courses: [], glossary: [], roles: [], parameters: parameterSet([]), yaml: {}, locales: [], translations: {}, diagnostics: [] } satisfies Project;
  const ctx: PrintContext = {
    project,
    sop: doc,
    edition: 'participant',
    lang,
    siteUrl: r.course.siteUrl,
    pageUrl: page,
    sectionLink: (sop, anchor) => ({ uri: page(`/sops/${sop}/${anchor ? `#${anchor}` : ''}`) }),
    formLink: (sop, form) => ({ uri: page(`/sops/${sop}/#form-${form.toLowerCase()}`) }),
    termLink: (term) => ({ uri: page(`/glossary/#${term}`) }),
    terms: new Set(),
    workflows: new Map(),
    nextFigure: () => 0,
    blocks: (children) => toBlocks(children, ctx),
    inlines: (children, style) => toInlines(children, ctx, style),
  };
  return toBlocks(tree.children, ctx);
}

function timetableBlocks(r: TrainingReport): Block[] {
  const lang = r.course.language;
  return r.timetable.map((lines, i) => ({
    kind: 'table',
    caption: [run(`${t('course.day', lang, { n: num(i + 1, lang) })}${r.delivered.dates[i] ? ` (${day(r.delivered.dates[i]!, lang)})` : ''}`, 'bold')],
    header: [[cell(t('course.time', lang)), cell(t('course.session', lang)), cell(t('course.method', lang)), cell(t('course.module', lang)), cell(t('course.trainer', lang))]],
    rows: lines.map((l) => [cell(l.time), cell(l.what, l.kind === 'session' ? 'bold' : 'regular'), cell(l.method), cell(l.module), cell(l.trainer)]),
    widths: [1.1, 3, 1.1, 0.8, 1.3],
    size: 8.5,
  }));
}

function itemBlocks(r: TrainingReport): Block[] {
  const lang = r.course.language;
  if (!r.tests.length) return para(missingLine('items', lang));
  return r.tests.flatMap((q) =>
    (['pre', 'post'] as FormId[]).flatMap((form): Block[] => {
      const s = q.report.forms[form];
      if (!s) return [];
      return [
        {
          kind: 'table',
          caption: [run(t('trainingReport.itemsCaption', lang, { form: t('trainingReport.formOf', lang, { quiz: quizShortName(q, lang), form: formWords(form, lang) }), n: num(s.n, lang), alpha: fmt(s.alpha, 2, lang) }), 'bold')],
          header: [[cell(t('trainingReport.item', lang)), cell(t('trainingReport.facility', lang)), cell(t('trainingReport.discrimination', lang)), cell(t('trainingReport.efficiency', lang)), cell(t('trainingReport.flags', lang))]],
          rows: s.items.map((i) => [cell(i.id, 'bold'), cell(fmt(i.facility, 2, lang)), cell(fmt(i.discrimination, 2, lang)), cell(fmt(i.discriminativeEfficiency, 2, lang)), cell(i.flags.map((f) => flagWords(f, lang)).join(t('trainingReport.listSeparator', lang)))]),
          widths: [1, 0.8, 1, 1, 2.6],
          align: ['left', 'right', 'right', 'right', 'left'],
          size: 8.5,
        },
      ];
    }),
  );
}

function evaluationSection(r: TrainingReport, width: number): Block[] {
  const lang = r.course.language;
  if (!r.evaluation.length) return [note(missingLine('evaluation', lang))];
  return r.evaluation.flatMap((e) => {
    return [...(r.evaluation.length > 1 ? [h2(e.title, `evaluation:${e.form}`)] : []), ...evaluationBlocks(e, (id) => questionNumber(e, id), lang, width, r.evaluation.length > 1 ? 3 : 2)];
  }).concat(para(filesLine(r, 'evaluation'), 'italic'));
}

/** Options of the PDF report. */
export interface PdfOptions {
  paper?: Paper;
}

const pages = (blocks: readonly Block[], ctx: LayoutContext) => paginate(layoutBlocks(blocks, ctx), { portrait: ctx.height, landscape: ctx.landscape.height });

/**
 * The training report as a PDF through the handbook engine: a cover, the contents, then the
 * summary, the course, attendance, pre/post results per module and objective, items to review,
 * the session evaluation (diverging bars, statistics, comments), the trainer's observations and
 * the annexes (timetable, item analysis), with bookmarks and running heads. A section whose file
 * was not given says so in one line. Deterministic: the report's date is the document's date.
 * @param r The report (`buildTrainingReport`).
 */
export async function renderTrainingReportPdf(r: TrainingReport, options: PdfOptions = {}): Promise<Uint8Array> {
  const lang = r.course.language;
  const paper = options.paper ?? 'a4';
  const ctx = layoutContext(paper, lang);
  const title = t('trainingReport.title', lang);
  const body: Block[] = [
    h1(t('trainingReport.summary', lang), 'summary'),
    { kind: 'table', header: [], rows: keyFigures(r).map(([v, l]) => [cell(v, 'bold'), cell(l)]), widths: [1.2, 4] },
    ...(r.warnings.length ? [{ kind: 'box', tone: 'warning', title: [run(t('trainingReport.toCheck', lang))], children: [{ kind: 'list', ordered: false, items: r.warnings.map((w) => [{ kind: 'paragraph', inlines: [run(w)] }]) }] } as Block] : []),
    h1(t('trainingReport.course', lang), 'course'),
    pairs(courseRows(r)),
    ...para(t('trainingReport.timetableLead', lang)),
    h1(t('trainingReport.attendance', lang), 'attendance'),
    ...attendanceBlocks(r),
    h1(t('trainingReport.tests', lang), 'tests'),
    ...testsBlocks(r),
    h1(t('trainingReport.review', lang), 'review'),
    ...reviewBlocks(r),
    h1(t('trainingReport.evaluation', lang), 'evaluation', true),
    ...evaluationSection(r, ctx.width),
    h1(t('trainingReport.notes', lang), 'notes', true),
    ...notesBlocks(r),
    h1(t('trainingReport.annexTimetable', lang), 'annex-timetable', true),
    ...timetableBlocks(r),
    h1(t('trainingReport.annexItems', lang), 'annex-items', true),
    ...itemBlocks(r),
    { kind: 'paragraph', inlines: [run(t('trainingReport.method', lang), 'italic')], size: 8, spaceBefore: 12 },
  ];
  const stamp: StampInfo = { code: '', title: t('trainingReport.titleOf', lang, { course: r.course.title }), lang };
  const bodyPart: Part = { pages: pages(body, ctx), numbering: 'decimal', stamp: (w, info) => stampPage(w, info, stamp) };
  const d = r.delivered;
  const rows: [string, string][] = [
    [t('trainingReport.dates', lang), dateRange(d.dates, lang) || '–'],
    [t('trainingReport.venue', lang), d.venue],
    [t('trainingReport.trainers', lang), d.trainers.join(t('trainingReport.listSeparator', lang))],
    [t('trainingReport.reportDate', lang), day(r.date, lang)],
  ];
  const cover = coverBlock({ organisation: r.course.organisation, code: title.toUpperCase(), title: r.course.title, ...(r.course.summary ? { summary: r.course.summary } : {}), rows, lang, edition: 'trainer', url: reportPageUrl(r)(`/courses/${r.course.id}/`) }, ctx.height);
  const coverPart: Part = { pages: pages([cover], ctx), numbering: 'roman', stamp: (w, info) => stampPage(w, info, { ...stamp, bare: true }) };
  const toc = contentsBlocks(placedHeadings([bodyPart]), (page) => String(page + 1), lang, ctx.width);
  const tocPart: Part = { pages: pages(toc, ctx), numbering: 'roman', stamp: (w, info) => stampPage(w, info, stamp) };
  return renderParts([coverPart, tocPart, bodyPart], paper, { title: stamp.title, author: r.course.organisation, subject: t('trainingReport.title', lang), language: lang, date: r.date, keywords: [r.course.id, 'training report'] }, ctx);
}
