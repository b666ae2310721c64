import { fmt, fmtP, percentShown } from '../assessment/format.ts';
import { reportWordsIn } from '../assessment/report-words-in.ts';
import { fillWords } from '../assessment/report-words.ts';
import { colon, t } from '../../i18n/index.ts';
import { percentSign } from '../../i18n/numbers.ts';
import type { Quiz } from '../../schemas/quiz.ts';
import type { FormId, FormStats, ScoreReport } from '../assessment/types.ts';
import type { Block, Cell } from './blocks.ts';
import { layoutContext, renderParts } from './document.ts';
import { run, type Inline } from './inline.ts';
import { layoutBlocks } from './layout.ts';
import { paginate } from './paginate.ts';
import { quizStamp } from './quiz/stamp.ts';
import { itemScatter, prePostCharts, reportPercent } from './report-charts.ts';
import type { Paper } from './theme.ts';

/** Options of the training report; defaults suit `sopkit score --out`. */
export interface ReportOptions {
  paper?: Paper;
  lang?: string;
  organisation?: string;
  /** Date of the report (YYYY-MM-DD) for the document metadata; none by default, so output is reproducible. */
  date?: string;
  /** The quiz's code for the running footer (`quizCode`: its module's or SOP's); its title when absent. */
  code?: string;
}

const cell = (text: string, style: Inline['style'] = 'regular'): Cell => ({ inlines: [run(text, style)] });

/**
 * The report's numbers in the digits and decimal sign of its language (`0,53`, `p < 0,001` in
 * French), as the course's training report prints them; `7,9 من 16` in Arabic, where a slash
 * between two numbers reads in either order. A French report printed `0.53` and `7.9 / 16`.
 */
function numbers(lang: string) {
  const num = (v: number | null | undefined, digits = 2) => fmt(v, digits, lang);
  return {
    num,
    int: (v: number | null | undefined) => num(v, 0),
    // As report.html writes a score: one decimal (11.2, where the PDF printed 11.17 beside it).
    score: (v: number) => num(v, Number.isInteger(v) ? 0 : 1),
    pct: (v: number | null | undefined) => (v === null || v === undefined ? '–' : reportPercent(num(Math.round(v * 100), 0), lang)),
    /** A score's percent, with the decimals that decide a pass (`fmtPercent`). */
    percent: (v: number, passMark: number) => {
      const { value, digits } = percentShown(v, passMark);
      return num(value, digits);
    },
    outOf: (n: string, m: string) => t('trainingReport.outOf', lang, { n, m }),
    p: (v: number | null) => fmtP(v, lang),
  };
}

function summary(report: ScoreReport, quiz: Quiz, lang: string): Block {
  const forms = (['pre', 'post'] as FormId[]).filter((f) => report.forms[f]);
  const col = (f: FormId) => report.forms[f]!;
  const row = (label: string, value: (s: FormStats) => string): Cell[] => [cell(label, 'bold'), ...forms.map((f) => cell(value(col(f))))];
  const { num, int, outOf } = numbers(lang);
  return {
    kind: 'table',
    header: [[cell(''), ...forms.map((f) => cell(t(f === 'pre' ? 'booklet.pre' : 'booklet.post', lang)))]],
    rows: [
      row(t('report.n', lang), (s) => int(s.n)),
      row(t('report.mean', lang), (s) => outOf(num(s.mean, 1), num(s.maxScore, Number.isInteger(s.maxScore) ? 0 : 2))),
      row(t('report.median', lang), (s) => num(s.median, 1)),
      row(t('report.sd', lang), (s) => num(s.sd)),
      row(t('report.alpha', lang), (s) => num(s.alpha)),
      row(t('report.sem', lang), (s) => num(s.sem)),
      row(t('report.passed', lang), (s) => outOf(int(s.participants.filter((p) => p.passed).length), int(s.n))),
    ],
    widths: [2.2, ...forms.map(() => 1)],
    caption: [run(t('report.passMark', lang, { n: quiz.passMark }))],
  };
}

function gain(report: ScoreReport, lang: string): Block[] {
  const p = report.prepost;
  if (!p) return [];
  const w = reportWordsIn(lang);
  const ids = (list: readonly string[]) => list.join(t('list.separator', lang));
  const unmatched = [...(p.unmatched.pre.length ? [fillWords(w.preOnly, { ids: ids(p.unmatched.pre) })] : []), ...(p.unmatched.post.length ? [fillWords(w.postOnly, { ids: ids(p.unmatched.post) })] : [])];
  const { num, int, p: fmtP } = numbers(lang);
  const difference = p.scale === 'marks' || p.meanDifference === null ? num(p.meanDifference) : reportPercent(num(p.meanDifference), lang);
  const V = p.wilcoxon.V;
  const rows: [string, string][] = [
    [t('report.matched', lang), int(p.matched)],
    [t('report.unmatched', lang), unmatched.join(t('trainingReport.listSeparatorLong', lang)) || '–'],
    [t('report.classGain', lang), num(p.classGain)],
    [t('report.meanGain', lang), num(p.meanIndividualGain)],
    [t('report.meanDifference', lang), difference],
    [t('report.ttest', lang), `t = ${num(p.t)}, df = ${int(p.df)}, ${fmtP(p.p)}`],
    [t('report.wilcoxon', lang), `V = ${V === null || V === undefined ? '–' : num(V, Number.isInteger(V) ? 0 : 1)}, ${fmtP(p.wilcoxon.p)} (${w.wilcoxon[p.wilcoxon.method]})`],
    [t('report.dz', lang), num(p.dz)],
  ];
  return [
    { kind: 'heading', level: 1, inlines: [run(t('report.prepost', lang))], anchor: 'report:prepost', toc: true },
    { kind: 'table', header: [], rows: rows.map(([k, v]) => [cell(k, 'bold'), cell(v)]), widths: [2, 3] },
  ];
}

function objectives(report: ScoreReport, quiz: Quiz, lang: string): Block[] {
  const p = report.prepost;
  if (!p?.objectives.length) return [];
  const text = new Map(quiz.objectives.map((o) => [o.id, o.text]));
  const { pct } = numbers(lang);
  return [
    { kind: 'heading', level: 1, inlines: [run(t('report.objectives', lang))], anchor: 'report:objectives', toc: true },
    { kind: 'table', header: [[cell(t('booklet.key.objective', lang)), cell(t('booklet.pre', lang)), cell(t('booklet.post', lang))]], rows: p.objectives.map((o) => [{ inlines: [run(`${o.id}${colon(lang)} `, 'bold'), run(text.get(o.id) ?? '')] }, cell(pct(o.pre)), cell(pct(o.post))]), widths: [5, 0.8, 0.8], align: ['left', 'right', 'right'] },
  ];
}

function items(report: ScoreReport, lang: string): Block[] {
  const form = report.forms.post ? 'post' : 'pre';
  const stats = report.forms[form];
  if (!stats) return [];
  const words = reportWordsIn(lang);
  const { flags } = words;
  const { num } = numbers(lang);
  return [
    { kind: 'heading', level: 1, inlines: [run(`${t('report.items', lang)} (${t(form === 'pre' ? 'booklet.pre' : 'booklet.post', lang)})`)], anchor: 'report:items', toc: true, pageBreakBefore: true },
    { kind: 'paragraph', inlines: [run(t('report.flagsLead', lang), 'italic')] },
    {
      kind: 'table',
      header: [[cell(t('report.item', lang)), cell(t('report.facility', lang)), cell(t('report.discrimination', lang)), cell(t('report.efficiency', lang)), cell(t('report.flags', lang))]],
      // Flags in words, as the HTML report says them (`scoring.report.flags`), not their ids.
      rows: stats.items.map((i) => [cell(i.id, 'bold'), cell(num(i.facility)), cell(num(i.discrimination)), cell(num(i.discriminativeEfficiency)), cell(i.flags.map((f) => flags[f]).join(t('list.separator', lang)))]),
      widths: [1, 0.8, 1, 1, 2.6],
      align: ['left', 'right', 'right', 'right', 'left'],
      size: 8.5,
    },
    { kind: 'paragraph', inlines: [run(t('report.chart.items', lang), 'bold')], keepWithNext: true },
    itemScatter(stats.items.filter((i) => i.facility !== null && i.discrimination !== null).map((i) => ({ id: i.id, facility: i.facility!, discrimination: i.discrimination! })), t('list.separator', lang), words.charts, lang),
  ];
}

function participants(report: ScoreReport, quiz: Quiz, lang: string): Block[] {
  const p = report.prepost;
  const words = reportWordsIn(lang);
  const { num, score, percent: shown } = numbers(lang);
  const blocks: Block[] = [{ kind: 'heading', level: 1, inlines: [run(t('report.participants', lang))], anchor: 'report:participants', toc: true, pageBreakBefore: true }];
  if (p) {
    const percent = (form: FormId, id: string) => report.forms[form]?.participants.find((x) => x.id === id)?.percent ?? 0;
    blocks.push({ kind: 'paragraph', inlines: [run(t('report.chart.prepost', lang), 'bold')], keepWithNext: true });
    blocks.push(...prePostCharts(p.participants.map((x) => ({ id: x.id, pre: percent('pre', x.id), post: percent('post', x.id) })), quiz.passMark, words.charts, lang));
    blocks.push({ kind: 'table', header: [[cell(t('report.participant', lang)), cell(t('booklet.pre', lang)), cell(t('booklet.post', lang)), cell(t('report.gain', lang))]], rows: p.participants.map((x) => [cell(x.id), cell(`${score(x.pre)} (${percentSign(shown(percent('pre', x.id), quiz.passMark), lang)})`), cell(`${score(x.post)} (${percentSign(shown(percent('post', x.id), quiz.passMark), lang)})`), cell(num(x.gain))]), align: ['left', 'right', 'right', 'right'] });
    return blocks;
  }
  for (const form of ['pre', 'post'] as FormId[]) {
    const s = report.forms[form];
    if (s) blocks.push({ kind: 'table', header: [[cell(t('report.participant', lang)), cell(t('report.score', lang)), cell('%'), cell(t('report.passed', lang))]], rows: s.participants.map((x) => [cell(x.id), cell(score(x.score)), cell(shown(x.percent, quiz.passMark)), cell(x.passed ? words.passed : words.notPassed)]), align: ['left', 'right', 'right', 'left'] });
  }
  return blocks;
}

/**
 * The training report PDF for `sopkit score --out`: summary per form, learning gain with its tests,
 * mastery of objectives, item analysis with flags and a facility/discrimination chart, and each
 * participant's pre and post scores.
 * @param report The score report (ARCHITECTURE.md, Formats: score output).
 * @param quiz The quiz it scores.
 */
export async function renderTrainingReport(report: ScoreReport, quiz: Quiz, options: ReportOptions = {}): Promise<Uint8Array> {
  const lang = options.lang ?? 'en';
  const paper = options.paper ?? 'a4';
  const ctx = layoutContext(paper, lang);
  const blocks: Block[] = [
    ...(options.organisation ? [{ kind: 'paragraph', inlines: [run(options.organisation.toUpperCase(), 'bold')], size: 9 } as Block] : []),
    { kind: 'heading', level: 1, inlines: [run(`${t('report.title', lang)}${colon(lang)} ${quiz.title}`)], anchor: 'report:summary', toc: true },
    summary(report, quiz, lang),
    ...gain(report, lang),
    ...objectives(report, quiz, lang),
    ...items(report, lang),
    ...participants(report, quiz, lang),
  ];
  const pages = paginate(layoutBlocks(blocks, ctx), { portrait: ctx.height, landscape: ctx.landscape.height });
  const stamp = quizStamp(quiz, t('report.title', lang), lang, [options.code || quiz.title, t('report.title', lang)]);
  return renderParts([{ pages, numbering: 'decimal', stamp }], paper, { title: `${t('report.title', lang)}${colon(lang)} ${quiz.title}`, author: options.organisation ?? '', subject: quiz.title, language: lang, date: options.date }, ctx);
}
